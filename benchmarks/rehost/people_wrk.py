#!/usr/bin/env python3
"""Load benchmark of the people lookup (`GET /v1/people/{key}`) with wrk: five datasets of
ROWS records each (three layouts whose NINO sits in fields of different names), loaded by
`mfbridge load` into a SQLite file or a throwaway PostgreSQL server, one shared key over
all five. Four datasets are loaded with `--index` on their NINO field; the fifth is not,
so the server's start builds that index (its time is printed). A Lua script asks for a
different person each request (the same NINO formula as the generator). Every answer is
checked once before timing: the records of one person, against what the generator wrote.

Data is generated in a scratch folder and removed (MFB_PEOPLE_DATA=DIR keeps the files
there for the next run); nothing is committed. Prints the CPU,
the load average, the wrk command, requests/s and p50/p99 latency.

Usage: people_wrk.py BUILD_DIR [ROWS] [SECONDS] [sqlite|pg] [CONNECTIONS]  (from the repository root)
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "..", "..", "tests", "support"), os.path.join(HERE, "..", "..", "tests", "rehost", "rest")]
from serve_support import MFB, Server, write_config  # noqa: E402
import people_data as pd  # noqa: E402
import pg_server  # noqa: E402

ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
SECONDS = int(sys.argv[3]) if len(sys.argv) > 3 else 30
BACKEND = sys.argv[4] if len(sys.argv) > 4 else "sqlite"
CONNECTIONS = int(sys.argv[5]) if len(sys.argv) > 5 else 16
PERSONS = ROWS  # about one record per person and dataset
KEY = "bench-key"

# name -> (copybook, generator, field, load options); the person of record i differs per
# dataset (a different multiplier), so each lookup touches every dataset's index.
DATASETS = {
    "taxpayer": (pd.TP_COPYBOOK, pd.taxpayers, "TP-NINO", ["--key", "TP-ID", "--index", "TP-NINO"], 3),
    "paye": (pd.EMP_COPYBOOK, pd.employments, "EMP-NINO", ["--key", "EMP-EMPLOYER,EMP-NO", "--index", "EMP-NINO"], 7),
    "benefit": (pd.BEN_COPYBOOK, pd.claims, "BC-NI-NUMBER", ["--index", "BC-NI-NUMBER"], 11),
    "council_tax": (pd.TP_COPYBOOK, pd.taxpayers, "TP-NINO", ["--key", "TP-ID", "--index", "TP-NINO"], 13),
    "pension": (pd.EMP_COPYBOOK, pd.employments, "EMP-NINO", ["--key", "EMP-EMPLOYER,EMP-NO"], 17),  # serve indexes it
}

LUA = """
local letters = "ABCEGHJKLMNPRSTWXYZ"
local suffix = "ABCD"
counter = 0
request = function()
  counter = counter + 104729
  local i = counter %% %d
  local a = i %% 19
  local b = math.floor(i / 19) %% 19
  local n = letters:sub(a + 1, a + 1) .. letters:sub(b + 1, b + 1) ..
            string.format("%%06d", (i * 7919) %% 1000000) .. suffix:sub(i %% 4 + 1, i %% 4 + 1)
  return wrk.format(nil, "/v1/people/" .. n)
end
"""


def generate(folder):
    """The five files in `folder` (kept there when MFB_PEOPLE_DATA names it: a second run,
    on the other target, reuses them)."""
    files = {}
    for name, (cpy, gen, _field, _opts, mult) in DATASETS.items():
        cpy_path, data_path = os.path.join(folder, name + ".cpy"), os.path.join(folder, name + ".dat")
        files[name] = (cpy_path, data_path)
        if os.path.exists(data_path) and os.path.getsize(data_path) == ROWS * len(gen(1, pd.nino)[0]):
            continue
        t0 = time.time()
        data, _recs = gen(ROWS, lambda i, m=mult: pd.nino(i * m % PERSONS))
        open(cpy_path, "w").write(cpy)
        open(data_path, "wb").write(data)
        print("  generated %s: %d records, %.1f s" % (name, ROWS, time.time() - t0), flush=True)
    return files


def load(target, files):
    for name, (cpy, data) in files.items():
        t0 = time.time()
        subprocess.run([MFB, "load", "--copybook", cpy, "--input", data, "--codepage", "cp037", "--target", target,
                        "--table", name, "--no-progress"] + DATASETS[name][3], check=True, capture_output=True)
        print("  loaded %s: %.1f s" % (name, time.time() - t0), flush=True)


def wrk(url, script):
    cmd = ["wrk", "-t2", "-c%d" % CONNECTIONS, "-d%ds" % SECONDS, "--latency", "-H", "Authorization: Bearer " + KEY,
           "-s", script, url]
    print("  $ " + " ".join(("'%s'" % c) if " " in c else c for c in cmd), flush=True)
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    print("\n".join("    " + line for line in out.splitlines()))
    get = lambda pat: (re.search(pat, out).group(1) if re.search(pat, out) else "?")
    return (get(r"Requests/sec:\s+([\d.]+)"), get(r"\n\s+50%\s+(\S+)"), get(r"\n\s+99%\s+(\S+)"),
            get(r"Non-2xx or 3xx responses: (\d+)") if "Non-2xx" in out else "0")


def check_one(srv, i):
    """The lookup of person i answers one record per dataset (each dataset's multiplier is
    prime to PERSONS, so every person is in each once), holding that NINO; or stop."""
    n = pd.nino(i)
    st, _h, b = srv.request("GET", "/v1/people/" + n, key=KEY)
    assert st == 200, (st, b[:300])
    groups = json.loads(b)["datasets"]
    assert [g["dataset"] for g in groups] == list(DATASETS), groups
    for g in groups:
        assert len(g["records"]) == 1 and n in json.dumps(g["records"][0]["record"]), (n, g)


def run(target, files, tmp):
    load(target, files)
    cfg = os.path.join(tmp, "serve.yaml")
    datasets = ", ".join("%s: %s" % (name, d[2]) for name, d in DATASETS.items())
    write_config(cfg, {"bench": (KEY, ["read:*"])},
                 "shared_keys:\n  - name: nino\n    datasets: {%s}\n    normalise: [upper, no_spaces]\n" % datasets)
    t0 = time.time()
    srv = Server(["--config", cfg, "--target", target])
    print("  server start (builds pension's index): %.1f s" % (time.time() - t0))
    print("".join("    " + line for line in srv.log if "indexed" in line), end="")
    try:
        for i in (0, 1, PERSONS // 2, PERSONS - 1):
            check_one(srv, i)
        lua = os.path.join(tmp, "people.lua")
        open(lua, "w").write(LUA % PERSONS)
        cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = re.search(r"Model name:\s*(.+)", cpu)
        print("%s, 5 x %d records, %s, %d cores, load average %s" % (
            BACKEND, ROWS, model.group(1) if model else "?", os.cpu_count(), open("/proc/loadavg").read().split()[:3]))
        print("people lookup: %s req/s  p50 %s  p99 %s  non-2xx %s" % wrk("http://127.0.0.1:%d/" % srv.port, lua))
        print("load average after:", open("/proc/loadavg").read().split()[:3])
    finally:
        srv.stop()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.environ.get("MFB_PEOPLE_DATA") or tmp
        os.makedirs(folder, exist_ok=True)
        files = generate(folder)
        if BACKEND == "pg":
            with pg_server.pg_server() as pg:
                run(pg.uri, files, tmp)
        else:
            run("sqlite:" + os.path.join(tmp, "people.db"), files, tmp)


if __name__ == "__main__":
    main()
