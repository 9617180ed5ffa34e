#!/usr/bin/env python3
"""Cobrix's `common` and `common-extended` pages against Python's codecs, uconv and the peer.

1. The characters every Latin-1 EBCDIC country page agrees on (the intersection of Python's
   cp037, cp273, cp500 and cp1140 codecs, and of uconv's ibm-277 ... ibm-1148 when uconv is
   installed) are in `common`, at the same bytes.
2. `common` is cp037's printable ASCII (U+0021-U+007E), every other byte a space: the
   peer files show cp037's places for the variant characters (t05: 0xBA reads '[', 0x7C
   '@', 0x5F '¬' a space), which the intersection alone does not fix.
3. `common-extended` adds cp037's C0 controls and DEL; C1 controls stay spaces.
4. `mfbridge codepages` lists both; common_extended is accepted as a name.
Usage: common_page_test.py BUILD_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))

from script_checks import check, finish

ROOT = Path(__file__).resolve().parents[2]
PEER_T05 = ROOT.parent / "shared" / "peer" / "cobrix" / "t05_vrl_multiseg_ebcdic"


def table(mfbridge, name):
    out = subprocess.run([mfbridge, "codepages", "--table", name, "--format", "json"],
                         capture_output=True, text=True)
    check(out.returncode == 0, f"codepages --table {name} exits 0 ({out.stderr.strip()})")
    return json.loads(out.stdout)["table"] if out.returncode == 0 else [None] * 256


def latin_pages():
    pages = [[ord(bytes([b]).decode(c)) for b in range(256)]
             for c in ("cp037", "cp273", "cp500", "cp1140")]
    if shutil.which("uconv"):
        with tempfile.TemporaryDirectory() as tmp:
            f = Path(tmp) / "all.bin"
            f.write_bytes(bytes(range(256)))
            for ccsid in (277, 278, 280, 284, 285, 297, 871, 1141, 1142, 1143, 1144, 1145, 1146,
                          1147, 1148, 1149):
                text = subprocess.run(["uconv", "-f", f"ibm-{ccsid}", "-t", "utf-8", str(f)],
                                      capture_output=True, check=True).stdout.decode("utf-8")
                pages.append([ord(c) for c in text])
    return pages


def main():
    mfbridge = str(Path(sys.argv[1]) / "mfbridge")
    common = table(mfbridge, "common")
    extended = table(mfbridge, "common_extended")
    cp037 = [ord(bytes([b]).decode("cp037")) for b in range(256)]

    pages = latin_pages()
    shared = {b: pages[0][b] for b in range(256)
              if all(p[b] == pages[0][b] for p in pages) and 0x21 <= pages[0][b] <= 0x7E}
    check(len(shared) >= 70, f"{len(pages)} pages share {len(shared)} printable characters")
    check(all(common[b] == cp for b, cp in shared.items()),
          "every character all Latin EBCDIC pages share is in common at its byte")

    want = [cp if 0x21 <= cp <= 0x7E else 0x20 for cp in cp037]
    check(common == want, "common is cp037's printable ASCII, every other byte a space")
    check(common[0xBA] == ord("[") and common[0x7C] == ord("@") and common[0x5F] == 0x20,
          "the variant places the peer shows (0xBA '[', 0x7C '@', 0x5F a space)")
    if PEER_T05.is_dir():
        # t05 record 2 of the LE file holds TAXPAYER-STR bytes 05 BA EC 03 ... read as "[".
        rows = [json.loads(l) for l in
                (PEER_T05 / "expected" / "test5.txt").read_text(encoding="utf-8").splitlines()]
        strs = {r["STATIC_DETAILS"]["TAXPAYER"].get("TAXPAYER_STR") for r in rows
                if "STATIC_DETAILS" in r}
        check("[" in strs and "@" in strs, "the peer's rows hold '[' and '@' from common")

    want_ext = [cp if 0x21 <= cp <= 0x7E or cp < 0x20 or cp == 0x7F else 0x20 for cp in cp037]
    check(extended == want_ext, "common-extended adds cp037's C0 controls and DEL")
    check(extended[0x0D] == 0x0D and extended[0x25] == 0x0A,
          "0x0D is CR and 0x25 LF, IBM's assignment (Cobrix swaps them)")
    check(all(extended[b] == 0x20 for b in range(256) if 0x80 <= cp037[b] <= 0x9F),
          "C1 controls read as spaces")

    listing = subprocess.run([mfbridge, "codepages"], capture_output=True, text=True).stdout
    check("common " in listing and "common-extended" in listing and "ascii-utf8" in listing,
          "mfbridge codepages lists the built-in pages")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
