#!/usr/bin/env bash
# Install what the scale-out tests and `make scale` need, from Debian's own
# packages, only when missing: PostgreSQL (Debian's version: 15 on bookworm),
# Redis and nginx. Runs `apt-get update` once, and only if something is missing.
# The packages' own services are not used (the tests and `make scale` start
# their own on 127.0.0.1 with throwaway data folders), so they are not enabled.
set -euo pipefail

have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; }
have_redis() { command -v redis-server >/dev/null; }
have_nginx() { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }

missing=()
have_postgres || missing+=(postgresql)
have_redis || missing+=(redis-server)
have_nginx || missing+=(nginx-light)
if [ ${#missing[@]} -eq 0 ]; then
  echo "PostgreSQL, Redis and nginx are installed."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
  command -v sudo >/dev/null || { echo "Missing: ${missing[*]}. Run this script as root (apt-get)." >&2; exit 1; }
else
  SUDO=
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# One `apt-get update` per run of CI: skipped when the package lists are fresh
# (e.g. `make browser` has just updated them).
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 2>/dev/null | head -1)" ]; then
  $SUDO apt-get update -qq
fi
# Keep the packages from starting their own services (port 80, 5432, 6379) where
# invoke-rc.d would (containers without systemd): policy-rc.d says "not now".
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  trap '$SUDO rm -f "$policy"' EXIT
fi
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
