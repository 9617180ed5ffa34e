"""Shared set-up for the job tests (tests/rehost/jobs/job_*_test.py): a scratch folder with a
one-field copybook and a cp037 file encoded by Python's codecs (the oracle for the bytes),
and a runner that starts mfbridge the way cron does: stdin from /dev/null, no terminal,
a small environment."""

import os
import shutil
import subprocess
import sys
import tempfile

MFBRIDGE = os.path.abspath(os.path.join(sys.argv[1], "mfbridge"))
COPYBOOK = "       01  REC.\n           05  NAME PIC X(10).\n"


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


class workspace:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="mfb-job-")
        self.write("rec.cpy", COPYBOOK)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, text):
        with open(self.path(name), "w") as f:
            f.write(text)

    def records(self, name, names):
        """Write fixed 10-byte records, encoded with Python's cp037 codec."""
        data = b"".join(n.ljust(10).encode("cp037") for n in names)
        with open(self.path(name), "wb") as f:
            f.write(data)

    def run(self, *args, env=None, timeout=60):
        e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.dir, "TZ": "UTC"}
        if env:
            e.update(env)
        p = subprocess.run([MFBRIDGE, *args], cwd=self.dir, env=e, stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=timeout, start_new_session=True)
        return p

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)
