#!/usr/bin/env python3
"""The Python calls read one file: given a folder or a glob (which names several files, as
`mfbridge convert` reads them), they raise UsageError naming the path rather than read a
part. A file whose name holds glob characters is still read as itself.

Usage: several_inputs_test.py BUILD_DIR  (run from the repository root)
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
from script_checks import check, finish  # noqa: E402


def refused(call, path, **kwargs):
    try:
        call(path, **kwargs)
    except mfbridge.UsageError as e:
        return path in str(e) and "reads one file" in str(e)
    return False


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cpy = os.path.join(tmp, "a.cpy")
        with open(cpy, "w") as f:
            f.write("       01  R.\n           05  A PIC X(2).\n")
        os.mkdir(os.path.join(tmp, "in"))
        for name in ("1.dat", "2.dat", "odd[1].dat"):
            with open(os.path.join(tmp, "in", name), "wb") as f:
                f.write("AABB".encode("cp037"))
        folder, pattern = os.path.join(tmp, "in"), os.path.join(tmp, "in", "*.dat")
        for path in (folder, pattern):
            check(refused(mfbridge.read, path, copybook=cpy), f"read({path!r}) is refused")
            check(refused(mfbridge.splits, path, copybook=cpy), f"splits({path!r}) is refused")
            check(refused(mfbridge.convert_range, path, range=(0, 4), copybook=cpy,
                          output=os.path.join(tmp, "o.jsonl")), f"convert_range({path!r}) is refused")
        df = mfbridge.read(os.path.join(tmp, "in", "odd[1].dat"), copybook=cpy)
        check(list(df["A"]) == ["AA", "BB"], "a file named with [ ] is read as itself")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
