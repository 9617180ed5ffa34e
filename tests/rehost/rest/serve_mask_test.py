#!/usr/bin/env python3
"""read-masked:DATASET keys over real HTTP, on SQLite and PostgreSQL: the benefit claims
loaded unmasked; a read-masked key lists and gets them with the serve config's masking
policy applied (NINO tokens checked against Python's hmac, no original masked value in any
answer, EBCDIC answers masked too); it may not filter, write, or read the web inspector's
routes; a read key still reads unmasked; a dataset with no policy answers 403; a missing
secret stops the server before it listens.

Usage: serve_mask_test.py BUILD_DIR   (from the repository root)"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

import mask_support as ms  # noqa: E402
from serve_support import MFB, Server, check, finish, for_each_target, require_mfb, write_config  # noqa: E402

KEYS = {"researcher": ("k-masked-1", ["read-masked:claims", "read-masked:other"]),
        "owner": ("k-read-1", ["read:claims"])}


def run_against(target, tmp, policy, claims, values):
    load = subprocess.run([MFB, "load", *ms.BENEFITS, "--table", "claims", "--key", "BC-CLAIM-ID",
                           "--input", claims, "--target", target, "--mode", "replace"],
                          capture_output=True, text=True)
    check(load.returncode == 0, f"load the claims unmasked into {target.split(':')[0]} ({load.stderr[-200:]})")
    subprocess.run([MFB, "load", *ms.BENEFITS, "--table", "other", "--key", "BC-CLAIM-ID",
                    "--input", claims, "--target", target, "--mode", "replace"], capture_output=True)
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, KEYS, f"masking:\n  claims: {policy}\n")
    srv = Server(["--config", cfg, "--target", target])
    try:
        masked_key, read_key = KEYS["researcher"][0], KEYS["owner"][0]
        bodies = []
        path = "/v1/datasets/claims/records?limit=1000"
        status, _h, body = srv.request("GET", path, key=masked_key)
        check(status == 200, f"a read-masked key lists the records ({status})")
        recs = json.loads(body)["records"]
        bodies.append(body.decode())
        orig = ms.benefit_claims(claims)
        check(len(recs) == 360 and recs[0]["BC-NINO"] == ms.token(orig[0]["nino"]),
              "the answer holds the HMAC tokens (Python hmac), the shared NINO's included")
        claim = recs[5]["BC-CLAIM-ID"]
        status, _h, body = srv.request("GET", f"/v1/datasets/claims/records/{claim}", key=masked_key)
        check(status == 200 and json.loads(body)["BC-NINO"] == ms.token(orig[5]["nino"]), f"get one record masked ({status})")
        bodies.append(body.decode())
        status, _h, raw = srv.request("GET", f"/v1/datasets/claims/records/{claim}?format=ebcdic", key=masked_key)
        check(status == 200 and raw[10:19].decode("cp037") == ms.token(orig[5]["nino"]), "the EBCDIC answer is masked too")
        bodies.append(raw.decode("cp037") + raw[19:79].decode("utf-16-be"))
        found = ms.leaks("\n".join(bodies), values)
        check(not found, f"no original masked value in any read-masked answer {found}")
        status, _h, _b = srv.request("GET", "/v1/datasets/claims/records?BC-CLAIM-ID=" + claim, key=masked_key)
        check(status == 400, f"a read-masked key cannot filter ({status})")
        status, _h, _b = srv.request("DELETE", f"/v1/datasets/claims/records/{claim}", key=masked_key)
        check(status == 403, f"a read-masked key cannot write ({status})")
        status, _h, _b = srv.request("GET", "/v1/datasets/claims/status", key=masked_key)
        check(status == 403, f"nor read the inspector's routes ({status})")
        status, _h, _b = srv.request("GET", "/v1/datasets/other/records", key=masked_key)
        check(status == 403, f"a dataset the config gives no policy answers 403 ({status})")
        status, _h, body = srv.request("GET", f"/v1/datasets/claims/records/{claim}", key=read_key)
        check(status == 200 and json.loads(body)["BC-NINO"] == orig[5]["nino"], "a read: key still reads unmasked")
        check(ms.SECRET not in "".join(srv.log), "the secret is not in the server's log")
    finally:
        srv.stop()


def main():
    require_mfb()
    os.environ[ms.ENV] = ms.SECRET
    with tempfile.TemporaryDirectory() as tmp:
        policy = os.path.join(tmp, "policy.yaml")
        open(policy, "w").write(ms.POLICY)
        claims = ms.with_shared_nino(tmp, ms.paye_details()[0][0])
        values = ms.originals(claims)
        for_each_target(tmp, lambda target, _sql: run_against(target, tmp, policy, claims, values))
        cfg = os.path.join(tmp, "nosecret.yaml")
        write_config(cfg, KEYS, f"masking:\n  claims: {policy}\n")
        env = dict(os.environ)
        env.pop(ms.ENV)
        p = subprocess.run([MFB, "serve", "--listen", "127.0.0.1:0", "--config", cfg, "--target",
                            "sqlite:" + os.path.join(tmp, "serve.db")], capture_output=True, text=True, env=env, timeout=60)
        check(p.returncode == 1 and ms.ENV in p.stderr and "listening" not in p.stderr,
              f"without the secret serve refuses to start, naming the variable ({p.returncode}: {p.stderr.strip()[:200]})")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
