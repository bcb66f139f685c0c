#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI fuzzer the intake fuzz test runs) into a
# project-local virtual environment, once: .cache/schemathesis-venv. A fresh
# machine (CI) installs it here from PyPI; later runs find the marker and return.
# Prints the path of the `st` executable.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.32.5
VENV=.cache/schemathesis-venv
MARKER="$VENV/.complete-$VERSION"
if [ ! -f "$MARKER" ]; then
  echo "installing schemathesis $VERSION into $VENV" >&2
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
  touch "$MARKER"
fi
echo "$PWD/$VENV/bin/st"
