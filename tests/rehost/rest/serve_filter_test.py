#!/usr/bin/env python3
"""Record-list filters of `mfbridge serve` over real HTTP: equality on key fields and on the
fields of secondary indexes (`load --index`), with keyset pagination, against a real
SQLite file and a throwaway PostgreSQL server.

The oracle: the records of serve_dataset_test (built field by field with Python's cp037
codec and hand-packed decimals); the expected answers are the Python records that satisfy
each filter, compared as exact decimals. Other fields answer 400 naming the allowed
filters, and /openapi.json lists each dataset's filters and still validates.

Usage: serve_filter_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import sys
import tempfile
import urllib.parse
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import Server, check, check_problem, finish, for_each_target, require_mfb, write_config
from serve_dataset_test import KEYS, load_account, make_records, write_account
import serve_openapi_test


RK = KEYS["reader"][0]


def list_all(srv, query, limit):
    """Every record of a filtered list, page by page; None when a page fails."""
    out, cursor = [], None
    for _ in range(30):
        q = query + "&limit=%d" % limit + ("&cursor=" + urllib.parse.quote(cursor, safe="") if cursor else "")
        st, _h, b = srv.request("GET", "/v1/datasets/account/records?" + q, key=RK)
        if not check(st == 200, "list %s: %s %s" % (q, st, b[:300])):
            return None
        page = json.loads(b, parse_float=Decimal, parse_int=Decimal)
        check(len(page["records"]) <= limit, "page of %s longer than %d" % (q, limit))
        out += page["records"]
        cursor = page["next"]
        if cursor is None:
            return out
    check(False, "list %s: no last page" % query)
    return None


def expect(srv, query, want, limit=50):
    got = list_all(srv, query, limit)
    if got is None:
        return
    ok = got == want
    check(ok, "filter %s: %d records, expected %d in key order" % (query, len(got), len(want)))


def test_filters(srv, recs):
    by_key = [v for _b, _a, _d, v in sorted(recs, key=lambda r: (r[0], r[1]))]
    q = urllib.parse.quote
    # An indexed text field (trailing blanks are not part of the value).
    expect(srv, "OWNER=" + q("OWNER 07"), [v for v in by_key if v["OWNER"] == "OWNER 07"])
    check(sum(1 for v in by_key if v["OWNER"] == "OWNER 07") == 1, "oracle: one OWNER 07")
    # An indexed decimal field, written with and without its scale's digits.
    bal = recs[5][3]["BALANCE"]  # 5 * 104729 - 1000000 = -476355 hundredths
    check(bal == Decimal("-4763.55"), "oracle: record 5's balance")
    expect(srv, "BALANCE=-4763.55", [v for v in by_key if v["BALANCE"] == bal])
    expect(srv, "BALANCE=-4763.550", [v for v in by_key if v["BALANCE"] == bal])
    bal0 = recs[0][3]["BALANCE"]
    check(bal0 == Decimal("-10000"), "oracle: record 0's balance")
    expect(srv, "BALANCE=-10000", [v for v in by_key if v["BALANCE"] == bal0])
    # Key and index fields together, and a key part alone, paged two at a time.
    expect(srv, "BRANCH=BER&OWNER=" + q("OWNER 04"),
           [v for v in by_key if v["BRANCH"] == "BER" and v["OWNER"] == "OWNER 04"])
    expect(srv, "BRANCH=AMS&OWNER=" + q("OWNER 04"), [])
    expect(srv, "BRANCH=ZRH", [v for v in by_key if v["BRANCH"] == "ZRH"], limit=2)
    acct = recs[9][1]
    expect(srv, "ACCT-NO=%05d" % acct, [v for v in by_key if v["ACCT-NO"] == acct])
    expect(srv, "OWNER=" + q("NOBODY"), [])
    # Not a key or indexed field, a number that is none, more decimals than the field has.
    for query, field, why in (("TXN-AMT=1", "TXN-AMT", "filters: BRANCH, ACCT-NO, OWNER, BALANCE"),
                              ("BALANCE=1x", "BALANCE", "must be a number"),
                              ("BALANCE=1.001", "BALANCE", "more than 2 decimal places"),
                              ("ACCT-NO=1.5", "ACCT-NO", "more than 0 decimal places")):
        st, h, b = srv.request("GET", "/v1/datasets/account/records?" + query, key=RK)
        p = check_problem(st, h, b, 400, "filter " + query)
        errs = [e for e in p.get("errors", []) if e.get("field") == field]
        check(errs and why in errs[0].get("reason", ""), "filter %s: %s" % (query, p))


def test_openapi(srv, tmp):
    st, _h, b = srv.request("GET", "/openapi.json", key=RK)  # schemas only for readers
    doc = json.loads(b)
    params = doc["paths"]["/v1/datasets/account/records"]["get"]["parameters"]
    names = [p["name"] for p in params if p["in"] == "query"]
    check(names == ["limit", "cursor", "decimals", "BRANCH", "ACCT-NO", "OWNER", "BALANCE"],
          "openapi list parameters: %s" % names)
    serve_openapi_test.check_document(doc, tmp, "with filters")


def run_against(target, cpy, data, recs, tmp):
    print("target:", target.split("?")[0])
    if not load_account(target, cpy, data, "--index", "OWNER", "--index", "BRANCH,BALANCE"):
        return
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS, "limits:\n  max_page_size: 50\n")
    srv = Server(["--config", cfg, "--target", target])
    try:
        test_filters(srv, recs)
        test_openapi(srv, tmp)
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")


def main():
    require_mfb()
    recs = make_records()
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data = write_account(tmp, recs)
        for_each_target(tmp, lambda target, _sql: run_against(target, cpy, data, recs, tmp))
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
