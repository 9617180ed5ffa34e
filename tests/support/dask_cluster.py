"""A real Dask cluster for tests and benchmarks (no LocalCluster, no mocks).

    with dask_cluster(workdir, python, env, workers=2) as cl:
        client = distributed.Client(cl.address)
        cl.kill(pid); cl.add_worker()

A `dask-scheduler` and `dask-worker` processes (one thread each, no nanny: a killed worker
stays dead, as a lost machine does) are started as subprocesses of the caller, all on
127.0.0.1 with port 0 and dashboards on 127.0.0.1:0 (Dask's defaults would open
0.0.0.0:8787). On exit, also after a failure or ctest's SIGTERM, every process is stopped
by its PID: SIGTERM, then SIGKILL after 5 s."""

import contextlib
import json
import os
import signal
import subprocess
import time


class cluster:
    def __init__(self, workdir, python, env):
        self.workdir, self.python, self.env = workdir, python, env
        self.scheduler = None
        self.workers = []  # Popen, in start order (killed ones included)
        self.address = None
        self.scheduler_file = os.path.join(workdir, "scheduler.json")

    def _spawn(self, name, args):
        log = open(os.path.join(self.workdir, name + ".log"), "wb")
        return subprocess.Popen([self.python, "-m"] + args, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=self.env, cwd=self.workdir)

    def start_scheduler(self):
        self.scheduler = self._spawn("scheduler", [
            "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
            "--dashboard-address", "127.0.0.1:0", "--no-show",
            "--scheduler-file", self.scheduler_file])
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.scheduler.poll() is not None:
                raise RuntimeError("dask-scheduler exited: " + self.log("scheduler"))
            if os.path.exists(self.scheduler_file):
                try:
                    self.address = json.load(open(self.scheduler_file))["address"]
                    return
                except (ValueError, KeyError):
                    pass  # still being written
            time.sleep(0.1)
        raise RuntimeError("dask-scheduler did not start: " + self.log("scheduler"))

    def add_worker(self):
        """Start one more worker (one thread, no nanny); returns its Popen."""
        name = f"worker-{len(self.workers) + 1}"
        local = os.path.join(self.workdir, name)
        os.makedirs(local, exist_ok=True)
        p = self._spawn(name, [
            "distributed.cli.dask_worker", self.address, "--host", "127.0.0.1",
            "--dashboard-address", "127.0.0.1:0", "--nthreads", "1", "--no-nanny",
            "--name", name, "--local-directory", local, "--death-timeout", "60"])
        self.workers.append(p)
        return p

    def live_workers(self):
        return [p for p in self.workers if p.poll() is None]

    def pids(self):
        return [p.pid for p in [self.scheduler] + self.workers if p is not None and p.poll() is None]

    def kill(self, pid):
        """SIGKILL one worker by its PID and reap it."""
        for p in self.workers:
            if p.pid == pid:
                os.kill(pid, signal.SIGKILL)
                p.wait(30)
                return
        raise ValueError(f"{pid} is not a worker of this cluster")

    def log(self, name):
        path = os.path.join(self.workdir, name + ".log")
        return open(path, errors="replace").read()[-3000:] if os.path.exists(path) else ""

    def stop(self):
        procs = [p for p in self.workers + [self.scheduler] if p is not None]
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(10)


def listening_addresses(pids):
    """(pid, "ip:port") of every listening TCP socket (IPv4 and IPv6) of the given PIDs."""
    inodes = {}
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes[target[8:-1]] = pid
        except (FileNotFoundError, ProcessLookupError):
            continue
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not os.path.exists(table):
            continue
        for line in open(table).readlines()[1:]:
            f = line.split()
            if f[3] != "0A" or f[9] not in inodes:  # 0A: LISTEN
                continue
            ip_hex, port_hex = f[1].split(":")
            if width == 8:
                ip = ".".join(str(int(ip_hex[i:i + 2], 16)) for i in (6, 4, 2, 0))
            else:
                ip = "::" if int(ip_hex, 16) == 0 else ip_hex
            found.append((inodes[f[9]], f"{ip}:{int(port_hex, 16)}"))
    return found


@contextlib.contextmanager
def dask_cluster(workdir, python, env, workers=2):
    """Start a scheduler and `workers` workers; yield the cluster; stop them all by PID."""
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(SystemExit(143)))
    cl = cluster(workdir, python, env)
    try:
        cl.start_scheduler()
        for _ in range(workers):
            cl.add_worker()
        yield cl
    finally:
        cl.stop()
