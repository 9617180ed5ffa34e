#!/usr/bin/env python3
"""`mfbridge splits` and `convert --split I/N`: every record in exactly one range, with its
global record number, for FB, V, VB, VS, VBS and TEXT files.

The oracle is the generator: every record carries its own 1-based number in its first nine
bytes (EBCDIC digits, Python's cp037 codec), and is framed by tests/support/
framing_oracle_writer.py (written from IBM's DFSMS manual). So the records a range holds
must read first_record, first_record + 1, ... and the ranges together 1..N once each. The
payloads hold RDW/BDW-looking chains to tempt a false resync. The parts of --split I/N,
concatenated, must equal the bytes of a one-process convert (JSON Lines and CSV).
Usage: splits_test.py BUILD"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "support"))
import framing_oracle_writer as fw  # noqa: E402

MFB = os.path.join(os.path.abspath(sys.argv[1]), "mfbridge")
COPYBOOK = "       01  R.\n           05  ID   PIC 9(9).\n           05  TAG  PIC X(4).\n"


def run(*args, ok=True):
    p = subprocess.run([MFB, *args], capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    if ok and p.returncode != 0:
        raise AssertionError(f"{args}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p


def fake_chain(rng):
    """Bytes that frame as a chain of RDWs (and, after a BDW, as a block) on their own."""
    units = b"".join(fw.word(4 + n) + bytes(rng.randrange(64, 200) for _ in range(n))
                     for n in [rng.randint(4, 40) for _ in range(12)])
    block = fw.bdw(4 + len(units)) + units
    return block + units


def make_records(rng, count, tempting=True):
    records = []
    for i in range(1, count + 1):
        body = "%09d" % i + rng.choice(["AAAA", "BBBB", "CCCC"])
        tail = bytes(rng.randrange(256) for _ in range(rng.choice([0, 3, 40, 300])))
        if tempting and i % 7 == 0:
            tail += fake_chain(rng)
        if i % 97 == 0:
            tail += bytes(rng.randrange(256) for _ in range(rng.randint(2000, 9000)))
        records.append(body.encode("cp037") + tail)
    return records


def check_plan(plan, data_end, total):
    """Ranges contiguous from data_start to data_end, numbers following on."""
    ranges = plan["ranges"]
    assert ranges[0]["offset"] == plan["data_start"] and ranges[0]["first_record"] == 1, ranges[0]
    for a, b in zip(ranges, ranges[1:]):
        assert a["offset"] + a["length"] == b["offset"], (a, b)
        assert a["first_record"] + a["records"] == b["first_record"], (a, b)
    last = ranges[-1]
    assert last["offset"] + last["length"] == data_end, (last, data_end)
    assert last["first_record"] + last["records"] == total + 1, (last, total)
    assert plan["records"] == total, plan


def check_ranges(path, framing, plan, total):
    """Each range, converted on its own, holds exactly its records, by their own numbers."""
    seen = []
    for r in plan["ranges"]:
        out = run("convert", "--no-progress", "--copybook", COPY, "--input", path, *framing,
                  "--allow-trailing-bytes",
                  "--range", "%d:%d:%d" % (r["offset"], r["length"], r["first_record"])).stdout
        ids = [int(json.loads(line)["ID"]) for line in out.splitlines()]
        assert ids == list(range(r["first_record"], r["first_record"] + r["records"])), (r, ids[:5])
        seen += ids
    assert seen == list(range(1, total + 1)), (len(seen), total)


def check_parts(path, framing, n, tmp, fmt, extra=()):
    """--split I/N parts concatenated == one-process output, byte for byte."""
    base = ["--copybook", COPY, "--input", path, *framing, "--allow-trailing-bytes",
            "--format", fmt, *extra]
    whole = run("convert", "--no-progress", *base).stdout
    parts = b""
    for i in range(n):
        out = os.path.join(tmp, "part-%03d.%s" % (i, fmt))
        run("convert", "--no-progress", *base, "--split", "%d/%d" % (i, n), "--output", out)
        assert not os.path.exists(out + ".partial"), out
        with open(out, "rb") as f:
            parts += f.read()
        os.remove(out)
    assert parts == whole, (fmt, n, len(parts), len(whole))


def splits(path, framing, *extra):
    p = run("splits", "--copybook", COPY, "--input", path, *framing, *extra)
    return json.loads(p.stdout), p.stderr.decode()


def main():
    global COPY
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        COPY = os.path.join(tmp, "r.cpy")
        with open(COPY, "w") as f:
            f.write(COPYBOOK)
        records = make_records(rng, 3000)
        plain = make_records(rng, 3000, tempting=False)
        fixed = [r[:13] + r[13:13 + 27].ljust(27, b"\x40") for r in plain]
        text = [("%09d" % i + "TEXT" + "x" * rng.randint(0, 90)).encode() for i in range(1, 3001)]
        files = {
            "fb": (fw.write_v(fixed)[:0] + b"".join(fixed), ["--recfm", "FB", "--lrecl", "40"]),
            "v": (fw.write_v(records), ["--recfm", "V"]),
            "vb": (fw.write_vb(records, 32760), ["--recfm", "VB"]),
            "vs": (fw.write_vs(records, 1000), ["--recfm", "VS"]),
            "vbs": (fw.write_vbs(records, 6233), ["--recfm", "VBS"]),
            "text": (b"\n".join(text) + b"\n", ["--recfm", "TEXT", "--codepage", "latin1", "--zoned", "ascii"]),
        }
        for name, (data, framing) in files.items():
            path = os.path.join(tmp, name + ".dat")
            with open(path, "wb") as f:
                f.write(data)
            for size in ["16K", "100K", "1M"]:
                plan, _ = splits(path, framing, "--target-size", size)
                check_plan(plan, len(data), 3000)
                check_ranges(path, framing, plan, 3000)
            plan, _ = splits(path, framing, "--splits", "7")
            assert len(plan["ranges"]) == 7, plan
            check_plan(plan, len(data), 3000)
            for fmt in ["jsonl", "csv"]:
                check_parts(path, framing, 7, tmp, fmt)
            # An index: built once, then reused (no "building" message), same plan.
            index = os.path.join(tmp, name + ".idx")
            if name != "fb":
                built, err = splits(path, framing, "--splits", "7", "--index", index)
                assert "building the split index" in err, err
                again, err = splits(path, framing, "--splits", "7", "--index", index)
                assert "building" not in err, err
                assert again["method"] == "index" and again["ranges"] == built["ranges"], again
                check_plan(again, len(data), 3000)
                check_ranges(path, framing, again, 3000)
                # The file changes (its modification time): the index is stale, rebuilt.
                os.utime(path, (1, 1))
                _, err = splits(path, framing, "--splits", "7", "--index", index)
                assert "building the split index" in err, err
            print(name, "ok", plan["method"])
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
