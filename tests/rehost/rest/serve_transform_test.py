#!/usr/bin/env python3
"""POST /v1/transform/decode and /v1/transform/encode over real HTTP, checked against
records written by GnuCOBOL.

The oracle: a COBOL program (`cobc -std=ibm -fsign=EBCDIC`) MOVEs known values into a
record with DISPLAY, zoned signed, COMP-3, COMP and OCCURS items and WRITEs it. GnuCOBOL
writes DISPLAY data in ASCII with EBCDIC overpunch signs spelled in ASCII, so Python's
cp037 codec turns those fields into the bytes a mainframe holds (as in
tests/bridge/convert/gnucobol_convert_test.py). The expected JSON comes from the MOVEd values,
never from mfbridge's output; encode must give back GnuCOBOL's bytes exactly.

Usage: serve_transform_test.py BUILD_DIR  (run from the repository root)
"""

import base64
import json
import os
import sys
import shutil
import subprocess
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, check_problem, finish, write_config

KEY = "transform-key-42"
COPYBOOK = """\
       01  PAYMENT.
           05  PAY-ID        PIC 9(6).
           05  PAYEE         PIC X(20).
           05  AMOUNT        PIC S9(7)V99 COMP-3.
           05  FEE           PIC S9(3)V99.
           05  COUNT-N       PIC S9(4) COMP.
           05  PAY-LINE OCCURS 2 TIMES.
               10  LINE-CODE PIC X(2).
               10  LINE-AMT  PIC S9(5)V99 COMP-3.
"""
LENGTH = 50
DISPLAY_FIELDS = [(0, 6), (6, 20), (31, 5), (38, 2), (44, 2)]

# (COBOL literal MOVEd, expected JSON text of the value)
RECORDS = [
    {"PAY-ID": ("1", "1"), "PAYEE": ('"ACME & SONS, LTD"', '"ACME & SONS, LTD"'),
     "AMOUNT": ("-1234.5", "-1234.50"), "FEE": ("12.3", "12.30"), "COUNT-N": ("-42", "-42"),
     "LINE-CODE(1)": ('"AB"', '"AB"'), "LINE-AMT(1)": ("100.25", "100.25"),
     "LINE-CODE(2)": ('"Z"', '"Z"'), "LINE-AMT(2)": ("-0.01", "-0.01")},
    {"PAY-ID": ("999999", "999999"), "PAYEE": ('"SAY ""HI"" \\ THERE"', '"SAY \\"HI\\" \\\\ THERE"'),
     "AMOUNT": ("9999999.99", "9999999.99"), "FEE": ("-999.99", "-999.99"),
     "COUNT-N": ("9999", "9999"),
     "LINE-CODE(1)": ("SPACES", '""'), "LINE-AMT(1)": ("0", "0.00"),
     "LINE-CODE(2)": ('"ZZ"', '"ZZ"'), "LINE-AMT(2)": ("-99999.99", "-99999.99")},
]


def expected_json(values):
    """The canonical record text built from the expected value texts."""
    v = {k: t for k, (_lit, t) in values.items()}
    lines = ",".join('{"LINE-CODE":%s,"LINE-AMT":%s}' % (v["LINE-CODE(%d)" % i], v["LINE-AMT(%d)" % i])
                     for i in (1, 2))
    return ('{"PAY-ID":%s,"PAYEE":%s,"AMOUNT":%s,"FEE":%s,"COUNT-N":%s,"PAY-LINE":[%s]}'
            % (v["PAY-ID"], v["PAYEE"], v["AMOUNT"], v["FEE"], v["COUNT-N"], lines))


def cobol_records(tmp):
    with open(os.path.join(tmp, "payment.cpy"), "w") as f:
        f.write(COPYBOOK)
    body = []
    for values in RECORDS:
        body.append("MOVE SPACES TO PAYMENT.")
        for field, (literal, _exp) in values.items():
            body.append("MOVE %s TO %s." % (literal, field))
        body.append("WRITE PAYMENT.")
    src = "\n".join([
        "       IDENTIFICATION DIVISION.",
        "       PROGRAM-ID. PAYWRITE.",
        "       ENVIRONMENT DIVISION.",
        "       INPUT-OUTPUT SECTION.",
        "       FILE-CONTROL.",
        '           SELECT OUT-FILE ASSIGN TO "payment.bin"',
        "               ORGANIZATION IS SEQUENTIAL.",
        "       DATA DIVISION.",
        "       FILE SECTION.",
        "       FD  OUT-FILE.",
        '       COPY "payment.cpy".',
        "       PROCEDURE DIVISION.",
        "           OPEN OUTPUT OUT-FILE.",
    ] + ["           " + s for s in body] + ["           CLOSE OUT-FILE.", "           STOP RUN."]) + "\n"
    with open(os.path.join(tmp, "paywrite.cbl"), "w") as f:
        f.write(src)
    r = subprocess.run(["cobc", "-std=ibm", "-fsign=EBCDIC", "-x", "-o", "paywrite", "paywrite.cbl"],
                       cwd=tmp, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("cobc failed: %s %s" % (r.stdout, r.stderr))
    subprocess.run([os.path.join(tmp, "paywrite")], cwd=tmp, check=True)
    data = open(os.path.join(tmp, "payment.bin"), "rb").read()
    check(len(data) == LENGTH * len(RECORDS), "GnuCOBOL wrote %d bytes" % len(data))
    out = []
    for i in range(len(RECORDS)):
        rec = bytearray(data[i * LENGTH:(i + 1) * LENGTH])
        for off, n in DISPLAY_FIELDS:
            rec[off:off + n] = bytes(rec[off:off + n]).decode("ascii").encode("cp037")
        out.append(bytes(rec))
    return out


def b64(data):
    return base64.b64encode(data).decode()


def test_decode(srv, records):
    for i, rec in enumerate(records):
        st, h, b = srv.request("POST", "/v1/transform/decode", {"copybook": COPYBOOK, "data": b64(rec)}, key=KEY)
        want = expected_json(RECORDS[i])
        check(st == 200, "decode record %d: %s %s" % (i + 1, st, b[:300]))
        check(b.decode() == want, "decode record %d:\n got  %s\n want %s" % (i + 1, b.decode(), want))
        check(h.get("x-mfb-record") == "PAYMENT", "X-Mfb-Record: %s" % h.get("x-mfb-record"))
        # Decimals as strings: the same digits, quoted.
        st, h, b = srv.request("POST", "/v1/transform/decode",
                               {"copybook": COPYBOOK, "data": b64(rec), "decimals_as_strings": True}, key=KEY)
        got = json.loads(b)
        check(got["AMOUNT"] == RECORDS[i]["AMOUNT"][1] and got["PAY-LINE"][1]["LINE-AMT"] == RECORDS[i]["LINE-AMT(2)"][1],
              "decimals as strings: %s" % got)
        check(json.loads(want, parse_float=Decimal)["AMOUNT"] == Decimal(got["AMOUNT"]), "string decimal value")


def test_decode_errors(srv, records):
    bad = bytearray(records[0])
    bad[27] = 0xAB  # a non-digit nibble inside AMOUNT (offset 26, 5 bytes)
    bad[40] = 0xFA  # and inside LINE-AMT(1) (offset 40, 4 bytes)
    st, h, b = srv.request("POST", "/v1/transform/decode", {"copybook": COPYBOOK, "data": b64(bytes(bad))}, key=KEY)
    p = check_problem(st, h, b, 422, "bad packed data")
    errs = p.get("errors", [])
    paths = [e["field"] for e in errs]
    check(any("AMOUNT" in x and "LINE" not in x for x in paths) and any("LINE-AMT" in x for x in paths),
          "every bad field listed: %s" % errs)
    amount = [e for e in errs if e["field"].endswith("AMOUNT")]
    check(amount and amount[0]["value"].replace(" ", "").upper() == bytes(bad[26:31]).hex().upper(),
          "bad field's bytes as hex: %s" % amount)
    st, h, b = srv.request("POST", "/v1/transform/decode", {"copybook": COPYBOOK, "data": b64(records[0][:49])}, key=KEY)
    p = check_problem(st, h, b, 422, "short data")
    check("49 bytes" in p.get("errors", [{}])[0].get("reason", ""), "short data reason: %s" % p)


def test_encode(srv, records):
    for i, rec in enumerate(records):
        value = expected_json(RECORDS[i])
        body = '{"copybook": %s, "value": %s}' % (json.dumps(COPYBOOK), value)
        st, h, b = srv.request("POST", "/v1/transform/encode", body,
                               headers={"Content-Type": "application/json"}, key=KEY)
        check(st == 200, "encode record %d: %s %s" % (i + 1, st, b[:300]))
        if st == 200:
            j = json.loads(b)
            check(base64.b64decode(j["data"]) == rec and j["length"] == LENGTH and j["record"] == "PAYMENT",
                  "encode record %d = GnuCOBOL bytes:\n got  %s\n want %s"
                  % (i + 1, base64.b64decode(j["data"]).hex(), rec.hex()))
        st, h, b = srv.request("POST", "/v1/transform/encode", body,
                               headers={"Content-Type": "application/json",
                                        "Accept": "application/octet-stream"}, key=KEY)
        check(st == 200 and h.get("content-type") == "application/octet-stream" and b == rec,
              "raw encode record %d: %s %s" % (i + 1, st, b.hex()))
    # 31-digit-safe path: numbers reach the encoder as written, not through a double.
    body = '{"copybook": %s, "value": {"PAY-ID": 1, "AMOUNT": 1234567.891}}' % json.dumps(COPYBOOK)
    st, h, b = srv.request("POST", "/v1/transform/encode", body,
                           headers={"Content-Type": "application/json"}, key=KEY)
    p = check_problem(st, h, b, 422, "too many fraction digits")
    check([e["field"] for e in p.get("errors", [])] == ["PAYMENT.AMOUNT"] or
          any("AMOUNT" in e["field"] for e in p.get("errors", [])), "AMOUNT named: %s" % p)
    # Several bad fields: each one listed with its value.
    bad = {"PAY-ID": -5, "PAYEE": "X" * 21, "AMOUNT": 123456789, "FEE": "abc", "NOPE": 1}
    st, h, b = srv.request("POST", "/v1/transform/encode", {"copybook": COPYBOOK, "value": bad}, key=KEY)
    p = check_problem(st, h, b, 422, "bad value")
    fields = " ".join(e["field"] for e in p.get("errors", []))
    for name in ("PAY-ID", "PAYEE", "AMOUNT", "FEE", "NOPE"):
        check(name in fields, "encode error for %s listed: %s" % (name, p))
    check(all(e.get("reason") for e in p.get("errors", [])), "every error has a reason: %s" % p)
    st, h, b = srv.request("POST", "/v1/transform/encode", {"copybook": COPYBOOK, "value": [1]}, key=KEY)
    check_problem(st, h, b, 400, "value not an object")


def main():
    if not os.path.exists(MFB):
        print("FAIL: %s not built" % MFB)
        return 1
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) not installed")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        records = cobol_records(tmp)
        cfg = os.path.join(tmp, "serve.yaml")
        write_config(cfg, {"t": (KEY, ["transform"])})
        srv = Server(["--config", cfg])
        try:
            test_decode(srv, records)
            test_decode_errors(srv, records)
            test_encode(srv, records)
        finally:
            check(srv.stop() == 0, "exit code after SIGTERM")
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
