#!/usr/bin/env bash
# `meson install` into a DESTDIR puts every part of the app where a GNOME
# desktop looks for it. TAP output. Usage: check-install.sh BUILD_DIR PREFIX EDS
# (EDS: yes when built with Evolution Data Server)
set -uo pipefail
build=$1 prefix=$2 eds=$3
app=io.github.breakthrough.Planner

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

if ! out=$(meson install -C "$build" --destdir "$dest" --no-rebuild 2>&1); then
  echo "1..1"
  echo "not ok 1 - meson install failed"
  printf '%s\n' "$out" | sed 's/^/# /'
  exit 1
fi
root=$dest$prefix

n=0 failed=0
check() {  # description, command...
  local what=$1; shift
  n=$((n + 1))
  if "$@" >/dev/null 2>&1; then
    echo "ok $n - $what"
  else
    echo "not ok $n - $what"
    failed=1
  fi
}

if [ "$eds" = yes ]; then echo "1..19"; else echo "1..17"; fi
check "the binary is installed and runs" "$root/bin/breakthrough" --version
check "the desktop file" test -f "$root/share/applications/$app.desktop"
check "the desktop file validates" desktop-file-validate "$root/share/applications/$app.desktop"
check "the desktop file carries the German name and comment" \
  grep -q '^Comment\[de\]=' "$root/share/applications/$app.desktop"
check "the desktop file carries the French comment" \
  grep -q '^Comment\[fr\]=' "$root/share/applications/$app.desktop"
check "the metainfo" test -f "$root/share/metainfo/$app.metainfo.xml"
check "the metainfo validates" appstreamcli validate --no-net "$root/share/metainfo/$app.metainfo.xml"
check "the metainfo carries the German summary" \
  grep -q '<summary xml:lang="de">' "$root/share/metainfo/$app.metainfo.xml"
check "the scalable icon" test -f "$root/share/icons/hicolor/scalable/apps/$app.svg"
check "the symbolic icon" test -f "$root/share/icons/hicolor/symbolic/apps/$app-symbolic.svg"
check "the settings schema, compiling strictly" \
  glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas"
check "the schema file" test -f "$root/share/glib-2.0/schemas/$app.gschema.xml"
check "the German translation" test -s "$root/share/locale/de/LC_MESSAGES/breakthrough.mo"
check "the French translation" test -s "$root/share/locale/fr/LC_MESSAGES/breakthrough.mo"
check "the man page" test -s "$root/share/man/man1/breakthrough.1"
check "the D-Bus service starts the installed binary" \
  grep -qxF "Exec=$prefix/bin/breakthrough --gapplication-service" "$root/share/dbus-1/services/$app.service"
check "the plan schema and sample" test -s "$root/share/breakthrough/plan.schema.json" -a -s "$root/share/breakthrough/sample-plan.json"

# The module that reaches Evolution Data Server: where the binary looks for
# it, and loadable by the installed binary (which then says that the tests
# keep EDS off, not that the module is missing).
if [ "$eds" = yes ]; then
  module=$(find "$root" -name libbt-eds.so -print -quit)
  check "the EDS module, where the binary looks for it" \
    grep -aqF "${module#"$dest"}" "$root/bin/breakthrough"
  plan=$dest/plan.json
  cp "$(dirname "$0")/../data/sample-plan.json" "$plan"
  check "the installed binary loads the EDS module" \
    bash -c 'BREAKTHROUGH_NO_EDS=1 BREAKTHROUGH_EDS_MODULE="$1" "$2" "$3" --import-calendars --dry-run 2>&1 |
             grep -q "BREAKTHROUGH_NO_EDS is set"' _ "$module" "$root/bin/breakthrough" "$plan"
fi

exit $failed
