#!/usr/bin/env python3
"""mfbridge rehost-file: the legacy program, compiled by GnuCOBOL, reads the moved data.

For every sample and every GnuCOBOL oracle program of gnucobol_convert_test.py (customer:
every USAGE; multi: REDEFINES and record types; odo: variable records), the EBCDIC file is
rehosted, a COBOL program COPYing the same copybook into its FD (tests/support/
rehost_reader.py) is compiled with `cobc -std=ibm` and the matching flags, reads the file
and DISPLAYs every item; what it prints must equal what `mfbridge convert` decodes from the
EBCDIC original. Variants: GnuCOBOL's defaults (-fsign=ASCII, big-endian binary),
-fbinary-byteorder=native, -fsign=EBCDIC. The comparison is shown to fail on a file whose
zoned signs were not converted for the program. Every rehosted file goes back with
--reverse to the original bytes.

Usage: rehost_file_test.py BUILD_DIR  (run from the repository root)
"""

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.abspath("tests/support"))
from script_checks import check, finish  # noqa: E402
import layout_oracle as lo  # noqa: E402
import rehost_reader as rr  # noqa: E402

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
MFB = os.path.join(BUILD, "mfbridge")
SAMPLES = os.path.abspath("samples")

PAYE_SELECT = ["--select", "PH-RECORD-TYPE=H:PAYE-HEADER-REC",
               "--select", "PD-RECORD-TYPE=D:PAYE-DETAIL-REC",
               "--select", "PT-RECORD-TYPE=T:PAYE-TRAILER-REC"]
CTAX_SELECT = ["--select", "CT-PAYMENT-METHOD=D:CT-DIRECT-DEBIT",
               "--select", "CT-PAYMENT-METHOD=C:CT-CARD",
               "--select", "CT-PAYMENT-METHOD=S:CT-COUNTER"]



def mfb(args):
    r = subprocess.run([MFB] + args, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode(errors="replace")


class Case:
    """An EBCDIC file, its copybook and options, the charset it rehosts to, and whether
    its records vary in length (the FD then says RECORD VARYING)."""

    def __init__(self, name, data, cpy, opts, charset="ascii", variable=False, reverse=()):
        self.name, self.data, self.cpy, self.opts = name, data, cpy, opts
        self.charset, self.variable, self.reverse_opts = charset, variable, list(reverse)


def sample_cases():
    s = lambda d, f: os.path.join(SAMPLES, d, f)
    return [
        Case("taxpayer", s("taxpayer", "TAXPAYER.D20261121"), s("taxpayer", "TAXPAYER.cpy"),
             ["--codepage", "cp285"]),
        Case("paye", s("paye", "PAYE.D20261121"), s("paye", "PAYE.cpy"),
             ["--codepage", "cp285", "--recfm", "FB", "--lrecl", "80"] + PAYE_SELECT),
        Case("council-tax", s("council-tax", "CTAX.ACCOUNTS"), s("council-tax", "CTAXACC.cpy"),
             ["--codepage", "cp285"] + CTAX_SELECT, "latin1"),
        Case("ltt", s("ltt", "LTT.RETURNS"), s("ltt", "LTTRET.cpy"),
             ["--codepage", "cp1146", "--recfm", "VB"], "utf-8", True, ["--block-size", "6144"]),
        Case("benefits", s("benefits", "BENEFIT.CLAIMS"), s("benefits", "BENCLAIM.cpy"),
             ["--codepage", "cp285"], "latin1"),
    ]


def oracle_cases(tmp):
    """The EBCDIC files gnucobol_convert_test.py builds with its GnuCOBOL writers."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gnucobol_convert_test.py")
    spec = importlib.util.spec_from_file_location("gnucobol_convert_test", path)
    g = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(g)
    cust, cust_cpy = g.test_customer(tmp)
    multi, multi_cpy = g.test_multi(tmp)
    g.test_odo(tmp)
    check(not g.FAILURES, "the oracle writers' own checks pass")
    return [
        Case("customer", cust, cust_cpy, ["--codepage", "cp037"]),
        Case("multi", multi, multi_cpy, ["--codepage", "cp037"] + g.SELECT),
        Case("odo", os.path.join(tmp, "odo.dat"), os.path.join(g.DATA, "odo.cpy"),
             ["--codepage", "cp037", "--recfm", "V", "--rdw-excludes-header"], "ascii", True),
    ]


def max_length(case, work):
    records, err = lo.gnucobol_layout(case.cpy, [], work)
    check(err is None, "%s: layout oracle: %s" % (case.name, err))
    return max(r["length"] for r in records)


def read_back(case, work, rehosted, flags, line_sequential=False):
    """Compile the reader with `flags`, run it on `rehosted`; the mismatches."""
    variable = (1, max_length(case, work)) if case.variable else None
    items = rr.reader_program(case.cpy, work, os.path.basename(rehosted), line_sequential,
                              variable)
    exe = rr.build_reader(case.cpy, work, flags)
    shown = rr.run_reader(exe, work)
    rc, out, err = mfb(["convert", "--copybook", case.cpy, "--input", case.data,
                        "--no-progress"] + case.opts)
    check(rc == 0, "%s: convert exit %d: %s" % (case.name, rc, err))
    return rr.compare(items, shown, out.decode().splitlines(), case.name,
                      "utf-8" if case.charset == "utf-8" else "latin-1")


VARIANTS = [  # (name, rehost-file flags, cobc flags)
    ("defaults", [], []),
    ("native binary", ["--binary-byteorder", "native"], ["-fbinary-byteorder=native"]),
    ("fsign=EBCDIC", ["--sign", "ebcdic"], ["-fsign=EBCDIC"]),
]


def test_case(case, tmp):
    for vname, rflags, cflags in VARIANTS:
        work = tempfile.mkdtemp(dir=tmp)
        rehosted = os.path.join(work, "rehosted.dat")
        args = ["rehost-file", "--copybook", case.cpy, "--charset", case.charset] + case.opts
        rc, _, err = mfb(args + rflags + ["--input", case.data, "-o", rehosted])
        check(rc == 0, "%s/%s: rehost-file exit %d: %s" % (case.name, vname, rc, err))
        bad = read_back(case, work, rehosted, cflags)
        check(not bad, "%s/%s: %d mismatches, first: %s" % (case.name, vname, len(bad), bad[:3]))
        back = os.path.join(work, "back.dat")
        rc, _, err = mfb(args + rflags + case.reverse_opts +
                         ["--reverse", "--input", rehosted, "-o", back])
        same = rc == 0 and open(back, "rb").read() == open(case.data, "rb").read()
        check(same, "%s/%s: --reverse is not byte-identical (exit %d) %s"
              % (case.name, vname, rc, err))
    print("ok: %s read by GnuCOBOL in %d variants, and back" % (case.name, len(VARIANTS)))


def test_sign_not_converted(case, tmp):
    """The comparison can fail: zoned signs left in the EBCDIC convention (as -fsign=EBCDIC
    spells them) read by a program built with GnuCOBOL's default -fsign=ASCII."""
    work = tempfile.mkdtemp(dir=tmp)
    rehosted = os.path.join(work, "rehosted.dat")
    rc, _, err = mfb(["rehost-file", "--copybook", case.cpy, "--sign", "ebcdic", "--input",
                      case.data, "-o", rehosted] + case.opts)
    check(rc == 0, "unconverted signs: exit %d %s" % (rc, err))
    bad = read_back(case, work, rehosted, [])
    check(any("CREDIT-LIMIT" in b or "LEAD-SIGN" in b for b in bad),
          "a file with unconverted signs must fail the comparison: %s" % bad[:3])
    print("ok: unconverted zoned signs are caught (%d mismatches)" % len(bad))


def main():
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) not installed")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cases = sample_cases() + oracle_cases(tmp)
        for case in cases:
            test_case(case, tmp)
        test_sign_not_converted(cases[5], tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
