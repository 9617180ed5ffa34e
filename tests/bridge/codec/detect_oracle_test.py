#!/usr/bin/env python3
"""mfbridge detect against how the files were written.

Expected answers come from the writers, never from detect:
  * samples/*/: the GnuCOBOL program's FD (RECORDING MODE F: fixed records whose LRECL is the
    record length GnuCOBOL itself measures, tests/support/layout_oracle.py; RECORDING MODE V:
    samples/generate.sh blocks GnuCOBOL's output with common/vb_block.py into IBM VB, RDWs
    and BDWs big-endian and counting themselves). The code page the programs translate with
    is ICU's ibm-1146 (common/EBCDICUK.cpy): detect's page must read every record exactly as
    cp1146 does.
  * GnuCOBOL-written test files (the writers of tests/bridge/convert/gnucobol_convert_test.py):
    a fixed FD writes LRECL = the bytes of one record; an FD whose record has OCCURS
    DEPENDING ON writes GnuCOBOL's variable format (COB_VARSEQ_FORMAT 0: a big-endian length
    that does not count the 4-byte prefix).
Also: hostile input gets "cannot tell" or a low confidence, never a crash; a run that fails
on framing suggests the framing detect finds; --recfm auto says what it chose.

Usage: detect_oracle_test.py BUILD_DIR  (run from the repository root)
"""
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
MFB = os.path.join(BUILD, "mfbridge")
SAMPLES = os.path.abspath("samples")
sys.path.insert(0, os.path.abspath("tests/support"))
sys.path.insert(0, os.path.abspath("tests/bridge/convert"))
from script_checks import check, finish  # noqa: E402
from layout_oracle import gnucobol_layout  # noqa: E402
import gnucobol_convert_test as gnu  # noqa: E402  (its writers; its main() is not run)


def run(args, timeout=120):
    r = subprocess.run([MFB] + args, capture_output=True, timeout=timeout)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def detect(copybook, data, *extra):
    rc, out, err = run(["detect", "--copybook", copybook, "--input", data, "--format", "json"]
                       + list(extra))
    try:
        return rc, json.loads(out), err
    except ValueError:
        return rc, None, err + out.decode("utf-8", "replace")


def writer_mode(cbl):
    """RECORDING MODE of the program's FD: 'F' or 'V'."""
    m = re.search(r"RECORDING\s+MODE\s+IS\s+([FV])", open(cbl).read())
    return m.group(1) if m else None


def fixed_length(cpy, tmp):
    """The longest 01 record of the copybook as GnuCOBOL measures it."""
    records, error = gnucobol_layout(cpy, [os.path.join(SAMPLES, "common")], tmp)
    if error:
        raise SystemExit("layout oracle failed for %s: %s" % (cpy, error))
    return max(r["length"] for r in records)


def best(result):
    return result["candidates"][0]["framing"] if result and result["candidates"] else {}


def convert_output(args):
    rc, out, err = run(["convert", "--no-progress"] + args)
    return rc, out


def suggested(result):
    """The command detect suggests, run with this build's binary."""
    words = shlex.split(result["command"])
    return words[2:] if words[:2] == ["mfbridge", "convert"] else None


# The README's --select rules: REDEFINES alternatives (council tax) and several 01 records
# (PAYE) decode only with them, in detect's fit check and in the command it suggests.
SELECTS = {
    "paye": ["--select", "PH-RECORD-TYPE=H:PAYE-HEADER-REC", "--select", "PD-RECORD-TYPE=D:PAYE-DETAIL-REC",
             "--select", "PT-RECORD-TYPE=T:PAYE-TRAILER-REC"],
    "council-tax": ["--select", "CT-PAYMENT-METHOD=D:CT-DIRECT-DEBIT", "--select", "CT-PAYMENT-METHOD=C:CT-CARD",
                    "--select", "CT-PAYMENT-METHOD=S:CT-COUNTER"],
}


def test_samples(tmp):
    for folder in sorted(os.listdir(SAMPLES)):
        here = os.path.join(SAMPLES, folder)
        cbls = [f for f in os.listdir(here) if f.endswith(".cbl")] if os.path.isdir(here) else []
        if not cbls:
            continue
        cpy = os.path.join(here, next(f for f in os.listdir(here) if f.endswith(".cpy")))
        mode = writer_mode(os.path.join(here, cbls[0]))
        if mode == "F":
            want = {"recfm": "FB", "lrecl": fixed_length(cpy, tmp), "skip_head": 0, "skip_tail": 0}
        else:
            want = {"recfm": "VB", "rdw_byte_order": "big-endian", "rdw_counts_itself": True,
                    "skip_head": 0, "skip_tail": 0}
        for name in sorted(os.listdir(here)):
            if name.endswith((".cpy", ".cbl", ".md")):
                continue
            data = os.path.join(here, name)
            selects = SELECTS.get(folder, [])
            rc, r, err = detect(cpy, data, *selects)
            what = "%s/%s" % (folder, name)
            check(rc == 0 and r is not None, "%s: detect exit %d %s" % (what, rc, err[-300:]))
            if r is None:
                continue
            got = best(r)
            check(all(got.get(k) == v for k, v in want.items()),
                  "%s: framing %s, the writer wrote %s" % (what, got, want))
            check(r["verdict"] == "high", "%s: confidence %s" % (what, r["verdict"]))
            check(r["code_page"]["family"] == "EBCDIC", "%s: family %s" % (what, r["code_page"]))
            args = suggested(r)
            check(args is not None, "%s: a convert command is suggested: %s" % (what, r.get("command")))
            if args is None:
                continue
            framing = ["--recfm", want["recfm"]] + (["--lrecl", str(want["lrecl"])] if "lrecl" in want else [])
            rc1, ours = convert_output(args)
            rc2, oracle = convert_output(["--copybook", cpy, "--input", data, "--codepage", "cp1146"]
                                         + framing + selects)
            check(rc1 == 0 and ours == oracle and len(ours) > 0,
                  "%s: the suggested command (exit %d) reads the records as cp1146 and the writer's "
                  "framing do" % (what, rc1))


def write_gnucobol_files(tmp):
    """customer.dat (fixed), multi.dat (fixed, several 01s), odo.dat (variable), as
    gnucobol_convert_test.py writes them; big.dat: customer records repeated past the sample."""
    gnu.build_and_run(tmp, "CUSTW", gnu.cobol_program("CUSTW", "customer.cpy", "customer.gnu",
                                                      gnu.customer_moves()))
    raw = open(os.path.join(tmp, "customer.gnu"), "rb").read()
    lrecl = len(raw) // len(gnu.CUSTOMERS)
    ebc = b"".join(gnu.to_mainframe(raw[i:i + lrecl], gnu.CUSTOMER_FIELDS)
                   for i in range(0, len(raw), lrecl))
    open(os.path.join(tmp, "customer.dat"), "wb").write(ebc)
    open(os.path.join(tmp, "big.dat"), "wb").write(ebc * 20000)

    body = []
    for rec, moves, _ in gnu.MULTI:
        body += ["MOVE SPACES TO %s." % rec] + moves + ["WRITE %s." % rec]
    gnu.build_and_run(tmp, "MULTW", gnu.cobol_program("MULTW", "multi.cpy", "multi.gnu", body))
    mraw = open(os.path.join(tmp, "multi.gnu"), "rb").read()
    mlen = len(mraw) // len(gnu.MULTI)
    mebc = b""
    for i, (rec, _m, exp) in enumerate(gnu.MULTI):
        kind = "DTL-ALT" if "DTL-ALT" in exp else rec
        mebc += gnu.to_mainframe(mraw[mlen * i:mlen * (i + 1)], gnu.MULTI_FIELDS[kind])
    open(os.path.join(tmp, "multi.dat"), "wb").write(mebc)

    body = []
    for order, items in gnu.ORDERS:
        body += ["MOVE SPACES TO ORDER-REC.", "MOVE %s TO ORDER-NO." % order,
                 "MOVE %d TO ITEM-COUNT." % len(items)]
        for i, (code, price, _) in enumerate(items, 1):
            body += ['MOVE "%s" TO ITEM-CODE(%d).' % (code, i), "MOVE %s TO ITEM-PRICE(%d)." % (price, i)]
        body.append("WRITE ORDER-REC.")
    gnu.build_and_run(tmp, "ODOW", gnu.cobol_program("ODOW", "odo.cpy", "odo.gnu", body))
    # As gnucobol_convert_test.py does: keep GnuCOBOL's 4-byte prefixes, DISPLAY parts to EBCDIC.
    oraw, pos, oebc = open(os.path.join(tmp, "odo.gnu"), "rb").read(), 0, b""
    for _order, items in gnu.ORDERS:
        n = int.from_bytes(oraw[pos:pos + 2], "big")
        fields = [("NO", 0, 5, "display")] + [("CODE", 7 + 7 * i, 3, "display") for i in range(len(items))]
        oebc += oraw[pos:pos + 4] + gnu.to_mainframe(oraw[pos + 4:pos + 4 + n], fields)
        pos += 4 + n
    open(os.path.join(tmp, "odo.dat"), "wb").write(oebc)
    return lrecl, mlen


def test_gnucobol_files(tmp):
    lrecl, mlen = write_gnucobol_files(tmp)
    data = gnu.DATA
    cases = [
        ("customer.dat", "customer.cpy", [], {"recfm": "FB", "lrecl": lrecl}),
        ("big.dat", "customer.cpy", [], {"recfm": "FB", "lrecl": lrecl}),
        ("multi.dat", "multi.cpy", gnu.SELECT, {"recfm": "FB", "lrecl": mlen}),
        ("odo.dat", "odo.cpy", [], {"recfm": "V", "rdw_byte_order": "big-endian",
                                    "rdw_counts_itself": False}),
    ]
    for name, cpy, extra, want in cases:
        rc, r, err = detect(os.path.join(data, cpy), os.path.join(tmp, name), *extra)
        check(rc == 0 and r is not None, "%s: detect exit %d %s" % (name, rc, err[-300:]))
        if r is None:
            continue
        got = best(r)
        check(all(got.get(k) == v for k, v in want.items()) and got.get("skip_head") == 0
              and got.get("skip_tail") == 0,
              "%s: framing %s, GnuCOBOL wrote %s (%s)" % (name, got, want, r["verdict"]))
        check(r["verdict"] != "cannot tell", "%s: decided (%s)" % (name, r["verdict"]))
    rc, r, _ = detect(os.path.join(data, "customer.cpy"), os.path.join(tmp, "big.dat"))
    check(r is not None and r["bytes_sampled"] <= (1 << 20) + (64 << 10) < r["file_size"],
          "big.dat: only the first MiB and last 64 KiB are read (%s)" % (r and r["bytes_sampled"]))
    check(r is not None and r["verdict"] == "high", "big.dat: high confidence")


def test_hostile(tmp):
    rnd = random.Random(16)
    ltt = open(os.path.join(SAMPLES, "ltt/LTT.RETURNS"), "rb").read()
    tax = open(os.path.join(SAMPLES, "taxpayer/TAXPAYER.D20261121"), "rb").read()
    files = {
        "empty": (b"", True),
        "one-byte": (b"\xc1", True),
        "spaces": (b"\x40" * 100000, True),
        "random": (bytes(rnd.getrandbits(8) for _ in range(300000)), True),
        "huge-rdw": (b"\xff\xff\x00\x00" + b"\x40" * 5000, True),
        "ltt-truncated": (ltt[:-50], False),
        "taxpayer-truncated": (tax[:-50], False),
    }
    for name, (content, nothing) in files.items():
        path = os.path.join(tmp, name)
        open(path, "wb").write(content)
        for cpy in ("taxpayer/TAXPAYER.cpy", "ltt/LTTRET.cpy"):
            rc, r, err = detect(os.path.join(SAMPLES, cpy), path)
            ok = r is not None and rc in (0, 2) and r["verdict"] != "high"
            if nothing:
                ok = ok and r["verdict"] == "cannot tell" and rc == 2 and r["flags"] == ""
            check(ok, "%s with %s: exit %d, %s" % (name, cpy, rc, r and (r["verdict"], r["flags"])))
    rc, out, err = run(["detect", "--copybook", os.path.join(SAMPLES, "ltt/LTTRET.cpy"),
                        "--input", os.path.join(tmp, "nosuch")])
    check(rc == 4 and "nosuch" in err, "a missing input: exit %d %s" % (rc, err.strip()))


def test_framing_failures(tmp):
    ltt = os.path.join(SAMPLES, "ltt/LTT.RETURNS")
    ltt_cpy = os.path.join(SAMPLES, "ltt/LTTRET.cpy")
    rc, _, err = run(["convert", "--copybook", ltt_cpy, "--input", ltt, "-o", os.devnull])
    check(rc == 2 and "this looks like RECFM=VB" in err and "try --recfm VB" in err,
          "a VB file read as FB suggests --recfm VB: %s" % err[-400:])
    tax_cpy = os.path.join(SAMPLES, "taxpayer/TAXPAYER.cpy")
    lrecl = fixed_length(tax_cpy, tmp)
    for recfm in ("VB", "V"):
        rc, _, err = run(["convert", "--copybook", tax_cpy, "--recfm", recfm, "--input",
                          os.path.join(SAMPLES, "taxpayer/TAXPAYER.D20261121"), "-o", os.devnull])
        check(rc == 2 and ("try --recfm FB --lrecl %d" % lrecl) in err and "VS or VBS" not in err,
              "an FB file read as %s suggests --recfm FB --lrecl %d: %s" % (recfm, lrecl, err[-400:]))
    rc, _, err = run(["convert", "--copybook", os.path.join(gnu.DATA, "odo.cpy"), "--recfm", "V",
                      "--input", os.path.join(tmp, "odo.dat"), "-o", os.devnull])
    check(rc == 2 and "try --recfm V --rdw-excludes-header" in err,
          "a GnuCOBOL variable file read with IBM RDWs suggests --rdw-excludes-header: %s" % err[-400:])


def test_recfm_auto(tmp):
    ltt = os.path.join(SAMPLES, "ltt/LTT.RETURNS")
    cpy = os.path.join(SAMPLES, "ltt/LTTRET.cpy")
    r = subprocess.run([MFB, "convert", "--no-progress", "--copybook", cpy, "--codepage", "cp1146",
                        "--recfm", "auto", "--input", ltt], capture_output=True)
    err = r.stderr.decode()
    rc2, oracle = convert_output(["--copybook", cpy, "--codepage", "cp1146", "--recfm", "VB", "--input", ltt])
    check(r.returncode == 0 and r.stdout == oracle and "--recfm auto chose --recfm VB" in err,
          "--recfm auto reads LTT as VB and says so: %s" % err.strip())
    rc, _, err = run(["convert", "--copybook", cpy, "--recfm", "auto", "--input",
                      os.path.join(tmp, "random")])
    check(rc == 1 and "cannot tell" in err, "--recfm auto on random bytes refuses: %s" % err.strip())
    # load: the 300 returns `generate.sh ltt 300` wrote, read back with Python's sqlite3.
    db = os.path.join(tmp, "ltt.db")
    rc, _, err = run(["load", "--copybook", cpy, "--codepage", "cp1146", "--recfm", "auto", "--input", ltt,
                      "--target", "sqlite:" + db, "--table", "ltt", "--no-progress"])
    import sqlite3
    rows = sqlite3.connect(db).execute("SELECT count(*) FROM ltt").fetchone()[0] if rc == 0 else -1
    check(rc == 0 and rows == 300 and "--recfm auto chose --recfm VB" in err,
          "load --recfm auto loads 300 returns (%d) and says what it chose: %s" % (rows, err.strip()[:300]))
    # The same as a dataset (no --table): the catalog keeps the framing that was found.
    db2 = os.path.join(tmp, "ltt_ds.db")
    rc, _, err = run(["load", "--copybook", cpy, "--codepage", "cp1146", "--recfm", "auto", "--input", ltt,
                      "--target", "sqlite:" + db2, "--no-progress"])
    rows = sqlite3.connect(db2).execute("SELECT count(*) FROM ltt_return").fetchone()[0] if rc == 0 else -1
    check(rc == 0 and rows == 300 and "--recfm auto chose --recfm VB" in err,
          "load --recfm auto as a dataset loads 300 returns (%d): %s" % (rows, err.strip()[:300]))
    # delta (both generations framed as the old one) and inspect: the same answer as the
    # writer's own framing.
    tax = os.path.join(SAMPLES, "taxpayer")
    tax_cpy = os.path.join(tax, "TAXPAYER.cpy")
    lrecl = fixed_length(tax_cpy, tmp)
    delta = ["delta", "--copybook", tax_cpy, "--key", "TP-KEY", "--old", os.path.join(tax, "TAXPAYER.D20261120"),
             "--new", os.path.join(tax, "TAXPAYER.D20261121"), "-o", "-"]
    rc, auto_out, err = run(delta + ["--recfm", "auto"])
    rc2, fb_out, _ = run(delta + ["--recfm", "FB", "--lrecl", str(lrecl)])
    check(rc == 0 and auto_out == fb_out and len(fb_out) > 0 and ("--recfm auto chose --recfm FB --lrecl %d" % lrecl) in err,
          "delta --recfm auto frames both generations as FB %d: %s" % (lrecl, err.strip()[:300]))
    inspect = ["inspect", "--copybook", cpy, "--codepage", "cp1146", "--input", ltt, "--record-number", "7"]
    rc, auto_out, err = run(inspect + ["--recfm", "auto"])
    rc2, vb_out, _ = run(inspect + ["--recfm", "VB"])
    check(rc == 0 and auto_out == vb_out and "--recfm auto chose --recfm VB" in err,
          "inspect --recfm auto shows the record --recfm VB shows: %s" % err.strip()[:300])
    # encode writes a file: there is nothing to detect, and auto is refused, never read as FB.
    r = subprocess.run([MFB, "encode", "--copybook", os.path.join(tax, "TAXPAYER.cpy"), "--recfm", "auto",
                        "--output", os.devnull], input=b"{}\n", capture_output=True)
    check(r.returncode == 1 and b"encode writes one" in r.stderr, "encode refuses --recfm auto: %s" % r.stderr)


def main():
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) not installed")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        test_samples(tmp)
        test_gnucobol_files(tmp)
        test_hostile(tmp)
        test_framing_failures(tmp)
        test_recfm_auto(tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
