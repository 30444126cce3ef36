#!/bin/sh
# Runs a command on a D-Bus session bus of its own whose Secret Service is a real gnome-keyring,
# unlocked, with its keyrings in a temporary directory that is removed afterwards.
set -eu
command -v dbus-run-session >/dev/null || { echo "dbus-run-session is missing (Debian: dbus-daemon)" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "gnome-keyring-daemon is missing (Debian: gnome-keyring)" >&2; exit 1; }
home=$(mktemp -d /tmp/rov-keyring-XXXXXX)
export XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# The keyring daemon leaves when the bus that dbus-run-session started goes away.
status=0
dbus-run-session -- sh -c '
  printf rov-test | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@" || status=$?
rm -rf "$home"
exit $status
