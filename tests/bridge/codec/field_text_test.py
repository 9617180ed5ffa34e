#!/usr/bin/env python3
"""Per-field text: --field-codepage PAGE=FIELD,... (Cobrix's field_code_page:PAGE) and PIC X
USAGE COMP items (a Cobrix extension) written as base64 or upper-case hex (--binary-text,
Cobrix's binary_as_hex).

Oracles: Python's codecs write each field in its own page (cp037, cp500, cp273, cp1140,
cp875); the JSON must give back the characters Python encoded. The binary item's expected
text is Python's base64 and bytes.hex().upper() of bytes written here. cobc -std=ibm refuses
PIC X COMP (IBM's rule), so mfbridge does too unless --cobrix. Hostile: an unknown page, an
unknown field (with a suggestion), a field given two pages, a numeric field, a DBCS page,
a malformed PAGE=FIELD. Usage: field_text_test.py BUILD_DIR"""
import base64
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
from script_checks import check, finish  # noqa: E402

COPYBOOK = """\
       01  PARTNER-REC.
           05  P-ID              PIC 9(4).
           05  P-NAME-US         PIC X(12).
           05  P-NAME-INTL       PIC X(12).
           05  P-NAME-DE         PIC X(12).
           05  P-NAME-GR         PIC X(12).
           05  P-NOTE            PIC X(6).
"""
# Characters whose bytes differ between the pages: cp037 and cp500 swap [ ] ! ^ |,
# cp273 is German, cp875 Greek, cp1140 is cp037 with the euro sign.
ROWS = [
    (1, "ABC[1]!^|", "ABC[1]!^|", "Größe ÄÖÜ", "ΑΒΓ δέκα", "€ 12"),
    (2, "plain", "text", "Straße", "ΩΜΕΓΑ", "ok"),
]


def record(pid, us, intl, de, gr, note):
    def text(s, page, n):
        return s.ljust(n).encode(page)
    return (str(pid).rjust(4, "0").encode("cp037") + text(us, "cp037", 12) +
            text(intl, "cp500", 12) + text(de, "cp273", 12) + text(gr, "cp875", 12) +
            text(note, "cp1140", 6))


def run(mfb, *args):
    return subprocess.run([mfb, *args], capture_output=True, text=True)


def field_pages(mfb, tmp):
    cpy = os.path.join(tmp, "partner.cpy")
    dat = os.path.join(tmp, "partner.dat")
    with open(cpy, "w") as f:
        f.write(COPYBOOK)
    with open(dat, "wb") as f:
        for r in ROWS:
            f.write(record(*r))
    args = ["convert", cpy, "--input", dat, "--codepage", "cp037",
            "--field-codepage", "cp500=P-NAME-INTL", "--field-codepage", "cp273=P-NAME-DE",
            "--field-codepage", "cp875=P-NAME-GR",
            "--field-codepage", "cp1140=P-NOTE"]
    r = run(mfb, *args)
    rows = [json.loads(l) for l in r.stdout.splitlines()] if r.returncode == 0 else []
    want = [{"P-ID": p, "P-NAME-US": us, "P-NAME-INTL": intl, "P-NAME-DE": de, "P-NAME-GR": gr,
             "P-NOTE": note} for p, us, intl, de, gr, note in ROWS]
    check(rows == want, f"each field in its own page gives Python's characters: {rows} {r.stderr[:300]}")
    # Without the field pages, the cp500 and cp273 bytes read as cp037 differ: the option works.
    plain = run(mfb, "convert", cpy, "--input", dat, "--codepage", "cp037")
    first = json.loads(plain.stdout.splitlines()[0]) if plain.returncode == 0 else {}
    check(first.get("P-NAME-INTL") != ROWS[0][2] and first.get("P-NAME-DE") != ROWS[0][3],
          "without --field-codepage the same bytes read otherwise (the test can fail)")
    # CSV, and trimming through the field's own page (cp273's space is 0x40 too, so trim
    # both also takes leading blanks).
    c = run(mfb, *args, "--format", "csv", "--trim", "both")
    check(c.returncode == 0 and "Größe ÄÖÜ" in c.stdout and "ΑΒΓ δέκα" in c.stdout,
          "CSV output through field pages: " + c.stdout[:200] + c.stderr[:200])
    # Cobrix's spelling: field_code_page:PAGE = "FIELD, FIELD" ('_' for '-' accepted).
    k = run(mfb, "convert", cpy, "--input", dat, "--cobrix-option", "ebcdic_code_page=cp037",
            "--cobrix-option", "field_code_page:cp500=P_NAME_INTL",
            "--cobrix-option", "field_code_page:cp273= P-NAME-DE , P-NAME-US ")
    rows = [json.loads(l) for l in k.stdout.splitlines()] if k.returncode == 0 else []
    check(len(rows) == 2 and rows[1].get("P_NAME_DE") == "Straße" and rows[0].get("P_NAME_INTL") == "ABC[1]!^|",
          f"field_code_page:PAGE maps onto --field-codepage: {rows[:1]} {k.stderr[:300]}")
    return cpy, dat


def field_page_refusals(mfb, cpy, dat):
    base = ["convert", cpy, "--input", dat, "--codepage", "cp037"]
    for extra, says in ((["--field-codepage", "cp999=P-NOTE"], "cp999"),
                        (["--field-codepage", "cp500=P-NAME-INTX"], "P-NAME-INTX"),
                        (["--field-codepage", "cp500=P-NOTE", "--field-codepage", "cp273=P-NOTE"],
                         "two code pages"),
                        (["--field-codepage", "cp500=P-ID"], "not alphanumeric"),
                        (["--field-codepage", "cp500=PARTNER-REC"], "PARTNER-REC"),
                        (["--field-codepage", "cp930=P-NOTE"], "single-byte"),
                        (["--field-codepage", "P-NOTE"], "PAGE=FIELD"),
                        (["--field-codepage", "cp500="], "PAGE=FIELD"),
                        (["--field-codepage", "=P-NOTE"], "PAGE=FIELD")):
        r = run(mfb, *base, *extra)
        check(r.returncode == 1 and says in r.stderr and r.stdout == "",
              f"{extra} is refused, naming {says}: {r.stderr.strip()[:200]}")
    r = run(mfb, *base, "--field-codepage", "cp500=P-NAME-INTX")
    check("did you mean P-NAME-INTL" in r.stderr, "an unknown field gets a suggestion: " + r.stderr[:200])
    for opt, says in (("field_code_page=P-NOTE", "code page after"), ("field_code_page:cp500= , ", "fields")):
        r = run(mfb, "cobrix-options", opt)
        check(r.returncode == 1 and says in r.stderr, f"{opt} is refused: {r.stderr.strip()[:200]}")


BINARY = """\
       01  TOKEN-REC.
           05  T-KEY             PIC X(4).
           05  T-TOKEN           PIC X(5) COMP.
           05  T-HASH            PIC X(3) BINARY.
"""


def binary_items(mfb, tmp):
    cpy = os.path.join(tmp, "token.cpy")
    dat = os.path.join(tmp, "token.dat")
    with open(cpy, "w") as f:
        f.write(BINARY)
    token, hashed = bytes([0x00, 0xFF, 0x10, 0xAB, 0x7F]), bytes([0xC1, 0x00, 0x3E])
    with open(dat, "wb") as f:
        f.write("K001".encode("cp037") + token + hashed)
    ibm = run(mfb, "convert", cpy, "--input", dat)
    check(ibm.returncode == 1 and "cannot have USAGE" in ibm.stderr,
          "PIC X COMP is refused as IBM (and cobc -std=ibm) refuse it: " + ibm.stderr[:200])
    b = run(mfb, "convert", cpy, "--input", dat, "--cobrix")
    row = json.loads(b.stdout) if b.returncode == 0 else {}
    check(row == {"T-KEY": "K001", "T-TOKEN": base64.b64encode(token).decode(),
                  "T-HASH": base64.b64encode(hashed).decode()},
          f"--cobrix: PIC X COMP is its bytes in base64 (Spark's binary): {row} {b.stderr[:200]}")
    h = run(mfb, "convert", cpy, "--input", dat, "--cobrix", "--binary-text", "hex")
    row = json.loads(h.stdout) if h.returncode == 0 else {}
    check(row.get("T-TOKEN") == token.hex().upper() and row.get("T-HASH") == hashed.hex().upper(),
          f"--binary-text hex: upper-case hex: {row}")
    k = run(mfb, "convert", cpy, "--input", dat, "--cobrix-option", "binary_as_hex=true",
            "--cobrix-option", "ebcdic_code_page=cp037")
    row = json.loads(k.stdout) if k.returncode == 0 else {}
    check(row.get("T_TOKEN") == "00FF10AB7F", f"binary_as_hex=true under the Cobrix profile: {row} {k.stderr[:200]}")
    k = run(mfb, "convert", cpy, "--input", dat, "--cobrix-option", "binary_as_hex=false")
    row = json.loads(k.stdout) if k.returncode == 0 else {}
    check(row.get("T_TOKEN") == "AP8Qq38=", f"binary_as_hex=false: base64: {row}")
    lay = run(mfb, "layout", cpy, "--cobrix", "--format", "json")
    fields = {f["name"]: f for r in json.loads(lay.stdout)["records"] for f in r["fields"]} if lay.returncode == 0 else {}
    check(fields.get("T-TOKEN", {}).get("length") == 5 and fields.get("T-HASH", {}).get("offset") == 9,
          "PIC X(5) COMP is 5 bytes (Cobrix sizes it by its picture)")
    check(fields.get("T-TOKEN", {}).get("cobrix_binary") is True and "cobrix_binary" not in fields.get("T-KEY", {}),
          "the JSON layout marks PIC X COMP items as bytes")
    listing = run(mfb, "layout", cpy, "--cobrix").stdout
    check("COMP (BYTES)" in listing, "the listing shows PIC X COMP items as COMP (BYTES)")
    e = run(mfb, "encode", cpy, "--cobrix", "--input", "-", "--output", os.path.join(tmp, "o.dat"))
    check(e.returncode != 0 and "--raw" in e.stderr, "encode refuses PIC X COMP unless --raw: " + e.stderr[:200])
    for bad, says in ((["--binary-text", "HEX"], "HEX"), (["--cobrix-option", "binary_as_hex=1"], "true or false")):
        r = run(mfb, "convert", cpy, "--input", dat, "--cobrix", *bad) if bad[0] != "--cobrix-option" \
            else run(mfb, "convert", cpy, "--input", dat, *bad)
        check(r.returncode == 1 and says in r.stderr, f"{bad} is refused: {r.stderr.strip()[:160]}")


def main():
    mfb = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "build", "mfbridge")
    with tempfile.TemporaryDirectory() as tmp:
        cpy, dat = field_pages(mfb, tmp)
        field_page_refusals(mfb, cpy, dat)
        binary_items(mfb, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
