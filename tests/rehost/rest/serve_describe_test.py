#!/usr/bin/env python3
"""GET /v1/datasets/{ds} over real HTTP: the LRECL is the one the file has (not 0), and a
multi-record file is reachable under the name it was loaded as (the name reconcile and
export take), which lists its record types' paths; its /records answer 404 naming them.

Oracles: the samples' READMEs and COBOL programs: PAYE RECFM FB LRECL 80 (README), taxpayer
fixed 369 bytes (README; loaded without --lrecl), LTT RECFM V with RECORD VARYING FROM 184
TO 283 (LTTRET.cbl), whose z/OS LRECL counts the 4-byte RDW: 287. On SQLite and on a
throwaway PostgreSQL server.

Usage: serve_describe_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, finish, for_each_target, require_mfb, write_config
from load_support import SAMPLES

KEYS = {"r": ("reader-key", ["read:*"])}
PAYE_TYPES = ["PAYE-HEADER-REC", "PAYE-DETAIL-REC", "PAYE-TRAILER-REC"]


def load(target, name):
    opts, data = SAMPLES[name]
    p = subprocess.run([MFB, "load", *opts, "--table", name, "--input", data, "--target", target,
                        "--no-progress"], capture_output=True, text=True, timeout=300)
    return check(p.returncode == 0, "load %s: exit %d %s" % (name, p.returncode, p.stderr[-300:]))


def get(srv, path):
    st, _h, body = srv.request("GET", path, key="reader-key")
    try:
        return st, json.loads(body)
    except ValueError:
        return st, {}


def run_against(target, tmp):
    label = target.split(":")[0]
    for name in ("paye", "taxpayer", "ltt"):
        if not load(target, name):
            return
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS)
    srv = Server(["--config", cfg, "--target", target])
    try:
        for name, lrecl in (("taxpayer", 369), ("ltt", 287)):
            st, d = get(srv, "/v1/datasets/" + name)
            check(st == 200 and d.get("lrecl") == lrecl,
                  "%s: %s lrecl %s (expected %d)" % (label, name, d.get("lrecl"), lrecl))
        st, listing = get(srv, "/v1/datasets")
        listed = [d["name"] for d in listing.get("datasets", [])]
        st, d = get(srv, "/v1/datasets/paye")
        types = d.get("record_types", [])
        check(st == 200 and d.get("name") == "paye" and d.get("recfm") == "FB" and d.get("lrecl") == 80,
              "%s: GET /v1/datasets/paye: %d %s" % (label, st, json.dumps(d)[:300]))
        check([t.get("name") for t in types] == PAYE_TYPES,
              "%s: paye's record types in copybook order: %s" % (label, [t.get("name") for t in types]))
        check(all(t.get("length") == 80 for t in types), "%s: each PAYE record is 80 bytes" % label)
        for t in types:
            href = t.get("href", "")
            check(href == "/v1/datasets/" + t.get("dataset", "?") and t.get("dataset") in listed,
                  "%s: %s's path %s is listed by /v1/datasets %s" % (label, t.get("name"), href, listed))
            st, sub = get(srv, href)
            check(st == 200 and sub.get("loaded_as") == "paye" and sub.get("lrecl") == 80 and
                  sub.get("records", [{}])[0].get("name") == t.get("name"),
                  "%s: GET %s: %d loaded_as %s lrecl %s" % (label, href, st, sub.get("loaded_as"), sub.get("lrecl")))
        st, p = get(srv, "/v1/datasets/paye/records")
        detail = p.get("detail", "")
        check(st == 404 and all(t.get("href", "?") in detail for t in types),
              "%s: /v1/datasets/paye/records: %d names the record types' paths: %s" % (label, st, detail))
        st, p = get(srv, "/v1/datasets/nosuch")
        check(st == 404 and "no dataset named nosuch" in p.get("detail", ""), "%s: nosuch: %d %s" % (label, st, p))
    finally:
        check(srv.stop() == 0, "exit code after SIGTERM")


def main():
    require_mfb()
    with tempfile.TemporaryDirectory() as tmp:
        for_each_target(tmp, lambda target, sql: run_against(target, tmp))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
