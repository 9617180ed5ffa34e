#!/usr/bin/env python3
"""Application-level security of `mfbridge serve` over real HTTP, against a SQLite file and
a throwaway PostgreSQL server (issue 12, "Nobody in"; OWASP API Security Top 10 items that
apply to the facade's own logic).

- Inline copybooks never touch the server's files: COPY in every spelling is a 422 that
  holds nothing the request did not, and the same answer for a file that exists and one
  that does not.
- Keys compare as their columns store them (a trailing space is the same key: 409, never
  an overwrite); audit rows hold before and after; values that cannot be stored exactly
  are a 422 naming the field; a composite key part holding ',' is addressable (%252C).
- ETag on GET; If-Match on PUT and DELETE (412), required per dataset (428).
- /openapi.json shows a dataset's schema only to a key that may read it; /healthz is 503
  when the database is gone.
- Object-level authorization (paths, filters, cursors, multi-record paths, transform by
  dataset), authentication, mass assignment, injection, resource limits.

Oracles: records built here with Python's cp037 codec; rows read back with Python's
sqlite3 and psql; ETags checked against Python's hashlib over the answer's bytes.

Usage: serve_security_app_test.py BUILD_DIR  (run from the repository root)
"""

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, check_problem, finish, for_each_target, require_mfb, write_config
from serve_multirecord_test import STAFF_COPYBOOK, staff_file

ACCT_COPYBOOK = """\
       01  ACCT.
           05  ID          PIC X(6).
           05  NAME        PIC X(10).
           05  BAL         PIC S9(5)V99 COMP-3.
"""
PAIR_COPYBOOK = """\
       01  PAIR.
           05  BR          PIC X(3).
           05  NO          PIC X(4).
           05  NOTE        PIC X(5).
"""
KEYS = {"ra": ("key-read-acct", ["read:acct"]), "wa": ("key-write-acct", ["write:acct"]),
        "wp": ("key-write-pair", ["write:pair"]), "tr": ("key-transform", ["transform"]),
        "all": ("key-all", ["read:*", "write:*"])}
RA, WA, WP, TR, ALL = (KEYS[k][0] for k in ("ra", "wa", "wp", "tr", "all"))
MARKER = "ZZSECRETMARKER42"


def acct_record(ident, name, cents):
    """ID, NAME in cp037, BAL packed S9(5)V99 (4 bytes) by hand."""
    digits = "%07d" % abs(cents)
    nibbles = [int(c) for c in digits] + [0xD if cents < 0 else 0xC]
    packed = bytes(nibbles[i] * 16 + nibbles[i + 1] for i in range(0, 8, 2))
    return ident.ljust(6).encode("cp037") + name.ljust(10).encode("cp037") + packed


def write_files(tmp):
    files = {}
    for name, text in (("acct.cpy", ACCT_COPYBOOK), ("pair.cpy", PAIR_COPYBOOK), ("staff.cpy", STAFF_COPYBOOK)):
        files[name] = os.path.join(tmp, name)
        with open(files[name], "w") as f:
            f.write(text)
    data = {"acct.bin": acct_record("A1", "ALICE", 1050) + acct_record("B2", "BOB", -200),
            "secret.bin": acct_record("S1", "SECRET", 99999),
            "pair.bin": "ZRH0001NOTE1".encode("cp037"),
            "staff.bin": b"".join(staff_file())}
    for name, b in data.items():
        files[name] = os.path.join(tmp, name)
        with open(files[name], "wb") as f:
            f.write(b)
    # A copybook member on the server's disk whose text must never reach a client.
    files["member"] = os.path.join(tmp, "MEMBER.cpy")
    with open(files["member"], "w") as f:
        f.write("           05  %s PIC X(3).\n           05  BAD-%s PIC ZZZ(.\n" % (MARKER, MARKER))
    return files


def load(target, args):
    r = subprocess.run([MFB, "load", "--target", target, "--no-progress"] + args, capture_output=True, text=True)
    return check(r.returncode == 0, "load %s: %s %s" % (args, r.returncode, r.stderr))


def load_all(target, f):
    return (load(target, ["--copybook", f["acct.cpy"], "--input", f["acct.bin"], "--table", "acct", "--key", "ID"]) and
            load(target, ["--copybook", f["acct.cpy"], "--input", f["secret.bin"], "--table", "secret", "--key", "ID"]) and
            load(target, ["--copybook", f["pair.cpy"], "--input", f["pair.bin"], "--table", "pair", "--key", "BR,NO"]) and
            load(target, ["--copybook", f["staff.cpy"], "--input", f["staff.bin"], "--lrecl", "20",
                          "--select", "E-TYPE=E:EMP-REC", "--select", "W-TYPE=W:WORKER-REC",
                          "--select", "N-TYPE=N:NOTE-REC", "--table", "staff", "--parent", "WORKER-REC=EMP-REC",
                          "--parent", "NOTE-REC=WORKER-REC", "--key", "EMP-REC=E-REF", "--key", "WORKER-REC=W-ID"]))


def post(srv, path, body, key, headers=None):
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    return srv.request("POST", path, key=key, body=body if isinstance(body, str) else json.dumps(body), headers=h)


def put(srv, path, body, key, headers=None):
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    return srv.request("PUT", path, key=key, body=json.dumps(body), headers=h)


# --- inline copybooks ---------------------------------------------------------------

def copy_variants(member, missing):
    """(name, copybook text with {P} for a path, path that exists, path that does not)."""
    head = "       01  R.\n           05  A PIC X(3).\n"
    return [
        ("continued", head + "           CO\n      -    PY \"{P}\".\n", member, missing),
        ("plain absolute", head + "           COPY \"{P}\".\n", member, missing),
        ("etc passwd", head + "           COPY \"{P}\".\n", "/etc/passwd", "/etc/no-such-file-mfb"),
        ("lower case of-library", head + "           copy {P}.\n", "passwd of etc", "nosuch of etc"),
        ("in-library", head + "           COPY {P}.\n", "MEMBER IN " + os.path.dirname(member).lstrip("/").replace("/", "-"),
         "NOSUCH IN LIB"),
        ("bare member", head + "           COPY {P}.\n", "MEMBER", "NOSUCHMEM"),
        ("inside REPLACING", head + "           COPY X REPLACING ==A== BY ==COPY \"{P}\"==.\n", member, missing),
        ("REPLACE by COPY", "       REPLACE ==XX== BY ==COPY \"{P}\"==.\n" + head + "           XX.\n", member, missing),
        ("free format", "01 R.\n  05 A PIC X(3).\n  COPY \"{P}\".\n", member, missing),
    ]


def problem_shape(p, request_text, what):
    """The problem without the values it quotes; each quoted value must come from the request."""
    for e in p.get("errors", []):
        v = e.get("value", "")
        v = v[:-3] if v.endswith("...") else v
        check(v in request_text, "%s: the answer quotes %r, which the request did not hold" % (what, v))
    return (p.get("status"), p.get("detail"), [(e.get("field"), e.get("reason")) for e in p.get("errors", [])])


def test_inline_copy(srv, files):
    member = files["member"]
    missing = os.path.join(os.path.dirname(member), "NOSUCH.cpy")
    for name, text, there, absent in copy_variants(member, missing):
        shapes = []
        for path in (there, absent):
            body = {"copybook": text.replace("{P}", path), "data": base64.b64encode(b"ABC").decode()}
            st, h, b = post(srv, "/v1/transform/decode", body, TR)
            p = check_problem(st, h, b, 422, "COPY %s (%s)" % (name, path))
            answer = b.decode("utf-8", "replace")
            check(MARKER not in answer and "root:" not in answer,
                  "COPY %s: the answer holds a server file's text: %s" % (name, answer[:400]))
            check("not found" not in answer and "cannot read" not in answer,
                  "COPY %s: the answer tells whether the file exists: %s" % (name, answer[:400]))
            shapes.append(problem_shape(p, body["copybook"], "COPY %s" % name))
        check(shapes[0] == shapes[1], "COPY %s: an existing and a missing file answer differently:\n%s\n%s"
              % (name, shapes[0], shapes[1]))
    # Encode takes the same path through the parser.
    body = {"copybook": copy_variants(member, missing)[0][1].replace("{P}", "/etc/passwd"), "value": {"A": "X"}}
    st, h, b = post(srv, "/v1/transform/encode", body, TR)
    check_problem(st, h, b, 422, "COPY on encode")
    check(b"root:" not in b, "encode COPY leaks /etc/passwd")


def test_resource_limits(srv):
    huge = "       01  R.\n" + "           05  F PIC X.\n" * 60000  # about 1.6 MB
    st, h, b = post(srv, "/v1/transform/decode", {"copybook": huge, "data": ""}, TR)
    check_problem(st, h, b, 413, "huge inline copybook")
    for bad in ("0", "-1", "1001", "99999999999999", "abc", "1e3", " 5"):
        st, h, b = srv.request("GET", "/v1/datasets/acct/records?limit=" + bad.replace(" ", "%20"), key=RA)
        check_problem(st, h, b, 400, "limit=%r" % bad)


# --- keys -----------------------------------------------------------------------------

def row_names(sql, table):
    return sorted((r[0], r[1]) for r in sql("SELECT id, name FROM %s" % table))


def test_keys(srv, sql):
    base = "/v1/datasets/acct/records"
    # A trailing space is the same key as the column stores it: 409, the row untouched.
    st, h, b = post(srv, base, {"ID": "A1 ", "NAME": "MALLORY", "BAL": 1}, WA)
    check_problem(st, h, b, 409, "POST with a key equal to an existing one but for a trailing space")
    check(row_names(sql, "acct") == [("A1", "ALICE"), ("B2", "BOB")], "rows after the 409: %s" % row_names(sql, "acct"))
    st, h, b = post(srv, base, {"ID": "  A1", "NAME": "LEAD", "BAL": 0}, WA)
    check(st == 201, "a leading space is another key: %s %s" % (st, b[:200]))
    # The path's key compares the same way: A1%20 is A1.
    st, h, b = srv.request("GET", base + "/A1%20", key=RA)
    check(st == 200 and json.loads(b).get("NAME") == "ALICE", "GET A1 with a trailing space: %s %s" % (st, b[:200]))
    st, h, b = put(srv, base + "/B2%20", {"ID": "B2", "NAME": "BOBBY", "BAL": 2}, WA)
    check(st == 200, "PUT B2 with a trailing space in the path replaces B2: %s %s" % (st, b[:200]))
    # Values that cannot be stored exactly: never cut.
    for field, value, why in (("NAME", "ABCDEFGHIJK", "one character too long"),
                              ("NAME", "EURO \u20ac", "outside cp037"),
                              ("NAME", "\u65e5\u672c", "outside cp037")):
        body = {"ID": "C3", "NAME": "X", "BAL": 0}
        body[field] = value
        st, h, b = post(srv, base, body, WA)
        p = check_problem(st, h, b, 422, "POST %s %s" % (field, why))
        check(any(e.get("field", "").split(".")[-1] == field for e in p.get("errors", [])),
              "422 names %s (%s): %s" % (field, why, p))
    check(not [r for r in row_names(sql, "acct") if r[0] == "C3"], "a value that cannot be stored left no row")
    # A low-value (X'00') in text: stored exactly (SQLite; PostgreSQL by its low-values
    # policy), or refused naming the field; never cut at the NUL.
    st, h, b = post(srv, base, {"ID": "N0", "NAME": "A\u0000B", "BAL": 0}, WA)
    if st == 201:
        st, h, b = srv.request("GET", base + "/N0", key=RA)
        check(st == 200 and json.loads(b).get("NAME") == "A\u0000B", "NUL in text read back: %s %s" % (st, b[:200]))
        srv.request("DELETE", base + "/N0", key=WA)
    else:
        p = check_problem(st, h, b, 422, "NUL in text that the target cannot hold")
        check(any(e.get("field", "").split(".")[-1] == "NAME" for e in p.get("errors", [])),
              "the NUL 422 names NAME: %s" % p)
    # Every audit row holds what it should: before for a replace or delete, after for a write.
    rows = sql("SELECT action, before, after FROM mfbridge_audit ORDER BY id")
    check([r[0] for r in rows][:2] == ["POST", "PUT"], "audit rows: %s" % (rows,))
    for action, before, after in rows:
        check((after is not None) == (action != "DELETE"), "audit %s after: %s" % (action, after))
        check((before is not None) == (action != "POST"), "audit %s before: %s" % (action, before))
    # A composite key part holding ',' is written and read back (%2C inside a part, %252C in the URL).
    st, h, b = post(srv, "/v1/datasets/pair/records", {"BR": "A,B", "NO": "9%", "NOTE": "X"}, WP)
    check(st == 201, "POST a composite key with ',' and '%%' in its parts: %s %s" % (st, b[:200]))
    st, h, b = srv.request("GET", "/v1/datasets/pair/records/A%252CB,9%2525", key=WP)
    got = json.loads(b) if st == 200 else {}
    check(got.get("BR") == "A,B" and got.get("NO") == "9%", "GET the composite key back: %s %s" % (st, b[:200]))
    st, h, b = srv.request("GET", "/v1/datasets/pair/records/A,B,9%25", key=WP)
    check_problem(st, h, b, 400, "a raw ',' in a part is an extra part")
    st, h, b = srv.request("DELETE", "/v1/datasets/pair/records/A%252CB,9%2525", key=WP)
    check(st == 204, "DELETE the composite key: %s %s" % (st, b[:200]))


# --- ETag and If-Match ----------------------------------------------------------------

def test_etags(srv, sql, required):
    base = "/v1/datasets/acct/records"
    st, h, b = srv.request("GET", base + "/A1", key=ALL)
    tag = h.get("etag", "")
    check(st == 200 and tag == '"%s"' % hashlib.sha256(b).hexdigest(), "GET ETag %r for %s" % (tag, b[:200]))
    st, h2, b2 = srv.request("GET", base + "/A1?format=ebcdic", key=ALL)
    check(h2.get("etag") == tag, "the EBCDIC form has the record's tag: %s" % h2.get("etag"))
    st, h, b = put(srv, base + "/A1", {"ID": "A1", "NAME": "ALICE2", "BAL": 1}, ALL, {"If-Match": '"00"'})
    check_problem(st, h, b, 412, "PUT with a wrong If-Match")
    check(("A1", "ALICE") in row_names(sql, "acct"), "a 412 changed nothing")
    st, h, b = put(srv, base + "/A1", {"ID": "A1", "NAME": "ALICE2", "BAL": 1}, ALL, {"If-Match": "W/" + tag})
    check_problem(st, h, b, 412, "PUT with a weak tag (If-Match compares strongly)")
    st, h, b = put(srv, base + "/A1", {"ID": "A1", "NAME": "ALICE2", "BAL": 1}, ALL, {"If-Match": '"x", ' + tag})
    new_tag = h.get("etag")
    check(st == 200 and new_tag and new_tag != tag and new_tag == '"%s"' % hashlib.sha256(b).hexdigest(),
          "PUT with the right tag in a list: %s %s %s" % (st, new_tag, b[:200]))
    # A second client with the old tag loses nothing: 412, and the first write stays.
    st, h, b = put(srv, base + "/A1", {"ID": "A1", "NAME": "LOSTUPD", "BAL": 1}, ALL, {"If-Match": tag})
    check_problem(st, h, b, 412, "PUT with a stale tag")
    check(h.get("etag") == new_tag, "the 412 tells the current tag: %s" % h.get("etag"))
    st, h, b = srv.request("DELETE", base + "/A1", key=ALL, headers={"If-Match": tag})
    check_problem(st, h, b, 412, "DELETE with a stale tag")
    st, h, b = put(srv, base + "/ZZ9", {"ID": "ZZ9", "NAME": "N", "BAL": 1}, ALL, {"If-Match": "*"})
    check_problem(st, h, b, 412, "PUT If-Match: * on a record that does not exist")
    check(("A1", "ALICE2") in row_names(sql, "acct"), "rows after the 412s: %s" % row_names(sql, "acct"))
    if required:
        st, h, b = put(srv, base + "/A1", {"ID": "A1", "NAME": "NOTAG", "BAL": 1}, ALL)
        check_problem(st, h, b, 428, "PUT without If-Match where it is required")
        st, h, b = srv.request("DELETE", base + "/B2", key=ALL)
        check_problem(st, h, b, 428, "DELETE without If-Match where it is required")
        st, h, b = put(srv, "/v1/datasets/pair/records/ZRH,0001", {"BR": "ZRH", "NO": "0001", "NOTE": "N2"}, ALL)
        check(st == 200, "another dataset needs no If-Match: %s %s" % (st, b[:200]))
    st, h, b = srv.request("DELETE", base + "/A1", key=ALL, headers={"If-Match": "*"})
    check(st == 204, "DELETE If-Match: *: %s %s" % (st, b[:200]))


# --- OpenAPI and health ---------------------------------------------------------------

def test_openapi(srv):
    st, h, b = srv.request("GET", "/openapi.json")
    doc = json.loads(b) if st == 200 else {}
    text = b.decode()
    check(st == 200 and "/v1/datasets/{ds}/records/{key}" in doc.get("paths", {}), "anonymous: generic routes")
    for leak in ("acct", "secret", "E-REF", "W-PAY", "BAL"):
        check('"%s' % leak not in text, "anonymous /openapi.json shows %s" % leak)
    st, h, b = srv.request("GET", "/openapi.json", key=RA)
    doc = json.loads(b) if st == 200 else {}
    schemas = doc.get("components", {}).get("schemas", {})
    check("acct" in schemas and "secret" not in schemas and "pair" not in schemas,
          "a key for acct sees acct's schema only: %s" % sorted(schemas))
    check("/v1/datasets/secret/records" not in doc.get("paths", {}), "secret's routes hidden from a key for acct")
    put_op = doc.get("paths", {}).get("/v1/datasets/acct/records/{key}", {}).get("put", {})
    get_op = doc.get("paths", {}).get("/v1/datasets/acct/records/{key}", {}).get("get", {})
    check({"412", "428"} <= set(put_op.get("responses", {})), "OpenAPI PUT documents 412 and 428")
    check(any(p.get("name") == "If-Match" for p in put_op.get("parameters", [])), "OpenAPI PUT documents If-Match")
    check("ETag" in get_op.get("responses", {}).get("200", {}).get("headers", {}), "OpenAPI GET documents ETag")
    st, h, b = srv.request("GET", "/openapi.json", key="not-a-key")
    check(st == 200 and b'"acct' not in b, "a wrong key sees no schema")


def test_health(srv, stop, restore):
    st, h, b = srv.request("GET", "/healthz")
    check(st == 200, "healthz with the database up: %s %s" % (st, b))
    stop()
    st, h, b = srv.request("GET", "/healthz")
    check_problem(st, h, b, 503, "healthz with the database gone")
    if restore is not None:
        restore()
        st, h, b = srv.request("GET", "/healthz")
        check(st == 200, "healthz after the database is back: %s %s" % (st, b))


# --- OWASP: authorization, authentication, mass assignment, injection ---------------------

def test_object_level(srv):
    b64 = base64.b64encode(acct_record("S1", "X", 0)).decode()
    cursor = base64.urlsafe_b64encode(b'["A1"]').decode().rstrip("=")
    reads = ["/v1/datasets/secret", "/v1/datasets/secret/records", "/v1/datasets/secret/records/S1",
             "/v1/datasets/secret/records?ID=S1", "/v1/datasets/secret/records?cursor=" + cursor,
             "/v1/datasets/secret/records/S1?format=ebcdic", "/v1/datasets/staff_emp_rec/records",
             "/v1/datasets/staff_worker_rec/records/101", "/v1/datasets/pair/records/ZRH,0001"]
    for path in reads:
        st, h, b = srv.request("GET", path, key=RA)
        check_problem(st, h, b, 403, "key for acct reads " + path)
        check(b"SECRET" not in b and b"99999" not in b, "403 leaks data: %s" % b[:200])
    writes = [("POST", "/v1/datasets/secret/records", {"ID": "S2", "NAME": "X", "BAL": 0}),
              ("PUT", "/v1/datasets/secret/records/S1", {"ID": "S1", "NAME": "X", "BAL": 0}),
              ("DELETE", "/v1/datasets/secret/records/S1", None),
              ("POST", "/v1/datasets/pair/records", {"BR": "X", "NO": "1", "NOTE": ""}),
              ("POST", "/v1/datasets/acct/records", {"ID": "R9", "NAME": "X", "BAL": 0})]
    for method, path, body in writes:
        key = RA if path.startswith("/v1/datasets/acct") else WA
        st, h, b = srv.request(method, path, key=key, body=json.dumps(body) if body else None,
                               headers={"Content-Type": "application/json"})
        check_problem(st, h, b, 403, "%s %s with a key without its write scope" % (method, path))
    transforms = [("/v1/transform/decode", {"dataset": "secret", "data": b64}, {}),
                  ("/v1/transform/encode", {"dataset": "secret", "value": {"ID": "S1"}}, {})]
    for path, body, _ in transforms:
        st, h, b = post(srv, path, body, RA)
        check_problem(st, h, b, 403, "transform by the name of another dataset: %s" % path)
    st, h, b = srv.request("POST", "/v1/transform/decode?dataset=secret", key=RA, body=acct_record("S1", "X", 0),
                           headers={"Content-Type": "application/octet-stream"})
    check_problem(st, h, b, 403, "transform raw bytes by the name of another dataset")
    st, h, b = post(srv, "/v1/transform/decode", {"dataset": "secret", "data": b64}, TR)
    check_problem(st, h, b, 403, "a transform-only key names a dataset")


def test_authentication(srv):
    for name, header in (("missing", None), ("empty", ""), ("bearer alone", "Bearer"), ("bearer space", "Bearer "),
                         ("wrong scheme", "Basic " + base64.b64encode(b"u:" + RA.encode()).decode()),
                         ("token scheme", "Token " + RA), ("garbled", "Bearer \x7f\x01" + RA),
                         ("prefix of a key", "Bearer " + RA[:-1]), ("key plus space", "Bearer " + RA + " x"),
                         ("digest itself", "Bearer " + hashlib.sha256(RA.encode()).hexdigest())):
        headers = {} if header is None else {"Authorization": header}
        try:
            st, h, b = srv.request("GET", "/v1/datasets/acct/records", headers=headers)
        except Exception as e:  # http.client refuses some control characters itself
            check("garbled" in name, "%s: %s" % (name, e))
            continue
        if name == "garbled" and st == 400:
            # Control characters make the header field itself invalid HTTP (RFC 9110 5.5):
            # the transport refuses the request before any key is looked at.
            check_problem(st, h, b, 400, "authentication %s" % name)
            continue
        check_problem(st, h, b, 401, "authentication %s" % name)
        check(h.get("www-authenticate", "").startswith("Bearer"), "%s: WWW-Authenticate %s" % (name, h))


def test_mass_assignment(srv, sql):
    base = "/v1/datasets/acct/records"
    for extra in ({"mfb_record_no": 1}, {"_parent": {"ID": "B2"}}, {"ADMIN": True}, {"id ": "X"}):
        body = {"ID": "M1", "NAME": "MASS", "BAL": 0}
        body.update(extra)
        st, h, b = post(srv, base, body, WA)
        check(st in (400, 422), "unknown member %s refused: %s %s" % (list(extra), st, b[:200]))
    check(not [r for r in row_names(sql, "acct") if r[0] == "M1"], "no row from a refused body")
    nums = sql("SELECT mfb_record_no FROM acct ORDER BY mfb_record_no")
    check(len(nums) == len(set(nums)), "record numbers stay unique: %s" % (nums,))


def test_injection(srv, sql):
    before = len(sql("SELECT * FROM secret"))
    hostile = ["' OR '1'='1", "A1'; DROP TABLE secret;--", "\\\"; DELETE FROM secret", "%", "_", "A1' --"]
    for v in hostile:
        q = "".join("%%%02X" % c for c in v.encode())
        st, h, b = srv.request("GET", "/v1/datasets/acct/records/" + q, key=ALL)
        check(st in (404,), "GET key %r: %s %s" % (v, st, b[:200]))
        st, h, b = srv.request("GET", "/v1/datasets/acct/records?ID=" + q, key=ALL)
        check(st == 200 and json.loads(b)["records"] == [], "filter %r: %s %s" % (v, st, b[:200]))
        st, h, b = srv.request("GET", "/v1/datasets/acct/records?cursor=" + q, key=ALL)
        check_problem(st, h, b, 400, "cursor %r" % v)
        forged = base64.urlsafe_b64encode(json.dumps([v]).encode()).decode().rstrip("=")
        st, h, b = srv.request("GET", "/v1/datasets/acct/records?cursor=" + forged, key=ALL)
        check(st == 200, "a forged cursor %r is only a value: %s %s" % (v, st, b[:200]))
        st, h, b = srv.request("GET", "/v1/datasets/" + q + "/records", key=ALL)
        check(st in (403, 404), "dataset name %r: %s" % (v, st))
    st, h, b = post(srv, "/v1/datasets/acct/records", {"ID": "X';--", "NAME": "Robert');", "BAL": 0}, ALL)
    check(st == 201, "a key with SQL metacharacters is stored as text: %s %s" % (st, b[:200]))
    check(("X';--", "Robert');") in row_names(sql, "acct"), "stored literally: %s" % row_names(sql, "acct"))
    check(len(sql("SELECT * FROM secret")) == before, "the other table is intact")


# --- running ----------------------------------------------------------------------------

def run_against(target, sql, tmp, files):
    print("target:", target.split("?")[0])
    if not load_all(target, files):
        return
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS)
    srv = Server(["--config", cfg, "--target", target])
    try:
        test_inline_copy(srv, files)
        test_resource_limits(srv)
        test_authentication(srv)
        test_object_level(srv)
        test_openapi(srv)
        test_keys(srv, sql)
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")
    write_config(cfg, KEYS, "openapi_schemas: everyone\n")
    srv = Server(["--config", cfg, "--target", target])
    try:
        test_etags(srv, sql, False)
        test_mass_assignment(srv, sql)
        test_injection(srv, sql)
        st, h, b = srv.request("GET", "/openapi.json")
        check(st == 200 and "acct" in json.loads(b)["components"]["schemas"], "openapi_schemas: everyone")
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")


def etag_required(target, sql, tmp, files):
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS, "require_if_match: [acct]\n")
    srv = Server(["--config", cfg, "--target", target])
    try:
        post(srv, "/v1/datasets/acct/records", {"ID": "A1", "NAME": "ALICE", "BAL": 1}, ALL)
        test_etags(srv, sql, True)
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")


def health(target, tmp, stop, restore):
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS)
    srv = Server(["--config", cfg, "--target", target])
    try:
        test_health(srv, stop, restore)
    finally:
        srv.stop()


def sqlite_health(target, tmp):
    db = target[len("sqlite:"):]

    def stop():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.rename(db + suffix, db + suffix + ".away")

    def restore():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix + ".away"):
                os.rename(db + suffix + ".away", db + suffix)
    health(target, tmp, stop, restore)
    check(not os.path.exists(db + ".away"), "the database file is back")


def pg_health(target, tmp):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
    import pg_server
    base = target.split("host=")[1]

    def stop():
        subprocess.run(pg_server._as_user(pg_server._server_user(),
                                          [pg_server._tool("pg_ctl"), "-D", os.path.join(base, "data"), "-m", "fast",
                                           "-w", "stop"]), capture_output=True)
    health(target, tmp, stop, None)


def main():
    require_mfb()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(tmp)

        def run(target, sql):
            run_against(target, sql, tmp, files)
            etag_required(target, sql, tmp, files)
            if target.startswith("sqlite:"):
                sqlite_health(target, tmp)
            else:
                pg_health(target, tmp)  # last: it stops the server
        for_each_target(tmp, run)
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
