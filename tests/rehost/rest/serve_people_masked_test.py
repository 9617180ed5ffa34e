#!/usr/bin/env python3
"""Read-masked keys on the dataset list and the people lookup, over real HTTP, on SQLite and
PostgreSQL. The benefit claims are loaded unmasked twice: `claims`, whose policy
pseudonymises the NINO (the shared key's field), and `named`, whose policy redacts only the
claimant's name. A read-masked key:
- lists both datasets in GET /v1/datasets, each marked "masked": true (a read key's entries
  carry no mark);
- looks a person up by NINO and gets the `named` records of that NINO (the oracle: the
  claims' bytes read with Python's codecs), names redacted, no original name in the answer;
- never sees `claims` (its policy masks the looked-up field: a hit on an original NINO would
  reveal that the person is there): not queried, not named;
- with read-masked on `claims` alone, gets 403, as a key that may read nothing.

Usage: serve_people_masked_test.py BUILD_DIR   (from the repository root)"""
import json
import os
import sys
import tempfile
import subprocess
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

import mask_support as ms  # noqa: E402
from serve_support import MFB, Server, check, finish, for_each_target, require_mfb, write_config  # noqa: E402

KEYS = {"researcher": ("k-masked-both", ["read-masked:claims", "read-masked:named"]),
        "narrow": ("k-masked-claims", ["read-masked:claims"]),
        "owner": ("k-read-claims", ["read:claims"])}
NAME_POLICY = f"""secret:
  env: {ms.ENV}
fields:
  - match: BC-CLAIMANT-NAME
    action: redact
    fill: "X"
"""
SHARED = """shared_keys:
  - name: nino
    path: /v1/people
    datasets: {claims: BC-NINO, named: BC-NINO}
"""


def load(target, table, claims):
    p = subprocess.run([MFB, "load", *ms.BENEFITS, "--table", table, "--key", "BC-CLAIM-ID",
                        "--input", claims, "--target", target, "--mode", "replace"], capture_output=True, text=True)
    check(p.returncode == 0, f"load {table} into {target.split(':')[0]} ({p.stderr[-200:]})")


def get_json(srv, path, key):
    status, _h, body = srv.request("GET", path, key=key)
    return status, (json.loads(body) if status == 200 else None), body.decode(errors="replace")


def check_list(srv):
    status, doc, _ = get_json(srv, "/v1/datasets", KEYS["researcher"][0])
    listed = {d["name"]: d.get("masked") for d in (doc or {}).get("datasets", [])}
    check(status == 200 and listed == {"claims": True, "named": True},
          f"a read-masked key lists its datasets, marked masked ({status} {listed})")
    status, doc, _ = get_json(srv, "/v1/datasets", KEYS["owner"][0])
    listed = {d["name"]: d.get("masked") for d in (doc or {}).get("datasets", [])}
    check(status == 200 and listed == {"claims": None}, f"a read key's entry carries no mark ({listed})")


def check_lookup(srv, claims):
    orig = ms.benefit_claims(claims)
    nino = orig[3]["nino"]
    expected = sorted(i for i, c in enumerate(orig) if c["nino"] == nino)
    status, doc, text = get_json(srv, "/v1/people/" + urllib.parse.quote(nino, safe=""), KEYS["researcher"][0])
    groups = {g["dataset"]: g for g in (doc or {}).get("datasets", [])}
    check(status == 200 and list(groups) == ["named"],
          f"only the dataset whose policy keeps the NINO answers ({status} {list(groups)})")
    check("claims" not in text.replace("/v1/datasets/named", ""), "the other dataset is not named")
    recs = [r["record"] for r in groups.get("named", {}).get("records", [])]
    check(len(recs) == len(expected) and all(r["BC-NINO"] == nino for r in recs),
          f"every record of that NINO, found by its original value ({len(recs)} of {len(expected)})")
    names = {orig[i]["name"] for i in expected}
    check(recs and all(set(r["BC-CLAIMANT-NAME"].strip()) <= {"X"} for r in recs),
          "the claimant's name is redacted in every record")
    check(not [n for n in names if n and n in text], "no original name in the answer")
    status, _d, _t = get_json(srv, "/v1/people/" + nino, KEYS["narrow"][0])
    check(status == 403, f"a key that may read only masked-NINO datasets gets 403 ({status})")


def run_against(target, tmp, claims):
    load(target, "claims", claims)
    load(target, "named", claims)
    pol1, pol2 = os.path.join(tmp, "nino.yaml"), os.path.join(tmp, "name.yaml")
    open(pol1, "w").write(ms.POLICY)
    open(pol2, "w").write(NAME_POLICY)
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS, f"masking:\n  claims: {pol1}\n  named: {pol2}\n" + SHARED)
    srv = Server(["--config", cfg, "--target", target])
    try:
        check_list(srv)
        check_lookup(srv, claims)
    finally:
        srv.stop()


def main():
    require_mfb()
    os.environ[ms.ENV] = ms.SECRET
    with tempfile.TemporaryDirectory() as tmp:
        claims = ms.with_shared_nino(tmp, ms.paye_details()[0][0])
        for_each_target(tmp, lambda target, _sql: run_against(target, tmp, claims))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
