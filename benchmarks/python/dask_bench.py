#!/usr/bin/env python3
"""mfbridge.dask.convert with 1 and 2 Dask workers next to the one-process CLI.

    benchmarks/python/dask_bench.py BUILD_DIR [RECORDS] [SPLIT]
        (default 500,000 taxpayer records, 369 bytes each; SPLIT the target split size,
        default 16M; use a Release build)

The records come from the taxpayer sample's GnuCOBOL program (samples/generate.sh). A real
scheduler and workers (tests/support/dask_cluster.py: one thread each, 127.0.0.1) are
started first and kept: the figures are a standing cluster's, without its start-up or the
workers' first import of the package; each figure is the best of 3 runs. Each
Dask run must give parts that concatenate to the CLI's bytes. Wall times; efficiency is
records/s over (workers x the one-process, one-thread CLI's records/s)."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "build")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
SPLIT = sys.argv[3] if len(sys.argv) > 3 else "16M"
sys.argv[1:] = [BUILD, str(N), SPLIT]  # python_package reads BUILD; a re-exec keeps all three
import python_package  # noqa: E402

mfbridge = python_package.use()
import mfbridge.dask as mdd  # noqa: E402
from distributed import Client  # noqa: E402

from dask_cluster import dask_cluster  # noqa: E402

MFB = os.path.join(BUILD, "mfbridge")
CPY = os.path.join(ROOT, "samples/taxpayer/TAXPAYER.cpy")
LAYOUT = dict(codepage="cp285", recfm="FB")


def report(what, seconds, base=None, workers=1):
    rate = N / seconds
    eff = f"{rate / (workers * base):6.0%}" if base else "     —"
    print(f"{what:<44} {seconds:7.2f} s {rate:12,.0f} records/s  efficiency {eff}", flush=True)
    return rate


def best(run, times=3):
    """The fastest of `times` runs (the machine is shared): (seconds, what run returned)."""
    return min((run() for _ in range(times)), key=lambda r: r[0])


def cli(tmp, threads):
    out = os.path.join(tmp, f"cli-{threads}.jsonl")
    t = time.perf_counter()
    subprocess.run([MFB, "convert", "--copybook", CPY, "--codepage", "cp285", "--recfm", "FB",
                    "--input", os.path.join(tmp, "tax.dat"), "--output", out, "--threads",
                    str(threads), "--no-progress"], check=True, capture_output=True)
    return time.perf_counter() - t, out


def dask_run(tmp, label, want):
    out = os.path.join(tmp, "parts-" + label)
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    parts = mdd.convert(os.path.join(tmp, "tax.dat"), copybook=CPY, output_dir=out,
                        target_size=SPLIT, **LAYOUT)
    dt = time.perf_counter() - t
    joined = b"".join(open(p, "rb").read() for p in sorted(glob.glob(os.path.join(out, "*"))))
    if joined != open(want, "rb").read():
        raise SystemExit(f"{label}: the parts differ from the one-process convert")
    return dt, len(parts)


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-daskbench-")
    try:
        data = os.path.join(tmp, "tax.dat")
        subprocess.run([os.path.join(ROOT, "samples/generate.sh"), "taxpayer", str(N), data, "1"],
                       check=True, capture_output=True)
        size = os.path.getsize(data)
        print(f"{N:,} records, {size / 1e6:.0f} MB, splits of {SPLIT}; load "
              f"{os.getloadavg()[0]:.1f}", flush=True)
        t1, want = best(lambda: cli(tmp, 1))
        base = report("mfbridge convert --threads 1", t1)
        t2, _ = best(lambda: cli(tmp, 2))
        report("mfbridge convert --threads 2", t2, base, 2)
        work = os.path.join(tmp, "dask")
        os.makedirs(work)
        with dask_cluster(work, python_package.interpreter(), dict(os.environ), workers=1) as cl:
            client = Client(cl.address)
            client.wait_for_workers(1, timeout=60)
            client.run(lambda: __import__("mfbridge.dask"))  # imports are not the figure
            dt, n = best(lambda: dask_run(tmp, "1", want))
            report(f"mfbridge.dask.convert, 1 worker ({n} splits)", dt, base, 1)
            cl.add_worker()
            client.wait_for_workers(2, timeout=60)
            client.run(lambda: __import__("mfbridge.dask"))
            dt, n = best(lambda: dask_run(tmp, "2", want))
            report(f"mfbridge.dask.convert, 2 workers ({n} splits)", dt, base, 2)
            client.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
