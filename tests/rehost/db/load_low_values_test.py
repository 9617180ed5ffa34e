"""Low-values (X'00') in PIC X fields, key included, loaded into SQLite and PostgreSQL.

The file is written here with Python's cp037 codec (0x00 <-> U+0000) and hand-packed
decimals. Checks, on both targets: the load exits 0; the stored values read back with
independent clients (Python's sqlite3 holds U+0000; psql shows the escape U+2400, the
documented PostgreSQL policy); `export` gives the input back byte for byte; `reconcile`
matches (the key hash totals of keys holding X'00'); REST lists the records with "\\u0000"
exactly as `convert` does, the same on both targets; a REST POST of a value holding U+0000
reads back exactly and a DELETE by a key holding it finds its row. A site code page mapping a byte to
U+2400 is refused up front for PostgreSQL (exit 1), leaving no table behind.

Usage: load_low_values_test.py BUILD_DIR  (run from the repository root)"""

import json
import os
import shutil
import sqlite3
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import mfb  # noqa: E402
from script_checks import check, finish, packed  # noqa: E402
import pg_server  # noqa: E402

COPYBOOK = """       01  LV-REC.
           05  LV-KEY        PIC X(4).
           05  LV-NAME       PIC X(6).
           05  LV-AMT        PIC S9(5) COMP-3.
"""
# (key, name, amount): X'00' inside, at the end, everywhere, and in the key.
RECORDS = [("K\x00\x001", "AB\x00CD ", 123), ("K002", "\x00" * 6, -5),
           ("\x00" * 4, "XYZ   ", 0), ("K004", "A\x00    ", 77)]
LAYOUT = ["--copybook", None, "--codepage", "cp037", "--recfm", "F"]


def record_bytes(key, name, amount):
    return key.encode("cp037") + name.encode("cp037") + packed(amount, 3)


def expected_json():
    """The canonical JSON of each record: trailing spaces go, U+0000 stays."""
    return [{"LV-KEY": k, "LV-NAME": n.rstrip(" "), "LV-AMT": a} for k, n, a in RECORDS]


def check_target(name, target, layout, data, tmp, stored_names):
    p = mfb("load", *layout, "--table", "lv", "--key", "LV-KEY", "--input", data,
            "--target", target, "--no-progress")
    check(p.returncode == 0, f"{name}: load with X'00' exits 0: {p.returncode} {p.stderr[-400:]}")
    names = stored_names()
    want = [n.rstrip(" ") for _k, n, _a in RECORDS]
    if name == "postgresql":  # the documented escape: U+0000 stored as U+2400
        want = [n.replace("\x00", "\u2400") for n in want]
    check(names == want, f"{name}: stored names {names!r}, expected {want!r}")
    out = os.path.join(tmp, name + ".exp")
    p = mfb("export", "--target", target, "--dataset", "lv", "--output", out)
    got = open(out, "rb").read() if os.path.exists(out) else b""
    check(p.returncode == 0 and got == open(data, "rb").read(),
          f"{name}: export is byte-identical: {p.returncode} {p.stderr[-300:]} {got.hex()}")
    p = mfb("reconcile", "--target", target, "--dataset", "lv")
    check(p.returncode == 0, f"{name}: reconcile matches (key hash with X'00' keys): "
          f"{p.returncode} {p.stdout[-400:]} {p.stderr[-300:]}")
    return rest_records(name, target, tmp)


def rest_records(name, target, tmp):
    from serve_support import Server, write_config
    cfg = os.path.join(tmp, name + "-serve.yaml")
    write_config(cfg, {"reader": ("reader-key", ["read:*"]), "writer": ("writer-key", ["write:lv"])})
    srv = Server(["--config", cfg, "--target", target])
    try:
        # A REST write of X'00' is stored (escaped on PostgreSQL) and read back exactly.
        new = {"LV-KEY": "Z\x00\x009", "LV-NAME": "Q\x00", "LV-AMT": 1}
        st, _h, b = srv.request("POST", "/v1/datasets/lv/records", body=new, key="writer-key")
        check(st == 201, f"{name}: REST POST with U+0000: {st} {b[:300]}")
        st, _h, body = srv.request("GET", "/v1/datasets/lv/records?limit=50", key="reader-key")
        got = [r for r in json.loads(body).get("records", []) if r.get("LV-KEY") == new["LV-KEY"]]
        check(got == [new], f"{name}: the POSTed record reads back exactly: {got}")
        st, _h, b = srv.request("DELETE", "/v1/datasets/lv/records/" +
                                urllib.parse.quote(new["LV-KEY"], safe=""), key="writer-key")
        check(st == 204, f"{name}: DELETE by a key holding U+0000: {st} {b[:200]}")
        st, _h, body = srv.request("GET", "/v1/datasets/lv/records?limit=50", key="reader-key")
    finally:
        srv.stop()
    check(st == 200 and b"\\u0000" in body, f"{name}: REST answers \\u0000: {st} {body[:300]}")
    try:
        recs = json.loads(body)["records"]
    except (ValueError, KeyError):
        recs = None
    # REST lists in key order, and the targets order keys holding X'00' differently.
    by_key = lambda rs: sorted(rs, key=lambda r: r["LV-KEY"])  # noqa: E731
    check(recs is not None and by_key(recs) == by_key(expected_json()),
          f"{name}: REST records {recs!r}")
    return body


def refused_page(pg, layout, data, tmp):
    """A site page mapping X'3F' to U+2400 would make the escape ambiguous: refused."""
    page = os.path.join(tmp, "site.page")
    open(page, "w").write("base=cp037\n3F U+2400\n")
    bad = [page if a == "cp037" else a for a in layout]
    p = mfb("load", *bad, "--table", "lvbad", "--key", "LV-KEY", "--input", data,
            "--target", pg.uri, "--no-progress")
    check(p.returncode == 1 and "X'3F'" in p.stderr and "U+2400" in p.stderr,
          f"postgresql: a page mapping a byte to U+2400 is refused: {p.returncode} {p.stderr[-300:]}")
    left = pg.psql("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'lvbad%'")
    check(left == "0", f"postgresql: the refused load left no table ({left})")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-lowvalues-")
    try:
        cpy = os.path.join(tmp, "LV.cpy")
        open(cpy, "w").write(COPYBOOK)
        layout = [cpy if a is None else a for a in LAYOUT]
        data = os.path.join(tmp, "LV.dat")
        open(data, "wb").write(b"".join(record_bytes(*r) for r in RECORDS))
        p = mfb("convert", *layout, "--input", data, "--format", "jsonl")
        lines = [json.loads(line) for line in p.stdout.splitlines()]
        check(p.returncode == 0 and "\\u0000" in p.stdout and lines == expected_json(),
              f"convert shows \\u0000: {p.returncode} {p.stdout[:300]} {p.stderr[-200:]}")

        db = os.path.join(tmp, "lv.db")

        def sqlite_names():
            con = sqlite3.connect(db)
            try:
                return [r[0] for r in con.execute("SELECT lv_name FROM lv ORDER BY mfb_record_no")]
            finally:
                con.close()
        lite = check_target("sqlite", "sqlite:" + db, layout, data, tmp, sqlite_names)
        if not pg_server.available():
            print("SKIP PostgreSQL part: server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            def pg_names():
                out = pg.psql("SELECT lv_name FROM lv ORDER BY mfb_record_no")
                return out.split("\n") if out else []
            key = None
            pgbody = check_target("postgresql", pg.uri, layout, data, tmp, pg_names)
            key = pg.psql("SELECT lv_key FROM lv WHERE mfb_record_no = 3")
            check(key == "\u2400" * 4, f"postgresql: an all-low-values key is stored escaped: {key!r}")
            same = [sorted(json.loads(b or b"{}").get("records", []), key=lambda r: r["LV-KEY"])
                    for b in (pgbody, lite)]
            check(same[0] == same[1] and same[0], "REST answers the same records on both targets")
            refused_page(pg, layout, data, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
