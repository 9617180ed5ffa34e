#!/usr/bin/env python3
"""Multi-record datasets over real HTTP: each record type's main table is its own dataset
path (reads, EBCDIC answers, writes), and a child record type of a hierarchical file is
written with its parent's key as "_parent" (a parent that does not exist answers 422).

Oracles: the PAYE sample file written by GnuCOBOL (samples/paye/PAYERET.cbl), its README's
control totals, and its bytes (letters and digits, where cp285 and cp037 agree); and a small
three-level file (employer, worker, note) built here with the cp037 codec and hand-packed
decimals, against SQLite and a throwaway PostgreSQL server.

Usage: serve_multirecord_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import sys
import subprocess
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, check_problem, finish, for_each_target, require_mfb, write_config
from serve_dataset_test import packed
import serve_openapi_test


ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
PAYE = os.path.join(ROOT, "samples", "paye")
KEYS = {"r": ("reader-key", ["read:*"]), "w": ("writer-key", ["read:*", "write:*"])}
RK, WK = KEYS["r"][0], KEYS["w"][0]

STAFF_COPYBOOK = """\
       01  EMP-REC.
           05  E-TYPE      PIC X.
           05  E-REF       PIC X(6).
           05  E-NAME      PIC X(13).
       01  WORKER-REC.
           05  W-TYPE      PIC X.
           05  W-ID        PIC 9(5).
           05  W-PAY       PIC S9(5)V99 COMP-3.
           05  W-NAME      PIC X(10).
       01  NOTE-REC.
           05  N-TYPE      PIC X.
           05  N-TEXT      PIC X(19).
"""


def staff_file():
    """Two employers with workers (one worker with a note), in cp037."""
    def e(ref, name):
        return ("E" + ref + name.ljust(13)).encode("cp037")

    def w(i, pay, name):
        return ("W%05d" % i).encode("cp037") + packed(pay, 7, 2) + name.ljust(10).encode("cp037")

    def n(text):
        return ("N" + text.ljust(19)).encode("cp037")
    recs = [e("ACME01", "ACME LTD"), w(101, Decimal("1500.00"), "ANNA"), n("FIRST NOTE"),
            w(102, Decimal("-20.5"), "BEN"), e("ZETA02", "ZETA PLC"), w(201, Decimal("99.99"), "CARL")]
    assert all(len(r) == 20 for r in recs)
    return recs


def test_paye(srv, paye_bytes):
    st, _h, b = srv.request("GET", "/v1/datasets", key=RK)
    names = [d["name"] for d in json.loads(b)["datasets"]] if st == 200 else []
    check({"paye_header_rec", "paye_detail_rec", "paye_trailer_rec"} <= set(names), "dataset paths: %s" % names)
    st, _h, b = srv.request("GET", "/v1/datasets/paye_header_rec", key=RK)
    info = json.loads(b) if st == 200 else {}
    check(info.get("key") == ["PH-EMPLOYER-REF"] and info.get("records", [{}])[0].get("name") == "PAYE-HEADER-REC",
          "header type described: %s %s" % (st, b[:300]))
    # The header of the first employer: record 1 of the file (README: Cardiff Council).
    st, _h, b = srv.request("GET", "/v1/datasets/paye_header_rec/records/120%2FCC0001", key=RK)
    hdr = json.loads(b) if st == 200 else {}
    check(hdr.get("PH-EMPLOYER-NAME") == "CARDIFF COUNCIL" and hdr.get("PH-TAX-YEAR") == 2026 and hdr.get("PH-PERIOD") == 8,
          "header by key: %s %s" % (st, b[:300]))
    st, _h, b = srv.request("GET", "/v1/datasets/paye_header_rec/records/120%2FCC0001?format=ebcdic", key=RK)
    check(st == 200 and b == paye_bytes[0:80], "header's EBCDIC answer is the file's record 1")
    # A detail by record number (details have no key of their own): record 2 of the file.
    rec2 = paye_bytes[80:160]
    st, _h, b = srv.request("GET", "/v1/datasets/paye_detail_rec/records/2", key=RK)
    det = json.loads(b) if st == 200 else {}
    # Python has no cp285 codec; for letters, digits and spaces it agrees with cp037.
    nino, name = rec2[1:10].decode("cp037"), rec2[10:40].decode("cp037").rstrip()
    check(nino.isalnum() and name.replace(" ", "").isalpha(), "oracle: plain text in detail 2: %r %r" % (nino, name))
    check(det.get("PD-NINO") == nino and det.get("PD-EMPLOYEE-NAME") == name, "detail 2: %s %s" % (st, b[:300]))
    # Its parent is the header before it in the file (record 1: employer reference at 1-10).
    check(det.get("_parent") == {"PH-EMPLOYER-REF": paye_bytes[1:11].decode("cp037")} and paye_bytes[1:11] == "120/CC0001".encode("cp037"),
          "detail 2's _parent: %s" % det.get("_parent"))
    st, _h, b = srv.request("GET", "/v1/datasets/paye_detail_rec/records/2", key=RK,
                            headers={"Accept": "application/octet-stream"})
    check(st == 200 and b == rec2, "detail's EBCDIC answer is the file's record 2")
    # Trailers: the README's counts and totals.
    st, _h, b = srv.request("GET", "/v1/datasets/paye_trailer_rec/records?limit=10", key=RK)
    trl = json.loads(b, parse_float=Decimal)["records"] if st == 200 else []
    got = [(t["PT-DETAIL-COUNT"], t["PT-TOTAL-PAY"], t["PT-TOTAL-TAX"]) for t in trl]
    want = [(150, Decimal("450877.38"), Decimal("59669.62")), (60, Decimal("188515.16"), Decimal("25386.25")),
            (240, Decimal("695920.20"), Decimal("90318.03"))]
    check(got == want, "trailers: %s" % got)
    # Every detail, page by page.
    seen, cursor = 0, None
    for _ in range(20):
        q = "limit=50" + ("&cursor=" + cursor if cursor else "")
        st, _h, b = srv.request("GET", "/v1/datasets/paye_detail_rec/records?" + q, key=RK)
        if not check(st == 200, "detail page: %s %s" % (st, b[:200])):
            break
        page = json.loads(b)
        seen += len(page["records"])
        cursor = page["next"]
        if cursor is None:
            break
    check(seen == 450, "details seen page by page: %d of 450" % seen)
    st, h, b = srv.request("GET", "/v1/datasets/paye/records", key=RK)
    check_problem(st, h, b, 404, "the catalog name of a multi-record file is not a dataset path")


def test_staff_writes(srv, sql):
    base = "/v1/datasets/staff_worker_rec/records"
    body = '{"W-TYPE":"W","W-ID":777,"W-PAY":12.34,"W-NAME":"DORA","_parent":{"E-REF":"ZETA02"}}'
    st, h, b = srv.request("POST", base, key=WK, body=body, headers={"Content-Type": "application/json"})
    check(st == 201 and h.get("location") == base + "/777", "POST child with _parent: %s %s %s" % (st, h.get("location"), b[:300]))
    rows = sql("SELECT parent_e_ref, w_name FROM staff_worker_rec WHERE w_id = 777")
    check(rows == [("ZETA02", "DORA")], "stored parent key: %s" % rows)
    st, _h, b = srv.request("GET", base + "/777", key=WK)
    got = json.loads(b) if st == 200 else {}
    check(got.get("_parent") == {"E-REF": "ZETA02"} and got.get("W-NAME") == "DORA", "GET child: %s %s" % (st, b[:300]))
    # What GET answers, PUT takes back (the parent's key included).
    got["W-NAME"] = "DORIS"
    st, _h, b = srv.request("PUT", base + "/777", key=WK, body=got)
    check(st == 200 and sql("SELECT parent_e_ref, w_name FROM staff_worker_rec WHERE w_id = 777") == [("ZETA02", "DORIS")],
          "PUT of a GET answer: %s %s" % (st, b[:300]))
    got["W-NAME"] = "DORA"
    srv.request("PUT", base + "/777", key=WK, body=got)
    st, _h, b = srv.request("GET", base + "/777?format=ebcdic", key=WK)
    want = "W00777".encode("cp037") + packed(Decimal("12.34"), 7, 2) + "DORA".ljust(10).encode("cp037")
    check(st == 200 and b == want, "EBCDIC answer of the new child: %r" % b)
    body = '{"W-TYPE":"W","W-ID":777,"W-PAY":1,"W-NAME":"DORA","_parent":{"E-REF":"ACME01"}}'
    st, _h, b = srv.request("PUT", base + "/777", key=WK, body=body, headers={"Content-Type": "application/json"})
    check(st == 200 and sql("SELECT parent_e_ref FROM staff_worker_rec WHERE w_id = 777") == [("ACME01",)],
          "PUT moves the child to another parent: %s %s" % (st, b[:200]))
    for what, body, field in (
            ("no such parent", '{"W-TYPE":"W","W-ID":778,"W-PAY":1,"W-NAME":"X","_parent":{"E-REF":"NOPE00"}}', "_parent.E-REF"),
            ("no _parent", '{"W-TYPE":"W","W-ID":778,"W-PAY":1,"W-NAME":"X"}', "_parent"),
            ("a field that is not the parent's key", '{"W-TYPE":"W","W-ID":778,"W-PAY":1,"W-NAME":"X",'
             '"_parent":{"E-REF":"ACME01","E-NAME":"ACME LTD"}}', "_parent.E-NAME")):
        st, h, b = srv.request("POST", base, key=WK, body=body, headers={"Content-Type": "application/json"})
        p = check_problem(st, h, b, 422, "POST child: " + what)
        check(any(e.get("field") == field for e in p.get("errors", [])), "%s names %s: %s" % (what, field, p))
    check(sql("SELECT count(*) FROM staff_worker_rec WHERE w_id = 778") in ([(0,)], [("0",)]),
          "refused children were not stored")
    # The top type is written like any keyed dataset, and its rows stay its own.
    body = '{"E-TYPE":"E","E-REF":"NEW003","E-NAME":"NEW CO"}'
    st, _h, b = srv.request("POST", "/v1/datasets/staff_emp_rec/records", key=WK, body=body,
                            headers={"Content-Type": "application/json"})
    check(st == 201, "POST parent type: %s %s" % (st, b[:200]))
    st, _h, b = srv.request("GET", "/v1/datasets/staff_emp_rec/records?limit=10", key=RK)
    refs = [r["E-REF"] for r in json.loads(b)["records"]] if st == 200 else []
    check(refs == ["ACME01", "NEW003", "ZETA02"], "parent type's records: %s" % refs)


def test_openapi(srv, tmp):
    st, _h, b = srv.request("GET", "/openapi.json", key=RK)  # schemas only for readers
    doc = json.loads(b)
    parent = doc["components"]["schemas"].get("staff_worker_rec", {}).get("properties", {}).get("_parent", {})
    check(parent.get("required") == ["E-REF"], "worker schema's _parent: %s" % parent)
    check("/v1/datasets/paye_trailer_rec/records/{key}" in doc["paths"], "a path per record type")
    serve_openapi_test.check_document(doc, tmp, "with record types")


def load(target, args):
    r = subprocess.run([MFB, "load", "--target", target, "--no-progress"] + args, capture_output=True, text=True)
    return check(r.returncode == 0, "load: %s %s" % (r.returncode, r.stderr))


def run_against(target, sql, tmp, paye_bytes):
    print("target:", target.split("?")[0])
    paye_args = ["--copybook", os.path.join(PAYE, "PAYE.cpy"), "--codepage", "cp285", "--lrecl", "80",
                 "--select", "PH-RECORD-TYPE=H:PAYE-HEADER-REC", "--select", "PD-RECORD-TYPE=D:PAYE-DETAIL-REC",
                 "--select", "PT-RECORD-TYPE=T:PAYE-TRAILER-REC", "--table", "paye",
                 "--parent", "PAYE-DETAIL-REC=PAYE-HEADER-REC", "--parent", "PAYE-TRAILER-REC=PAYE-HEADER-REC",
                 "--key", "PAYE-HEADER-REC=PH-EMPLOYER-REF", "--input", os.path.join(PAYE, "PAYE.D20261121")]
    cpy, data = os.path.join(tmp, "staff.cpy"), os.path.join(tmp, "staff.bin")
    staff_args = ["--copybook", cpy, "--lrecl", "20", "--select", "E-TYPE=E:EMP-REC", "--select", "W-TYPE=W:WORKER-REC",
                  "--select", "N-TYPE=N:NOTE-REC", "--table", "staff", "--parent", "WORKER-REC=EMP-REC",
                  "--parent", "NOTE-REC=WORKER-REC", "--key", "EMP-REC=E-REF", "--key", "WORKER-REC=W-ID",
                  "--input", data]
    if not (load(target, paye_args) and load(target, staff_args)):
        return
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS, "limits:\n  max_page_size: 50\n")
    srv = Server(["--config", cfg, "--target", target])
    try:
        test_paye(srv, paye_bytes)
        test_staff_writes(srv, sql)
        test_openapi(srv, tmp)
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")


def main():
    require_mfb()
    with open(os.path.join(PAYE, "PAYE.D20261121"), "rb") as f:
        paye_bytes = f.read()
    check(len(paye_bytes) == 456 * 80, "oracle: the PAYE file has 456 records")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "staff.cpy"), "w") as f:
            f.write(STAFF_COPYBOOK)
        with open(os.path.join(tmp, "staff.bin"), "wb") as f:
            f.write(b"".join(staff_file()))
        for_each_target(tmp, lambda target, sql: run_against(target, sql, tmp, paye_bytes))
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
