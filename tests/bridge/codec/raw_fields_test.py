"""--raw: items kept as their bytes. On the GnuCOBOL-written taxpayer sample, TP-STATUS
(PIC X, offset 11) and TP-REGION-CODE (S9(4) COMP, offset 228; offsets worked out by hand
from the copybook: key 10+1, status 1, name 60, birth date 8, 4 address lines of 35,
postcode 8) are checked against Python's own hex of those byte slices:
- convert writes them as lowercase hex strings, in JSON and CSV;
- load makes BLOB (SQLite) and BYTEA (PostgreSQL) columns holding the bytes themselves,
  reconciles, and export writes the input back byte for byte;
- encode refuses hex of the wrong length or with a non-hex digit, naming the field;
- a --raw name that is no elementary item is an error;
- the REST facade answers them as hex (schema: hex digits, twice the length), takes them
  back on PUT, and its EBCDIC answer is the record's bytes.

Usage: raw_fields_test.py BUILD_DIR  (run from the repository root)"""

import csv
import io
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import SAMPLES, mfb, sqlite  # noqa: E402
from script_checks import check, finish  # noqa: E402
import pg_server  # noqa: E402

from serve_support import Server, write_config  # noqa: E402

OPTS, DATA = SAMPLES["taxpayer"]
RAW = ["--raw", "TP-STATUS", "--raw", "TP-REGION-CODE"]


def serve_case(tmp, db, recs, status, region):
    cfg = os.path.join(tmp, "serve.yaml")
    write_config(cfg, {"app": ("k1", ["read:*", "write:*"])})
    srv = Server(["--config", cfg, "--target", "sqlite:" + db])
    # Record 3's key from its bytes (TP-TAX-REF X(10), TP-CHECK-DIGIT 9: digits, the same
    # in cp285 and cp500).
    key = recs[2][0:10].decode("cp500") + "," + recs[2][10:11].decode("cp500")
    try:
        st, _, body = srv.request("GET", "/v1/datasets/tp/records/" + key, key="k1")
        rec = json.loads(body) if st == 200 else {}
        check(st == 200 and rec.get("TP-STATUS") == status[2]
              and rec.get("TP-REGION-CODE") == region[2], f"serve: record 3 as hex {st} {body[:200]}")
        st, _, body = srv.request("GET", "/v1/datasets/tp", key="k1")
        props = json.loads(body)["records"][0]["schema"]["properties"] if st == 200 else {}
        reg = props.get("TP-REGION-CODE", {})
        check(reg.get("type") == "string" and reg.get("minLength") == 4 and reg.get("maxLength") == 4,
              f"serve: the schema of a raw item is 4 hex digits: {reg}")
        st, _, body = srv.request("GET", "/v1/datasets/tp/records/" + key + "?format=ebcdic", key="k1")
        check(st == 200 and body == recs[2], "serve: the EBCDIC answer is the record's bytes")
        rec["TP-REGION-CODE"] = "0102"
        st, _, body = srv.request("PUT", "/v1/datasets/tp/records/" + key, body=rec, key="k1")
        check(st in (200, 201), f"serve: PUT with a hex raw item {st} {body[:200]}")
        st, _, body = srv.request("GET", "/v1/datasets/tp/records/" + key + "?format=ebcdic", key="k1")
        check(st == 200 and body[228:230] == bytes([1, 2]) and body[:228] == recs[2][:228],
              "serve: the PUT wrote those two bytes and nothing else")
    finally:
        srv.stop()


def main():
    raw = open(DATA, "rb").read()
    recs = [raw[i:i + 369] for i in range(0, len(raw), 369)]
    status = [r[11:12].hex() for r in recs]
    region = [r[228:230].hex() for r in recs]
    tmp = tempfile.mkdtemp(prefix="mfb-raw-")
    try:
        p = mfb("convert", *OPTS, *RAW, "--input", DATA, "--no-progress")
        rows = [json.loads(line) for line in p.stdout.splitlines()]
        check(p.returncode == 0 and [r["TP-STATUS"] for r in rows] == status
              and [r["TP-REGION-CODE"] for r in rows] == region,
              f"convert: JSON hex equals Python's bytes.hex ({len(rows)} records)")
        p = mfb("convert", *OPTS, "--raw", "TP-STATUS,TP-REGION-CODE", "--format", "csv",
                "--input", DATA, "--no-progress")
        rows = list(csv.DictReader(io.StringIO(p.stdout)))
        check(p.returncode == 0 and [r["TP-REGION-CODE"] for r in rows] == region,
              "convert: CSV hex, comma-separated --raw list")
        p = mfb("convert", *OPTS, "--raw", "TP-NOPE", "--input", DATA, "--no-progress")
        check(p.returncode != 0 and "--raw TP-NOPE: no elementary item of that name" in p.stderr,
              f"convert: unknown --raw name is an error: {p.stderr.strip()[-120:]}")

        # encode: the bytes come back; bad hex names the field.
        good = mfb("convert", *OPTS, *RAW, "--input", DATA, "--no-progress").stdout
        src = os.path.join(tmp, "in.jsonl")
        open(src, "w").write(good)
        out = os.path.join(tmp, "out.dat")
        p = mfb("encode", *OPTS, *RAW, "--input", src, "--output", out)
        check(p.returncode == 0 and open(out, "rb").read() == raw,
              f"encode: hex fields back to the same bytes {p.stderr[-200:]}")
        first = json.loads(good.splitlines()[0])
        for bad, why in (("0", "expected 4 hex digits (2 bytes), got 1"),
                         ("00g1", "not a hex digit at position 3")):
            first["TP-REGION-CODE"] = bad
            open(src, "w").write(json.dumps(first) + "\n")
            p = mfb("encode", *OPTS, *RAW, "--input", src, "--output", out)
            check(p.returncode != 0 and "TP-REGION-CODE" in p.stderr and why in p.stderr,
                  f"encode: bad hex {bad!r} -> {p.stderr.strip()[-160:]}")

        db = os.path.join(tmp, "t.db")
        p = mfb("load", *OPTS, *RAW, "--key", "TP-KEY", "--table", "tp", "--input", DATA,
                "--target", "sqlite:" + db, "--no-progress")
        got = sqlite(db, "SELECT typeof(tp_status), lower(hex(tp_status)), "
                         "lower(hex(tp_region_code)) FROM tp ORDER BY mfb_record_no").splitlines()
        check(p.returncode == 0 and got == [f"blob|{s}|{r}" for s, r in zip(status, region)],
              f"sqlite: BLOB columns hold the bytes {p.stderr[-200:]}")
        exported = os.path.join(tmp, "sqlite.dat")
        p = mfb("export", "--target", "sqlite:" + db, "--dataset", "tp", "--output", exported)
        check(p.returncode == 0 and open(exported, "rb").read() == raw,
              "sqlite: export is byte-identical")
        serve_case(tmp, db, recs, status, region)

        if not pg_server.available():
            print("SKIP part: PostgreSQL server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            p = mfb("load", *OPTS, *RAW, "--key", "TP-KEY", "--table", "tp", "--input", DATA,
                    "--target", pg.uri, "--no-progress")
            types = pg.psql("SELECT string_agg(data_type, ',' ORDER BY column_name) FROM "
                            "information_schema.columns WHERE table_name = 'tp' AND column_name "
                            "IN ('tp_status', 'tp_region_code')")
            got = pg.psql("SELECT string_agg(encode(tp_status, 'hex') || '|' || "
                          "encode(tp_region_code, 'hex'), ' ' ORDER BY mfb_record_no) FROM tp")
            check(p.returncode == 0 and types == "bytea,bytea" and
                  got == " ".join(f"{s}|{r}" for s, r in zip(status, region)),
                  f"postgresql: BYTEA columns hold the bytes ({types}) {p.stderr[-200:]}")
            p = mfb("reconcile", "--target", pg.uri, "--dataset", "tp")
            check(p.returncode == 0, f"postgresql: reconcile exit {p.returncode}")
            exported = os.path.join(tmp, "pg.dat")
            p = mfb("export", "--target", pg.uri, "--dataset", "tp", "--output", exported)
            check(p.returncode == 0 and open(exported, "rb").read() == raw,
                  f"postgresql: export is byte-identical {p.stderr[-200:]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
