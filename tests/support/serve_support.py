"""Shared helpers of the `mfbridge serve` script tests: start the real server on a free
loopback port (--listen 127.0.0.1:0, the port read back from its 'listening on' line),
make real HTTP requests, and collect failures."""

import contextlib
import hashlib
import http.client
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
MFB = os.path.join(BUILD, "mfbridge")
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)
    return cond


def finish():
    if FAILURES:
        print("%d failure(s)" % len(FAILURES))
        return 1
    print("OK")
    return 0


def for_each_target(tmp, run):
    """Call run(target, sql) against a SQLite file in `tmp`, then against a throwaway
    PostgreSQL server when its binaries are installed. sql(query) returns the rows as
    tuples (from psql -At on PostgreSQL: every value text, NULL as None)."""
    db = os.path.join(tmp, "serve.db")

    def sqlite_rows(q):
        con = sqlite3.connect(db)
        try:
            return con.execute(q).fetchall()
        finally:
            con.close()
    run("sqlite:" + db, sqlite_rows)
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
    import pg_server
    if not pg_server.available():
        print("SKIP PostgreSQL part: server binaries not found")
        return
    with pg_server.pg_server() as pg:
        def pg_rows(q):
            # psql -At: '|' between columns, empty text for NULL.
            return [tuple(c if c != "" else None for c in line.split("|")) for line in pg.psql(q).splitlines()]
        run(pg.uri, pg_rows)


def require_mfb():
    """Stop with a failure when mfbridge is not built."""
    if not os.path.exists(MFB):
        print("FAIL: %s not built" % MFB)
        raise SystemExit(1)


def sha256_hex(key):
    return hashlib.sha256(key.encode()).hexdigest()


def write_config(path, keys, extra=""):
    """keys: {name: (key, [scopes])} -> YAML with the keys' SHA-256 digests."""
    lines = ["api_keys:"]
    for name, (key, scopes) in keys.items():
        lines.append("  - name: %s" % name)
        lines.append("    sha256: %s" % sha256_hex(key))
        lines.append("    scopes: [%s]" % ", ".join('"%s"' % s for s in scopes))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n" + extra)


class Server:
    """A running `mfbridge serve`; stderr is drained by a thread (kept in self.log)."""

    def __init__(self, args, tls=False):
        self.proc = subprocess.Popen([MFB, "serve", "--listen", "127.0.0.1:0"] + args,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.log = []
        self.port = None
        ready = threading.Event()

        def drain():
            for line in self.proc.stderr:
                self.log.append(line)
                m = re.search(r"listening on https?://127\.0\.0\.1:(\d+)", line)
                if m:
                    self.port = int(m.group(1))
                    ready.set()
            ready.set()

        self.thread = threading.Thread(target=drain, daemon=True)
        self.thread.start()
        ready.wait(30)
        if self.port is None:
            self.proc.kill()
            raise SystemExit("server did not start: %s" % "".join(self.log))
        self.tls = tls

    def connection(self, context=None, timeout=30):
        if self.tls:
            return http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=context)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, key=None, context=None):
        """Return (status, headers dict lower-cased, body bytes)."""
        h = dict(headers or {})
        if key is not None:
            h["Authorization"] = "Bearer " + key
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            h.setdefault("Content-Type", "application/json")
        conn = self.connection(context)
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            conn.close()

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Send `sig`; return the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None
        finally:
            self.thread.join(5)


def check_problem(status, headers, body, expect_status, what):
    """An RFC 7807 answer: problem+json with type, title, status, detail."""
    ok = check(status == expect_status, "%s: status %s, expected %s (%s)" % (what, status, expect_status, body[:300]))
    ok = check(headers.get("content-type", "").startswith("application/problem+json"),
               "%s: content-type %s" % (what, headers.get("content-type"))) and ok
    try:
        p = json.loads(body)
    except ValueError:
        check(False, "%s: body is not JSON: %r" % (what, body[:200]))
        return {}
    for member in ("type", "title", "status", "detail"):
        check(member in p, "%s: problem without %s: %s" % (what, member, p))
    check(p.get("status") == expect_status, "%s: problem status %s" % (what, p.get("status")))
    text = body.decode("utf-8", "replace").lower()
    for leak in ("exception", "traceback", "select ", "insert ", "what():", "std::", "terminate"):
        check(leak not in text, "%s: answer leaks %r: %s" % (what, leak, text[:200]))
    return p


def wait_until(pred, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.05)
    return False


@contextlib.contextmanager
def serving(tmp, target, keys):
    """A Server over `target` (sqlite:FILE, postgresql://..., or a plain SQLite file name)
    with API keys {name: (key, [scopes])}; stopped after."""
    cfg = os.path.join(tmp, "serve-keys.yaml")
    write_config(cfg, keys)
    target = target if ":" in target else "sqlite:" + target
    server = Server(["--config", cfg, "--target", target])
    try:
        yield server
    finally:
        server.stop()
