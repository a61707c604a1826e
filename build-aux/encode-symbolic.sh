#!/bin/sh
# encode-symbolic.sh IN.svg SIZE OUT.symbolic.png — GTK's pre-rendered form
# of a symbolic icon (colours kept recolourable), so that showing it needs
# no SVG renderer at run time.
set -eu
in=$1 size=$2 out=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gtk4-encode-symbolic-svg -o "$tmp" "$in" "${size}x${size}"
mv "$tmp"/*.symbolic.png "$out"
