#!/usr/bin/env python3
"""--mask on convert and delta, over the PAYE and benefit samples: the same NINO in two data
sets (different copybooks and field names) gets the same token, which Python's hmac
computes independently; no original value of a masked field is in JSONL, CSV or delta
output; without the secret the run refuses to start; the secret is never echoed; the
report lists every field; hostile policies are refused before a record is read.

Usage: mask_convert_test.py BUILD_DIR   (from the repository root)"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

import mask_support as ms  # noqa: E402
from script_checks import check, finish  # noqa: E402

MFB = os.path.abspath(os.path.join(sys.argv[1] if len(sys.argv) > 1 else "build", "mfbridge"))


def run(args, env=None):
    return subprocess.run([MFB, *args], capture_output=True, text=True, env=env or ms.env_with_secret(),
                          stdin=subprocess.DEVNULL, timeout=120)


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def test_join_and_scan(tmp, policy):
    nino, _ = ms.paye_details()[0]
    claims = ms.with_shared_nino(tmp, nino)
    values = ms.originals(claims)
    paye_out, ben_out = os.path.join(tmp, "paye.jsonl"), os.path.join(tmp, "ben.csv")
    report = os.path.join(tmp, "report.json")
    r = run(["convert", *ms.PAYE, "--input", "samples/paye/PAYE.D20261121", "--record-type-key", "_record",
             "--mask", policy, "--mask-report", report, "-o", paye_out])
    check(r.returncode == 0, f"convert PAYE --mask exits 0 ({r.returncode}: {r.stderr[-300:]})")
    r2 = run(["convert", *ms.BENEFITS, "--input", claims, "--format", "csv", "--mask", policy, "-o", ben_out])
    check(r2.returncode == 0, f"convert benefits --mask (CSV) exits 0 ({r2.stderr[-300:]})")
    details = [json.loads(line) for line in open(paye_out) if '"PAYE-DETAIL-REC"' in line]
    rows = list(csv.DictReader(io.StringIO(open(ben_out).read())))
    want = ms.token(nino)
    check(details[0]["PD-NINO"] == want, f"PAYE's PD-NINO {nino} -> {details[0]['PD-NINO']}, Python hmac says {want}")
    check(rows[0]["BC-NINO"] == want, f"benefits' BC-NINO (another copybook) gets the same token {rows[0]['BC-NINO']}")
    expected = [ms.token(n) for n, _ in ms.paye_details()]
    check([d["PD-NINO"] for d in details] == expected, "every PAYE NINO is its HMAC token")
    check(all(d["PD-EMPLOYEE-NAME"] == "X" * 30 for d in details), "names are redacted with X")
    check(all(float(d["PD-GROSS-PAY"]) == 0 for d in details), "the dropped gross pay holds zero")
    orig = ms.benefit_claims(claims)
    check(all(row["BC-DATE-OF-BIRTH"] == c["dob"][:4] + "0101" for row, c in zip(rows, orig)),
          "dates of birth generalised to the year (month and day 01)")
    check(all(float(row["BC-PAID-TO-DATE"]) == float(int(c["paid"] / 100) * 100) for row, c in zip(rows, orig)),
          "paid-to-date generalised to its band of 100")
    for name, path in (("JSONL", paye_out), ("CSV", ben_out)):
        found = ms.leaks(open(path, encoding="utf-8").read(), values)
        check(not found, f"no original masked value in the {name} output {found}")
    rep = json.load(open(report))
    fields = {f["field"]: f for f in rep["fields"]}
    check(len(fields) == 17, f"the report lists the 17 fields of the three PAYE records ({len(fields)})")
    check(fields["PAYE-DETAIL-REC.PD-NINO"]["action"] == "pseudonymise", "report: PD-NINO pseudonymised")
    check(fields["PAYE-HEADER-REC.PH-EMPLOYER-NAME"]["flagged"], "report: the kept PH-EMPLOYER-NAME is flagged by name")
    check(fields["PAYE-DETAIL-REC.PD-TAX-CODE"]["action"] == "keep", "report: PD-TAX-CODE kept")
    check(sum("'BC-PAID-TO-DATE' matches no field" in u for u in rep["unmatched_rules"]) == 1,
          "report: a rule matching nothing in PAYE is listed")
    check("mask:" in r.stderr and "fields" in r.stderr, "a summary line on stderr")
    for where, text in (("stderr", r.stderr + r2.stderr), ("report", open(report).read())):
        check(ms.SECRET not in text, f"the secret is not in the {where}")
    # The same run again: the same tokens (every run, not just this one).
    again = os.path.join(tmp, "again.jsonl")
    run(["convert", *ms.PAYE, "--input", "samples/paye/PAYE.D20261121", "--record-type-key", "_record",
         "--mask", policy, "-o", again])
    check(open(again).read() == open(paye_out).read(), "a second run gives the same output")
    return claims, values


def test_formats(tmp):
    pol = write(tmp, "fp.yaml", f"secret: {{env: {ms.ENV}}}\nfields:\n"
                "  - {match: '*-NINO', action: pseudonymise, format: nino}\n")
    out = []
    for args, inp in ((ms.PAYE, "samples/paye/PAYE.D20261121"), (ms.BENEFITS, ms.with_shared_nino(tmp, ms.paye_details()[0][0]))):
        r = run(["convert", *args, "--input", inp, "--mask", pol])
        check(r.returncode == 0, f"format nino exits 0 ({r.stderr[-200:]})")
        out.append([json.loads(line) for line in r.stdout.splitlines()])
    import re
    shape = re.compile(r"^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$")
    ninos = [d["PD-NINO"] for d in out[0] if "PD-NINO" in d] + [d["BC-NINO"] for d in out[1]]
    bad = [n for n in ninos if not shape.match(n) or n[:2] in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")]
    check(not bad, f"format-preserving NINO tokens have a valid HMRC shape ({len(ninos)} checked, bad {bad[:3]})")
    first = [d["PD-NINO"] for d in out[0] if "PD-NINO" in d][0]
    check(out[1][0]["BC-NINO"] == first, "the NINO-shaped token is the same in both data sets")


def test_delta(tmp, policy, claims, values):
    new = bytearray(open(claims, "rb").read())
    new[ms.BEN_LEN * 5 + 103:ms.BEN_LEN * 5 + 108] = bytes.fromhex("000009999c")  # claim 6 paid 99.99
    del new[ms.BEN_LEN * 9:ms.BEN_LEN * 10]                                        # claim 10 gone
    newp = os.path.join(tmp, "BEN.NEW")
    open(newp, "wb").write(bytes(new))
    r = run(["delta", *ms.BENEFITS, "--old", claims, "--new", newp, "--key", "BC-CLAIM-ID", "--mask", policy])
    check(r.returncode == 0, f"delta --mask exits 0 ({r.stderr[-300:]})")
    events = [json.loads(line) for line in r.stdout.splitlines()]
    check(len(events) == 2, f"two events (an update and a delete): {len(events)}")
    found = ms.leaks(r.stdout, values)
    check(not found, f"no original masked value in the delta events {found}")


def test_secret(tmp, policy):
    env = dict(os.environ)
    env.pop(ms.ENV, None)
    out = os.path.join(tmp, "nosecret.jsonl")
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask", policy, "-o", out], env=env)
    check(r.returncode == 1 and ms.ENV in r.stderr, f"unset secret variable: exit 1 naming it ({r.returncode}: {r.stderr.strip()})")
    check(not os.path.exists(out), "no output file is started without the secret")
    env[ms.ENV] = ""
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask", policy], env=env)
    check(r.returncode == 1 and "empty" in r.stderr, "empty secret variable: exit 1")
    pol = write(tmp, "file.yaml", "secret:\n  file: " + os.path.join(tmp, "missing.key") + "\nfields:\n"
                "  - {match: BC-NINO, action: pseudonymise}\n")
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask", pol])
    check(r.returncode == 1 and "missing.key" in r.stderr, f"missing secret file: exit 1 naming it ({r.stderr.strip()})")
    key = write(tmp, "ok.key", ms.SECRET + "\n")
    pol = write(tmp, "file2.yaml", f"secret:\n  file: {key}\nfields:\n  - {{match: BC-NINO, action: pseudonymise}}\n")
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask", pol], env=env)
    first = json.loads(r.stdout.splitlines()[0])
    check(r.returncode == 0 and first["BC-NINO"] == ms.token(ms.benefit_claims()[0]["nino"]),
          "a secret file (newline dropped) gives the same tokens as the variable")


def test_hostile(tmp):
    base = f"secret: {{env: {ms.ENV}}}\nfields:\n"
    cases = [
        ("unknown action", base + "  - match: BC-NINO\n    action: scramble\n", 1, r"unknown action 'scramble'", "bad1.yaml:4"),
        ("YAML syntax error", base + "  - match: [BC-NINO\n    action: drop\n", 1, "", "bad2.yaml:"),
        ("token too long", base + "  - {match: BC-NINO, action: pseudonymise, length: 20}\n", 1,
         "does not fit", "BC-NINO"),
        ("band on text", base + "  - {match: BC-NINO, action: generalise, to: band, step: 10}\n", 1,
         "numeric fields only", "BC-NINO"),
        ("unknown key", base + "  - {match: BC-NINO, action: drop, colour: red}\n", 1, "unknown key 'colour'", "bad5.yaml:3"),
        ("a pattern matching nothing", base + "  - {match: '*-IBAN', action: drop}\n", 0, "matches no field", "*-IBAN"),
    ]
    for i, (what, text, code, needle, where) in enumerate(cases, 1):
        pol = write(tmp, f"bad{i}.yaml", text)
        r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask", pol,
                 "-o", os.path.join(tmp, f"bad{i}.jsonl")])
        check(r.returncode == code and needle in r.stderr and where in r.stderr,
              f"{what}: exit {code}, says where ({r.returncode}: {r.stderr.strip()[:200]})")
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask",
             os.path.join(tmp, "bad6.yaml"), "-o", os.path.join(tmp, "bad6.jsonl")])
    import re
    check(re.search(r"BENEFIT-CLAIM\.BC-NINO is not masked, but (\d+) of \1 sampled values look like a NINO", r.stderr),
          "a kept field whose content is NINO-shaped is flagged")
    huge = write(tmp, "huge.yaml", base + "".join(f"  - {{match: F{i}, action: drop}}\n" for i in range(60000)))
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask", huge])
    check(r.returncode == 1 and "huge.yaml" in r.stderr, f"a huge policy is refused ({r.stderr.strip()[:150]})")
    many = write(tmp, "many.yaml", base + "  - match: [" + ", ".join(f"F{i}" for i in range(10001)) + "]\n    action: drop\n")
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask", many])
    check(r.returncode == 1 and "more than 10000" in r.stderr, "more than 10000 rules are refused")
    r = run(["convert", *ms.BENEFITS, "--input", "samples/benefits/BENEFIT.CLAIMS", "--mask-report", "x.json"])
    check(r.returncode == 1 and "--mask-report needs --mask" in r.stderr, "--mask-report alone is a usage error")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        policy = write(tmp, "policy.yaml", ms.POLICY)
        claims, values = test_join_and_scan(tmp, policy)
        test_formats(tmp)
        test_delta(tmp, policy, claims, values)
        test_secret(tmp, policy)
        test_hostile(tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
