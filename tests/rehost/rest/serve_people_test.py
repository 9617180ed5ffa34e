#!/usr/bin/env python3
"""The people lookup of `mfbridge serve` over real HTTP, on a SQLite file and on a throwaway
PostgreSQL server: `shared_keys` in the config join three datasets whose copybooks hold a
NINO in fields of different names, and two pseudonymised extracts whose NINO field holds
HMAC tokens.

The oracle: the records people_data.py wrote (Python's cp037 codec, hand-packed
decimals); each answer must hold exactly the records whose field holds the key, and the
same counts come from sqlite3/psql. Scopes: a dataset the key may not read is absent from
the answer (not its name, not a count). Hostile keys and config errors at start-up too.

Usage: serve_people_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from serve_support import MFB, Server, check, check_problem, finish, for_each_target, require_mfb, write_config
import people_data as pd
import serve_openapi_test

KEYS = {"all": ("all-key", ["read:*"]),
        "two": ("two-key", ["read:taxpayer", "write:paye"]),  # write implies read
        "none": ("none-key", ["read:elsewhere"]),
        "masked": ("masked-key", ["read:taxpayer_masked", "read:paye_masked"])}
PEOPLE = 14  # NINOs 0..13; 13 is in no dataset
SHARED = """shared_keys:
  - name: nino
    path: /v1/people
    datasets: {taxpayer: TP-NINO, paye: EMP-NINO, benefit: bc_ni_number}
    normalise: [upper, no_spaces]
    max_records: 3
  - name: token
    path: /v1/pseudonyms
    datasets: {taxpayer_masked: TP-NINO, paye_masked: emp_nino}
"""
q = lambda s: urllib.parse.quote(s, safe="")


def person_tp(i):
    return pd.nino(i * 5 % 13)


def person_emp(i):
    return pd.nino(i * 7 % 13)


def person_ben(i):
    return pd.nino(i * 3 % 11)  # NINOs 11 and 12 hold no claim


def make_files(tmp):
    files = {}
    for name, cpy, (data, recs) in (
            ("taxpayer", pd.TP_COPYBOOK, pd.taxpayers(40, person_tp)),
            ("paye", pd.EMP_COPYBOOK, pd.employments(47, person_emp)),
            ("benefit", pd.BEN_COPYBOOK, pd.claims(29, person_ben)),
            ("taxpayer_masked", pd.TP_COPYBOOK, pd.taxpayers(40, person_tp, mask=True)),
            ("paye_masked", pd.EMP_COPYBOOK, pd.employments(47, person_emp, mask=True))):
        cpy_path, data_path = os.path.join(tmp, name + ".cpy"), os.path.join(tmp, name + ".dat")
        open(cpy_path, "w").write(cpy)
        open(data_path, "wb").write(data)
        files[name] = (cpy_path, data_path, recs)
    return files


LOAD = {"taxpayer": ["--key", "TP-ID", "--index", "TP-NINO"],
        "paye": ["--key", "EMP-EMPLOYER,EMP-NO", "--index", "EMP-NINO"],
        "benefit": [],  # no index: the serve config makes it
        "taxpayer_masked": ["--key", "TP-ID"],
        "paye_masked": ["--key", "EMP-EMPLOYER,EMP-NO"]}


def load_all(target, files):
    for name, (cpy, data, _recs) in files.items():
        r = subprocess.run([MFB, "load", "--copybook", cpy, "--input", data, "--codepage", "cp037",
                            "--target", target, "--table", name, "--no-progress"] + LOAD[name],
                           capture_output=True, text=True)
        if not check(r.returncode == 0, "load %s: %s %s" % (name, r.returncode, r.stderr)):
            return False
    return True


def identity(name, rec):
    """What names a record in dataset `name`, from the answer's record or the oracle's."""
    if name.startswith("taxpayer"):
        return int(rec["TP-ID"])
    if name.startswith("paye"):
        return (rec["EMP-EMPLOYER"], int(rec["EMP-NO"]))
    return rec["BC-CLAIM-REF"]


def fetch_all(srv, path, key, limit_pages=40):
    """Every group of a lookup, following each group's `next`; {dataset: [record]} in the
    answer's order, or None when a request fails."""
    st, _h, b = srv.request("GET", path, key=key)
    if not check(st == 200, "GET %s: %s %s" % (path, st, b[:300])):
        return None, None
    ans = json.loads(b, parse_float=Decimal)
    groups = {}
    for g in ans["datasets"]:
        recs, nxt = list(g["records"]), g["next"]
        for _ in range(limit_pages):
            if nxt is None:
                break
            st, _h, b = srv.request("GET", nxt, key=key)
            if not check(st == 200, "GET next %s: %s %s" % (nxt, st, b[:300])):
                return None, None
            page = json.loads(b, parse_float=Decimal)["datasets"]
            check([p["dataset"] for p in page] == [g["dataset"]], "next page of %s: %s" % (g["dataset"], page))
            recs += page[0]["records"]
            nxt = page[0]["next"]
        groups[g["dataset"]] = recs
    return ans, groups


def expect_groups(files, names, person, field_of):
    return {n: sorted(identity(n, r) for r in files[n][2] if field_of(r) == person) for n in names}


def test_lookup(srv, files, sql):
    names = ["taxpayer", "paye", "benefit"]
    for i in range(PEOPLE):
        n = pd.nino(i)
        ans, groups = fetch_all(srv, "/v1/people/" + q(n), KEYS["all"][0])
        if ans is None:
            return
        check(ans["key"] == n, "key echoed as compared: %s" % ans["key"])
        check(list(groups) == names, "groups of %s: %s" % (n, list(groups)))
        want = expect_groups(files, names, n, lambda r: r["person"])
        got = {k: sorted(identity(k, r["record"]) for r in v) for k, v in groups.items()}
        check(got == want, "records of %s: %s, expected %s" % (n, got, want))
        # The same counts through the database's own client.
        for table, column in (("taxpayer", "tp_nino"), ("paye", "emp_nino"), ("benefit", "bc_ni_number")):
            rows = sql("SELECT count(*) FROM %s WHERE %s = '%s'" % (table, column, n))
            check(int(rows[0][0]) == len(want[table]), "%s count of %s: sql %s, oracle %d" % (table, n, rows, len(want[table])))
    check(any(len(v) > 3 for v in expect_groups(files, names, pd.nino(0), lambda r: r["person"]).values()),
          "oracle: some group needs a second page (max_records 3)")
    # Each record's own link answers the same record.
    ans, groups = fetch_all(srv, "/v1/people/" + q(pd.nino(2)), KEYS["all"][0])
    for g, recs in (groups or {}).items():
        for r in recs:
            st, _h, b = srv.request("GET", r["href"], key=KEYS["all"][0])
            check(st == 200 and json.loads(b, parse_float=Decimal) == r["record"],
                  "link %s: %s %s" % (r["href"], st, b[:200]))
    # Normalisation: spaces anywhere, lower case.
    n = pd.nino(4)
    loose = " " + n[:2].lower() + " " + n[2:4] + " " + n[4:6] + " " + n[6:8] + " " + n[8].lower() + " "
    a1, g1 = fetch_all(srv, "/v1/people/" + q(n), KEYS["all"][0])
    a2, g2 = fetch_all(srv, "/v1/people/" + q(loose), KEYS["all"][0])
    check(g1 == g2 and a2 is not None and a2["key"] == n, "normalised key %r: %s" % (loose, a2 and a2["key"]))
    # ?limit and ?dataset.
    st, _h, b = srv.request("GET", "/v1/people/%s?limit=2&dataset=paye" % q(pd.nino(0)), key=KEYS["all"][0])
    page = json.loads(b)["datasets"] if st == 200 else []
    check(st == 200 and [p["dataset"] for p in page] == ["paye"] and len(page[0]["records"]) == 2,
          "limit=2&dataset=paye: %s %s" % (st, b[:200]))


def test_scopes(srv, files):
    two = KEYS["two"][0]
    for i in (0, 1, 3):
        n = pd.nino(i)
        ans, groups = fetch_all(srv, "/v1/people/" + q(n), two)
        if ans is None:
            return
        check(list(groups) == ["taxpayer", "paye"], "key two sees %s" % list(groups))
        st, _h, b = srv.request("GET", "/v1/people/" + q(n), key=two)
        text = b.decode()
        check("benefit" not in text and "BC-" not in text and "bc_" not in text, "key two's answer names benefit: %s" % text[:300])
    # Asking for the dataset it may not read answers as for one that does not exist.
    answers = []
    for ds in ("benefit", "nosuch"):
        st, h, b = srv.request("GET", "/v1/people/%s?dataset=%s" % (q(pd.nino(0)), ds), key=two)
        p = check_problem(st, h, b, 400, "dataset=" + ds)
        answers.append((p.get("detail"), [e.get("reason") for e in p.get("errors", [])]))
    check(answers[0] == answers[1], "dataset=benefit and dataset=nosuch differ: %s" % answers)
    st, h, b = srv.request("GET", "/v1/people/" + q(pd.nino(0)))
    check_problem(st, h, b, 401, "no key")
    st, h, b = srv.request("GET", "/v1/people/" + q(pd.nino(0)), key="wrong-key")
    check_problem(st, h, b, 401, "unknown key")
    st, h, b = srv.request("GET", "/v1/people/" + q(pd.nino(0)), key=KEYS["none"][0])
    check_problem(st, h, b, 403, "a key that may read none of the datasets")
    st, h, b = srv.request("GET", "/v1/pseudonyms/" + q(pd.token(pd.nino(0))), key=two)
    check_problem(st, h, b, 403, "key two on the pseudonyms")


def test_tokens(srv, files):
    names = ["taxpayer_masked", "paye_masked"]
    mk = KEYS["masked"][0]
    for i in range(PEOPLE):
        t = pd.token(pd.nino(i))
        ans, groups = fetch_all(srv, "/v1/pseudonyms/" + q(t), mk)
        if ans is None:
            return
        want = expect_groups(files, names, t, lambda r: r.get("TP-NINO", r.get("EMP-NINO")))
        got = {k: sorted(identity(k, r["record"]) for r in v) for k, v in groups.items()}
        check(got == want, "token %s: %s, expected %s" % (t, got, want))
        # No normalise steps: a token is compared as it is (case counts).
        swapped = t.swapcase()
        if swapped != t:
            _a, g = fetch_all(srv, "/v1/pseudonyms/" + q(swapped), mk)
            check(g is not None and all(not v for v in g.values()), "token %s swapped case found %s" % (t, g))
    check(any("/" in pd.token(pd.nino(i)) or "+" in pd.token(pd.nino(i)) for i in range(PEOPLE)),
          "oracle: some token holds '/' or '+'")
    ans, groups = fetch_all(srv, "/v1/pseudonyms/" + q(pd.nino(0)), mk)  # the NINO itself: nothing
    check(groups is not None and all(not v for v in groups.values()), "a NINO among tokens found %s" % groups)


def test_hostile(srv, sql):
    ak = KEYS["all"][0]

    def empty(path, what):
        st, _h, b = srv.request("GET", path, key=ak)
        ok = st == 200 and all(not g["records"] for g in json.loads(b)["datasets"])
        check(ok, "%s: %s %s" % (what, st, b[:200]))

    for evil in ("AB' OR '1'='1", "'; DROP TABLE taxpayer; --", "%", "_%", "*", "\\", "\"", "..", "../../etc/passwd"):
        empty("/v1/people/" + q(evil), "metacharacters %r" % evil)
    check(int(sql("SELECT count(*) FROM taxpayer")[0][0]) == 40, "taxpayer still has its 40 rows")
    n = pd.nino(1)
    st, _h, b = srv.request("GET", "/v1/people/" + "".join("%%%02X" % ord(c) for c in n), key=ak)
    check(st == 200 and json.loads(b)["key"] == n, "fully percent-encoded key: %s %s" % (st, b[:200]))
    empty("/v1/people/" + q("%" + "%02X" % ord(n[0]) + n[1:]), "a percent-escape sent encoded")
    for path, status, what in (("/v1/people/" + "A" * 257, 400, "257-byte key"),
                               ("/v1/people/%00AB", 400, "NUL in the key"),
                               ("/v1/people/%FF%FE", 400, "not UTF-8"),
                               ("/v1/people/%20%20", 400, "only spaces"),
                               ("/v1/people/%zz", 400, "malformed escape"),
                               ("/v1/people/A?limit=0", 400, "limit 0"),
                               ("/v1/people/A?limit=4", 400, "limit over max_records"),
                               ("/v1/people/A?cursor=abc", 400, "cursor without dataset"),
                               ("/v1/people/A?dataset=paye&cursor=abc", 400, "forged cursor"),
                               ("/v1/people/A?sort=1", 400, "unknown parameter"),
                               ("/v1/people", 404, "no key segment"),
                               ("/v1/people/A/B", 404, "a key with a raw '/'"),
                               ("/v1/persons/A", 404, "unknown path")):
        st, h, b = srv.request("GET", path, key=ak)
        check_problem(st, h, b, status, what)
    st, _h, b = srv.request("GET", "/v1/people/" + "A" * 20000, key=ak)
    check(st in (414, 431), "a 20000-byte key: %s" % st)
    empty("/v1/people/" + q("A/B"), "a '/' sent as %2F")
    st, _h, _b = srv.request("POST", "/v1/people/A", body={}, key=ak)
    check(st == 405, "POST: %s" % st)


def test_openapi(srv, tmp):
    st, _h, b = srv.request("GET", "/openapi.json")
    doc = json.loads(b)
    for path in ("/v1/people/{key}", "/v1/pseudonyms/{key}"):
        op = doc["paths"].get(path, {}).get("get", {})
        check(set(op.get("responses", {})) >= {"200", "400", "401", "403", "404"}, "openapi %s: %s" % (path, op))
    check("benefit" not in b.decode(), "openapi names a dataset to a caller without a key")
    serve_openapi_test.check_document(doc, tmp, "with people paths")


def start_fails(tmp, target, extra, want, what):
    cfg = os.path.join(tmp, "bad.yaml")
    write_config(cfg, KEYS, extra)
    args = [MFB, "serve", "--listen", "127.0.0.1:0", "--config", cfg] + (["--target", target] if target else [])
    try:
        r = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        check(False, "%s: the server started" % what)
        return
    check(r.returncode == 1 and want in r.stderr, "%s: exit %s, stderr %s" % (what, r.returncode, r.stderr[-400:]))


def test_config_errors(tmp, target):
    one = "shared_keys:\n  - name: nino\n    datasets: {%s}\n"
    start_fails(tmp, target, one % "taxpayer: TP-NINO, payroll: PR-NINO", "no dataset named 'payroll'", "unknown dataset")
    start_fails(tmp, target, one % "taxpayer: TP-NIN0", "has no field 'TP-NIN0'", "unknown field")
    start_fails(tmp, target, one % "benefit: BC-PAYMENT", "has no field 'BC-PAYMENT'", "an OCCURS field")
    start_fails(tmp, target, one.replace("nino\n", "nino\n    path: /v1/datasets\n") % "taxpayer: TP-NINO",
                "overlaps the route /v1/datasets/{ds}", "path over the dataset routes")
    start_fails(tmp, target, one.replace("nino\n", "nino\n    path: /v1/../x\n") % "taxpayer: TP-NINO",
                "path '/v1/../x'", "a dot segment in the path")
    start_fails(tmp, target, one.replace("datasets", "dataset") % "taxpayer: TP-NINO",
                "unknown key 'dataset'", "a typo")
    start_fails(tmp, target, one.replace("nino\n", "nino\n    max_records: 5000\n") % "taxpayer: TP-NINO",
                "max_records exceeds", "max_records over max_page_size")
    start_fails(tmp, None, one % "taxpayer: TP-NINO", "shared_keys need a --target", "no target")


def index_names(target, sql):
    if target.startswith("sqlite:"):
        return [r[0] for r in sql("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'benefit'")]
    return [r[0] for r in sql("SELECT indexname FROM pg_indexes WHERE tablename = 'benefit'")]


def run_against(target, sql, files, tmp):
    print("target:", target.split("?")[0])
    if not load_all(target, files):
        return
    check(not any("ni_number" in n for n in index_names(target, sql)), "oracle: benefit has no NINO index before serve")
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS, SHARED)
    srv = Server(["--config", cfg, "--target", target])
    try:
        log = "".join(srv.log)
        check("indexed benefit.bc_ni_number" in log and "indexed taxpayer." not in log, "index log: %s" % log)
        check(any("ni_number" in n for n in index_names(target, sql)), "the serve config indexed benefit")
        test_lookup(srv, files, sql)
        test_scopes(srv, files)
        test_tokens(srv, files)
        test_hostile(srv, sql)
        test_openapi(srv, tmp)
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")
    srv = Server(["--config", cfg, "--target", target])  # the index is found the second time
    try:
        check("indexed" not in "".join(srv.log), "second start indexes again: %s" % "".join(srv.log))
    finally:
        srv.stop()
    test_config_errors(tmp, target)


def main():
    require_mfb()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(tmp)
        for_each_target(tmp, lambda target, sql: run_against(target, sql, files, tmp))
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
