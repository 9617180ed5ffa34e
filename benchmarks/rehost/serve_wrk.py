#!/usr/bin/env python3
"""Load benchmark of `mfbridge serve` with wrk (Debian package): GET by key and a
filtered list page, against a SQLite file or a throwaway PostgreSQL server loaded by
`mfbridge load`. Prints the CPU, the exact wrk commands, requests/s and p50/p99 latency.
Loopback only; each run is bounded by -d. Wrap it in `flock /tmp/mfb-bench.lock` on a
shared machine so timed runs never overlap.

Usage: serve_wrk.py BUILD_DIR [RECORDS] [SECONDS] [sqlite|pg]   (run from the repository root)
"""

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "..", "..", "tests", "support"), os.path.join(HERE, "..", "..", "tests", "rehost", "rest")]
from serve_support import MFB, Server, write_config  # noqa: E402
from serve_dataset_test import COPYBOOK, packed  # noqa: E402
from decimal import Decimal  # noqa: E402

RECORDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
SECONDS = int(sys.argv[3]) if len(sys.argv) > 3 else 10
BACKEND = sys.argv[4] if len(sys.argv) > 4 else "sqlite"
import pg_server  # noqa: E402
KEY = "bench-key"


def make_file(path):
    with open(path, "wb") as f:
        for i in range(RECORDS):
            branch = ("ZRH", "BER", "AMS", "PAR")[i % 4]
            f.write(branch.encode("cp037") + str(i).rjust(5, "0").encode("cp037") +
                    ("OWNER %d" % i)[:10].ljust(10).encode("cp037") +
                    packed(Decimal(i) / 100, 9, 2) + packed(Decimal(i % 1000) / 10, 5, 2) +
                    packed(Decimal(-(i % 999)) / 100, 5, 2))


def wrk(url, script=None):
    cmd = ["wrk", "-t2", "-c16", "-d%ds" % SECONDS, "--latency", "-H", "Authorization: Bearer " + KEY]
    if script:
        cmd += ["-s", script]
    print("  $ " + " ".join(("'%s'" % c) if " " in c else c for c in cmd + [url]))
    out = subprocess.run(cmd + [url], capture_output=True, text=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"\n\s+50%\s+(\S+)", out)
    p99 = re.search(r"\n\s+99%\s+(\S+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (rps.group(1) if rps else "?", p50.group(1) if p50 else "?", p99.group(1) if p99 else "?",
            non2xx.group(1) if non2xx else "0")


def main():
    if BACKEND == "pg":
        with pg_server.pg_server() as pg:
            run(pg.uri)
    else:
        run(None)


def run(pg_uri):
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data, db = (os.path.join(tmp, n) for n in ("account.cpy", "account.bin", "bench.db"))
        with open(cpy, "w") as f:
            f.write(COPYBOOK)
        make_file(data)
        target = pg_uri or "sqlite:" + db
        subprocess.run([MFB, "load", "--copybook", cpy, "--input", data, "--target", target,
                        "--table", "account", "--key", "BRANCH,ACCT-NO", "--no-progress"],
                       check=True, capture_output=True)
        cfg = os.path.join(tmp, "serve.yaml")
        write_config(cfg, {"bench": (KEY, ["read:*"])})
        # Keys spread over the file: a Lua script picks one per request.
        lua = os.path.join(tmp, "keys.lua")
        with open(lua, "w") as f:
            f.write('local b = {"ZRH","BER","AMS","PAR"}\ncounter = 0\nrequest = function()\n'
                    '  counter = counter + 7919\n  local i = counter %% %d\n'
                    '  return wrk.format(nil, "/v1/datasets/account/records/" .. b[i %% 4 + 1] .. "," .. i)\nend\n'
                    % RECORDS)
        srv = Server(["--config", cfg, "--target", target])
        try:
            base = "http://127.0.0.1:%d" % srv.port
            st, _h, _b = srv.request("GET", "/v1/datasets/account/records/AMS,2", key=KEY)
            assert st == 200, st
            cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
            model = re.search(r"Model name:\s*(.+)", cpu)
            print("%s, records %d, %s, %d cores" % (BACKEND, RECORDS, model.group(1) if model else "?", os.cpu_count()))
            print("GET by key:    %s req/s  p50 %s  p99 %s  non-2xx %s" % wrk(base + "/", lua))
            print("filtered list: %s req/s  p50 %s  p99 %s  non-2xx %s"
                  % wrk(base + "/v1/datasets/account/records?BRANCH=BER&limit=20"))
        finally:
            srv.stop()


if __name__ == "__main__":
    main()
