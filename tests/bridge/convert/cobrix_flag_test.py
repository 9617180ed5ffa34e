#!/usr/bin/env python3
"""--cobrix on convert/encode: the copybook extensions parse, and numbers our codecs cannot
hold (over 31 digits, binaries over 8 bytes) are reported as field errors, never written as
a wrong value. Usage: cobrix_flag_test.py BUILD"""
import subprocess
import sys
import tempfile
from pathlib import Path

CPY = ("       01  R.\n"
       "           05  A  PIC 9(37).\n"
       "           05  B  PIC 9(20) COMP.\n")


def main():
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data = Path(tmp) / "c.cpy", Path(tmp) / "d.bin"
        cpy.write_text(CPY)
        # 37 EBCDIC digits (Python's cp037 codec), then 12345678901234567890 in 9 bytes
        data.write_bytes("1234567890123456789012345678901234567".encode("cp037")
                         + (12345678901234567890).to_bytes(9, "big"))
        base = [str(mfbridge), "convert", "--no-progress", "--copybook", str(cpy),
                "--input", str(data)]
        plain = subprocess.run(base, capture_output=True, text=True)
        assert plain.returncode != 0 and "37 digits" in plain.stderr, plain.stderr
        ext = subprocess.run(base + ["--cobrix"], capture_output=True, text=True)
        assert ext.returncode != 0, ext.stdout
        assert ext.stdout == "", ext.stdout  # no row with a made-up value
        assert "R.A at offset 0" in ext.stderr and "R.B at offset 37" in ext.stderr, ext.stderr
        enc = subprocess.run([str(mfbridge), "encode", "--copybook", str(cpy), "--cobrix"],
                             input='{"A":"1","B":1}\n', capture_output=True, text=True)
        assert enc.returncode != 0 and "R.A" in enc.stderr, enc.stderr
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
