"""Shared by the load/export script tests (tests/rehost/db/load_*_test.py; not a test itself):
the mfbridge runner, the sample data sets with their layout options, SQLite reads through
the sqlite3 CLI (an independent client), and the GnuCOBOL-written test files of
tests/bridge/convert/gnucobol_convert_test.py regenerated into a scratch folder."""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "bridge", "convert"))  # gnucobol_convert_test

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
MFB = os.path.join(BUILD, "mfbridge")
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

PAYE_SELECT = ["--select", "PH-RECORD-TYPE=H:PAYE-HEADER-REC",
               "--select", "PD-RECORD-TYPE=D:PAYE-DETAIL-REC",
               "--select", "PT-RECORD-TYPE=T:PAYE-TRAILER-REC"]

# name -> (layout and framing options, input file), as the samples' READMEs convert them.
SAMPLES = {
    "taxpayer": (["--copybook", "samples/taxpayer/TAXPAYER.cpy", "--codepage", "cp285",
                  "--recfm", "FB"], "samples/taxpayer/TAXPAYER.D20261121"),
    "paye": (["--copybook", "samples/paye/PAYE.cpy", "--codepage", "cp285", "--recfm", "FB",
              "--lrecl", "80"] + PAYE_SELECT, "samples/paye/PAYE.D20261121"),
    "ctax": (["--copybook", "samples/council-tax/CTAXACC.cpy", "--codepage", "cp285",
              "--select", "CT-PAYMENT-METHOD=D:CT-DIRECT-DEBIT",
              "--select", "CT-PAYMENT-METHOD=C:CT-CARD",
              "--select", "CT-PAYMENT-METHOD=S:CT-COUNTER"], "samples/council-tax/CTAX.ACCOUNTS"),
    # The sample's README gives its BLKSIZE (6144): like a DCB, the load records it.
    "ltt": (["--copybook", "samples/ltt/LTTRET.cpy", "--codepage", "cp1146", "--recfm", "VB",
             "--block-size", "6144"],
            "samples/ltt/LTT.RETURNS"),
    "benefits": (["--copybook", "samples/benefits/BENCLAIM.cpy", "--codepage", "cp285"],
                 "samples/benefits/BENEFIT.CLAIMS"),
}


def mfb(*args, timeout=120):
    """Run mfbridge; returns the CompletedProcess (text)."""
    return subprocess.run([MFB, *args], capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def sqlite(db, sql):
    """Run SQL through the sqlite3 CLI; returns stdout stripped ('|'-separated rows)."""
    p = subprocess.run(["sqlite3", "-batch", db, sql], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"sqlite3 failed: {sql}\n{p.stderr}")
    return p.stdout.strip()


def sqlite_try(db, sql):
    """Run SQL through sqlite3; returns (exit code, stderr)."""
    p = subprocess.run(["sqlite3", "-batch", db, sql], capture_output=True, text=True)
    return p.returncode, p.stderr


def unpack(b, scale=0):
    """IBM packed decimal bytes -> decimal.Decimal, from the definition (sign C/F +, D -)."""
    from decimal import Decimal
    nibbles = []
    for x in b:
        nibbles += [x >> 4, x & 15]
    digits, sign = nibbles[:-1], nibbles[-1]
    assert all(d <= 9 for d in digits) and sign in (0xC, 0xD, 0xF), b.hex()
    v = int("".join(map(str, digits)))
    return Decimal(-v if sign == 0xD else v).scaleb(-scale)


def gnucobol_files(tmp):
    """Write the GnuCOBOL-produced files of gnucobol_convert_test.py into tmp, converted
    to mainframe bytes the same way; returns name -> (layout options, path)."""
    import gnucobol_convert_test as g
    out = {}
    g.build_and_run(tmp, "CUSTW", g.cobol_program("CUSTW", "customer.cpy", "customer.gnu",
                                                  g.customer_moves()))
    raw = open(os.path.join(tmp, "customer.gnu"), "rb").read()
    n = g.CUSTOMER_LEN
    ebc = b"".join(g.to_mainframe(raw[i:i + n], g.CUSTOMER_FIELDS) for i in range(0, len(raw), n))
    open(os.path.join(tmp, "customer.dat"), "wb").write(ebc)
    out["customer"] = (["--copybook", os.path.join(g.DATA, "customer.cpy")],
                       os.path.join(tmp, "customer.dat"))

    body = []
    for rec, moves, _ in g.MULTI:
        body += ["MOVE SPACES TO %s." % rec] + moves + ["WRITE %s." % rec]
    g.build_and_run(tmp, "MULTW", g.cobol_program("MULTW", "multi.cpy", "multi.gnu", body))
    raw = open(os.path.join(tmp, "multi.gnu"), "rb").read()
    ebc = b""
    for i, (rec, _m, exp) in enumerate(g.MULTI):
        kind = "DTL-ALT" if "DTL-ALT" in exp else rec
        ebc += g.to_mainframe(raw[20 * i:20 * i + 20], g.MULTI_FIELDS[kind])
    open(os.path.join(tmp, "multi.dat"), "wb").write(ebc)
    out["multi"] = (["--copybook", os.path.join(g.DATA, "multi.cpy")] + g.SELECT,
                    os.path.join(tmp, "multi.dat"))

    body = []
    for order, items in g.ORDERS:
        body += ["MOVE SPACES TO ORDER-REC.", "MOVE %s TO ORDER-NO." % order,
                 "MOVE %d TO ITEM-COUNT." % len(items)]
        for i, (code, price, _) in enumerate(items, 1):
            body += ['MOVE "%s" TO ITEM-CODE(%d).' % (code, i),
                     "MOVE %s TO ITEM-PRICE(%d)." % (price, i)]
        body.append("WRITE ORDER-REC.")
    g.build_and_run(tmp, "ODOW", g.cobol_program("ODOW", "odo.cpy", "odo.gnu", body))
    raw = open(os.path.join(tmp, "odo.gnu"), "rb").read()
    ebc, pos = b"", 0
    for _order, items in g.ORDERS:
        n = int.from_bytes(raw[pos:pos + 2], "big")
        rec = raw[pos + 4:pos + 4 + n]
        fields = [("NO", 0, 5, "display")] + [("CODE", 7 + 7 * i, 3, "display")
                                              for i in range(len(items))]
        ebc += raw[pos:pos + 4] + g.to_mainframe(rec, fields)
        pos += 4 + n
    open(os.path.join(tmp, "odo.dat"), "wb").write(ebc)
    out["odo"] = (["--copybook", os.path.join(g.DATA, "odo.cpy"), "--recfm", "V",
                   "--rdw-excludes-header"], os.path.join(tmp, "odo.dat"))
    return out
