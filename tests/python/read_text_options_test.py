#!/usr/bin/env python3
"""mfbridge.read() takes the CLI's text options by the same names: trim, trim_rule,
improved_null_detection, numeric_policy, ascii and ascii_charset.

The oracle: records built here from Python's cp037 and ASCII codecs, and the expected
values from the definitions: trim removes spaces (U+0020) at the ends it names; the java
rule removes every character up to U+0020, as java.lang.String.trim; an all-NUL field is
null under improved_null_detection; a bad zoned number is null under the lenient policy,
and its error is listed, never dropped. A load refuses these options (its values must stay
what export writes back), and a wrong name is a UsageError that names the option.

Usage: read_text_options_test.py BUILD_DIR  (run from the repository root)
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
import pandas as pd  # noqa: E402
from script_checks import check, finish  # noqa: E402

COPYBOOK = """       01  R.
           05  T   PIC X(6).
           05  N   PIC 9(3).
"""
TEXT = ["  AB\t ", "\0" * 6, "XY    "]   # TAB is 0x05 in cp037
NUMS = [b"\xf0\xf4\xf2", b"\xf0\xf4\xf2", b"\xc1\xf4\xf2"]  # 042, 042, and 'A42': not a number


def write_files(tmp):
    cpy = os.path.join(tmp, "r.cpy")
    open(cpy, "w").write(COPYBOOK)
    data = os.path.join(tmp, "r.dat")
    open(data, "wb").write(b"".join(t.encode("cp037") + n for t, n in zip(TEXT, NUMS)))
    ascii_data = os.path.join(tmp, "a.dat")
    open(ascii_data, "wb").write(b"  AB  042")
    return cpy, data, ascii_data


def java_trim(s):
    start, end = 0, len(s)
    while start < end and ord(s[start]) <= 0x20:
        start += 1
    while end > start and ord(s[end - 1]) <= 0x20:
        end -= 1
    return s[start:end]


def texts(df):
    return [None if pd.isna(v) else v for v in df["T"]]


def check_trims(cpy, data):
    ok = dict(on_error="skip")
    cases = {None: [t.rstrip(" ") for t in TEXT[:2]],
             "left": [t.lstrip(" ") for t in TEXT[:2]],
             "both": [t.strip(" ") for t in TEXT[:2]],
             "none": TEXT[:2]}
    for trim, want in cases.items():
        opts = dict(ok) if trim is None else dict(ok, trim=trim)
        got = texts(mfbridge.read(data, cpy, **opts))
        check(got == want, f"trim={trim}: {got!r} (want {want!r})")
    got = texts(mfbridge.read(data, cpy, trim="both", trim_rule="java", **ok))
    want = [java_trim(t) for t in TEXT[:2]]
    check(got == want, f"trim_rule=java removes the TAB and the NULs too: {got!r} (want {want!r})")


def check_nulls_and_numbers(cpy, data):
    got = texts(mfbridge.read(data, cpy, improved_null_detection=True, on_error="skip"))
    check(got == ["  AB\t", None], f"an all-NUL field is null under improved_null_detection: {got!r}")
    strict = mfbridge.read(data, cpy, on_error="skip")
    check(list(strict.index) == [1, 2], f"strict: the record with 'A42' is rejected ({list(strict.index)})")
    lenient = mfbridge.read(data, cpy, numeric_policy="lenient")
    nums = [None if pd.isna(v) else int(v) for v in lenient["N"]]
    check(nums == [42, 42, None], f"lenient: the bad number is null, the record kept ({nums})")
    errors = lenient.attrs.get("mfbridge", {}).get("errors", [])
    check(len(errors) == 1 and errors[0]["record"] == 3 and errors[0]["field"].endswith("N"),
          f"lenient: the bad number is listed with its record and field ({errors})")


def check_ascii(cpy, ascii_data):
    df = mfbridge.read(ascii_data, cpy, ascii=True, ascii_charset="US-ASCII")
    check(texts(df) == ["  AB"] and int(df["N"].iloc[0]) == 42, f"ascii=True reads ASCII text and digits ({df.to_dict()})")


def check_refusals(cpy, data, tmp):
    bad = [dict(trim="middle"), dict(trim_rule="tab"), dict(numeric_policy="loose"),
           dict(ascii_charset="UTF-8"), dict(ascii=True, ascii_charset="EBCDIC"),
           dict(ascii=True, codepage="cp037"), dict(keep_trailing_spaces=True, trim="both")]
    for opts in bad:
        name = next(iter(opts)) if "ascii" not in opts else "ascii"
        try:
            mfbridge.read(data, cpy, **opts)
            check(False, f"{opts} is refused")
        except mfbridge.UsageError as e:
            check(name.split("_")[0] in str(e), f"{opts} is refused naming it ({e})")
    target = "sqlite:" + os.path.join(tmp, "t.db")
    rng = mfbridge.splits(data, cpy)["ranges"][0]
    try:
        mfbridge.load_split(data, rng, 1, cpy, target, table="r", trim="both")
        check(False, "a load refuses trim=")
    except mfbridge.UsageError as e:
        check("trim" in str(e) and "export" in str(e), f"a load refuses trim=, saying why ({e})")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data, ascii_data = write_files(tmp)
        check_trims(cpy, data)
        check_nulls_and_numbers(cpy, data)
        check_ascii(cpy, ascii_data)
        check_refusals(cpy, data, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
