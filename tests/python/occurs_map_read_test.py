#!/usr/bin/env python3
"""mfbridge.read() with occurs_map=: an OCCURS DEPENDING ON whose object is a text item,
counted through a map from its value to an element count (the CLI's --occurs-map, Cobrix's
occurs_mappings), given as a dict, as its JSON text, or in the short form.

The oracle is the byte layout: records built here field by field (text through Python's
cp037 codec, zoned digits F0-F9), the expected values written from the same numbers. A value
the map lacks is a bad record named with its field and value; a text count field without a
map, a map naming no such field and a malformed map are UsageErrors.

Usage: occurs_map_read_test.py BUILD_DIR  (run from the repository root)
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
from script_checks import check, finish  # noqa: E402

COPYBOOK = """       01 R.
          05 KIND     PIC X(1).
          05 ITEMS OCCURS 0 TO 3 TIMES DEPENDING ON KIND.
             10 V     PIC 9(2).
"""
# KIND 'A' -> 1 element, 'B' -> 3; F records hold the table at its maximum (7 bytes).
RECORDS = [("A", [7, 0, 0]), ("B", [1, 2, 3]), ("C", [4, 5, 6])]
MAP = {"KIND": {"A": 1, "B": 3}}
WANT = {1: [7], 2: [1, 2, 3]}


def write_files(tmp):
    cpy = os.path.join(tmp, "r.cpy")
    open(cpy, "w").write(COPYBOOK)
    data = os.path.join(tmp, "r.dat")
    open(data, "wb").write(b"".join(k.encode("cp037") + b"".join(("%02d" % v).encode("cp037") for v in vs)
                                    for k, vs in RECORDS))
    return cpy, data


def items(df, number):
    return [e["V"] for e in df.loc[number, "ITEMS"]]


def check_forms(cpy, data):
    import json
    for form in (MAP, json.dumps(MAP), "KIND=A:1,B:3", ["KIND=A:1,B:3"]):
        df = mfbridge.read(data, cpy, occurs_map=form, nested=True, on_error="skip")
        got = {n: [int(v) for v in items(df, n)] for n in df.index}
        check(got == WANT, f"occurs_map={form!r}: {got} (want {WANT})")
        errors = df.attrs.get("mfbridge", {}).get("errors", [])
        check(len(errors) == 1 and errors[0]["record"] == 3 and "KIND" in errors[0]["field"]
              and "C" in errors[0]["message"],
              f"the value the map lacks ('C') is a bad record naming the field and value: {errors}")


def check_refusals(cpy, data):
    cases = [({}, "occurs-map"), (dict(occurs_map={"KINDS": {"A": 1}}), "KINDS"),
             (dict(occurs_map={"KIND": {"A": -1}}), "KIND"), (dict(occurs_map={"KIND": {"A": "one"}}), "KIND"),
             (dict(occurs_map=7), "occurs_map"), (dict(occurs_map=["KIND=A:1", {"KIND": {"B": 3}}]), "twice")]
    for opts, named in cases:
        try:
            mfbridge.read(data, cpy, on_error="skip", **opts)
            check(False, f"{opts} is refused")
        except (mfbridge.UsageError, mfbridge.DataError) as e:
            check(named.lower() in str(e).lower(), f"{opts or 'no map'} is refused naming {named} ({e})")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data = write_files(tmp)
        check_forms(cpy, data)
        check_refusals(cpy, data)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
