#!/usr/bin/env python3
"""Code pages against two oracles outside our code: Python's codecs and ICU's `uconv` tool.

Usage: code_page_oracle_test.py BUILD_DIR   (run from the repository root)

1. `mfbridge codepages --table NAME --format json` must equal Python's codec table for the
   pages Python ships (cp037, cp273, cp500, cp1140, cp1026, cp875, cp424).
2. For every single-byte page we list, the table must equal what `uconv -f ibm-N -t utf-8`
   gives for a file of all 256 bytes.
3. Every converter `uconv -l` names that behaves as single-byte EBCDIC (0x40 is a space,
   0xC1 is 'A') must be in our list, unless it is a swapped (LF/NL) variant.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PYTHON_PAGES = ["cp037", "cp273", "cp500", "cp1140", "cp1026", "cp875", "cp424"]

# Where Python's tables and ICU's differ, we follow ICU (the issue asks for ICU's mapping,
# and check 2 holds us to uconv). Each entry: (page, byte) -> (ICU's value, Python's value).
KNOWN_DIFFERENCES = {
    ("cp273", 0xBC): (0x00AF, 0x203E),  # ICU: macron; Python: overline
    ("cp1026", 0x9A): (0x20BA, 0x00AA),  # ICU 72: Turkish lira sign; Python: ordinal a
    ("cp424", 0xB3): (0x2022, 0x00B7),  # ICU: bullet; Python: middle dot
    ("cp424", 0xBC): (0x203E, 0x00AF),  # ICU: overline; Python: macron
}
# Bytes a page leaves unassigned: Python maps them to U+001A or raises; ICU substitutes
# (U+FFFD or U+001A), and so must we.
SUBSTITUTES = {0x001A, 0xFFFD}


def mfbridge(build: Path, *args: str) -> str:
    out = subprocess.run([str(build / "mfbridge"), "codepages", *args],
                         capture_output=True, text=True, check=True)
    return out.stdout


def table(build: Path, name: str) -> list:
    return json.loads(mfbridge(build, "--table", name, "--format", "json"))["table"]


def main() -> int:
    build = Path(sys.argv[1]).resolve()
    failures = 0
    checks = 0
    if not (build / "mfbridge").exists():
        print(f"{build / 'mfbridge'} not built")
        return 1

    for page in PYTHON_PAGES:
        ours = table(build, page)
        for b in range(256):
            checks += 1
            try:
                expected = ord(bytes([b]).decode(page))
            except UnicodeDecodeError:
                expected = None
            if (page, b) in KNOWN_DIFFERENCES:
                icu, python = KNOWN_DIFFERENCES[(page, b)]
                if expected != python or ours[b] != icu:
                    failures += 1
                    print(f"FAIL {page} byte {b:02X}: known difference changed")
                continue
            if expected is None or (expected == 0x1A and ours[b] in SUBSTITUTES):
                if ours[b] not in SUBSTITUTES:
                    failures += 1
                    print(f"FAIL {page} byte {b:02X}: unassigned, ours U+{ours[b]:04X}")
                continue
            if ours[b] != expected:
                failures += 1
                print(f"FAIL {page} byte {b:02X}: ours U+{ours[b]:04X}, Python U+{expected:04X}")

    pages = json.loads(mfbridge(build, "--format", "json"))
    listed = {p["ccsid"] for p in pages}
    if shutil.which("uconv"):
        with tempfile.TemporaryDirectory() as tmp:
            all_bytes = Path(tmp) / "all.bin"
            all_bytes.write_bytes(bytes(range(256)))
            for p in pages:
                if p["kind"] != "single-byte":
                    continue
                text = subprocess.run(["uconv", "--callback", "substitute", "-f",
                                       f"ibm-{p['ccsid']}", "-t", "utf-8", str(all_bytes)], capture_output=True, check=True).stdout
                expected = [ord(c) for c in text.decode("utf-8")]
                checks += 1
                if table(build, p["name"]) != expected:
                    failures += 1
                    print(f"FAIL {p['name']}: table differs from uconv -f ibm-{p['ccsid']}")

            # Independent enumeration: what uconv -l lists and behaves as EBCDIC.
            kinds = {p["ccsid"]: p["kind"] for p in pages}
            # Most specific first: a mixed page also passes the single-byte probe.
            probes = {"mixed": b"\x0e\x40\x40\x0f\x40\xc1", "single-byte": b"\x40\xc1",
                      "double-byte": b"\x40\x40"}
            wanted = {"single-byte": " A", "mixed": "\u3000 A", "double-byte": "\u3000"}
            found = 0
            for line in subprocess.run(["uconv", "-l"], capture_output=True, text=True,
                                       check=True).stdout.splitlines():
                name = line.split()[0] if line.split() else ""
                if not name.startswith("ibm-") or "," in name:
                    continue
                for kind, data in probes.items():
                    probe = Path(tmp) / "probe.bin"
                    probe.write_bytes(data)
                    r = subprocess.run(["uconv", "-f", name, "-t", "utf-8", str(probe)],
                                       capture_output=True)
                    if r.returncode != 0 or r.stdout.decode("utf-8", "replace") != wanted[kind]:
                        continue
                    ccsid = int(name[4:].split("_")[0])
                    found += 1
                    checks += 1
                    if kinds.get(ccsid) != kind:
                        failures += 1
                        print(f"FAIL uconv lists {kind} EBCDIC {name}; we have {kinds.get(ccsid)}")
                    break
            print(f"uconv -l names {found} EBCDIC converters; we list {len(pages)} pages")
            if found != len(pages):
                failures += 1
                print("FAIL the counts differ")
    else:
        print("uconv not installed: skipping the uconv comparisons")

    print(f"{checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
