#!/usr/bin/env python3
"""The dataset routes of `mfbridge serve` over real HTTP, against a real SQLite file and a
throwaway PostgreSQL server (tests/support/pg_server.py), both loaded by `mfbridge load`.

The oracle: the record file is built here, field by field, with Python's cp037 codec and
packed decimals packed by hand, and the expected JSON records come from the same Python
values, never from mfbridge. Checked: listing and scopes, a dataset's layout and JSON
Schema, every record by its composite key as JSON and as EBCDIC bytes identical to the
file's, pagination through every record with an opaque cursor, key filters, limits,
404/400/403 problems, and /openapi.json with the dataset validated by the npm validator;
each record is also validated against its schema by ajv (from that package).

Usage: serve_dataset_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import sys
import subprocess
import tempfile
import urllib.parse
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, check_problem, finish, for_each_target, require_mfb, write_config
import serve_openapi_test


COPYBOOK = """\
       01  ACCOUNT.
           05  BRANCH      PIC X(3).
           05  ACCT-NO     PIC 9(5).
           05  OWNER       PIC X(10).
           05  BALANCE     PIC S9(7)V99 COMP-3.
           05  TXN OCCURS 2 TIMES.
               10  TXN-AMT PIC S9(3)V99 COMP-3.
"""
LENGTH = 29
KEYS = {"reader": ("reader-key", ["read:*"]), "other": ("other-key", ["read:other"]),
        "writer": ("writer-key", ["write:account"])}


def packed(value, digits, scale):
    """Signed packed decimal of `digits` digits: nibbles by hand, sign C or D."""
    d = Decimal(value)
    n = int(abs(d) * (10 ** scale))
    text = str(n).rjust(digits, "0")
    assert len(text) == digits
    nibbles = [int(c) for c in text] + [0xD if d < 0 else 0xC]
    if len(nibbles) % 2:
        nibbles = [0] + nibbles
    return bytes(nibbles[i] * 16 + nibbles[i + 1] for i in range(0, len(nibbles), 2))


def make_records():
    recs = []
    branches = ["ZRH", "BER", "AMS"]
    for i in range(23):
        branch = branches[i % 3]
        acct = (i * 7919) % 100000
        owner = "OWNER %02d" % i
        balance = Decimal(i * 104729 - 1000000) / 100
        txn = [Decimal(i * 37 - 400) / 100, Decimal(999 - i) / 100]
        data = (branch.encode("cp037") + str(acct).rjust(5, "0").encode("cp037") +
                owner.ljust(10).encode("cp037") + packed(balance, 9, 2) +
                packed(txn[0], 5, 2) + packed(txn[1], 5, 2))
        assert len(data) == LENGTH
        value = {"BRANCH": branch, "ACCT-NO": Decimal(acct), "OWNER": owner, "BALANCE": balance,
                 "TXN": [{"TXN-AMT": t} for t in txn]}
        recs.append((branch, acct, data, value))
    return recs


def same_record(got_text, want):
    got = json.loads(got_text, parse_float=Decimal, parse_int=Decimal)
    return got == want


def test_records(srv, recs):
    rk = KEYS["reader"][0]
    st, h, b = srv.request("GET", "/v1/datasets", key=rk)
    check(st == 200 and json.loads(b)["datasets"][0]["name"] == "account", "list datasets: %s %s" % (st, b))
    st, h, b = srv.request("GET", "/v1/datasets", key=KEYS["other"][0])
    check(st == 200 and json.loads(b)["datasets"] == [], "list hides unreadable datasets: %s" % b)
    st, h, b = srv.request("GET", "/v1/datasets/account", key=rk)
    info = json.loads(b) if st == 200 else {}
    check(info.get("key") == ["BRANCH", "ACCT-NO"], "dataset key: %s %s" % (st, b[:300]))
    schema = info.get("records", [{}])[0].get("schema", {})
    check(schema.get("properties", {}).get("TXN", {}).get("maxItems") == 2, "schema OCCURS: %s" % schema)
    check(schema.get("properties", {}).get("OWNER", {}).get("maxLength") == 10, "schema text: %s" % schema)

    st, h, b = srv.request("GET", "/v1/datasets/account", key=KEYS["other"][0])
    check_problem(st, h, b, 403, "describe without scope")
    st, h, b = srv.request("GET", "/v1/datasets/nothere", key=rk)
    check_problem(st, h, b, 404, "unknown dataset")

    for branch, acct, data, value in recs:
        path = "/v1/datasets/account/records/%s,%d" % (branch, acct)
        st, h, b = srv.request("GET", path, key=rk)
        check(st == 200 and same_record(b, value), "GET %s: %s %s want %s" % (path, st, b[:200], value))
        st, h, b = srv.request("GET", path, key=rk, headers={"Accept": "application/octet-stream"})
        check(st == 200 and b == data and h.get("content-type") == "application/octet-stream",
              "GET %s as EBCDIC: %s %s want %s" % (path, st, b.hex(), data.hex()))
        st, h, b = srv.request("GET", path + "?format=ebcdic", key=rk)
        check(st == 200 and b == data, "GET %s?format=ebcdic: %s" % (path, st))
    branch, acct, data, value = recs[4]
    st, h, b = srv.request("GET", "/v1/datasets/account/records/%s,%d?decimals=string" % (branch, acct), key=rk)
    got = json.loads(b)
    check(got.get("BALANCE") == "%.2f" % value["BALANCE"], "decimals=string: %s want %s" % (got, value["BALANCE"]))

    st, h, b = srv.request("GET", "/v1/datasets/account/records/ZRH,99999999", key=rk)
    check_problem(st, h, b, 404, "unknown key")
    st, h, b = srv.request("GET", "/v1/datasets/account/records/ZRH", key=rk)
    check_problem(st, h, b, 400, "one-part key for a two-part key")
    st, h, b = srv.request("GET", "/v1/datasets/account/records/ZRH,1?format=xml", key=rk)
    check_problem(st, h, b, 400, "bad format")
    # A key that looks like SQL is only ever a parameter.
    st, h, b = srv.request("GET", "/v1/datasets/account/records/" +
                           urllib.parse.quote("ZRH' OR '1'='1,1 OR 1=1", safe=""), key=rk)
    check_problem(st, h, b, 400, "SQL-looking key (not a number for ACCT-NO)")
    st, h, b = srv.request("GET", "/v1/datasets/account/records/" +
                           urllib.parse.quote("ZRH' OR '1'='1,1", safe=""), key=rk)
    check_problem(st, h, b, 404, "SQL-looking text key")


def test_pages(srv, recs):
    rk = KEYS["reader"][0]
    want = sorted(((b, a) for b, a, _d, _v in recs))
    seen, cursor, pages = [], None, 0
    while True:
        q = "limit=5" + ("&cursor=" + urllib.parse.quote(cursor, safe="") if cursor else "")
        st, h, b = srv.request("GET", "/v1/datasets/account/records?" + q, key=rk)
        if not check(st == 200, "page %d: %s %s" % (pages, st, b[:300])):
            break
        page = json.loads(b, parse_float=Decimal)
        check(len(page["records"]) <= 5, "page size %d" % len(page["records"]))
        seen += [(r["BRANCH"], int(r["ACCT-NO"])) for r in page["records"]]
        pages += 1
        cursor = page["next"]
        if cursor is None or pages > 20:
            break
    check(sorted(seen) == want and len(seen) == len(set(seen)),
          "pagination saw every record once: %d of %d" % (len(set(seen)), len(want)))
    check(pages == 5, "23 records in pages of 5: %d pages" % pages)
    st, h, b = srv.request("GET", "/v1/datasets/account/records?BRANCH=ZRH&limit=50", key=rk)
    got = json.loads(b)["records"] if st == 200 else []
    check(sorted(r["BRANCH"] for r in got) == ["ZRH"] * sum(1 for r in recs if r[0] == "ZRH"),
          "filter BRANCH=ZRH: %s" % [r["BRANCH"] for r in got])
    for q, field in (("limit=0", "limit"), ("limit=51", "limit"), ("limit=x", "limit"),
                     ("cursor=abc", "cursor"), ("OWNER=X", "OWNER"), ("ACCT-NO=1x", "ACCT-NO")):
        st, h, b = srv.request("GET", "/v1/datasets/account/records?" + q, key=rk)
        p = check_problem(st, h, b, 400, "bad query " + q)
        check(any(e["field"] == field for e in p.get("errors", [])), "bad query %s names %s: %s" % (q, field, p))


def test_openapi(srv, tmp, recs):
    st, h, b = srv.request("GET", "/openapi.json", key=KEYS["reader"][0])  # schemas only for readers
    doc = json.loads(b)
    check("account" in doc["components"]["schemas"], "dataset schema in openapi.json")
    check("/v1/datasets/account/records/{key}" in doc["paths"], "dataset routes in openapi.json")
    node, script = serve_openapi_test.check_document(doc, tmp, "with datasets")
    if node is None:
        return
    # Every record, and a broken one, against the dataset's schema with ajv.
    records = [srv.request("GET", "/v1/datasets/account/records/%s,%d" % (r[0], r[1]), key=KEYS["reader"][0])[2].decode()
               for r in recs]
    bad = json.loads(records[0])
    bad["OWNER"] = "X" * 11
    bad["TXN"].append({"TXN-AMT": 1})
    ajv_dir = os.path.join(os.path.dirname(script), "..", "node_modules", "ajv")
    js = """
const {createRequire} = require('module');
const Ajv = require(%s);
const ajv = new (Ajv.default || Ajv)({strict: false, allErrors: true});
const schema = %s;
const records = %s;
const verdicts = records.map(r => ajv.validate(schema, r));
console.log(JSON.stringify(verdicts));
""" % (json.dumps(os.path.abspath(ajv_dir)), json.dumps(doc["components"]["schemas"]["account"]),
       "[" + ",".join(records + [json.dumps(bad)]) + "]")
    r = subprocess.run([node, "-e", js], capture_output=True, text=True, timeout=60)
    verdicts = json.loads(r.stdout) if r.returncode == 0 else None
    check(verdicts == [True] * len(records) + [False], "ajv verdicts: %s %s" % (verdicts, r.stderr[:500]))


def record_body(branch, acct, owner, balance, txn):
    """A record's JSON text with exact decimals, and its bytes built independently."""
    text = ('{"BRANCH":"%s","ACCT-NO":%d,"OWNER":"%s","BALANCE":%s,"TXN":[{"TXN-AMT":%s},{"TXN-AMT":%s}]}'
            % (branch, acct, owner, balance, txn[0], txn[1]))
    data = (branch.encode("cp037") + str(acct).rjust(5, "0").encode("cp037") +
            owner.ljust(10).encode("cp037") + packed(balance, 9, 2) +
            packed(txn[0], 5, 2) + packed(txn[1], 5, 2))
    return text, data


def test_writes(srv, sql):
    wk, rk = KEYS["writer"][0], KEYS["reader"][0]
    hdr = {"Content-Type": "application/json"}
    text, data = record_body("NEW", 4242, "ANNA", "-1234567.89", ["0.01", "-999.99"])
    st, h, b = srv.request("POST", "/v1/datasets/account/records", text, headers=hdr, key=rk)
    check_problem(st, h, b, 403, "POST with a read key")
    st, h, b = srv.request("POST", "/v1/datasets/account/records", text, headers=hdr, key=wk)
    check(st == 201 and h.get("location") == "/v1/datasets/account/records/NEW,4242", "POST: %s %s %s" % (st, h, b))
    st, h, b = srv.request("GET", "/v1/datasets/account/records/NEW,4242?format=ebcdic", key=rk)
    check(st == 200 and b == data, "written record as EBCDIC: %s %s want %s" % (st, b.hex(), data.hex()))
    st, h, b = srv.request("POST", "/v1/datasets/account/records", text, headers=hdr, key=wk)
    check_problem(st, h, b, 409, "POST of an existing key")
    text2, data2 = record_body("NEW", 4242, "BERT", "5.00", ["1.00", "2.00"])
    st, h, b = srv.request("PUT", "/v1/datasets/account/records/NEW,4242", text2, headers=hdr, key=wk)
    check(st == 200 and json.loads(b)["OWNER"] == "BERT", "PUT: %s %s" % (st, b))
    st, h, b = srv.request("GET", "/v1/datasets/account/records/NEW,4242", key=rk,
                           headers={"Accept": "application/octet-stream"})
    check(st == 200 and b == data2, "replaced record as EBCDIC: %s" % b.hex())
    st, h, b = srv.request("PUT", "/v1/datasets/account/records/NEW,1", text2, headers=hdr, key=wk)
    p = check_problem(st, h, b, 422, "PUT with another key in the body")
    check([e["field"] for e in p.get("errors", [])] == ["ACCT-NO"], "key mismatch named: %s" % p)
    bad = '{"BRANCH":"NEW","ACCT-NO":7,"OWNER":"ELEVEN CHARS","BALANCE":1.234,"TXN":[{"TXN-AMT":1},{"TXN-AMT":2}],"EXTRA":1}'
    st, h, b = srv.request("POST", "/v1/datasets/account/records", bad, headers=hdr, key=wk)
    p = check_problem(st, h, b, 422, "invalid record")
    fields = " ".join(e["field"] for e in p.get("errors", []))
    for name in ("OWNER", "BALANCE", "EXTRA"):
        check(name in fields, "invalid %s listed: %s" % (name, p))
    st, h, b = srv.request("POST", "/v1/datasets/account/records", "{bad", headers=hdr, key=wk)
    check_problem(st, h, b, 400, "malformed record JSON")
    st, h, b = srv.request("DELETE", "/v1/datasets/account/records/NEW,4242", key=wk)
    check(st == 204, "DELETE: %s %s" % (st, b))
    st, h, b = srv.request("GET", "/v1/datasets/account/records/NEW,4242", key=rk)
    check_problem(st, h, b, 404, "GET after DELETE")
    st, h, b = srv.request("DELETE", "/v1/datasets/account/records/NEW,4242", key=wk)
    check_problem(st, h, b, 404, "DELETE twice")

    # Concurrent writers on distinct keys: every write lands, each audited once.
    import threading
    def writer(t):
        for i in range(10):
            body, _ = record_body("C%02d" % t, i, "T%d" % t, "%d.00" % i, ["0.00", "0.00"])
            st, _h, _b = srv.request("POST", "/v1/datasets/account/records", body, headers=hdr, key=wk)
            check(st == 201, "concurrent POST %d/%d: %s %s" % (t, i, st, _b[:200]))
    threads = [threading.Thread(target=writer, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = sql("SELECT who, action, record_key, before, after FROM mfbridge_audit ORDER BY id")
    n = int(sql("SELECT COUNT(*) FROM account WHERE branch LIKE 'C%'")[0][0])
    check(n == 40, "concurrent POSTs stored: %d of 40" % n)
    first = rows[:3]
    check([r[1] for r in first] == ["POST", "PUT", "DELETE"] and all(r[0] == "writer" for r in rows),
          "audit actions and who: %s" % first)
    check(first[0][3] is None and json.loads(first[0][4])["OWNER"] == "ANNA", "audit POST before/after: %s" % (first[0],))
    check(json.loads(first[1][3])["OWNER"] == "ANNA" and json.loads(first[1][4])["OWNER"] == "BERT",
          "audit PUT before/after: %s" % (first[1],))
    check(json.loads(first[2][3])["OWNER"] == "BERT" and first[2][4] is None, "audit DELETE: %s" % (first[2],))
    check(len(rows) == 43, "audit rows: %d (3 + 40)" % len(rows))


def write_account(tmp, recs):
    """The copybook and the record file in `tmp`; returns their paths."""
    cpy = os.path.join(tmp, "account.cpy")
    with open(cpy, "w") as f:
        f.write(COPYBOOK)
    data = os.path.join(tmp, "account.bin")
    with open(data, "wb") as f:
        f.write(b"".join(r[2] for r in recs))
    return cpy, data


def load_account(target, cpy, data, *options):
    """`mfbridge load` the file as table account keyed by BRANCH,ACCT-NO; True when it worked."""
    r = subprocess.run([MFB, "load", "--copybook", cpy, "--input", data, "--target", target,
                        "--table", "account", "--key", "BRANCH,ACCT-NO", "--no-progress"] + list(options),
                       capture_output=True, text=True)
    return check(r.returncode == 0, "load: %s %s" % (r.returncode, r.stderr))


def run_against(target, sql, cpy, data, recs, tmp):
    print("target:", target.split("?")[0])
    if not load_account(target, cpy, data):
        return
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS, "limits:\n  max_page_size: 50\n")
    srv = Server(["--config", cfg, "--target", target])
    try:
        test_records(srv, recs)
        test_pages(srv, recs)
        test_openapi(srv, tmp, recs)
        test_writes(srv, sql)
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")


def main():
    require_mfb()
    recs = make_records()
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data = write_account(tmp, recs)
        for_each_target(tmp, lambda target, sql: run_against(target, sql, cpy, data, recs, tmp))
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
