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
# Do not start the packages' own services inside containers without an init.
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
