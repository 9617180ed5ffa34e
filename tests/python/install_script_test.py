#!/usr/bin/env python3
"""scripts/install-python.sh installs a working package for /usr/bin/python3, twice alike.

It installs into a temporary prefix (reusing this build folder, without apt), with a
decoy `python3` first on PATH that fails and leaves a mark if it is ever run: the script
must build and check with Debian's interpreter regardless. The installed package is then
imported from a clean environment (no build folder on PYTHONPATH, run from /) and reads a
sample. A second run must leave the same files with the same bytes.

Usage: install_script_test.py BUILD_DIR  (run from the repository root)
"""

import hashlib
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

python_package.use()
from script_checks import check, finish  # noqa: E402

SCRIPT = os.path.join(python_package.REPO, "scripts", "install-python.sh")
READ_SAMPLE = ("import mfbridge; df = mfbridge.read('{repo}/samples/taxpayer/TAXPAYER.D20261120', "
               "copybook='{repo}/samples/taxpayer/TAXPAYER.cpy', codepage='cp285'); "
               "print(mfbridge.__path__[0], len(df), df['TP-BALANCE'].iloc[0])")


def snapshot(folder):
    """Relative path -> sha256 of every file under folder (bytecode caches left out)."""
    out = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            path = os.path.join(root, name)
            out[os.path.relpath(path, folder)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return out


def install(prefix, env):
    return subprocess.run([SCRIPT, "--no-packages", "--build", python_package.BUILD,
                           "--prefix", prefix], capture_output=True, text=True, env=env,
                          cwd=python_package.REPO, timeout=900)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        decoy_dir = os.path.join(tmp, "bin")
        os.makedirs(decoy_dir)
        mark = os.path.join(tmp, "decoy-ran")
        decoy = os.path.join(decoy_dir, "python3")
        open(decoy, "w").write(f"#!/bin/sh\ntouch {mark}\nexit 1\n")
        os.chmod(decoy, 0o755)
        env = dict(os.environ, PATH=decoy_dir + os.pathsep + os.environ["PATH"])
        env.pop("PYTHONPATH", None)
        prefix = os.path.join(tmp, "site")
        first = install(prefix, env)
        check(first.returncode == 0, f"install exits 0: {first.stdout}{first.stderr}")
        check(not os.path.exists(mark), "the python3 first on PATH is never run")
        files = snapshot(prefix)
        check({"mfbridge/__init__.py", "mfbridge/dask.py"} <= set(files) and
              any(f.startswith("mfbridge/_core") and f.endswith(".so") for f in files),
              f"module, __init__.py and dask.py installed: {sorted(files)}")
        clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        clean["PYTHONPATH"] = prefix
        r = subprocess.run(["/usr/bin/python3", "-c", READ_SAMPLE.format(repo=python_package.REPO)],
                           capture_output=True, text=True, env=clean, cwd="/")
        check(r.returncode == 0 and r.stdout.split() == [os.path.join(prefix, "mfbridge"), "240", "-420.81"],
              f"/usr/bin/python3 imports the installed package and reads: {r.stdout}{r.stderr}")
        open(os.path.join(prefix, "mfbridge", "stale.py"), "w").write("# dropped from the package\n")
        second = install(prefix, env)
        check(second.returncode == 0, f"a second install exits 0: {second.stderr}")
        check(snapshot(prefix) == files, "a second install leaves the same files, stale ones removed")
    sys.exit(finish())


if __name__ == "__main__":
    main()
