#!/usr/bin/env python3
"""The web inspector's JSON routes over real HTTP, with wrong and hostile requests: every
malformed or conflicting query is a 400 problem, a record past the end or no bad record is a
404, a key without the scope is a 403, the input file changed or removed since the load is a
409 (never bytes of another file shown as the load's), and a reject's bytes and reason come
from the load's reject log. Against SQLite and a throwaway PostgreSQL server. Values: a small file written here with Python's cp037 codec,
one record with a zoned byte spoilt (0xC1 'A' in a PIC 9 field).

Usage: serve_inspector_api_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, check, check_problem, finish, for_each_target, require_mfb, serving  # noqa: E402

COPYBOOK = "       01  ITEM-REC.\n           05  ITEM-ID    PIC 9(4).\n           05  ITEM-NAME  PIC X(12).\n"
KEYS = {"all": ("all-key", ["read:*"]), "one": ("one-key", ["read:other"])}


def build(tmp, target):
    cpy, data = (os.path.join(tmp, n) for n in ("ITEMS.cpy", "ITEMS.DAT"))
    open(cpy, "w").write(COPYBOOK)
    recs = [("%04d" % i + ("ITEM %d" % i).ljust(12)).encode("cp037") for i in range(1, 6)]
    recs[3] = b"\xf0\xf0\xc1\xf4" + recs[3][4:]  # record 4: ITEM-ID's third byte is 'A'
    open(data, "wb").write(b"".join(recs))
    p = subprocess.run([MFB, "load", "--copybook", cpy, "--input", data, "--target", target, "--table", "items",
                        "--on-error", "reject", "--reject-file", os.path.join(tmp, "items.rej")], capture_output=True, text=True)
    assert p.returncode in (0, 2), p.stderr
    return data, recs


def get(server, path, who="all"):
    status, headers, body = server.request("GET", path, key=KEYS[who][0])
    return status, headers, body


def check_answers(server, recs):
    status, _, body = get(server, "/v1/datasets/items/inspect?record=2")
    doc = json.loads(body) if status == 200 else {}
    check(status == 200 and doc.get("hex") == recs[1].hex(" ").upper(), "record 2's bytes: %s" % body[:200])
    values = {f["path"]: f.get("value") for f in doc.get("fields", [])}
    check(values.get("ITEM-REC.ITEM-NAME", "").strip('"').rstrip() == recs[1][4:].decode("cp037").rstrip(), "record 2's name")
    status, _, body = get(server, "/v1/datasets/items/inspect?bad_after=0")
    doc = json.loads(body) if status == 200 else {}
    bad = [f for f in doc.get("fields", []) if "error" in f]
    check(doc.get("record") == 4 and [f["path"] for f in bad] == ["ITEM-REC.ITEM-ID"] and doc.get("bad_fields") == 1,
          "the first bad record is 4, its ITEM-ID bad: %s" % body[:300])
    status, _, body = get(server, "/v1/datasets/items/inspect?offset=%d" % (3 * 16))
    check(status == 200 and json.loads(body).get("hex") == recs[3].hex(" ").upper(), "offset 48 is record 4's bytes")
    rej = json.loads(get(server, "/v1/datasets/items/rejects")[2])
    check(rej.get("rejected") == 1 and len(rej.get("rejects", [])) == 1 and rej["rejects"][0]["record"] == 4
          and rej["rejects"][0]["bytes"] == "F0 F0 C1 F4", "the reject log's one entry: %s" % rej)
    st = json.loads(get(server, "/v1/datasets/items/status")[2])
    check(st.get("table") == "items" and st.get("rows", {}).get("items") == 4 and st["last_load"]["records"] == 5 and st["reconciliation"]["ok"],
          "status: 4 rows of 5 records, reconciled: %s" % st)
    lay = json.loads(get(server, "/v1/datasets/items/layout")[2])
    items = {f["path"]: (f["offset"], f["length"]) for f in lay["layout"]["records"][0]["fields"]}
    check(items.get("ITEM-REC.ITEM-NAME") == (4, 12) and "ITEM-NAME" in lay.get("listing", ""), "layout: %s" % items)


def check_refusals(server, data):
    base = "/v1/datasets/items/inspect"
    for query, status, what in (("", 400, "no choice"), ("?record=0", 400, "record 0"), ("?record=abc", 400, "not a number"),
                                ("?record=1&offset=0", 400, "two choices"), ("?record=18446744073709551616", 400, "overflow"),
                                ("?record=-1", 400, "negative"), ("?record=6", 404, "past the end"),
                                ("?bad_after=4", 404, "no bad record after 4"), ("?offset=80", 404, "offset at the end"),
                                ("?record=1&color=red", 400, "unknown parameter")):
        s, h, b = get(server, base + query)
        check_problem(s, h, b, status, "inspect" + query + " (" + what + ")")
    s, h, b = get(server, "/v1/datasets/items/rejects?limit=0")
    check_problem(s, h, b, 400, "rejects?limit=0")
    for path in ("/v1/datasets/items/inspect?record=1", "/v1/datasets/items/layout", "/v1/runs"):
        s, h, b = get(server, path, "one")
        check_problem(s, h, b, 403, path + " without the scope")
    s, h, b = get(server, "/v1/datasets/nothing/layout")
    check_problem(s, h, b, 404, "an unknown dataset")
    check(json.loads(get(server, "/v1/runs")[2]) == {"runs": []}, "no job ran: no runs")
    # The input changes after the load: no bytes of it are shown as the load's.
    with open(data, "r+b") as f:
        f.seek(5)
        f.write(b"\x00")
    s, h, b = get(server, base + "?record=1")
    check_problem(s, h, b, 409, "the input changed since the load")
    os.remove(data)
    s, h, b = get(server, base + "?record=1")
    check_problem(s, h, b, 409, "the input is gone")
    check(b"/" + os.path.basename(os.path.dirname(data)).encode() not in b, "the problem names no server path")


def main():
    require_mfb()
    with tempfile.TemporaryDirectory(prefix="mfb-inspector-api-") as tmp:
        def run(target, _sql):
            print("--", target.split(":")[0])
            data, recs = build(tmp, target)
            with serving(tmp, target, KEYS) as server:
                check_answers(server, recs)
                check_refusals(server, data)
        for_each_target(tmp, run)
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
