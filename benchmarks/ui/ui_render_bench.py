#!/usr/bin/env python3
"""How fast the web inspector draws big layouts and records in headless chromium (a figure
for docs/benchmarks.md, not a test): a 1,000-field layout map, and the record view of a
32 KB record of 1,024 fields. Each figure is the wall time from setting the page's hash to
the page saying it has drawn (fetches, JSON, DOM, one frame), the median of 7 after one
warm-up. With --readme-shot PNG it also takes the README's 800x500 screenshot (the viewport of an 800x640 window) (a council
tax direct-debit record of the sample).

Usage: benchmarks/ui/ui_render_bench.py BUILD_DIR [--readme-shot docs/web-inspector.png]
"""

import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "build")
MFB = os.path.join(BUILD, "mfbridge")
sys.argv[1:1] = [] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else [BUILD]

from ui_browser import browse  # noqa: E402

TIME_PAGE = """
const [hash, done] = arguments;
const t0 = performance.now();
location.hash = hash;
(function poll() {
  if (document.body.dataset.ready === location.hash) requestAnimationFrame(() => done(performance.now() - t0));
  else setTimeout(poll, 1);
})();
"""


def write_inputs(tmp):
    """WIDE: 1,000 elementary fields of mixed usages; HUGE: 1,024 x PIC X(32) = 32 KB."""
    wide = ["       01  WIDE-REC."]
    for i in range(1, 1001):
        pic = ("PIC X(8)", "PIC S9(7)V99 COMP-3", "PIC S9(4) COMP", "PIC 9(6)")[i % 4]
        wide.append("           05  W-F%04d  %s." % (i, pic))
    huge = ["       01  HUGE-REC."] + ["           05  H-F%04d  PIC X(32)." % i for i in range(1, 1025)]
    for name, lines in (("WIDE", wide), ("HUGE", huge)):
        open(os.path.join(tmp, name + ".cpy"), "w").write("\n".join(lines) + "\n")
    wide_len = sum((8, 5, 2, 6)[i % 4] for i in range(1, 1001))
    rec = bytearray()
    for i in range(1, 1001):
        rec += ((b"\xc1" * 8), b"\x00\x00\x01\x23\x4c", b"\x00\x2a", b"\xf1" * 6)[i % 4]
    assert len(rec) == wide_len
    open(os.path.join(tmp, "WIDE.DAT"), "wb").write(bytes(rec) * 3)
    open(os.path.join(tmp, "HUGE.DAT"), "wb").write(("ABCDEFGH" * 4096).encode("cp037") * 3)
    db = os.path.join(tmp, "bench.db")
    for name in ("WIDE", "HUGE"):
        subprocess.run([MFB, "load", "--copybook", os.path.join(tmp, name + ".cpy"), "--input",
                        os.path.join(tmp, name + ".DAT"), "--target", "sqlite:" + db, "--table", name.lower()],
                       check=True, capture_output=True)
    ctax = os.path.join(ROOT, "samples", "council-tax")
    subprocess.run([MFB, "load", "--copybook", os.path.join(ctax, "CTAXACC.cpy"), "--codepage", "cp285",
                    "--select", "CT-PAYMENT-METHOD=D:CT-DIRECT-DEBIT", "--select", "CT-PAYMENT-METHOD=C:CT-CARD",
                    "--select", "CT-PAYMENT-METHOD=S:CT-COUNTER", "--input", os.path.join(ctax, "CTAX.ACCOUNTS"),
                    "--target", "sqlite:" + db, "--table", "council_tax"], check=True, capture_output=True)
    return db


def measure(b, url):
    b.go(url + "/ui/#/datasets")
    for label, hash_ in (("layout map, 1,000 fields", "#/layout/wide"), ("record view, 1,000 fields", "#/record/wide?n=2"),
                         ("record view, 32 KB record (1,024 fields)", "#/record/huge?n=2")):
        times = []
        for i in range(8):
            b.driver.execute_async_script(TIME_PAGE, "#/datasets")
            ms = b.driver.execute_async_script(TIME_PAGE, hash_)
            if i:
                times.append(ms)
        print("%-42s median %6.0f ms (min %.0f, max %.0f)" % (label, statistics.median(times), min(times), max(times)))


def main():
    shot = sys.argv[sys.argv.index("--readme-shot") + 1] if "--readme-shot" in sys.argv else None
    with tempfile.TemporaryDirectory(prefix="mfb-ui-bench-") as tmp:
        db = write_inputs(tmp)
        browse(BUILD, "bench", tmp, db, "bench-key", ["read:*"], measure)
        if shot:
            from ui_browser import Browser  # the screenshot wants a small window of its own
            from serve_support import serving
            with serving(tmp, db, {"shot": ("shot-key", ["read:*"])}) as server:
                with Browser(BUILD, "readme", size="800,640") as b:
                    url = "http://127.0.0.1:%d" % server.port
                    b.enter_key(url, "shot-key")
                    b.go(url + "/ui/#/record/council_tax_ct_direct_debit?n=3")
                    b.driver.execute_script("document.getElementById('hex').scrollIntoView()")
                    b.driver.save_screenshot(os.path.abspath(shot))
                    print("wrote", shot)


if __name__ == "__main__":
    main()
