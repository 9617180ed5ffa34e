"""The command in samples/jobs/nightly.yaml's header comment works as written: taken from
the comment, it runs from the root of a copy of the repository's tracked sample files (what
a fresh clone holds, so samples/out/ must exist there by itself), succeeds, writes the
master file back equal to today's GnuCOBOL-written file byte for byte, and prints no path
with ".." in it.

Usage: nightly_header_test.py BUILD_DIR  (run from the repository root)"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from script_checks import check, finish  # noqa: E402

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
JOB = "samples/jobs/nightly.yaml"


def header_commands():
    """The indented command lines of the leading comment block."""
    out = []
    for line in open(JOB):
        if not line.startswith("#"):
            break
        text = line[1:].strip()
        if text.startswith("build/mfbridge "):
            out.append(text)
    return out


def tracked_samples(root):
    """Copy the files git tracks under samples/ (a fresh clone's), else every file."""
    p = subprocess.run(["git", "ls-files", "samples"], capture_output=True, text=True)
    files = p.stdout.split() if p.returncode == 0 and p.stdout else None
    if files is None:
        shutil.copytree("samples", os.path.join(root, "samples"),
                        ignore=shutil.ignore_patterns("out"))
        return
    for f in files:
        os.makedirs(os.path.join(root, os.path.dirname(f)), exist_ok=True)
        shutil.copy2(f, os.path.join(root, f))


def main():
    commands = header_commands()
    check(len(commands) == 1, f"the header comment shows one command: {commands}")
    if not commands:
        return finish()
    root = tempfile.mkdtemp(prefix="mfb-nightly-header-")
    try:
        tracked_samples(root)
        os.symlink(BUILD, os.path.join(root, "build"))
        p = subprocess.run(shlex.split(commands[0]), cwd=root, capture_output=True, text=True,
                           timeout=600, stdin=subprocess.DEVNULL)
        check(p.returncode == 0, f"`{commands[0]}` exit {p.returncode}: {p.stderr[-1500:]}")
        out = os.path.join(root, "samples", "out", "TAXPAYER.WRITEBACK.D20261121")
        same = os.path.exists(out) and open(out, "rb").read() == \
            open("samples/taxpayer/TAXPAYER.D20261121", "rb").read()
        check(same, "the write-back file equals samples/taxpayer/TAXPAYER.D20261121")
        dotted = [w for w in (p.stdout + p.stderr).split() if "/../" in w or w.endswith("/..")
                  or "/./" in w]
        check(not dotted, f"no path with '..' or '.' in the output: {dotted[:3]}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
