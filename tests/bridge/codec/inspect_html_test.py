#!/usr/bin/env python3
"""`mfbridge inspect --html FILE`: a self-contained page for one record or a whole file.

Oracles: the council tax sample written here by its GnuCOBOL program (samples/generate.sh),
whose DISPLAY lines give each account's values; a file of hostile text fields written with
Python's cp037 codec. The page is read back with Python's html.parser (an independent
parser): each field row's value must be what GnuCOBOL displays, hostile text must come back
as the same text (escaped, never markup), the page must carry no script at all and a CSP
that allows none, and a whole file's page must say how many records it left out.

Usage: inspect_html_test.py BUILD_DIR  (run from the repository root)
"""

import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from script_checks import check, finish  # noqa: E402

BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
MFB = os.path.join(BUILD, "mfbridge")
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
CTAX_CPY = os.path.join(ROOT, "samples", "council-tax", "CTAXACC.cpy")
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "</td></tr></table><b>&amp;'"]


class Page(HTMLParser):
    """Field rows (cells' text), tags seen, and the CSP meta tag."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.rows, self.tags, self.csp, self.paragraphs = [], set(), None, []
        self._row = self._cell = self._p = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        a = dict(attrs)
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content")
        if tag == "tr":
            self._row = {"class": a.get("class", ""), "cells": []}
        if tag == "td":
            self._cell = ""
        if tag == "p":
            self._p = ""

    def handle_endtag(self, tag):
        if tag == "td" and self._row is not None:
            self._row["cells"].append(self._cell)
            self._cell = None
        if tag == "tr" and self._row is not None:
            if self._row["cells"]:
                self.rows.append(self._row)
            self._row = None
        if tag == "p" and self._p is not None:
            self.paragraphs.append(self._p)
            self._p = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._p is not None:
            self._p += data

    def fields(self):
        return {r["cells"][0]: (r["cells"][5], "bad" in r["class"].split()) for r in self.rows}


def inspect(*args):
    return subprocess.run([MFB, "inspect", *args], capture_output=True, text=True, timeout=120)


def unquote(v):
    return v.strip()[1:-1].rstrip() if v.strip().startswith('"') else v.strip()


def check_council_tax(tmp):
    data, log = os.path.join(tmp, "CTAX.ACCOUNTS"), os.path.join(tmp, "ctax.log")
    with open(log, "w") as f:
        subprocess.run([os.path.join(ROOT, "samples", "generate.sh"), "council-tax", "400", data], stdout=f, check=True)
    lines = open(log, encoding="latin-1").read().splitlines()
    raw = open(data, "rb").read()
    dd = [l.split()[1:] for l in lines if l.startswith("DD ")][0]
    n = next(i // 174 + 1 for i in range(0, len(raw), 174) if raw[i:i + 4] == int(dd[0]).to_bytes(4, "big"))
    out = os.path.join(tmp, "dd.html")
    p = inspect("--copybook", CTAX_CPY, "--codepage", "cp285", "--input", data, "--record-number", str(n), "--html", out)
    check(p.returncode in (0, 2) and os.path.exists(out), "inspect --html exit %d: %s" % (p.returncode, p.stderr))
    page = Page(open(out, encoding="utf-8").read())
    fields = page.fields()
    got = [fields.get("CTAX-ACCOUNT.CT-DIRECT-DEBIT." + k, ("", True)) for k in
           ("CT-DD-SORT-CODE", "CT-DD-ACCOUNT", "CT-DD-DAY", "CT-DD-MANDATE-NO")]
    check([v for v, _ in got] == [str(int(x)) for x in dd[1:]] and not any(b for _, b in got),
          "record %d's direct debit as GnuCOBOL shows it: %s vs %s" % (n, got, dd))
    check(fields.get("CTAX-ACCOUNT.CT-ACCOUNT-NO", ("",))[0] == str(int(dd[0])), "account number")
    card = fields.get("CTAX-ACCOUNT.CT-CARD.CT-CARD-EXPIRY", ("", False))
    check(card[1], "the card reading of a direct-debit record is marked bad: %s" % (card,))
    check("script" not in page.tags, "no script in the page")
    # The whole file, cut at 7 records: the page says how many it left out.
    out = os.path.join(tmp, "all.html")
    p = inspect("--copybook", CTAX_CPY, "--codepage", "cp285", "--input", data, "--html", out, "--html-max-records", "7")
    page = Page(open(out, encoding="utf-8").read())
    heads = sum(1 for r in page.rows if r["cells"][0] == "CTAX-ACCOUNT.CT-ACCOUNT-NO")
    check(heads == 7, "whole-file page: 7 records, got %d" % heads)
    check(any("%d more left out" % (len(raw) // 174 - 7) in t for t in page.paragraphs), "the page says what it left out")
    # Truncated: three whole records and 50 bytes. The page shows the three and says why it stopped.
    cut = os.path.join(tmp, "CUT.DAT")
    open(cut, "wb").write(raw[:174 * 3 + 50])
    out = os.path.join(tmp, "cut.html")
    p = inspect("--copybook", CTAX_CPY, "--codepage", "cp285", "--input", cut, "--html", out)
    text = open(out, "rb").read() if os.path.exists(out) else b""
    page = Page(text.decode("utf-8", "replace"))
    heads = sum(1 for r in page.rows if r["cells"][0] == "CTAX-ACCOUNT.CT-ACCOUNT-NO")
    check(p.returncode == 2 and heads == 3 and any(t.startswith("Reading stopped") and "50 bytes" in t for t in page.paragraphs),
          "a truncated file: its 3 records and where reading stopped (exit %d, %d records)" % (p.returncode, heads))
    check(b"\x00" not in text, "no NUL in the page (low-values shown as control pictures)")


def check_hostile(tmp):
    cpy, data = os.path.join(tmp, "NOTES.cpy"), os.path.join(tmp, "NOTES.DAT")
    open(cpy, "w").write("       01  NOTE-REC.\n           05  NOTE-ID    PIC 9(4).\n           05  NOTE-TEXT  PIC X(60).\n")
    open(data, "wb").write(b"".join(("%04d" % i + t.ljust(60)).encode("cp037") for i, t in enumerate(HOSTILE, 1)))
    out = os.path.join(tmp, "notes.html")
    p = inspect("--copybook", cpy, "--input", data, "--html", out)
    check(p.returncode == 0, "hostile notes: exit %d %s" % (p.returncode, p.stderr))
    text = open(out, encoding="utf-8").read()
    page = Page(text)
    shown = [unquote(r["cells"][5]) for r in page.rows if r["cells"][0] == "NOTE-REC.NOTE-TEXT"]
    check(shown == HOSTILE, "hostile text comes back as text: %s" % shown)
    check(not ({"script", "img"} & page.tags) and page.tags & {"b"} == set(), "no markup from the data: %s" % page.tags)
    check(page.csp is not None and "default-src 'none'" in page.csp and "script" not in page.csp,
          "a CSP that allows no script: %s" % page.csp)
    check("<script" not in text.lower(), "no <script in the file")
    p = inspect("--copybook", cpy, "--input", data, "--html", os.path.join(tmp, "none", "x.html"), "--record-number", "1")
    check(p.returncode == 4 and "cannot write" in p.stderr, "an unwritable page is an I/O failure: %d %s" % (p.returncode, p.stderr))
    p = inspect("--copybook", cpy, "--input", data, "--html", os.path.join(tmp, "x.html"), "--record-number", "9")
    check(p.returncode == 2 and "no record 9" in p.stderr, "a missing record: %d %s" % (p.returncode, p.stderr))


def main():
    with tempfile.TemporaryDirectory(prefix="mfb-inspect-html-") as tmp:
        check_council_tax(tmp)
        check_hostile(tmp)
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
