#!/usr/bin/env python3
"""mfbridge.read() releases the GIL while the C++ core opens, reads and decodes.

Deterministic, with no timing: thread A reads a FIFO. While A waits inside the C++ code
(first in open(), for a writer; then in the middle of the records, for more bytes), the
main thread runs a whole read() of a regular file in thread B and joins it. Had A kept
the GIL, B could not run and the main thread could not write the FIFO: the test would
hang, so a watchdog that needs no GIL (faulthandler) ends it with a failure after 60 s.
Then four threads read one file at once and must all get what a single read gets.

Usage: gil_test.py BUILD_DIR  (run from the repository root)
"""

import faulthandler
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
from script_checks import check, finish  # noqa: E402

CPY = os.path.join(python_package.REPO, "samples", "taxpayer", "TAXPAYER.cpy")
DATA = os.path.join(python_package.REPO, "samples", "taxpayer", "TAXPAYER.D20261120")
OPTS = dict(copybook=CPY, codepage="cp285", recfm="FB")
LRECL = 369


def run_in_thread(fn):
    """Start fn in a thread; its result or exception lands in the returned dict."""
    t, box = python_package.start(fn)
    box["thread"] = t
    return box


def other_read_completes(where):
    b = run_in_thread(lambda: mfbridge.read(DATA, **OPTS))
    b["thread"].join(30)
    check(not b["thread"].is_alive() and len(b.get("value", [])) == 240,
          f"another thread's read() completes while the FIFO reader waits {where}")


def fifo_reader(tmp, whole):
    fifo = os.path.join(tmp, "records.fifo")
    os.mkfifo(fifo)
    a = run_in_thread(lambda: mfbridge.read(fifo, **OPTS))
    other_read_completes("in open()")
    check(a["thread"].is_alive(), "the FIFO reader still waits for a writer")
    with open(fifo, "wb") as w:
        w.write(whole[:100 * LRECL])
        w.flush()
        other_read_completes("for the rest of its records")
        check(a["thread"].is_alive(), "the FIFO reader still waits for more records")
        w.write(whole[100 * LRECL:])
    a["thread"].join(30)
    check("error" not in a, f"the FIFO read succeeds: {a.get('error')}")
    got = a.get("value")
    check(got is not None and got.equals(mfbridge.read(DATA, **OPTS)),
          "the FIFO read holds the file's 240 records")


def many_readers():
    want = mfbridge.read(DATA, **OPTS)
    boxes = [run_in_thread(lambda: mfbridge.read(DATA, **OPTS)) for _ in range(4)]
    for b in boxes:
        b["thread"].join(60)
    check(all(b.get("value") is not None and b["value"].equals(want) for b in boxes),
          "four threads reading at once all get the single read's frame")


def interrupted(tmp, whole):
    """Ctrl-C stops a long read(): SIGINT, then one more MiB so the reader reaches a batch
    boundary, where it checks for signals. The FIFO stays open, so a reader that ignored
    the signal would wait for the rest of the file forever (and the test times out)."""
    import signal
    import subprocess
    fifo = os.path.join(tmp, "slow.fifo")
    os.mkfifo(fifo)
    code = (f"import mfbridge; mfbridge.read({fifo!r}, copybook={CPY!r}, codepage='cp285')")
    p = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    mib = (whole * (2 ** 20 // len(whole) + 1))[:2 ** 20 // LRECL * LRECL]
    with open(fifo, "wb") as w:
        w.write(mib * 2)
        w.flush()
        p.send_signal(signal.SIGINT)
        try:
            w.write(mib * 2)
            w.flush()
        except BrokenPipeError:
            pass  # the reader stopped already
        try:
            err = p.communicate(timeout=30)[1]
        except subprocess.TimeoutExpired:
            p.kill()
            err = "(still reading after SIGINT)"
    check(p.returncode != 0 and "KeyboardInterrupt" in err,
          f"SIGINT stops a read() in progress with KeyboardInterrupt: {err[-200:]}")


def main():
    faulthandler.dump_traceback_later(60, exit=True)  # a GIL held in C++ hangs the test
    whole = open(DATA, "rb").read()
    with tempfile.TemporaryDirectory() as tmp:
        fifo_reader(tmp, whole)
        interrupted(tmp, whole)
    many_readers()
    faulthandler.cancel_dump_traceback_later()
    sys.exit(finish())


if __name__ == "__main__":
    main()
