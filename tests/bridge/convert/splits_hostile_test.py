#!/usr/bin/env python3
"""Splits of wrong, truncated and hostile input, and a split killed half-way.

1. A truncated last record (FB: bytes left over; VB: a block cut short) and garbage in the
   middle of a VB file: `splits` fails (exit 2) with the message a one-process convert
   gives (same record number and offset); for FB the plan stands and only the last split
   fails, with the one-process message, while the others convert.
2. Bad --split and --range values, gzip input and stdin: exit 1 with the reason.
3. `convert --split` killed with SIGKILL while it writes: only NAME.partial is left; the
   re-run leaves NAME and no .partial, and the parts still equal the one-process output.
Records come from Python's cp037 codec; VB framing from tests/support/framing_oracle_writer.py.
Usage: splits_hostile_test.py BUILD"""
import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "support"))
from script_checks import check, finish  # noqa: E402
import framing_oracle_writer as fw  # noqa: E402

MFB = os.path.join(os.path.abspath(sys.argv[1]), "mfbridge")
COPYBOOK = "       01  R.\n           05  ID   PIC 9(9).\n           05  TXT  PIC X(31).\n"


def run(*args, stdin=None):
    return subprocess.run([MFB, *args], capture_output=True, text=True, timeout=300,
                          stdin=stdin if stdin is not None else subprocess.DEVNULL)


def body(err, command):
    """The error without the "mfbridge COMMAND: " prefix: the lines naming the input file."""
    return [line.split(f"mfbridge {command}: ", 1)[-1] for line in err.splitlines()
            if ".fb: " in line or "VB_" in line]


def record(i):
    return ("%09d" % i + ("TEXT %d" % i).ljust(31)).encode("cp037")


def framing_failures(tmp, cpy):
    fb = os.path.join(tmp, "short.fb")
    open(fb, "wb").write(b"".join(record(i) for i in range(1, 1001)) + b"\xf1" * 7)
    base = ["--copybook", cpy, "--input", fb, "--lrecl", "40"]
    whole = run("convert", "--no-progress", *base)
    check(whole.returncode == 2, f"FB truncated: one-process exit 2 ({whole.returncode})")
    plan = run("splits", *base, "--splits", "4")
    check(plan.returncode == 0, f"FB truncated: the plan stands: {plan.stderr}")
    ranges = json.loads(plan.stdout)["ranges"]
    check(ranges[-1]["offset"] + ranges[-1]["length"] == 40007, f"FB: the last range keeps the 7 bytes {ranges[-1]}")
    codes = [run("convert", "--no-progress", *base, "--split", f"{i}/4") for i in range(4)]
    check([c.returncode for c in codes] == [0, 0, 0, 2], f"FB: only the last split fails {[c.returncode for c in codes]}")
    check(body(codes[3].stderr, "convert") == body(whole.stderr, "convert") != [],
          f"FB: the last split says what the one-process run says: {body(codes[3].stderr, 'convert')}")

    records = [record(i) + bytes(i % 300) for i in range(1, 3001)]
    vb = fw.write_vb(records, 8000)
    for label, data in [("VB truncated", vb[:-10]),
                        ("VB garbage", vb[:len(vb) // 2] + b"\x7f\xff\x12\x34" * 800 + vb[len(vb) // 2:])]:
        path = os.path.join(tmp, label.replace(" ", "_"))
        open(path, "wb").write(data)
        base = ["--copybook", cpy, "--input", path, "--recfm", "VB", "--allow-trailing-bytes"]
        whole = run("convert", "--no-progress", *base)
        plan = run("splits", *base, "--splits", "8")
        check(whole.returncode == 2 and plan.returncode == 2,
              f"{label}: exit 2 for convert and splits ({whole.returncode}, {plan.returncode})")
        check(body(plan.stderr, "splits") == body(whole.stderr, "convert") != [],
              f"{label}: splits names the record and offset convert names: {body(plan.stderr, 'splits')}")


def usage_errors(tmp, cpy):
    fb = os.path.join(tmp, "ok.fb")
    open(fb, "wb").write(b"".join(record(i) for i in range(1, 101)))
    base = ["convert", "--no-progress", "--copybook", cpy, "--input", fb, "--lrecl", "40"]
    for extra, why in [(["--split", "4/4"], "I must be less than N"),
                       (["--split", "5/4"], "I must be less than N"),
                       (["--split", "-1/4"], "expected I/N"),
                       (["--split", "0/0"], "N must be at least 1"),
                       (["--split", "abc"], "expected I/N"),
                       (["--split", "1/4", "--range", "0:40"], "not both"),
                       (["--range", "abc"], "expected OFFSET:LENGTH"),
                       (["--range", "40"], "expected OFFSET:LENGTH"),
                       (["--range", "40:"], "expected OFFSET:LENGTH"),
                       (["--range", "41:40"], "not on record boundaries"),
                       (["--range", "40:41"], "not on record boundaries"),
                       (["--range", "3960:80"], "outside the data"),
                       (["--range", "40:40:7"], "starts at record 2, not 7")]:
        r = run(*base, *extra)
        check(r.returncode == 1 and why in r.stderr, f"convert {extra}: exit 1, {why!r}: {r.stderr.strip()}")
    big = os.path.join(tmp, "sparse.fb")
    with open(big, "wb") as f:
        f.truncate(40 << 30)  # 40 GiB of holes: a million 1-byte ranges would be 40 G of them
    r = run("splits", "--copybook", cpy, "--input", big, "--lrecl", "40", "--target-size", "1")
    check(r.returncode == 1 and "give a larger --target-size" in r.stderr, f"splits --target-size 1: {r.stderr.strip()}")
    os.remove(big)
    r = run(*base, "--range", "40:80")
    check(r.returncode == 0 and [json.loads(x)["ID"] for x in r.stdout.splitlines()] == [2, 3],
          f"--range 40:80 converts records 2 and 3: {r.stdout}")
    vb = os.path.join(tmp, "ok.vb")
    open(vb, "wb").write(fw.write_vb([record(i) for i in range(1, 101)], 800))
    r = run("convert", "--copybook", cpy, "--input", vb, "--recfm", "VB", "--range", "0:100")
    check(r.returncode == 1 and "needs its first record number" in r.stderr, f"VB --range without FIRST: {r.stderr}")
    gz = os.path.join(tmp, "ok.fb.gz")
    open(gz, "wb").write(gzip.compress(open(fb, "rb").read()))
    for inp, why in [(gz, "gzip"), ("-", "cannot be split")]:
        r = run("splits", "--copybook", cpy, "--input", inp, "--lrecl", "40", stdin=open(fb, "rb"))
        check(r.returncode == 1 and why in r.stderr, f"splits --input {inp}: {r.stderr.strip()}")
        r = run(*base[:5], inp, "--lrecl", "40", "--split", "0/2", stdin=open(fb, "rb"))
        check(r.returncode == 1 and why in r.stderr, f"convert --split of {inp}: {r.stderr.strip()}")


def killed_split(tmp, cpy):
    big = os.path.join(tmp, "big.fb")
    with open(big, "wb") as f:
        for chunk in range(0, 600000, 10000):
            f.write(b"".join(record(i) for i in range(chunk + 1, chunk + 10001)))
    base = ["convert", "--no-progress", "--copybook", cpy, "--input", big, "--lrecl", "40", "--threads", "1"]
    out = os.path.join(tmp, "part-0.jsonl")
    p = subprocess.Popen([MFB, *base, "--split", "0/2", "--output", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None:
        if os.path.exists(out + ".partial") and os.path.getsize(out + ".partial") > 0:
            break
        time.sleep(0.002)
    p.send_signal(signal.SIGKILL)
    p.wait()
    check(p.returncode == -signal.SIGKILL, f"the split was killed while writing ({p.returncode})")
    check(os.path.exists(out + ".partial") and not os.path.exists(out),
          "after the kill only the .partial exists, the part does not")
    for i in range(2):
        r = run(*base, "--split", f"{i}/2", "--output", os.path.join(tmp, f"part-{i}.jsonl"))
        check(r.returncode == 0, f"split {i} (re-run): {r.stderr}")
    left = [n for n in os.listdir(tmp) if n.endswith(".partial")]
    check(left == [], f"no .partial left after the re-run: {left}")
    whole = run(*base).stdout
    parts = "".join(open(os.path.join(tmp, f"part-{i}.jsonl")).read() for i in range(2))
    check(parts == whole, "the parts equal the one-process output")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cpy = os.path.join(tmp, "r.cpy")
        open(cpy, "w").write(COPYBOOK)
        framing_failures(tmp, cpy)
        usage_errors(tmp, cpy)
        killed_split(tmp, cpy)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
