#!/usr/bin/env python3
"""/v1/transform/decode and /encode by a dataset's name (its copybook and code page from the
target's catalog) instead of an inline copybook, over real HTTP against a SQLite file
loaded by `mfbridge load`: the JSON body form ({"dataset": ...}) and raw bytes
(application/octet-stream with ?dataset=NAME).

The oracle: serve_dataset_test's records, built field by field with Python's cp037 codec
and hand-packed decimals; decode must give their Python values, encode their bytes.

Usage: serve_transform_dataset_test.py BUILD_DIR  (run from the repository root)
"""

import base64
import json
import os
import sys
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import Server, check, check_problem, finish, require_mfb, write_config
from serve_dataset_test import COPYBOOK, load_account, make_records, record_body, write_account

KEYS = {"t": ("transform-key", ["transform", "read:account"]),
        "bare": ("bare-key", ["transform"]), "all": ("all-key", ["read:*"])}
TK = KEYS["t"][0]


def decoded(st, b):
    return json.loads(b, parse_float=Decimal, parse_int=Decimal) if st == 200 else None


def test_decode(srv, recs):
    for _branch, _acct, data, value in recs[:6]:
        st, h, b = srv.request("POST", "/v1/transform/decode", key=TK,
                               body={"dataset": "account", "data": base64.b64encode(data).decode()})
        check(decoded(st, b) == value and h.get("x-mfb-record") == "ACCOUNT",
              "decode by dataset (JSON body): %s %s" % (st, b[:300]))
        st, h, b = srv.request("POST", "/v1/transform/decode?dataset=account", key=TK, body=data,
                               headers={"Content-Type": "application/octet-stream"})
        check(decoded(st, b) == value, "decode raw bytes by dataset: %s %s" % (st, b[:300]))
    data, value = recs[5][2], recs[5][3]
    st, h, b = srv.request("POST", "/v1/transform/decode?dataset=account&decimals=string", key=TK, body=data,
                           headers={"Content-Type": "application/octet-stream"})
    got = json.loads(b) if st == 200 else {}
    check(got.get("BALANCE") == "-4763.55" and value["BALANCE"] == Decimal("-4763.55"),
          "decode raw, decimals as strings: %s %s" % (st, b[:300]))


def test_encode(srv, recs):
    text, data = record_body("BER", 4711, "ERNA", Decimal("-12.34"), [Decimal("1.00"), Decimal("-0.05")])
    body = '{"dataset":"account","value":%s}' % text
    hdr = {"Content-Type": "application/json"}
    st, h, b = srv.request("POST", "/v1/transform/encode", key=TK, body=body, headers=hdr)
    got = json.loads(b) if st == 200 else {}
    check(got.get("data") == base64.b64encode(data).decode() and got.get("length") == len(data),
          "encode by dataset: %s %s" % (st, b[:300]))
    st, h, b = srv.request("POST", "/v1/transform/encode", key=TK, body=body,
                           headers=dict(hdr, Accept="application/octet-stream"))
    check(st == 200 and b == data, "encode by dataset, raw answer: %s %r" % (st, b[:80]))
    st, h, b = srv.request("POST", "/v1/transform/encode", key=TK,
                           body='{"dataset":"account","record":"NOPE","value":%s}' % text, headers=hdr)
    p = check_problem(st, h, b, 422, "encode: no such record type")
    check("ACCOUNT" in json.dumps(p), "the problem names the dataset's record types: %s" % p)


def test_problems(srv, recs):
    data = recs[0][2]
    b64 = base64.b64encode(data).decode()
    octets = {"Content-Type": "application/octet-stream"}
    cases = [
        ("unknown dataset", "/v1/transform/decode", {"dataset": "nope", "data": b64}, None,
         KEYS["all"][0], 404, None),
        ("dataset without read scope", "/v1/transform/decode", {"dataset": "nope", "data": b64}, None,
         TK, 403, None),
        ("dataset and copybook", "/v1/transform/decode",
         {"dataset": "account", "copybook": COPYBOOK, "data": b64}, None, TK, 400, "copybook"),
        ("no read scope", "/v1/transform/decode", {"dataset": "account", "data": b64}, None,
         KEYS["bare"][0], 403, None),
        ("raw without dataset", "/v1/transform/decode", data, octets, TK, 400, "dataset"),
        ("raw, no read scope", "/v1/transform/decode?dataset=account", data, octets, KEYS["bare"][0], 403, None),
        ("raw, short record", "/v1/transform/decode?dataset=account", data[:-1], octets, TK, 422, "data"),
        ("JSON body with ?dataset", "/v1/transform/decode?dataset=account",
         {"dataset": "account", "data": b64}, None, TK, 400, "dataset"),
        ("encode: dataset and codepage", "/v1/transform/encode",
         {"dataset": "account", "codepage": "cp037", "value": {}}, None, TK, 400, "codepage"),
    ]
    for what, path, body, headers, key, status, field in cases:
        st, h, b = srv.request("POST", path, key=key, body=body, headers=headers)
        p = check_problem(st, h, b, status, what)
        if field:
            check(any(e.get("field") == field for e in p.get("errors", [])), "%s names %s: %s" % (what, field, p))


def main():
    require_mfb()
    recs = make_records()
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data = write_account(tmp, recs)
        db = os.path.join(tmp, "t.db")
        if not load_account("sqlite:" + db, cpy, data):
            return finish()
        cfg = os.path.join(tmp, "serve.yaml")
        write_config(cfg, KEYS)
        srv = Server(["--config", cfg, "--target", "sqlite:" + db])
        try:
            test_decode(srv, recs)
            test_encode(srv, recs)
            test_problems(srv, recs)
        finally:
            check(srv.stop() == 0, "exit code after SIGTERM")
        # Without a target there are no datasets to name.
        srv = Server(["--config", cfg])
        try:
            st, h, b = srv.request("POST", "/v1/transform/decode", key=TK,
                                   body={"dataset": "account", "data": base64.b64encode(recs[0][2]).decode()})
            check_problem(st, h, b, 400, "dataset without a target")
        finally:
            srv.stop()
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
