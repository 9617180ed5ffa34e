"""scripts/pg-dev.sh, as the README tells a user to try PostgreSQL: `start` prints a URL
that psql (an independent client) and `mfbridge load --target` both take; a second start
finds the same server; `status` says so; `stop` ends the server process and removes its
folder; stop and status afterwards say it is not running.

Usage: pg_dev_test.py BUILD_DIR  (run from the repository root)"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import pg_server  # noqa: E402
from script_checks import check, finish  # noqa: E402

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")


def pg_dev(*args, env):
    return subprocess.run(["scripts/pg-dev.sh", *args], capture_output=True, text=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)


def alive(pid):
    """Whether the process runs (a zombie waiting for its reaper has ended)."""
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("State:"):
                return "Z" not in line.split()[1]
    except FileNotFoundError:
        return False
    return True


def main():
    if not pg_server.available():
        print("SKIP: PostgreSQL server binaries not found")
        return 0
    parent = tempfile.mkdtemp(prefix="mfb-pgdev-test-")
    os.chmod(parent, 0o755)  # as root the server runs as postgres, which must reach it
    base = os.path.join(parent, "server")
    env = dict(os.environ, MFB_PG_DEV_DIR=base)
    try:
        p = pg_dev("start", env=env)
        url = p.stdout.strip()
        check(p.returncode == 0 and url.startswith("postgresql://") and "\n" not in url,
              f"start: exit {p.returncode}, the URL alone on stdout: {url!r} {p.stderr[-300:]}")
        check(os.path.isdir(base) and os.path.exists(os.path.join(base, "data", "postmaster.pid")),
              "start: the server's folder and postmaster.pid exist")
        q = subprocess.run(["psql", "-X", "-At", url, "-c", "SELECT current_database(), 6 * 7"],
                           capture_output=True, text=True)
        check(q.returncode == 0 and q.stdout.strip() == "mfbridge|42",
              f"psql connects with the URL: {q.stdout.strip()!r} {q.stderr.strip()[-200:]}")
        p2 = pg_dev("start", env=env)
        check(p2.returncode == 0 and p2.stdout.strip() == url,
              f"a second start finds the running server: {p2.stdout.strip()!r}")
        s = pg_dev("status", env=env)
        check(s.returncode == 0 and s.stdout.strip() == url, f"status: exit {s.returncode}, the URL")
        load = subprocess.run([os.path.join(BUILD, "mfbridge"), "load", "--copybook",
                               "samples/taxpayer/TAXPAYER.cpy", "--codepage", "cp285",
                               "--recfm", "FB", "--input", "samples/taxpayer/TAXPAYER.D20261121",
                               "--table", "taxpayer", "--target", url, "--no-progress"],
                              capture_output=True, text=True, timeout=300)
        n = subprocess.run(["psql", "-X", "-At", url, "-c", "SELECT count(*) FROM taxpayer"],
                           capture_output=True, text=True)
        check(load.returncode == 0 and n.stdout.strip() == "242",
              f"mfbridge load --target URL: exit {load.returncode}, psql counts "
              f"{n.stdout.strip()!r} of 242 records {load.stderr[-200:]}")
        pid = int(open(os.path.join(base, "data", "postmaster.pid")).readline())
        p = pg_dev("stop", env=env)
        check(p.returncode == 0 and not os.path.exists(base),
              f"stop: exit {p.returncode}, the folder is gone")
        check(not alive(pid), f"stop: the server process {pid} has ended")
        q = subprocess.run(["psql", "-X", "-At", url, "-c", "SELECT 1"], capture_output=True,
                           text=True)
        check(q.returncode != 0, "after stop, psql cannot connect")
        p = pg_dev("stop", env=env)
        check(p.returncode == 0 and "not running" in p.stderr, f"stop again: exit {p.returncode}")
        s = pg_dev("status", env=env)
        check(s.returncode == 3 and s.stdout == "", f"status after stop: exit {s.returncode} (3)")
    finally:
        pg_dev("stop", env=env)
        shutil.rmtree(parent, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
