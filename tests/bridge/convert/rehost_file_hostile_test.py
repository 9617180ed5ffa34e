#!/usr/bin/env python3
"""mfbridge rehost-file on wrong, hostile and truncated input: every error names the file,
the record, the byte offset and the field; records read = written + rejected.

Expected bytes come from Python's cp037/cp285 codecs and IBM's packed rules, never from
mfbridge's own output.

Usage: rehost_file_hostile_test.py BUILD_DIR  (run from the repository root)
"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.abspath("tests/support"))
from script_checks import check, finish  # noqa: E402

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
MFB = os.path.join(BUILD, "mfbridge")
TAX_CPY = os.path.abspath("samples/taxpayer/TAXPAYER.cpy")
TAX = os.path.abspath("samples/taxpayer/TAXPAYER.D20261121")
LRECL = 369

TEXT_CPY = """\
       01  NAME-REC.
           05  N-NAME    PIC X(5).
           05  N-AMOUNT  PIC S9(3) COMP-3.
"""



def rehost(args):
    r = subprocess.run([MFB, "rehost-file"] + args, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode(errors="replace")


def tax(args, data, tmp):
    path = os.path.join(tmp, "in.dat")
    open(path, "wb").write(data)
    out = os.path.join(tmp, "out.dat")
    rc, _, err = rehost(["--copybook", TAX_CPY, "--codepage", "cp285", "--input", path,
                         "-o", out] + args)
    return rc, err, out, path


def test_truncated(tmp):
    rc, err, out, _ = tax([], open(TAX, "rb").read()[:1000], tmp)
    check(rc == 2 and "in.dat" in err and "after record 2" in err,
          "truncated: exit %d %s" % (rc, err))


def test_bad_packed(tmp):
    """An invalid packed field is refused, not copied: the rehosted program would stop on
    it (a data exception on the mainframe, a wrong value on GnuCOBOL)."""
    data = bytearray(open(TAX, "rb").read())
    data[LRECL + 231] = 0xFA  # TP-BALANCE of record 2: not a digit nibble
    rc, err, _, _ = tax([], bytes(data), tmp)
    want = "in.dat: record 2 (file offset 369): field TAXPAYER-MASTER.TP-BALANCE at offset 230"
    check(rc == 2 and want in err, "bad packed: exit %d\n  want %s\n  got  %s" % (rc, want, err))
    rej = os.path.join(tmp, "rejects.dat")
    rc, err, out, _ = tax(["--on-error", "reject", "--reject-file", rej], bytes(data), tmp)
    records = len(data) // LRECL
    check(rc == 0 and "%d records read, %d written, 1 rejected" % (records, records - 1) in err,
          "reject: exit %d %s" % (rc, err))
    check(open(rej, "rb").read() == bytes(data[LRECL:2 * LRECL]), "the reject file holds record 2")
    check(os.path.getsize(out) == (records - 1) * LRECL, "written records: %d bytes"
          % os.path.getsize(out))
    log = open(rej + ".errors.jsonl").read()
    check('"record":2' in log.replace(" ", "") and "TP-BALANCE" in log, "reject log: " + log)


def test_longer_record(tmp):
    rec = open(TAX, "rb").read()[:LRECL] + b"\x40" * 5
    v = (len(rec) + 4).to_bytes(2, "big") + b"\0\0" + rec
    rc, err, _, _ = tax(["--recfm", "V"], v, tmp)
    check(rc == 2 and "record 1" in err and "5 undescribed bytes from record offset 369" in err,
          "longer record: exit %d %s" % (rc, err))
    rc, err, out, _ = tax(["--recfm", "V", "--allow-trailing-bytes"], v, tmp)
    got = open(out, "rb").read() if rc == 0 else b""
    check(rc == 0 and got[:2] == (len(rec)).to_bytes(2, "big") and got.endswith(b" " * 5),
          "trailing bytes kept as text: exit %d %s" % (rc, err))


def text_file(tmp, name_text):
    cpy = os.path.join(tmp, "NAMEREC.cpy")
    open(cpy, "w").write(TEXT_CPY)
    data = os.path.join(tmp, "names.dat")
    open(data, "wb").write(name_text.ljust(5).encode("cp037") + bytes.fromhex("012C"))
    return cpy, data


def test_charsets(tmp):
    cpy, data = text_file(tmp, "ÄÄÄÄÄ")
    out = os.path.join(tmp, "names.out")
    base = ["--copybook", cpy, "--codepage", "cp037", "--input", data, "-o", out]
    rc, _, err = rehost(base + ["--charset", "utf-8"])
    want = ("names.dat: record 1 (file offset 0): field NAME-REC.N-NAME at offset 0 (bytes 0-4): "
            "the text needs 10 bytes in UTF-8; the field holds 5")
    check(rc == 2 and want in err, "utf-8 overflow:\n  want %s\n  got  %s" % (want, err))
    rc, _, err = rehost(base + ["--charset", "ascii"])
    check(rc == 2 and "N-NAME" in err and "character U+00C4 at byte 0 has no ASCII form" in err,
          "ascii unmappable: %s" % err)
    rc, _, err = rehost(base + ["--charset", "ascii", "--unmappable", "substitute"])
    check(rc == 0 and open(out, "rb").read() == b"?????" + bytes.fromhex("012C"),
          "substitute: exit %d %s" % (rc, err))
    rc, _, err = rehost(base + ["--charset", "latin1"])
    check(rc == 0 and open(out, "rb").read() == "ÄÄÄÄÄ".encode("latin-1") + bytes.fromhex("012C"),
          "latin1: exit %d %s" % (rc, err))
    cpy, data = text_file(tmp, "ÄB")  # fits: 3 bytes of UTF-8, padded with spaces
    rc, _, err = rehost(["--copybook", cpy, "--codepage", "cp037", "--input", data, "-o", out,
                         "--charset", "utf-8"])
    check(rc == 0 and open(out, "rb").read()[:5] == "ÄB".encode() + b"  ", "utf-8 fit: %s" % err)


def test_where_in_tables(tmp):
    """An error inside an OCCURS table names the element, as convert does."""
    data = bytearray(open(TAX, "rb").read())
    data[115] = 0x5B  # TP-ADDR-LINE(2) of record 1; X'5B' is the pound sign in CCSID 285
    rc, err, _, _ = tax(["--charset", "ascii"], bytes(data), tmp)
    want = "record 1 (file offset 0): field TAXPAYER-MASTER.TP-ADDRESS.TP-ADDR-LINE(2) at offset 115"
    check(rc == 2 and want in err and "U+00A3" in err, "table element: %s" % err)


def test_newline_in_line_sequential(tmp):
    cpy = os.path.join(tmp, "LINEONE.cpy")
    open(cpy, "w").write("       01  LINE-ONE.\n           05  L-TEXT PIC X(6).\n")
    data = os.path.join(tmp, "line.dat")
    open(data, "wb").write("ABCDEF".encode("cp037") + "AB\nDEF".encode("cp037"))
    rc, _, err = rehost(["--copybook", cpy, "--codepage", "cp037", "--input", data, "-o",
                         os.path.join(tmp, "line.txt"), "--organization", "line-sequential"])
    check(rc == 2 and "record 2 (file offset 6)" in err and "newline" in err,
          "a newline in LINE SEQUENTIAL text: exit %d %s" % (rc, err))


def test_float_range(tmp):
    """HFP reaches 7.2E75; IEEE single stops at 3.4E38: a COMP-1 past it is refused."""
    cpy = os.path.join(tmp, "FLT.cpy")
    open(cpy, "w").write("       01  F-REC.\n           05  F-ONE COMP-1.\n")
    data = os.path.join(tmp, "flt.dat")
    open(data, "wb").write(bytes.fromhex("7F100000") + bytes.fromhex("01100000"))
    rc, _, err = rehost(["--copybook", cpy, "--input", data, "-o", os.path.join(tmp, "f.out"),
                         "--on-error", "skip"])
    check(rc == 0 and "record 1 (file offset 0): field F-REC.F-ONE at offset 0" in err
          and "record 2 (file offset 4)" in err and "2 records read, 0 written, 2 rejected" in err,
          "COMP-1 outside IEEE single: exit %d %s" % (rc, err))


def test_wrong_form(tmp):
    """--reverse on the EBCDIC file itself: its zoned digits are not the rehosted form."""
    rc, err, _, _ = tax(["--reverse", "--charset", "latin1"], open(TAX, "rb").read(), tmp)
    check(rc == 2 and re.search(r"record 1 \(file offset 0\): field \S*TP-CHECK-DIGIT at offset 10",
                                err), "reverse on EBCDIC: exit %d %s" % (rc, err))
    rc, err, _, _ = tax(["--reverse", "--recfm", "V"], open(TAX, "rb").read()[:LRECL * 2], tmp)
    check(rc == 2 and "in.dat" in err, "reverse with a wrong framing: exit %d %s" % (rc, err))


def test_usage_errors(tmp):
    for args, want in [(["--organization", "line-sequential"], "LINE SEQUENTIAL files cannot"),
                       (["--recfm", "auto"], "--recfm auto"),
                       (["--zoned", "ascii"], "EBCDIC zoned"),
                       (["--recfm", "TEXT"], "RECFM F, FB, V or VB")]:
        rc, err, _, _ = tax(args, open(TAX, "rb").read()[:LRECL], tmp)
        check(rc == 1 and want in err, "%s: exit %d %s" % (args, rc, err))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for t in (test_truncated, test_bad_packed, test_longer_record, test_charsets,
                  test_where_in_tables, test_newline_in_line_sequential, test_float_range,
                  test_wrong_form,
                  test_usage_errors):
            t(tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
