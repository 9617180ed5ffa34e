"""scripts/demo.sh as a new user sees it, run in a copy of the repository's tracked scripts
and samples (a fresh clone's) with the built CLI (MFB_SKIP_SETUP=1: no package or build
step here): it succeeds, prints its steps, prints no path with ".." in it, lines up the
"Where to look next" columns, and every path it points at exists; the run-history command
it shows works as written.

Usage: demo_script_test.py BUILD_DIR  (run from the repository root)"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from script_checks import check, finish  # noqa: E402

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")


def copy_tracked(root, folders):
    p = subprocess.run(["git", "ls-files", *folders], capture_output=True, text=True)
    if p.returncode != 0 or not p.stdout:
        for f in folders:
            shutil.copytree(f, os.path.join(root, f), ignore=shutil.ignore_patterns("out"))
        os.makedirs(os.path.join(root, "samples", "out"), exist_ok=True)
        return
    for f in p.stdout.split():
        os.makedirs(os.path.join(root, os.path.dirname(f)), exist_ok=True)
        shutil.copy2(f, os.path.join(root, f))


def look_next(lines):
    """The rows of the "Where to look next:" block: (indent of column 2, path, text)."""
    start = lines.index("Where to look next:") + 1
    rows = []
    for line in lines[start:]:
        m = re.match(r"^  (\S.*?\S)  +(\S.*)$", line)
        if not m or line.startswith("  Serve"):
            break
        rows.append((m.start(2), m.group(1), m.group(2)))
    return rows


def main():
    root = tempfile.mkdtemp(prefix="mfb-demo-")
    try:
        copy_tracked(root, ["scripts", "samples"])
        os.symlink(BUILD, os.path.join(root, "build"))
        env = dict(os.environ, MFB_SKIP_SETUP="1")
        p = subprocess.run(["scripts/demo.sh"], cwd=root, capture_output=True, text=True,
                           env=env, timeout=600, stdin=subprocess.DEVNULL)
        check(p.returncode == 0, f"demo.sh exit {p.returncode}: {p.stderr[-1500:]}")
        lines = p.stdout.splitlines()
        steps = [l for l in lines if l.startswith("== ")]
        check([s[:7] for s in steps] == ["== 1/3 ", "== 2/3 ", "== 3/3 "], f"three steps: {steps}")
        words = (p.stdout + p.stderr).split()
        dotted = [w for w in words if "/../" in w or w.endswith("/..") or "/./" in w]
        check(not dotted, f"no path with '..': {dotted[:3]}")
        rows = look_next(lines) if "Where to look next:" in lines else []
        check(len(rows) >= 5, f"Where to look next lists {len(rows)} rows")
        check(len({r[0] for r in rows}) == 1, f"its second column starts at one place: {[r[0] for r in rows]}")
        for _col, what, _text in rows:
            first = what.split()[0]
            if first.startswith("samples/"):
                check(os.path.exists(os.path.join(root, first)), f"{first} exists")
        runs = [w for _c, w, _t in rows if w.startswith("build/mfbridge runs")]
        check(len(runs) == 1, f"the run-history command is shown: {runs}")
        for cmd in runs:
            r = subprocess.run(shlex.split(cmd), cwd=root, capture_output=True, text=True, timeout=120)
            check(r.returncode == 0 and "succeeded" in r.stdout, f"`{cmd}`: exit {r.returncode} {r.stdout[:200]}")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
