#!/usr/bin/env python3
"""encode --recfm LENGTH-FIELD and --recfm ODO: records back to back with no RDW, each as long
as its length field (plus --length-adjust) or its OCCURS DEPENDING ON counter says.

The expected bytes are built here from IBM's formats (COMP big-endian, zoned F0-F9, packed
with sign nibble C/D, text through Python's cp037 codec), not from our output. Then the
bytes go back through convert with the same framing and give the same values (round trip).
Usage: encode_layout_framing_test.py BUILD_DIR
"""
import json
import struct
import subprocess
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish, packed


COPYBOOK = """       01  LREC.
           05  REC-LEN    PIC 9(4) COMP.
           05  CNT        PIC 9(2).
           05  ITEMS OCCURS 0 TO 5 DEPENDING ON CNT.
               10  CODE   PIC X(3).
               10  AMT    PIC S9(3)V9 COMP-3.
           05  TAILX      PIC X(2).
"""


def record(items, tail, adjust):
    """(JSON object, bytes at the ODO length) for one record; REC-LEN = length - adjust."""
    length = 2 + 2 + 6 * len(items) + 2
    rec_len = length - adjust
    body = struct.pack(">H", rec_len) + f"{len(items):02d}".encode("cp037")
    for code, tenths in items:
        body += code.ljust(3).encode("cp037") + packed(tenths, 3)
    body += tail.ljust(2).encode("cp037")
    obj = {"REC-LEN": rec_len, "CNT": len(items),
           "ITEMS": [{"CODE": c, "AMT": Decimal(t).scaleb(-1)} for c, t in items], "TAILX": tail}
    return obj, body


SAMPLES = [([("A", 15), ("BB", -999)], "Z"), ([], "E"), ([("X", 0)] * 5, "F"), ([("Q", 1234 % 9999)], "")]


def write_jsonl(path, objs):
    # AMT as a JSON number with its scale: write the text by hand.
    lines = []
    for o in objs:
        items = ",".join('{"CODE":%s,"AMT":%s}' % (json.dumps(i["CODE"]), i["AMT"]) for i in o["ITEMS"])
        lines.append('{"REC-LEN":%d,"CNT":%d,"ITEMS":[%s],"TAILX":%s}'
                     % (o["REC-LEN"], o["CNT"], items, json.dumps(o["TAILX"])))
    path.write_text("\n".join(lines) + "\n")


def run(mfbridge, *args):
    return subprocess.run([mfbridge] + list(args), capture_output=True)


def main():
    mfbridge = str(Path(sys.argv[1]) / "mfbridge")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cpy = tmp / "l.cpy"
        cpy.write_text(COPYBOOK)
        for adjust in (0, 4):
            pairs = [record(items, tail, adjust) for items, tail in SAMPLES]
            write_jsonl(tmp / "in.jsonl", [p[0] for p in pairs])
            expected = b"".join(p[1] for p in pairs)
            framing = ["--recfm", "LENGTH-FIELD", "--length-field", "REC-LEN"]
            if adjust:
                framing += ["--length-adjust", str(adjust)]
            r = run(mfbridge, "encode", "--copybook", str(cpy), "--input", str(tmp / "in.jsonl"),
                    "--output", str(tmp / "out.dat"), *framing)
            check(r.returncode == 0, f"encode LENGTH-FIELD adjust {adjust} exits 0 ({r.stderr.decode()[:200]})")
            got = (tmp / "out.dat").read_bytes() if (tmp / "out.dat").exists() else b""
            check(got == expected, f"LENGTH-FIELD adjust {adjust}: bytes as IBM's formats give ({got.hex()})")
            back = run(mfbridge, "convert", "--no-progress", "--copybook", str(cpy), "--input",
                       str(tmp / "out.dat"), *framing)
            rows = [json.loads(l, parse_float=Decimal) for l in back.stdout.decode().splitlines()]
            check(rows == [p[0] for p in pairs], f"LENGTH-FIELD adjust {adjust}: convert gives the values back")

        # A length field that disagrees with the record is refused, with the line and why.
        obj, _ = record([("A", 1)], "T", 0)
        obj["REC-LEN"] = 99
        write_jsonl(tmp / "bad.jsonl", [obj])
        r = run(mfbridge, "encode", "--copybook", str(cpy), "--input", str(tmp / "bad.jsonl"),
                "--output", str(tmp / "bad.dat"), "--recfm", "LENGTH-FIELD", "--length-field", "REC-LEN",
                "--length-adjust", "-1")
        err = r.stderr.decode().splitlines()
        check(r.returncode == 2, f"a wrong length field exits 2 (got {r.returncode})")
        check(err[:1] == [f"{tmp / 'bad.jsonl'}:1: the record is 12 bytes, but its length field "
                          "REC-LEN (with --length-adjust -1) gives 98"], f"mismatch text: {err[:1]}")

        # ODO: the same records, their length from CNT.
        pairs = [record(items, tail, 0) for items, tail in SAMPLES]
        write_jsonl(tmp / "in.jsonl", [p[0] for p in pairs])
        expected = b"".join(p[1] for p in pairs)
        r = run(mfbridge, "encode", "--copybook", str(cpy), "--input", str(tmp / "in.jsonl"),
                "--output", str(tmp / "odo.dat"), "--recfm", "ODO")
        check(r.returncode == 0, f"encode ODO exits 0 ({r.stderr.decode()[:200]})")
        got = (tmp / "odo.dat").read_bytes() if (tmp / "odo.dat").exists() else b""
        check(got == expected, "ODO: records back to back at their ODO lengths")
        back = run(mfbridge, "convert", "--no-progress", "--copybook", str(cpy), "--input",
                   str(tmp / "odo.dat"), "--recfm", "ODO")
        rows = [json.loads(l, parse_float=Decimal) for l in back.stdout.decode().splitlines()]
        check(rows == [p[0] for p in pairs], "ODO: convert gives the values back")

        usage = [
            (["--recfm", "ODO", "--odo", "full"],
             "--recfm ODO writes each record at its OCCURS DEPENDING ON length; --odo full contradicts it"),
            (["--recfm", "LENGTH-FIELD"], "--recfm LENGTH-FIELD needs --length-field NAME"),
            (["--recfm", "LENGTH-FIELD", "--length-field", "TAILX"], "--length-field LREC.TAILX is not numeric"),
        ]
        for args, text in usage:
            r = run(mfbridge, "encode", "--copybook", str(cpy), "--input", str(tmp / "in.jsonl"),
                    "--output", str(tmp / "u.dat"), *args)
            first = r.stderr.decode().splitlines()[0] if r.stderr else ""
            check(r.returncode == 1 and first == "mfbridge encode: " + text,
                  f"{' '.join(args)}: exit {r.returncode}, {first}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
