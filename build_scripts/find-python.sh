#!/bin/sh
# Prints the path of a Python 3.12 or newer (pyodide-build needs it), or explains what to install.
set -u
ok() { "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for candidate in "${PYTHON:-}" python3.14 python3.13 python3.12 python3; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if ok "$path"; then echo "$path"; exit 0; fi
done
# pyenv keeps versions that its shims do not expose unless selected; look there too.
root=${PYENV_ROOT:-$HOME/.pyenv}
for path in $(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -r -V); do
  if ok "$path"; then echo "$path"; exit 0; fi
done
echo "error: Fair Leverage needs Python 3.12 or newer (pyodide-build requires it), with the venv module." >&2
echo "       Install one (Debian: apt-get install python3.12-venv; or pyenv install 3.12) or set PYTHON=/path/to/python3.12." >&2
exit 1
