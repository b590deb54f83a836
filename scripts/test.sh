#!/usr/bin/env bash
# Set up everything the tests need (venv, Debian's chromium for the browser tests), then run them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: chromium could not be installed; browser tests will skip"
  fi
fi
exec .venv/bin/python -m pytest -q -rs "$@"
