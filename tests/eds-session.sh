#!/usr/bin/env bash
# eds-session.sh [--no-eds] COMMAND… — runs COMMAND on a private D-Bus session bus
# whose Evolution Data Server (the source registry and the calendar and
# address-book factories, started by D-Bus activation) keeps its calendars
# in a temporary home, never the user's.
#
# HOME and the XDG folders are set before the bus starts, so the services
# the bus starts inherit them. The tests refuse to run unless HOME is the
# one named in BT_EDS_TEST_HOME and holds the marker this script writes.
#
# With --no-eds the bus starts no service at all, as on a desktop without
# Evolution Data Server: what the app says then is tested too.
set -euo pipefail

no_eds=
if [ "${1:-}" = "--no-eds" ]; then
  no_eds=1
  shift
fi

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
unset BREAKTHROUGH_NO_EDS
# No accessibility bus or portals to look for on this bus.
export NO_AT_BRIDGE=1 GIO_USE_VFS=local
unset DBUS_SESSION_BUS_ADDRESS

config=()
if [ -n "$no_eds" ]; then
  # A session bus as the standard one, with the accessibility bus as its
  # only service (GTK warns without it, fatally in the tests).
  mkdir "$tmp/services"
  for s in /usr/share/dbus-1/services/org.a11y.*.service; do
    [ -e "$s" ] && ln -s "$s" "$tmp/services/"
  done
  cat > "$tmp/session.conf" <<'CONF'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>SERVICES</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
  sed -i "s|SERVICES|$tmp/services|" "$tmp/session.conf"
  config=(--config-file="$tmp/session.conf")
  export BT_EDS_EXPECT=none
fi

# Not exec: the trap removes the folder once the bus and its services are gone.
dbus-run-session "${config[@]}" -- "$@"
