#!/usr/bin/env python3
"""The web inspector's safety, in a real browser and over raw HTTP:
- a record whose text field holds `<script>...` or `"><img src=x onerror=...>` (written here
  with Python's cp037 codec) is shown as that text in the record view and in the record-by-key
  JSON: no script runs (the page's own marker stays unset), no element is injected, and the
  EBCDIC hex shown equals the bytes written;
- /ui is served with a strict Content-Security-Policy (default-src 'self', no inline script,
  no eval), nosniff, the right content types, and without a key; the API still needs one;
- the served scripts never build markup from strings (no innerHTML, document.write, eval).
Screenshots go to BUILD/test-artifacts/ui/xss/.

Usage: serve_ui_xss_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, check, finish, require_mfb  # noqa: E402
from ui_browser import browse  # noqa: E402

KEY = "xss-key"
TMP = []  # the test's scratch folder
COPYBOOK = "       01  NOTE-REC.\n           05  NOTE-ID    PIC 9(4).\n           05  NOTE-TEXT  PIC X(60).\n"
HOSTILE = ["<script>window.__xss = 1</script>", '"><img src=x onerror="window.__xss=2">',
           "</pre><svg onload=window.__xss=3>&amp;"]


def check_html_page(b, tmp):
    """`mfbridge inspect --html` of the same file, opened from disk in the same browser."""
    page = os.path.join(tmp, "notes.html")
    p = subprocess.run([MFB, "inspect", "--copybook", os.path.join(tmp, "NOTES.cpy"), "--input",
                        os.path.join(tmp, "NOTES.DAT"), "--html", page], capture_output=True, text=True)
    check(p.returncode == 0, "inspect --html: %s" % p.stderr)
    b.driver.get("file://" + page)
    cells = b.wait(lambda: b.find_all("td.value"), "the page's values")
    shown = [c.text[1:-1].rstrip() for c in cells if c.text.startswith('"')]
    check(shown == HOSTILE, "inspect --html shows the hostile text as text: %s" % shown)
    check(b.driver.execute_script("return window.__xss") is None and not b.find_all("img, svg, script"),
          "inspect --html: nothing ran, nothing injected")
    b.shot("inspect-html")


def load(tmp):
    cpy, data, db = (os.path.join(tmp, n) for n in ("NOTES.cpy", "NOTES.DAT", "notes.db"))
    open(cpy, "w").write(COPYBOOK)
    records = [("%04d" % (i + 1) + text.ljust(60)).encode("cp037") for i, text in enumerate(HOSTILE)]
    open(data, "wb").write(b"".join(records))
    p = subprocess.run([MFB, "load", "--copybook", cpy, "--input", data, "--target", "sqlite:" + db,
                        "--table", "notes", "--key", "NOTE-ID"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return db, records


def check_headers(server):
    status, h, body = server.request("GET", "/ui/")
    check(status == 200 and h.get("content-type", "").startswith("text/html"), "/ui/ is HTML without a key: %s" % status)
    csp = h.get("content-security-policy", "")
    for part in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
        check(part in csp, "CSP has %s: %s" % (part, csp))
    check("unsafe" not in csp, "CSP allows nothing unsafe: %s" % csp)
    check(h.get("x-content-type-options") == "nosniff", "nosniff on /ui/")
    check(b"<script>" not in body.replace(b"<script src=", b""), "no inline script in the page")
    for name, kind in (("app.js", "text/javascript"), ("app.css", "text/css"), ("record.js", "text/javascript")):
        status, h, js = server.request("GET", "/ui/" + name)
        check(status == 200 and h.get("content-type", "").startswith(kind), "/ui/%s is %s: %s" % (name, kind, h.get("content-type")))
        check(h.get("x-content-type-options") == "nosniff" and "default-src 'self'" in h.get("content-security-policy", ""),
              "/ui/%s has the headers" % name)
        for banned in (b"innerHTML", b"outerHTML", b"insertAdjacentHTML", b"document.write", b"eval(", b"new Function"):
            check(banned not in js, "/ui/%s uses %s" % (name, banned.decode()))
    check(server.request("GET", "/ui/nothing.js")[0] == 404, "an unknown file is 404")
    check(server.request("GET", "/ui/%2e%2e%2fkeys.yaml")[0] == 404, "no path outside the embedded files")
    check(server.request("GET", "/ui")[0] == 308, "/ui redirects to /ui/")
    check(server.request("GET", "/v1/datasets/notes/inspect?record=1")[0] == 401, "the data needs a key")
    check(server.request("POST", "/v1/datasets/notes/inspect?record=1", key=KEY)[0] == 405, "the inspector's routes are read-only")


def check_page(b, url, records):
    for n, text in enumerate(HOSTILE, 1):
        b.go("%s/ui/#/record/notes?n=%d" % (url, n))
        rows = b.field_rows()
        shown = rows.get("NOTE-REC.NOTE-TEXT", (0, 0, ""))[2]
        # Shown quoted as `mfbridge inspect` shows text, with the field's trailing spaces.
        check(shown.startswith('"') and shown[1:-1].rstrip() == text, "record %d: the text is shown as text: %r" % (n, shown))
        check(b.driver.execute_script("return window.__xss") is None, "record %d: no injected script ran" % n)
        check(not b.find_all("main img, main svg, main script"), "record %d: no element injected" % n)
        b.shot("record-%d" % n)
    b.go(url + "/ui/#/dataset/notes")
    b.find("#key-value").send_keys("2")
    b.find("#key-lookup button").click()
    pre = b.wait(lambda: b.find("#by-key-json"), "the record by key")
    check(json.loads(pre.text).get("NOTE-TEXT") == HOSTILE[1], "record by key: JSON shown as text: %s" % pre.text)
    check(b.text("#by-key-hex") == records[1].hex(" ").upper(), "record by key: the EBCDIC bytes written")
    check(b.driver.execute_script("return window.__xss") is None and not b.find_all("main img"), "record by key: nothing ran")
    b.shot("by-key")
    check_html_page(b, TMP[0])


def main():
    require_mfb()
    with tempfile.TemporaryDirectory(prefix="mfb-ui-xss-") as tmp:
        TMP.append(tmp)
        db, records = load(tmp)
        browse(sys.argv[1] if len(sys.argv) > 1 else "build", "xss", tmp, db, KEY, ["read:notes"],
               lambda b, url: check_page(b, url, records), before=check_headers)
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
