#!/usr/bin/env python3
"""The transport of `mfbridge serve` against a hostile client, over raw sockets (so the
test controls chunking, slow sends and header sizes):

- credentials before the body: a request without a valid key gets its 401 before it has
  sent a body byte (declared length or chunked), and the connection closes;
- an unauthenticated chunked upload of 300 MB is refused after its headers: the server's
  peak RSS (VmHWM in /proc/PID/status) stays far below the upload, and VmRSS afterwards
  is back near where it was;
- a chunked body counts against max_body_bytes as it arrives: 413 while the client is
  still sending; a declared length past the limit is refused unread;
- 431 for a header block past max_header_bytes and for more than max_header_count fields;
- 408 for a request that trickles in slower than request_timeout_seconds (header or body),
  an idle connection closed after idle_timeout_seconds;
- connections past max_connections are refused (503) and a legitimate client is served
  once the others have gone;
- an invented method is counted in /metrics as OTHER (no label per method);
- a key holding CR LF never injects a response header: Location is percent-encoded and
  names the record (GET on it answers 200).

Oracles: the HTTP/1.1 grammar (RFC 9112) read byte by byte here, the kernel's accounting
of the server's memory, and a record file built with Python's cp037 codec.

Usage: serve_security_transport_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import sys
import re
import select
import socket
import subprocess
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, check_problem, finish, require_mfb, wait_until, write_config

KEYS = {"writer": ("writer-key-0123456789", ["write:*", "transform"])}
WK = KEYS["writer"][0]
COPYBOOK = "       01  INJ.\n           05  K  PIC X(30).\n           05  V  PIC 9(3).\n"
RECORD_PATH = "/v1/datasets/inj/records/"
MB = 1 << 20


# --- raw HTTP ----------------------------------------------------------------------------

def connect(srv, timeout=30):
    return socket.create_connection(("127.0.0.1", srv.port), timeout=timeout)


def head(method, path, fields):
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: 127.0.0.1"] + ["%s: %s" % f for f in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


class Answers:
    """The answers arriving on a socket, parsed as they come (bytes past one are kept)."""

    def __init__(self, sock):
        self.sock, self.data = sock, b""

    def next(self, timeout=20):
        """(status, head text, body) of the next answer (a 100 Continue is one), or None
        when none came within `timeout`."""
        end = time.time() + timeout
        while b"\r\n\r\n" not in self.data:
            part = recv_some(self.sock, end)
            if not part:
                return None
            self.data += part
        top, self.data = self.data.split(b"\r\n\r\n", 1)
        text = top.decode("latin-1")
        m = re.search(r"(?im)^content-length:\s*(\d+)", text)
        length = int(m.group(1)) if m else 0
        while len(self.data) < length:
            part = recv_some(self.sock, end)
            if not part:
                break
            self.data += part
        body, self.data = self.data[:length], self.data[length:]
        return int(text.split(" ", 2)[1]), text, body


def read_answer(sock, timeout=20):
    return Answers(sock).next(timeout)


def recv_some(sock, end):
    """Bytes from `sock`, or b"" on EOF, reset or when `end` passes."""
    remaining = end - time.time()
    if remaining <= 0:
        return b""
    sock.settimeout(remaining)
    try:
        return sock.recv(65536)
    except (socket.timeout, ConnectionResetError, BrokenPipeError):
        return b""


def closed_within(sock, timeout):
    """True when the server closes the connection (EOF or reset) within `timeout`."""
    end = time.time() + timeout
    while time.time() < end:
        sock.settimeout(max(0.05, end - time.time()))
        try:
            if sock.recv(65536) == b"":
                return True
        except ConnectionResetError:
            return True
        except socket.timeout:
            return False
    return False


def check_answer(answer, status, what):
    """The answer came, with `status` and a problem+json body."""
    if not check(answer is not None, "%s: no answer" % what):
        return
    st, text, body = answer
    headers = {}
    for line in text.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    check_problem(st, headers, body, status, what)


def memory(pid):
    """(VmRSS, VmHWM) of `pid` in bytes, from /proc."""
    with open("/proc/%d/status" % pid) as f:
        text = f.read()
    kb = lambda name: int(re.search(r"%s:\s+(\d+) kB" % name, text).group(1)) * 1024
    return kb("VmRSS"), kb("VmHWM")


# --- the checks ----------------------------------------------------------------------------

def test_credentials_before_body(srv):
    target = RECORD_PATH + "A"
    cases = [("declared length", [("Content-Length", "1000")]),
             ("declared length past the limit", [("Content-Length", str(50 * MB))]),
             ("chunked", [("Transfer-Encoding", "chunked")])]
    for what, framing in cases:
        for key_what, auth in (("no key", []), ("wrong key", [("Authorization", "Bearer nope")])):
            sock = connect(srv)
            sock.sendall(head("PUT", target, [("Content-Type", "application/json")] + auth + framing))
            # Not a body byte is sent: the answer must come anyway.
            answer = read_answer(sock, 15)
            check_answer(answer, 401, "%s, %s: 401 before the body" % (what, key_what))
            if answer is not None:
                check(closed_within(sock, 15), "%s, %s: connection closed after the early 401" % (what, key_what))
            sock.close()
    # With a valid key the same request is read and served, and the connection stays open.
    sock = connect(srv)
    body = b'{"copybook": "       01  R.\\n           05  A PIC X(2).\\n", "data": "wcE="}'
    for i in range(2):
        sock.sendall(head("POST", "/v1/transform/decode", [("Authorization", "Bearer " + WK),
                     ("Content-Type", "application/json"), ("Content-Length", str(len(body)))]) + body)
        answer = read_answer(sock, 20)
        check(answer is not None and answer[0] == 200 and json.loads(answer[2]) == {"A": "AA"},
              "keep-alive request %d with a key: %s" % (i + 1, answer))
    sock.close()
    # Expect: 100-continue: the body is asked for only once the key has been checked.
    sock = connect(srv)
    answers = Answers(sock)
    sock.sendall(head("POST", "/v1/transform/decode", [("Authorization", "Bearer " + WK),
                 ("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                 ("Expect", "100-continue")]))
    interim = answers.next(15)
    check(interim is not None and interim[0] == 100, "100 Continue before the body: %s" % (interim,))
    sock.sendall(body)
    answer = answers.next(20)
    check(answer is not None and answer[0] == 200, "answer after 100 Continue: %s" % (answer,))
    sock.close()


def test_huge_unauthenticated_upload(srv):
    """300 MB chunked without a key: refused after the headers, memory stays low."""
    total = 300 * MB
    rss0, hwm0 = memory(srv.proc.pid)
    sock = connect(srv)
    sock.sendall(head("PUT", RECORD_PATH + "A", [("Content-Type", "application/json"),
                                                 ("Transfer-Encoding", "chunked")]))
    chunk = b"10000\r\n" + b"7" * 0x10000 + b"\r\n"
    sent, answer = 0, None
    try:
        while sent < total:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                answer = read_answer(sock, 15)
                break
            sock.sendall(chunk)
            sent += 0x10000
    except (BrokenPipeError, ConnectionResetError):
        pass
    if answer is None:
        answer = read_answer(sock, 15)
    check_answer(answer, 401, "300 MB unauthenticated chunked upload")
    print("unauthenticated upload: %d MB sent before the answer" % (sent // MB))
    check(sent < 64 * MB, "the 401 came after %d MB had been sent, not after the headers" % (sent // MB))
    _, hwm1 = memory(srv.proc.pid)
    sock.close()
    wait_until(lambda: srv.request("GET", "/healthz")[0] == 200, 10)
    rss2, _ = memory(srv.proc.pid)
    print("server memory: VmRSS %d -> %d MB, VmHWM %d -> %d MB" % (rss0 // MB, rss2 // MB, hwm0 // MB, hwm1 // MB))
    check(hwm1 - hwm0 < 32 * MB, "peak RSS grew by %d MB during a refused upload" % ((hwm1 - hwm0) // MB))
    check(rss2 - rss0 < 32 * MB, "RSS stayed %d MB higher after a refused upload" % ((rss2 - rss0) // MB))


def test_body_limit_as_it_arrives(srv):
    sock = connect(srv)
    sock.sendall(head("POST", "/v1/transform/decode", [("Authorization", "Bearer " + WK),
                 ("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")]))
    answer = None
    for _ in range(20):  # 20 KB in 1 KB chunks against a 4096-byte limit, no last chunk
        readable, _, _ = select.select([sock], [], [], 0)
        if readable:
            break
        try:
            sock.sendall(b"400\r\n" + b" " * 0x400 + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            break
    answer = read_answer(sock, 15)
    check_answer(answer, 413, "chunked body past the limit, still being sent")
    sock.close()
    sock = connect(srv)
    sock.sendall(head("POST", "/v1/transform/decode", [("Authorization", "Bearer " + WK),
                 ("Content-Type", "application/json"), ("Content-Length", "5000")]))
    check_answer(read_answer(sock, 15), 413, "declared length past the limit, body not sent")
    sock.close()


def test_header_limits(srv):
    sock = connect(srv)
    sock.sendall(head("GET", "/healthz", [("X-Pad", "a" * 20000)]))
    check_answer(read_answer(sock, 15), 431, "20 KB header field (limit 16 KB)")
    sock.close()
    sock = connect(srv)
    sock.sendall(head("GET", "/healthz", [("X-F%d" % i, "v") for i in range(150)]))
    check_answer(read_answer(sock, 15), 431, "150 header fields (limit 100)")
    sock.close()
    st, _h, _b = srv.request("GET", "/healthz", headers={"X-F%d" % i: "v" for i in range(90)})
    check(st == 200, "90 header fields are fine: %s" % st)


def test_methods_do_not_grow_metrics(srv):
    """Invented methods are counted as OTHER: a client cannot grow /metrics without bound."""
    for i in range(20):
        sock = connect(srv)
        sock.sendall(head("XMETHOD%d" % i, "/healthz", []))
        read_answer(sock, 15)
        sock.close()
    st, _h, b = srv.request("GET", "/metrics")
    text = b.decode()
    check(st == 200 and "XMETHOD" not in text, "invented methods became metric labels")
    check('method="OTHER",route="unmatched",status="405"' in text, "invented methods counted as OTHER")


def test_location_encoded(srv):
    key = "A\r\nX-Injected: yes"
    body = json.dumps({"K": key, "V": 7}).encode()
    sock = connect(srv)
    sock.sendall(head("POST", RECORD_PATH.rstrip("/"), [("Authorization", "Bearer " + WK),
                 ("Content-Type", "application/json"), ("Content-Length", str(len(body)))]) + body)
    answer = read_answer(sock, 20)
    sock.close()
    if not check(answer is not None and answer[0] == 201, "POST of a key with CR LF: %s" % (answer,)):
        return
    text = answer[1]
    check(not re.search(r"(?im)^x-injected", text), "a header was injected:\n%s" % text)
    m = re.search(r"(?im)^location: (.*)$", text)
    want = RECORD_PATH + "A%0D%0AX-Injected%3A%20yes"
    check(m is not None and m.group(1) == want, "Location %r, expected %r" % (m and m.group(1), want))
    if m and m.group(1) == want:
        st, _h, b = srv.request("GET", m.group(1), key=WK)
        check(st == 200 and json.loads(b)["K"].rstrip() == key, "GET on the Location: %s %s" % (st, b[:200]))


def test_timeouts(srv):
    # A header trickling in, a byte every 0.3 s: 408 after request_timeout_seconds (2).
    sock = connect(srv)
    sock.sendall(b"GET /healthz HTTP/1.1\r\n")
    answer, end = None, time.time() + 30
    for ch in b"X-Slow: " + b"z" * 200:
        readable, _, _ = select.select([sock], [], [], 0.3)
        if readable or time.time() > end:
            break
        try:
            sock.send(bytes([ch]))
        except (BrokenPipeError, ConnectionResetError):
            break
    answer = read_answer(sock, 15)
    check_answer(answer, 408, "slowloris header")
    check(closed_within(sock, 15), "connection closed after 408")
    sock.close()
    # A body trickling in.
    sock = connect(srv)
    sock.sendall(head("POST", "/v1/transform/decode", [("Authorization", "Bearer " + WK),
                 ("Content-Type", "application/json"), ("Content-Length", "400")]))
    for _ in range(100):
        readable, _, _ = select.select([sock], [], [], 0.3)
        if readable:
            break
        try:
            sock.send(b" ")
        except (BrokenPipeError, ConnectionResetError):
            break
    check_answer(read_answer(sock, 15), 408, "slow body")
    sock.close()
    # An idle connection is closed (idle_timeout_seconds: 5) without an answer.
    sock = connect(srv)
    check(closed_within(sock, 30), "idle connection not closed")
    sock.close()


def test_connection_cap(srv):
    held = []
    for _ in range(4):  # max_connections: 4; each served once, so the server has counted it
        # A connection of an earlier test may still be closing: retry while it holds a place.
        for _attempt in range(50):
            s = connect(srv)
            s.sendall(head("GET", "/healthz", []))
            answer = read_answer(s, 15)
            if answer is not None and answer[0] == 200:
                break
            s.close()
            time.sleep(0.1)
        check(answer is not None and answer[0] == 200, "held connection served: %s" % (answer,))
        held.append(s)
    extra = connect(srv)
    try:
        extra.sendall(head("GET", "/healthz", []))
        answer = read_answer(extra, 15)
    except (BrokenPipeError, ConnectionResetError):
        answer = None
    refused = answer is None or answer[0] == 503
    check(refused, "a connection past the cap was served: %s" % (answer,))
    if answer is not None:
        check_answer(answer, 503, "connection past the cap")
    extra.close()
    for s in held:
        s.close()
    ok = wait_until(lambda: srv.request("GET", "/healthz")[0] == 200, 15)
    check(ok, "a legitimate client is served once the others have gone")


# --- setup ---------------------------------------------------------------------------------

def start(args, what):
    try:
        return Server(args)
    except SystemExit as e:
        check(False, "%s: server did not start: %s" % (what, str(e)[:300]))
        return None


def main():
    require_mfb()
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data, db = (os.path.join(tmp, n) for n in ("inj.cpy", "inj.bin", "inj.db"))
        with open(cpy, "w") as f:
            f.write(COPYBOOK)
        with open(data, "wb") as f:
            f.write("FIRST".ljust(30).encode("cp037") + "001".encode("cp037"))
        r = subprocess.run([MFB, "load", "--copybook", cpy, "--input", data, "--target", "sqlite:" + db,
                            "--table", "inj", "--key", "K", "--no-progress"], capture_output=True, text=True)
        check(r.returncode == 0, "load: %s %s" % (r.returncode, r.stderr))
        # Only limits that every build knows: the checks below fail on their own merits.
        cfg = os.path.join(tmp, "serve.yaml")
        write_config(cfg, KEYS, "limits:\n  max_body_bytes: 4096\n")
        srv = start(["--config", cfg, "--target", "sqlite:" + db], "default limits")
        if srv:
            try:
                for test in (test_credentials_before_body, test_huge_unauthenticated_upload,
                             test_body_limit_as_it_arrives, test_header_limits,
                             test_methods_do_not_grow_metrics, test_location_encoded):
                    test(srv)
                    check(srv.proc.poll() is None, "server alive after %s" % test.__name__)
            finally:
                check(srv.stop() == 0, "exit code after SIGTERM")
        tight = os.path.join(tmp, "tight.yaml")
        write_config(tight, KEYS, "limits:\n  max_body_bytes: 4096\n  request_timeout_seconds: 2\n"
                                  "  idle_timeout_seconds: 5\n  max_connections: 4\n")
        srv = start(["--config", tight], "tight limits")
        if srv:
            try:
                test_timeouts(srv)
                test_connection_cap(srv)
            finally:
                check(srv.stop() == 0, "exit code after SIGTERM (tight limits)")
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
