#!/usr/bin/env bash
# eds-session.sh COMMAND… — runs COMMAND on a private D-Bus session bus
# whose Evolution Data Server (the source registry and the calendar and
# address-book factories, started by D-Bus activation) keeps its calendars
# in a temporary home, never the user's.
#
# HOME and the XDG folders are set before the bus starts, so the services
# the bus starts inherit them. The tests refuse to run unless HOME is the
# one named in BT_EDS_TEST_HOME and holds the marker this script writes.
set -euo pipefail

command -v dbus-run-session >/dev/null || { echo "eds-session.sh: dbus-run-session is missing" >&2; exit 77; }
[ -e /usr/share/dbus-1/services/org.gnome.evolution.dataserver.Sources5.service ] ||
  { echo "eds-session.sh: evolution-data-server is not installed" >&2; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bt-eds.XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

export HOME="$tmp/home"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
export XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
echo "made by tests/eds-session.sh" > "$HOME/.bt-eds-test"
export BT_EDS_TEST_HOME="$HOME"
# No accessibility bus or portals to look for on this bus.
export NO_AT_BRIDGE=1 GIO_USE_VFS=local
unset DBUS_SESSION_BUS_ADDRESS

# Not exec: the trap removes the folder once the bus and its services are gone.
dbus-run-session -- "$@"
