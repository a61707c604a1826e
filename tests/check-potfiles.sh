#!/usr/bin/env bash
# po/POTFILES.in lists every file with a translatable string, and only
# files that exist and have one. TAP output. Usage: check-potfiles.sh SOURCE_ROOT
set -uo pipefail
cd "$1" || exit 1

# Files with a translatable string: gettext calls in C, translatable
# properties in .ui, and the data files that are translated as a whole.
has_strings() {
  case "$1" in
    *.c|*.h) grep -Eq '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext|g_dpgettext2?)[[:space:]]*\(' "$1" ;;
    *.ui) grep -q 'translatable="yes"' "$1" ;;
    *.desktop.in|*.metainfo.xml.in) true ;;
    *.gschema.xml) grep -Eq '<(summary|description)>' "$1" ;;
    *) false ;;
  esac
}

mapfile -t listed < <(grep -v '^[[:space:]]*\(#\|$\)' po/POTFILES.in)
mapfile -t candidates < <(find src resources data \
  \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) | sort)

if [ ${#listed[@]} -lt 10 ] || [ ${#candidates[@]} -lt 20 ]; then
  echo "1..1"
  echo "not ok 1 - po/POTFILES.in lists ${#listed[@]} files and the tree has ${#candidates[@]} candidates: is this the source root?"
  exit 1
fi

echo "1..3"
failed=0

# Membership without a pipe: with pipefail, `printf | grep -q` fails at
# random when grep exits before printf has written everything (SIGPIPE).
declare -A is_listed=()
for f in "${listed[@]}"; do
  is_listed["$f"]=1
done

missing=()
for f in "${candidates[@]}"; do
  if has_strings "$f" && [ -z "${is_listed[$f]:-}" ]; then
    missing+=("$f")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "ok 1 - every file with a translatable string is in po/POTFILES.in"
else
  echo "not ok 1 - files with translatable strings missing from po/POTFILES.in: ${missing[*]}"
  failed=1
fi

gone=()
for f in "${listed[@]}"; do
  [ -f "$f" ] || gone+=("$f")
done
if [ ${#gone[@]} -eq 0 ]; then
  echo "ok 2 - every file in po/POTFILES.in exists"
else
  echo "not ok 2 - po/POTFILES.in lists files that are gone: ${gone[*]}"
  failed=1
fi

stale=()
for f in "${listed[@]}"; do
  [ -f "$f" ] && ! has_strings "$f" && stale+=("$f")
done
if [ ${#stale[@]} -eq 0 ]; then
  echo "ok 3 - every file in po/POTFILES.in has a translatable string"
else
  echo "not ok 3 - po/POTFILES.in lists files without translatable strings: ${stale[*]}"
  failed=1
fi

exit $failed
