#!/usr/bin/env bash
# Install the mfbridge Python package for Debian's /usr/bin/python3, on a fresh machine:
# the apt packages (scripts/setup.sh's list), a build of the module with the project's
# CMake, then mfbridge/ (the _core module, __init__.py, dask.py) copied into the site
# folder that /usr/bin/python3 reads (/usr/local/lib/python3.X/dist-packages).
# Idempotent: run it again and the same files are replaced, nothing else changes.
#
#   scripts/install-python.sh [--prefix DIR] [--build DIR] [--python PATH] [--no-packages]
#
#   --prefix DIR     install into DIR instead (DIR/mfbridge; put DIR on PYTHONPATH)
#   --build DIR      build folder to configure or reuse (default: build-python)
#   --python PATH    interpreter to build for (default: /usr/bin/python3, whatever python3
#                    comes first on PATH: pyenv's or a venv's cannot import Debian's pandas)
#   --no-packages    skip apt (the packages are already there)
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=""
BUILD_DIR="build-python"
PYTHON="/usr/bin/python3"
PACKAGES=1
while (($#)); do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --build) BUILD_DIR="$2"; shift 2 ;;
    --python) PYTHON="$2"; shift 2 ;;
    --no-packages) PACKAGES=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "install-python: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done

if ((PACKAGES)); then MFB_SETUP_PACKAGES_ONLY=1 scripts/setup.sh; fi
if [ ! -x "$PYTHON" ]; then echo "install-python: no interpreter at $PYTHON" >&2; exit 1; fi

# Reuse a configured build folder as it is (its other options stay); else configure one
# that builds only the libraries and the module.
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMFB_BUILD_TESTS=OFF \
    -DMFB_BUILD_BENCHMARKS=OFF -DMFB_BUILD_SAMPLES=OFF -DMFB_BUILD_CLI=OFF \
    -DMFB_PYTHON_EXECUTABLE="$PYTHON" >/dev/null
fi
BUILT_FOR="$(cat "$BUILD_DIR/python/interpreter.txt" 2>/dev/null || true)"
if [ "$BUILT_FOR" != "$PYTHON" ]; then
  echo "install-python: $BUILD_DIR builds the module for '${BUILT_FOR:-nothing}', not $PYTHON" \
       "(pybind11-dev and python3-dev missing, or another --python)" >&2
  exit 1
fi
cmake --build "$BUILD_DIR" --target mfb_python_core -j"${MFB_JOBS:-2}"

if [ -z "$PREFIX" ]; then
  PREFIX="$("$PYTHON" -c 'import site; print(site.getsitepackages()[0])')"
fi
DEST="$PREFIX/mfbridge"
SUDO=""
if [ -e "$PREFIX" ] && [ ! -w "$PREFIX" ] && [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO mkdir -p "$DEST"
# Replace the package as a whole, so a file dropped from the package does not linger.
$SUDO find "$DEST" -mindepth 1 -maxdepth 1 \( -name '*.py' -o -name '_core*.so' -o -name '__pycache__' \) \
  -exec rm -rf {} +
$SUDO install -m 644 "$BUILD_DIR"/python/mfbridge/*.py "$DEST"/
$SUDO install -m 755 "$BUILD_DIR"/python/mfbridge/_core*.so "$DEST"/
# Check what was installed, from / so that no source folder shadows it.
where="$(cd / && PYTHONPATH="$PREFIX" "$PYTHON" -c 'import mfbridge; print(mfbridge.__path__[0])' </dev/null)"
if [ "$where" != "$DEST" ]; then
  echo "install-python: $PYTHON imports mfbridge from '$where', not $DEST" >&2
  exit 1
fi
echo "install-python: mfbridge installed in $DEST for $PYTHON"
