#!/usr/bin/env python3
"""mfbridge.read() against records GnuCOBOL wrote: exact decimals, flat and nested.

The oracle is tests/bridge/convert/gnucobol_convert_test.py's: COBOL programs MOVE known
literals into records of every USAGE and WRITE them (cobc -std=ibm), regenerated here by
tests/support/load_support.gnucobol_files. The expected values are those literals at the
picture's scale (its CUSTOMERS, MULTI and ORDERS tables), never our own output. The
documented typing rule is checked too: scale 0 and <= 18 digits -> Int64, any other
fixed-point number -> decimal.Decimal with the picture's scale.

Usage: read_oracle_test.py BUILD_DIR  (run from the repository root)
"""

import numbers
import os
import sys
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
import load_support  # noqa: E402
import gnucobol_convert_test as g  # noqa: E402
from script_checks import check, finish  # noqa: E402

INT_COLUMNS = {"CUST-ID", "CUST-ADDR_ZIP", "UNSIGNED-PACKED", "VISITS", "BIG-BIN", "SCORE",
               "LEAD-SIGN", "ORDER-LINES_1_QTY", "ORDER-LINES_2_QTY"}
DECIMAL_COLUMNS = {"BALANCE", "CREDIT-LIMIT", "RATE", "MONTHLY_1", "MONTHLY_2", "MONTHLY_3",
                   "MONTHLY_4"}


def flat_expected(values):
    """Column name -> expected value (("num", text) or str) of one CUSTOMERS entry."""
    e = {k: v[1] for k, v in values.items()}
    out = {"CUST-ID": e["CUST-ID"], "CUST-NAME": e["CUST-NAME"], "CUST-ADDR_CITY": e["CITY"],
           "CUST-ADDR_ZIP": e["ZIP"]}
    for k in ("BALANCE", "CREDIT-LIMIT", "UNSIGNED-PACKED", "VISITS", "BIG-BIN", "SCORE",
              "RATE", "LEAD-SIGN"):
        out[k] = e[k]
    for i in range(4):
        out[f"MONTHLY_{i + 1}"] = e["MONTHLY"][i]
    for i in range(2):
        out[f"ORDER-LINES_{i + 1}_SKU"] = e["SKU"][i]
        out[f"ORDER-LINES_{i + 1}_QTY"] = e["QTY"][i]
    return out


def same_value(got, want, where):
    """A number as ("num", text): int for Int64 columns, Decimal whose str is the text."""
    if isinstance(want, tuple):
        if isinstance(got, Decimal):
            check(str(got) == want[1], f"{where}: Decimal {got} keeps the scale of {want[1]}")
        else:
            check(isinstance(got, numbers.Integral) and "." not in want[1] and got == int(want[1]),
                  f"{where}: {got!r} == {want[1]}")
    else:
        check(got == want, f"{where}: {got!r} == {want!r}")


def same_tree(got, want, where):
    if isinstance(want, dict):
        check(isinstance(got, dict) and list(got) == list(want), f"{where}: keys {got}")
        for k in want:
            if isinstance(got, dict) and k in got:
                same_tree(got[k], want[k], f"{where}.{k}")
    elif isinstance(want, list):
        check(isinstance(got, list) and len(got) == len(want), f"{where}: {got!r}")
        for i, (a, b) in enumerate(zip(got or [], want)):
            same_tree(a, b, f"{where}[{i}]")
    else:
        same_value(got, want, where)


def test_customer(path, cpy):
    df = mfbridge.read(path, copybook=cpy)
    check(list(df.index) == [1, 2, 3] and df.index.name == "record", f"index {list(df.index)}")
    meta = df.attrs["mfbridge"]["columns"]
    for name in INT_COLUMNS:
        check(str(df[name].dtype) == "Int64" and meta[name]["kind"] == "int64", f"{name} is Int64")
    for name in DECIMAL_COLUMNS:
        check(meta[name]["kind"] == "decimal" and df[name].dtype == object, f"{name} is Decimal")
    check(meta["BALANCE"]["scale"] == 2 and meta["RATE"]["scale"] == 4, "scales in attrs")
    for i, values in enumerate(g.CUSTOMERS):
        row = df.loc[i + 1]
        for name, want in flat_expected(values).items():
            got = row[name]
            got = int(got) if name in INT_COLUMNS else got
            same_value(got, want, f"customer {i + 1} {name}")
    nested = mfbridge.read(path, copybook=cpy, nested=True)
    for i, values in enumerate(g.CUSTOMERS):
        want = g.expected_customer(values)
        got = {k: nested.loc[i + 1][k] for k in nested.columns}
        same_tree(got, want, f"nested customer {i + 1}")
    parts = list(mfbridge.read(path, copybook=cpy, batch_size=2))
    check([list(p.index) for p in parts] == [[1, 2], [3]], "batches of 2 keep record numbers")
    check(all(p["BALANCE"].tolist() == df.loc[p.index, "BALANCE"].tolist() for p in parts),
          "batches hold the same values")


def test_bad_record(tmp, path, cpy):
    ebc = bytearray(open(path, "rb").read())
    ebc[g.CUSTOMER_LEN + 44] = 0x3A  # record 2, BALANCE (offset 43): a digit nibble of A
    bad = os.path.join(tmp, "bad.dat")
    open(bad, "wb").write(ebc)
    hexes = " ".join("%02X" % b for b in ebc[g.CUSTOMER_LEN + 43:g.CUSTOMER_LEN + 48])
    try:
        mfbridge.read(bad, copybook=cpy)
        check(False, "a bad packed nibble raises")
    except mfbridge.DataError as e:
        check(isinstance(e, mfbridge.Error) and e.kind == "bad_data", "DataError is an Error")
        check((e.file, e.record, e.offset, e.field, e.field_offset, e.hex, e.reason) ==
              (bad, 2, 110, "CUSTOMER-REC.BALANCE", 43, hexes, "invalid digit"),
              f"where: {(e.file, e.record, e.offset, e.field, e.field_offset, e.hex, e.reason)}")
        check("record 2 (file offset 110)" in str(e), f"message: {e}")
    df = mfbridge.read(bad, copybook=cpy, on_error="skip")
    errors = df.attrs["mfbridge"]["errors"]
    check(list(df.index) == [1, 3], f"skip keeps records 1 and 3: {list(df.index)}")
    check(len(errors) == 1 and errors[0]["record"] == 2 and errors[0]["reason"] == "invalid digit",
          f"the skipped record's error is kept: {errors}")


def test_multi(path, args):
    select = [args[i + 1] for i in range(len(args)) if args[i] == "--select"]
    cpy = args[1]
    frames = mfbridge.read(path, copybook=cpy, select=select, nested=True)
    names = ["HDR-REC", "DTL-BODY", "DTL-ALT", "TRL-REC"]
    check(sorted(frames) == sorted(names), f"one frame per record type: {sorted(frames)}")
    for number, (name, (_rec, _moves, want)) in enumerate(zip(names, g.MULTI), 1):
        frame = frames.get(name)
        ok = frame is not None and list(frame.index) == [number]
        check(ok, f"{name} holds record {number}")
        if ok:
            same_tree({k: frame.loc[number][k] for k in frame.columns}, want, name)


def test_odo(path, args):
    df = mfbridge.read(path, copybook=args[1], recfm="V", rdw_excludes_header=True)
    for number, (order, items) in enumerate(g.ORDERS, 1):
        row = df.loc[number]
        check(int(row["ORDER-NO"]) == int(order) and int(row["ITEM-COUNT"]) == len(items),
              f"order {number} header")
        for i in range(5):
            code, price = row[f"ITEMS_{i + 1}_ITEM-CODE"], row[f"ITEMS_{i + 1}_ITEM-PRICE"]
            if i < len(items):
                check(code == items[i][0] and str(price) == items[i][2],
                      f"order {number} item {i + 1}: {code} {price}")
            else:
                check(code is None and price is None, f"order {number} item {i + 1} absent")


def test_errors_and_layout(tmp, cpy):
    for bad, what in ((dict(lrec=3), "lrec"), (dict(recfm="XB"), "XB"),
                      (dict(on_error="maybe"), "maybe")):
        try:
            mfbridge.read(cpy, copybook=cpy, **bad)
            check(False, f"{bad} raises")
        except mfbridge.UsageError as e:
            check(what in str(e), f"UsageError names {what}: {e}")
    broken = os.path.join(tmp, "BROKEN.cpy")
    open(broken, "w").write("       01  R.\n           05  A PIC XX(.\n")
    try:
        mfbridge.layout(broken)
        check(False, "a broken copybook raises")
    except mfbridge.UsageError as e:
        check("BROKEN.cpy:2:" in e.diagnostics, f"diagnostics name file and line: {e.diagnostics}")
    try:
        mfbridge.read(os.path.join(tmp, "missing.dat"), copybook=cpy)
        check(False, "a missing input raises")
    except mfbridge.TargetError as e:
        check("missing.dat" in str(e), f"TargetError names the file: {e}")
    import json
    import subprocess
    cli = subprocess.run([os.path.join(python_package.BUILD, "mfbridge"), "layout", "--format",
                          "json", cpy], capture_output=True, text=True)
    check(mfbridge.layout(cpy) == json.loads(cli.stdout), "layout() is the CLI's JSON layout")
    cli = subprocess.run([os.path.join(python_package.BUILD, "mfbridge"), "layout", cpy],
                         capture_output=True, text=True)
    check(mfbridge.layout(cpy, format="text") == cli.stdout, "layout(format='text') is the listing")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        files = load_support.gnucobol_files(tmp)
        args, path = files["customer"]
        test_customer(path, args[1])
        test_bad_record(tmp, path, args[1])
        test_errors_and_layout(tmp, args[1])
        test_multi(files["multi"][1], files["multi"][0])
        test_odo(files["odo"][1], files["odo"][0])
    sys.exit(finish())


if __name__ == "__main__":
    main()
