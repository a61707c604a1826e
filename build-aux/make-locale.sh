#!/usr/bin/env bash
# Compile a glibc locale into a folder, for tests that run under it with
# LOCPATH, so they need neither root nor locale-gen.
# Usage: make-locale.sh de_DE UTF-8 OUT_DIR   (needs Debian's `locales`)
set -eu
rm -rf "$3"
# Exit status 1 means "written, with warnings".
localedef -c -i "$1" -f "$2" "$3" || [ -f "$3/LC_CTYPE" ]
