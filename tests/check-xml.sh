#!/usr/bin/env bash
# Every GtkBuilder .ui file and every SVG icon in the source tree is
# well-formed XML (xmllint), and .ui files declare the GTK 4 they need.
# TAP output. Usage: check-xml.sh SOURCE_ROOT
set -uo pipefail
cd "$1" || exit 1

mapfile -t files < <(find src resources data -name '*.ui' -o -name '*.svg' | sort)
if [ ${#files[@]} -lt 8 ]; then
  echo "1..1"
  echo "not ok 1 - found only ${#files[@]} .ui and .svg files: is this the source root?"
  exit 1
fi

echo "1..${#files[@]}"
n=0 failed=0
for f in "${files[@]}"; do
  n=$((n + 1))
  if ! out=$(xmllint --noout "$f" 2>&1); then
    echo "not ok $n - $f is not well-formed XML"
    printf '%s\n' "$out" | sed 's/^/# /'
    failed=1
  elif [[ $f == *.ui ]] && ! grep -q '<requires lib="gtk" version="4\.[0-8]"/>' "$f"; then
    echo "not ok $n - $f: expected <requires lib=\"gtk\" version=\"4.0\"/> (up to 4.8)"
    failed=1
  else
    echo "ok $n - $f"
  fi
done
exit $failed
