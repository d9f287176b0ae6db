#!/usr/bin/env bash
# Create .venv and install yuyin with the given extras (default: server,fast), then pull the baker voice.
# Usage: scripts/setup.sh [EXTRAS]   e.g. scripts/setup.sh test,server
set -euo pipefail
cd "$(dirname "$0")/.."
extras=${1:-server,fast}
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# torch first, pinned: on these machines a CPU build of 2.13.0 is on disk and pip takes it from
# there; with it installed, yuyin's torch requirement adds nothing.
.venv/bin/python -m pip install -q --disable-pip-version-check "torch==2.13.0"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[${extras}]"
.venv/bin/yuyin voices pull baker
