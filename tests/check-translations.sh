#!/usr/bin/env bash
# Every language in po/LINGUAS translates every string the sources have
# today: nothing untranslated, nothing fuzzy, formats that match (msgfmt
# --check). TAP output. Usage: check-translations.sh SOURCE_ROOT
set -uo pipefail
cd "$1" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The template as meson's i18n module (preset glib) makes it.
if ! xgettext --files-from=po/POTFILES.in --directory=. --output="$tmp/breakthrough.pot" \
    --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format 2>"$tmp/err"; then
  echo "1..1"
  echo "not ok 1 - xgettext failed"
  sed 's/^/# /' "$tmp/err"
  exit 1
fi

mapfile -t langs < <(grep -v '^[[:space:]]*\(#\|$\)' po/LINGUAS)
echo "1..${#langs[@]}"
n=0 failed=0
for lang in "${langs[@]}"; do
  n=$((n + 1))
  if [ ! -f "po/$lang.po" ]; then
    echo "not ok $n - $lang: po/$lang.po is missing"
    failed=1
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/breakthrough.pot"
  if ! stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1); then
    echo "not ok $n - $lang: msgfmt --check fails"
    printf '%s\n' "$stats" | sed 's/^/# /'
    failed=1
  elif [[ $stats == *untranslated* || $stats == *fuzzy* ]]; then
    echo "not ok $n - $lang is incomplete: $stats (run ninja -C _build breakthrough-update-po)"
    failed=1
  else
    echo "ok $n - $lang: $stats"
  fi
done
exit $failed
