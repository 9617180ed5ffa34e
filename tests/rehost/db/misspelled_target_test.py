"""A misspelled SQLite target is an error, never a new empty database: `export`,
`reconcile`, `serve`, `delta --apply-to` and `runs --target` given sqlite:FILE for a file
that does not exist exit 4 with "no such database file: FILE", and FILE (and its -wal/-shm
companions) do not appear. Only `load` creates a database: the same target spelled right
after a load works.

Usage: misspelled_target_test.py BUILD_DIR  (run from the repository root)"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import MFB, mfb  # noqa: E402
from script_checks import check, finish  # noqa: E402

COPYBOOK = """       01  MT-REC.
           05  MT-KEY        PIC X(4).
           05  MT-NAME       PIC X(6).
"""


def run(args, timeout=30):
    """mfbridge with a deadline (a serve that opened a new database would keep listening)."""
    p = subprocess.Popen([MFB, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, text=True)
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out, err
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return None, out, err + "\n(still running after %ds: killed)" % timeout


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-target-")
    try:
        cpy = os.path.join(tmp, "MT.cpy")
        open(cpy, "w").write(COPYBOOK)
        old = os.path.join(tmp, "OLD.dat")
        new = os.path.join(tmp, "NEW.dat")
        open(old, "wb").write("K001NAME01K002NAME02".encode("cp037"))
        open(new, "wb").write("K001NAME01K002NAME22K003NAME03".encode("cp037"))
        layout = ["--copybook", cpy, "--codepage", "cp037", "--recfm", "F"]
        real = os.path.join(tmp, "real.db")
        p = mfb("load", *layout, "--table", "mt", "--key", "MT-KEY", "--input", old,
                "--target", "sqlite:" + real, "--no-progress")
        check(p.returncode == 0, f"load creates its database: {p.returncode} {p.stderr[-300:]}")

        typo = os.path.join(tmp, "reall.db")
        commands = {
            "export": ["export", "--target", "sqlite:" + typo, "--dataset", "mt",
                       "--output", os.path.join(tmp, "out.dat")],
            "reconcile": ["reconcile", "--target", "sqlite:" + typo, "--dataset", "mt"],
            "serve": ["serve", "--listen", "127.0.0.1:0", "--target", "sqlite:" + typo],
            "delta --apply-to": ["delta", *layout, "--key", "MT-KEY", "--old", old, "--new", new,
                                 "--apply-to", "sqlite:" + typo, "--dataset", "mt"],
            "runs --target": ["runs", "--target", "sqlite:" + typo],
        }
        for name, args in commands.items():
            code, _out, err = run(args)
            check(code == 4 and f"no such database file: {typo}" in err,
                  f"{name}: exit 4 naming the missing file: {code} {err[-300:]}")
            made = [f for f in (typo, typo + "-wal", typo + "-shm", typo + "-journal")
                    if os.path.exists(f)]
            check(not made, f"{name}: no file created ({made})")
            for f in made:
                os.remove(f)
        # Spelled right, the same commands work on the loaded database.
        code, _out, err = run(["reconcile", "--target", "sqlite:" + real, "--dataset", "mt"])
        check(code == 0, f"reconcile on the real database: {code} {err[-300:]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
