#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 needs exactly 3.10).
# pyenv installs it outside PATH on these machines, so look there first.
set -euo pipefail
candidates=()
if command -v pyenv >/dev/null 2>&1; then
  candidates+=("$(pyenv root)"/versions/3.10.*/bin/python)
fi
candidates+=("${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*/bin/python)
for name in python3.10 python3 python; do
  command -v "$name" >/dev/null 2>&1 && candidates+=("$(command -v "$name")")
done
for py in "${candidates[@]}"; do
  [ -x "$py" ] || continue
  if "$py" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; then
    echo "$py"
    exit 0
  fi
done
echo "No Python 3.10 found. Install it (e.g. 'pyenv install 3.10') and try again." >&2
exit 1
