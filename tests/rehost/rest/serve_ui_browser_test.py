#!/usr/bin/env python3
"""The web inspector in a real browser: `mfbridge serve` over SQLite with samples loaded,
headless Debian chromium driven by Selenium, every page loaded and clicked through.

What is shown is checked against GnuCOBOL, never against our own JSON:
- council tax: the sample's COBOL writer (samples/generate.sh) is run here; the file it writes
  is loaded, and its DISPLAY lines (ACCOUNT, DD, CARD) give the values the record view must
  show, including each REDEFINES alternative of the payment details;
- taxpayer: the writer's file with one packed byte spoiled (a bad sign nibble) is loaded with
  --on-error reject; its CHECK line gives the record's good values; the spoiled field must be
  marked bad with its bytes; datasets -> rejects -> record view, and "next bad record";
- the layout map's offsets and lengths come from a GnuCOBOL program measuring the copybook
  (tests/support/layout_oracle.py);
- the runs page shows the run of a job file written here, with its step names and records.
Screenshots go to BUILD/test-artifacts/ui/browser/.

Usage: serve_ui_browser_test.py BUILD_DIR  (run from the repository root)
"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, check, finish, require_mfb  # noqa: E402
from layout_oracle import gnucobol_layout  # noqa: E402
from ui_browser import Select, browse  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
CTAX_CPY = os.path.join(ROOT, "samples", "council-tax", "CTAXACC.cpy")
TAX_CPY = os.path.join(ROOT, "samples", "taxpayer", "TAXPAYER.cpy")
ODO_CPY = os.path.join(ROOT, "tests", "data", "convert", "odo.cpy")
KEY = "inspector-key"
CTAX_SELECT = ["--select", "CT-PAYMENT-METHOD=D:CT-DIRECT-DEBIT", "--select", "CT-PAYMENT-METHOD=C:CT-CARD",
               "--select", "CT-PAYMENT-METHOD=S:CT-COUNTER"]


def run(*cmd):
    p = subprocess.run(list(cmd), capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    if p.returncode != 0:
        raise SystemExit("%s failed (%d): %s" % (cmd[:3], p.returncode, p.stderr[-2000:]))
    return p.stdout


def norm(text):
    """A shown value without the quotes of a text field, spaces collapsed as the page renders them."""
    return " ".join(text.strip().strip('"').split())


def lines(log, tag):
    return [l[len(tag) + 1:] for l in log.splitlines() if l.startswith(tag + " ")]


def record_index(data, length, offset, key_bytes):
    """1-based number of the record whose bytes at `offset` are `key_bytes` (found in the raw file)."""
    for i in range(0, len(data), length):
        if data[i + offset:i + offset + len(key_bytes)] == key_bytes:
            return i // length + 1
    raise SystemExit("no record with %r" % key_bytes)


def setup(tmp):
    """Write the files with GnuCOBOL, spoil one packed byte, load, run a job; return the oracles."""
    ctax_file, tax_file = os.path.join(tmp, "CTAX.ACCOUNTS"), os.path.join(tmp, "TAXPAYER.GOOD")
    ctax_log = run(os.path.join(ROOT, "samples", "generate.sh"), "council-tax", "400", ctax_file)
    tax_log = run(os.path.join(ROOT, "samples", "generate.sh"), "taxpayer", "240", tax_file, "2")
    layouts, err = gnucobol_layout(TAX_CPY, [], tmp)
    assert err is None, err
    tax = layouts[0]
    income = tax["fields"]["TAXPAYER-MASTER.TP-YEARLY-FIGURES.TP-INCOME"]  # (offset, length), occurrence 1
    stride = tax["fields"]["TAXPAYER-MASTER.TP-YEARLY-FIGURES"][1]
    data = bytearray(open(tax_file, "rb").read())
    check_no, check_line = lines(tax_log, "CHECK")[2].split(" ", 1)
    bad_no = record_index(data, tax["length"], 0, check_no.encode("cp037"))  # digits agree in cp285
    spoil_at = (bad_no - 1) * tax["length"] + income[0] + stride + income[1] - 1  # TP-INCOME(2)'s sign byte
    data[spoil_at] = (data[spoil_at] & 0xF0) | 0x07  # 7 is no sign nibble
    bad_file = os.path.join(tmp, "TAXPAYER.SPOILT")
    open(bad_file, "wb").write(bytes(data))
    db = os.path.join(tmp, "ui.db")
    run(MFB, "load", "--copybook", CTAX_CPY, "--codepage", "cp285", *CTAX_SELECT, "--input", ctax_file,
        "--target", "sqlite:" + db, "--table", "council_tax")
    run(MFB, "load", "--copybook", TAX_CPY, "--codepage", "cp285", "--input", bad_file, "--target", "sqlite:" + db,
        "--table", "taxpayer", "--key", "TP-KEY", "--on-error", "reject", "--reject-file", os.path.join(tmp, "tax.rej"))
    job = os.path.join(tmp, "inspect-job.yaml")
    with open(job, "w") as f:
        f.write("job: ui-demo\ntarget: sqlite:%s\nsteps:\n  - name: ctax-again\n    load:\n"
                "      copybook: %s\n      codepage: cp285\n      select: [%s]\n      table: council_tax\n"
                "      mode: replace\n      input: %s\n" % (db, CTAX_CPY, ", ".join(CTAX_SELECT[1::2]), ctax_file))
    run(MFB, "run", job, "--state-dir", os.path.join(tmp, "state"))
    empty = os.path.join(tmp, "EMPTY.DAT")  # the layout map needs a dataset, not records
    open(empty, "wb").close()
    run(MFB, "load", "--copybook", ODO_CPY, "--input", empty, "--target", "sqlite:" + db, "--table", "orders")
    ctax = open(ctax_file, "rb").read()
    return {"db": db, "ctax_log": ctax_log, "ctax": ctax, "bad_no": bad_no, "check": (check_no, check_line),
            "spoilt": data[spoil_at - income[1] + 1:spoil_at + 1].hex(" ").upper(), "tax_records": len(data) // tax["length"]}


def check_datasets(b, o):
    rows = {tr.get_attribute("data-dataset"): tr for tr in b.find_all("#datasets tbody tr")}
    check({"taxpayer", "council_tax_ct_card", "council_tax_ct_direct_debit", "council_tax_ct_counter"} <= set(rows),
          "datasets listed: %s" % sorted(rows))
    tp = rows.get("taxpayer")
    if tp:
        check(tp.find_element("css selector", ".rows").text == str(o["tax_records"] - 1), "taxpayer rows: all but the spoilt one")
        check(tp.find_element("css selector", ".rejected").text == "1", "taxpayer: one rejected")
        check(tp.find_element("css selector", ".recon").text == "matches", "taxpayer reconciliation")
    b.shot("02-datasets")
    b.click_and_wait(tp.find_element("css selector", ".dataset-link"))
    rejects = b.find_all("#rejects tbody tr")
    check(len(rejects) == 1, "one reject listed, got %d" % len(rejects))
    cells = [td.text for td in rejects[0].find_elements("css selector", "td")]
    check(cells[0] == str(o["bad_no"]) and cells[2] == "TAXPAYER-MASTER.TP-YEARLY-FIGURES.TP-INCOME(2)",
          "reject names record %s and TP-INCOME(2): %s" % (o["bad_no"], cells))
    check(o["spoilt"] in cells[3], "reject shows the spoilt bytes %s: %s" % (o["spoilt"], cells[3]))
    b.shot("03-dataset-taxpayer")
    b.click_and_wait(b.find(".reject-link"))
    check_bad_record(b, o)


def check_bad_record(b, o):
    check(b.text("#record-title") == "record %d" % o["bad_no"], "reject opens its record: %s" % b.text("#record-title"))
    rows = b.field_rows()
    bad = rows.get("TAXPAYER-MASTER.TP-YEARLY-FIGURES.TP-INCOME(2)")
    check(bad is not None and bad[3] and "sign" in bad[2], "TP-INCOME(2) marked bad with the reason: %s" % (bad,))
    marked = " ".join(s.text for s in b.find_all("#hex .byte.bad")).split()
    check(" ".join(marked) == o["spoilt"], "the spoilt field's 7 bytes, and only they, marked in the hex: %s" % marked)
    ref, rest = o["check"]
    status, rest = rest.split(" ", 1)
    surname, addr, tail = rest.split("|")
    balance, region, updated = tail.split()
    shown = {p.split(".")[-1]: norm(v[2]) for p, v in rows.items()}
    check(shown.get("TP-TAX-REF") == ref and shown.get("TP-STATUS") == status and shown.get("TP-SURNAME") == surname,
          "record %s key and name as GnuCOBOL shows them: %s" % (o["bad_no"], [shown.get(k) for k in ("TP-TAX-REF", "TP-SURNAME")]))
    check(shown.get("TP-ADDR-LINE(1)") == addr, "address line 1: %s vs %s" % (shown.get("TP-ADDR-LINE(1)"), addr))
    check(shown.get("TP-BALANCE") == balance and shown.get("TP-REGION-CODE") == region and shown.get("TP-LAST-UPDATED") == updated,
          "balance, region, date: %s" % [shown.get(k) for k in ("TP-BALANCE", "TP-REGION-CODE", "TP-LAST-UPDATED")])
    b.shot("04-record-bad")
    b.click_and_wait(b.find("#record-next"))
    check(b.text("#record-title") == "record %d" % (o["bad_no"] + 1), "Next steps to the following record")
    check(not b.find_all("#fields tr.bad"), "the following record has no bad field")
    b.click_and_wait(b.find("#record-prev"))
    b.click_and_wait(b.find("#record-prev"))
    check(b.text("#record-title") == "record %d" % (o["bad_no"] - 1), "Previous steps back")
    b.find("#record-number").clear()
    b.find("#record-number").send_keys("1")
    b.click_and_wait(b.find("#record-go"))
    b.click_and_wait(b.find("#record-next-bad"))
    check(b.text("#record-title") == "record %d" % o["bad_no"], "Next bad record from record 1 finds the spoilt one")


def check_council_tax(b, url, o):
    accounts = {l.split()[0]: l for l in lines(o["ctax_log"], "ACCOUNT")}
    for tag, ds, alt, names in (("DD", "council_tax_ct_direct_debit", "CT-DIRECT-DEBIT",
                                 ["CT-DD-SORT-CODE", "CT-DD-ACCOUNT", "CT-DD-DAY", "CT-DD-MANDATE-NO"]),
                                ("CARD", "council_tax_ct_card", "CT-CARD", ["CT-CARD-TOKEN", "CT-CARD-EXPIRY"])):
        no, *values = lines(o["ctax_log"], tag)[0].split()
        n = record_index(o["ctax"], 174, 0, int(no).to_bytes(4, "big"))
        b.go("%s/ui/#/record/%s?n=%d" % (url, ds, n))
        rows = {p.split(".")[-1]: norm(v[2]) for p, v in b.field_rows().items()}
        head, address = accounts[no].split("|")
        _no, band, charge, balance, *_ = head.split()
        check(rows.get("CT-ACCOUNT-NO") == str(int(no)) and rows.get("CT-BAND") == band and rows.get("CT-ADDRESS") == address,
              "%s record %d: account, band, address %s" % (tag, n, [rows.get(k) for k in ("CT-ACCOUNT-NO", "CT-BAND")]))
        check(rows.get("CT-ANNUAL-CHARGE") == charge and rows.get("CT-BALANCE") == balance,
              "%s record %d: charge and balance %s %s" % (tag, n, rows.get("CT-ANNUAL-CHARGE"), rows.get("CT-BALANCE")))
        got = [rows.get(k) for k in names]
        want = [v if not v.isdigit() or k == "CT-CARD-TOKEN" else str(int(v)) for k, v in zip(names, values)]
        check(got == want, "%s: the %s alternative shown first, as GnuCOBOL shows it: %s vs %s" % (tag, alt, got, want))
        b.shot("05-record-" + tag.lower())
    # Switch the card record's payment details to the direct-debit reading and back.
    select = Select(b.find("#alternatives select[data-base=\"CTAX-ACCOUNT.CT-PAYMENT-DETAILS\"]"))
    select.select_by_visible_text("CT-DIRECT-DEBIT")
    paths = b.wait(lambda: [p for p in b.field_rows() if "CT-DD-" in p], "the direct-debit fields")
    check(len(paths) == 4 and not any("CT-CARD-" in p for p in b.field_rows()), "alternative switch shows CT-DIRECT-DEBIT only")
    b.shot("06-record-alternative")


def check_map(b, url, tmp, dataset, cpy):
    """The layout map of `dataset` against GnuCOBOL's offsets and lengths; returns its rows."""
    layouts, err = gnucobol_layout(cpy, [], tmp)
    oracle = layouts[0]["fields"]
    b.go(url + "/ui/#/layout/" + dataset)
    rows = b.find_all("#layout-table tbody tr")
    for tr in rows:
        path = tr.get_attribute("data-path")
        cells = tr.find_elements("css selector", "td")
        if path in oracle:
            check((int(cells[2].text) - 1, int(cells[3].text)) == oracle[path],
                  "layout %s: start %s length %s, GnuCOBOL %s" % (path, cells[2].text, cells[3].text, oracle[path]))
    check(len([r for r in rows if r.get_attribute("data-path") in oracle]) == len(oracle),
          "%s: every GnuCOBOL item on the map" % dataset)
    return {r.get_attribute("data-path"): r for r in rows}, layouts[0]


def check_layout(b, url, tmp):
    rows, oracle = check_map(b, url, tmp, "orders", ODO_CPY)
    items = rows.get("ORDER-REC.ITEMS")
    notes = items.find_elements("css selector", "td")[6].text if items else ""
    check(notes == "OCCURS 0 TO %d DEPENDING ON ORDER-REC.ITEM-COUNT" % oracle["occurs"]["ORDER-REC.ITEMS"],
          "the ODO table is marked with its bounds and object: %r" % notes)
    check(items is not None and "odo" in items.find_element("css selector", ".bar").get_attribute("class"), "an ODO bar")
    b.shot("07-layout-odo")
    rows, _ = check_map(b, url, tmp, "council_tax_ct_card", CTAX_CPY)
    alt = rows.get("CTAX-ACCOUNT.CT-CARD")
    check(alt is not None and "REDEFINES CT-PAYMENT-DETAILS" in alt.text, "a REDEFINES alternative is marked")
    b.find("#layout-search").send_keys("CT-DD")
    shown = [p.split(".")[-1] for p, r in rows.items() if r.is_displayed()]
    check(shown == ["CT-DD-SORT-CODE", "CT-DD-ACCOUNT", "CT-DD-DAY", "CT-DD-MANDATE-NO"], "search CT-DD: %s" % shown)
    check("CT-DD-MANDATE-NO" in b.text("#layout-listing"), "the listing is beside the map")
    b.shot("08-layout-search")


def check_runs(b, url):
    b.go(url + "/ui/#/runs")
    runs = b.find_all(".run")
    check(len(runs) == 1 and "ui-demo" in runs[0].text and "succeeded" in runs[0].text, "the job's run listed")
    steps = b.find_all(".step")
    check(len(steps) == 1 and steps[0].get_attribute("data-step") == "ctax-again", "one bar for the step")
    check(steps and "400 records" in steps[0].get_attribute("title"), "the step's bar gives its 400 records")
    check(len(b.find_all("#throughput circle")) == 1, "throughput chart has the load step")
    b.shot("09-runs")


def main():
    require_mfb()
    with tempfile.TemporaryDirectory(prefix="mfb-ui-") as tmp:
        o = setup(tmp)

        def pages(b, url):
            check_datasets(b, o)
            check_council_tax(b, url, o)
            check_layout(b, url, tmp)
            check_runs(b, url)
        browse(sys.argv[1] if len(sys.argv) > 1 else "build", "browser", tmp, o["db"], KEY, ["read:*"], pages)
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
