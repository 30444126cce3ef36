#!/usr/bin/env bash
# Installs what is missing: Debian packages from scripts/debian-packages.txt and the pinned Python
# environment in .venv. Safe to run again: it does nothing when everything is already there.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

log() { printf '[setup] %s\n' "$*"; }

install_debian_packages() {
  local wanted missing=()
  mapfile -t wanted < <(grep -Ev '^\s*(#|$)' scripts/debian-packages.txt)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "Debian packages: all ${#wanted[@]} present"
    return
  fi
  log "Debian packages to install: ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

install_python_env() {
  local venv="$root/.venv" stamp="$root/.venv/.rov-requirements"
  local want
  want=$(cat resources/python/requirements.txt resources/python/requirements.lock | sha256sum | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$venv/bin/ray" ]]; then
    log "Python environment: up to date ($venv)"
    return
  fi
  log "Python environment: creating $venv (Python 3.11, Ray from requirements.txt)"
  [[ -x "$venv/bin/python" ]] || /usr/bin/python3.11 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r resources/python/requirements.txt -c resources/python/requirements.lock
  "$venv/bin/ray" --version
  echo "$want" >"$stamp"
}

install_debian_packages
install_python_env
