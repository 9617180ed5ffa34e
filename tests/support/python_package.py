"""Shared by the Python package tests (tests/python/*_test.py; not a test itself).

ctest runs script tests with whichever python3 CMake found first (a pyenv shim, say), but
the module is built for one interpreter (BUILD/python/interpreter.txt, Debian's
/usr/bin/python3 by default), the one python3-pandas and python3-dask belong to. use()
re-runs the test under that interpreter, then imports mfbridge from the build tree
(PYTHONPATH=BUILD/python), never from an installed copy."""

import os
import sys
import threading

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
PACKAGE_DIR = os.path.join(BUILD, "python")
REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def interpreter():
    """The interpreter the module was built for; exits (a failure) when it was not built."""
    path = os.path.join(PACKAGE_DIR, "interpreter.txt")
    if not os.path.exists(path):
        print("FAIL the Python module was not built: install pybind11-dev and python3-dev "
              "(scripts/setup.sh) and configure again")
        sys.exit(1)
    return open(path).read().strip()


def use():
    """Re-exec under the module's interpreter if needed; return the imported mfbridge."""
    python = interpreter()
    if os.path.realpath(sys.executable) != os.path.realpath(python):
        os.execv(python, [python, os.path.abspath(sys.argv[0])] + sys.argv[1:])
    sys.path.insert(0, PACKAGE_DIR)
    os.environ["PYTHONPATH"] = PACKAGE_DIR + (
        os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    import mfbridge
    where = os.path.dirname(os.path.abspath(mfbridge.__file__))
    if where != os.path.join(PACKAGE_DIR, "mfbridge"):
        print(f"FAIL mfbridge imported from {where}, not from the build tree")
        sys.exit(1)
    return mfbridge


def start(fn):
    """Run fn in a daemon thread: (thread, box); box gets "value" or "error" when it ends."""
    box = {}

    def body():
        try:
            box["value"] = fn()
        except BaseException as e:  # reported by the caller
            box["error"] = e
    t = threading.Thread(target=body, daemon=True)
    t.start()
    return t, box
