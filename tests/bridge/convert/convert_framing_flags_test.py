#!/usr/bin/env python3
"""convert's --skip-head/--skip-tail (file header/trailer) and --record-start-offset/
--record-end-offset (bytes around each framed record), and inspect's record offsets, on bytes
built by hand with Python's cp037 codec. Usage: convert_framing_flags_test.py BUILD"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def main():
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data = Path(tmp) / "c.cpy", Path(tmp) / "d.bin"
        cpy.write_text("       01  R.\n           05  A  PIC X(3).\n")
        e = lambda s: s.encode("cp037")
        # 3-byte header, two 5-byte framed records (1 byte before, 1 after), 2-byte trailer
        data.write_bytes(e("HDR") + e("#ABC#") + e("*XYZ*") + e("TR"))
        cmd = [str(mfbridge), "convert", "--no-progress", "--copybook", str(cpy),
               "--input", str(data), "--lrecl", "5", "--skip-head", "3", "--skip-tail", "2",
               "--record-start-offset", "1", "--record-end-offset", "1"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        rows = [json.loads(l) for l in proc.stdout.splitlines()]
        assert rows == [{"A": "ABC"}, {"A": "XYZ"}], rows
        # without --skip-tail the 2 trailer bytes are an incomplete record: an error
        bad = subprocess.run(cmd[:cmd.index("--skip-tail")] + cmd[cmd.index("--skip-tail") + 2:],
                             capture_output=True, text=True)
        assert bad.returncode != 0, bad.stdout
        # inspect frames the same way: record 2's payload is XYZ (E7 E8 E9) at file byte 3+5+1
        ins = subprocess.run([str(mfbridge), "inspect", "--copybook", str(cpy), "--input",
                              str(data), "--offset", "3", "--lrecl", "5",
                              "--record-start-offset", "1", "--record-end-offset", "1",
                              "--record-number", "2"], capture_output=True, text=True)
        assert ins.returncode != 0, "--offset and --record-number are exclusive"
        ins = subprocess.run([str(mfbridge), "inspect", "--copybook", str(cpy), "--input",
                              str(data), "--offset", "8", "--lrecl", "5",
                              "--record-start-offset", "1", "--record-end-offset", "1"],
                             capture_output=True, text=True)
        assert ins.returncode == 0, ins.stderr
        assert "E7 E8 E9" in ins.stdout and '"XYZ"' in ins.stdout, ins.stdout
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
