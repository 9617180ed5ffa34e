#!/usr/bin/env python3
"""`mfbridge serve` over real HTTP on a free loopback port: API keys (401 without or with
a wrong key, 403 without the scope), problem+json (RFC 7807) on every error, body and
path limits, Prometheus metrics counted against the requests this test sent, TLS with a
self-signed certificate made by `openssl req`, and SIGTERM letting a request in flight
finish before the server exits 0.

Usage: serve_http_test.py BUILD_DIR  (run from the repository root)
"""

import base64
import json
import os
import sys
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, check_problem, finish, write_config

KEYS = {
    "reader": ("r-key-0123456789", ["read:*"]),
    "transformer": ("t-key-0123456789", ["transform"]),
    "nobody": ("n-key-0123456789", []),
}
COPYBOOK = "       01  REC.\n           05  NAME  PIC X(4).\n           05  QTY   PIC S9(3) COMP-3.\n"
# "JABC" through Python's cp037 codec, then +3 packed by hand (digits 0 0 3, sign C).
DATA = base64.b64encode("JABC".encode("cp037") + bytes([0x00, 0x3C])).decode()


def metric(text, name, labels):
    """The value of one sample, 0 when absent."""
    want = "%s{%s}" % (name, labels)
    for line in text.splitlines():
        if line.startswith(want + " "):
            return float(line.split()[-1])
    return 0.0


def test_auth_and_problems(srv):
    tkey = KEYS["transformer"][0]
    body = {"copybook": COPYBOOK, "data": DATA}
    # Public routes need no key.
    st, h, b = srv.request("GET", "/healthz")
    check(st == 200 and json.loads(b) == {"status": "ok"}, "healthz: %s %s" % (st, b))
    st, h, b = srv.request("GET", "/openapi.json")
    check(st == 200 and json.loads(b).get("openapi") == "3.0.3", "openapi.json without key: %s" % st)

    st, h, b = srv.request("POST", "/v1/transform/decode", body)
    check_problem(st, h, b, 401, "no key")
    check(h.get("www-authenticate", "").startswith("Bearer"), "401 without WWW-Authenticate: %s" % h)
    st, h, b = srv.request("POST", "/v1/transform/decode", body, key="wrong-key")
    check_problem(st, h, b, 401, "wrong key")
    st, h, b = srv.request("POST", "/v1/transform/decode", body, headers={"Authorization": "Basic abc"})
    check_problem(st, h, b, 401, "basic scheme")
    # A key that is a prefix of a real key is not that key.
    st, h, b = srv.request("POST", "/v1/transform/decode", body, key=tkey[:-1])
    check_problem(st, h, b, 401, "key prefix")
    st, h, b = srv.request("POST", "/v1/transform/decode", body, key=KEYS["nobody"][0])
    check_problem(st, h, b, 403, "key without scope")
    st, h, b = srv.request("POST", "/v1/transform/decode", body, key=tkey)
    check(st == 200, "transform scope: %s %s" % (st, b))
    st, h, b = srv.request("POST", "/v1/transform/decode", body, key=KEYS["reader"][0])
    check(st == 200, "read:* allows transform: %s %s" % (st, b))

    # Malformed JSON, unknown members, wrong types, missing members: 400 with errors.
    st, h, b = srv.request("POST", "/v1/transform/decode", '{"copybook": "x", "data": ',
                           headers={"Content-Type": "application/json"}, key=tkey)
    p = check_problem(st, h, b, 400, "malformed JSON")
    check(p.get("errors", [{}])[0].get("field") == "body", "malformed JSON errors: %s" % p)
    st, h, b = srv.request("POST", "/v1/transform/decode", "[1,2]",
                           headers={"Content-Type": "application/json"}, key=tkey)
    check_problem(st, h, b, 400, "array body")
    st, h, b = srv.request("POST", "/v1/transform/decode",
                           {"copybook": COPYBOOK, "data": "AAAA", "colour": 1, "codepage": 37},
                           key=tkey)
    p = check_problem(st, h, b, 400, "unknown member")
    fields = sorted(e["field"] for e in p.get("errors", []))
    check(fields == ["codepage", "colour"], "unknown/wrong-type members listed: %s" % p)
    st, h, b = srv.request("POST", "/v1/transform/decode", {"copybook": COPYBOOK}, key=tkey)
    p = check_problem(st, h, b, 400, "missing data")
    check([e["field"] for e in p.get("errors", [])] == ["data"], "missing data listed: %s" % p)
    st, h, b = srv.request("POST", "/v1/transform/decode", {"copybook": COPYBOOK, "data": "!!!"}, key=tkey)
    check_problem(st, h, b, 400, "bad base64")
    st, h, b = srv.request("POST", "/v1/transform/decode", "[" * 3000,
                           headers={"Content-Type": "application/json"}, key=tkey)
    check_problem(st, h, b, 400, "deep nesting")
    st, h, b = srv.request("POST", "/v1/transform/decode", "abc",
                           headers={"Content-Type": "text/plain"}, key=tkey)
    check_problem(st, h, b, 415, "text/plain body")

    # A bad copybook is 422 with its diagnostics; COPY is refused (no server files read).
    st, h, b = srv.request("POST", "/v1/transform/decode",
                           {"copybook": "       01  REC.\n           05  A PIC Q(3).\n", "data": "AAAA"},
                           key=tkey)
    p = check_problem(st, h, b, 422, "bad copybook")
    check(any("line 2" in e.get("reason", "") for e in p.get("errors", [])), "copybook line named: %s" % p)
    st, h, b = srv.request("POST", "/v1/transform/decode",
                           {"copybook": "       01  REC.\n           COPY '/etc/passwd'.\n", "data": "AAAA"},
                           key=tkey)
    p = check_problem(st, h, b, 422, "COPY refused")
    check(b"root" not in b, "COPY read a server file: %s" % b)
    st, h, b = srv.request("POST", "/v1/transform/decode",
                           {"copybook": COPYBOOK, "codepage": "/etc/passwd", "data": "AAAA"}, key=tkey)
    check_problem(st, h, b, 422, "code page by path refused")

    # Paths and methods.
    st, h, b = srv.request("GET", "/v1/nothing", key=tkey)
    check_problem(st, h, b, 404, "unknown path")
    st, h, b = srv.request("GET", "/v1/transform/decode", key=tkey)
    check_problem(st, h, b, 405, "GET on a POST route")
    check(h.get("allow") == "POST", "405 Allow header: %s" % h.get("allow"))
    st, h, b = srv.request("GET", "/healthz/%zz")
    check_problem(st, h, b, 400, "bad escape in path")
    st, h, b = srv.request("GET", "/healthz?x=%zz")
    check_problem(st, h, b, 400, "bad escape in query")
    st, h, b = srv.request("GET", "/healthz?verbose=1")
    p = check_problem(st, h, b, 400, "unknown query parameter")
    check(p.get("errors", [{}])[0].get("field") == "verbose", "unknown query parameter named: %s" % p)


def test_body_limit(srv):
    tkey = KEYS["transformer"][0]
    big = {"copybook": COPYBOOK, "data": "A" * 5000}
    st, h, b = srv.request("POST", "/v1/transform/decode", big, key=tkey)
    check_problem(st, h, b, 413, "body over max_body_bytes")
    # Chunked (no Content-Length): the limit still holds while reading.
    conn = srv.connection()
    conn.putrequest("POST", "/v1/transform/decode")
    conn.putheader("Authorization", "Bearer " + tkey)
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    payload = json.dumps(big).encode()
    for i in range(0, len(payload), 1000):
        chunk = payload[i:i + 1000]
        conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    conn.send(b"0\r\n\r\n")
    r = conn.getresponse()
    data = r.read()
    conn.close()
    check_problem(r.status, {k.lower(): v for k, v in r.getheaders()}, data, 413, "chunked body over the limit")


def test_metrics(srv):
    tkey = KEYS["transformer"][0]
    before = srv.request("GET", "/metrics")[2].decode()
    for _ in range(3):
        srv.request("POST", "/v1/transform/decode", {"copybook": COPYBOOK, "data": "AAAA"})
    for _ in range(2):
        srv.request("GET", "/healthz")
    srv.request("GET", "/no/such/route")
    st, h, b = srv.request("GET", "/metrics")
    check(st == 200 and h.get("content-type", "").startswith("text/plain"), "metrics: %s %s" % (st, h))
    after = b.decode()
    lab401 = 'method="POST",route="/v1/transform/decode",status="401"'
    lab200 = 'method="GET",route="/healthz",status="200"'
    lab404 = 'method="GET",route="unmatched",status="404"'
    for name, lab, n in (("mfb_http_requests_total", lab401, 3), ("mfb_http_errors_total", lab401, 3),
                         ("mfb_http_requests_total", lab200, 2), ("mfb_http_errors_total", lab200, 0),
                         ("mfb_http_requests_total", lab404, 1)):
        d = metric(after, name, lab) - metric(before, name, lab)
        check(d == n, "%s{%s} grew by %s, expected %s" % (name, lab, d, n))
    count = 'route="/healthz"'
    d = metric(after, "mfb_http_request_duration_seconds_count", count) - \
        metric(before, "mfb_http_request_duration_seconds_count", count)
    check(d == 2, "latency histogram count grew by %s" % d)
    inf = metric(after, "mfb_http_request_duration_seconds_bucket", 'route="/healthz",le="+Inf"')
    check(inf == metric(after, "mfb_http_request_duration_seconds_count", count), "+Inf bucket == count")
    check("# TYPE mfb_http_request_duration_seconds histogram" in after, "histogram TYPE line")
    # Buckets are cumulative: never decreasing.
    values = [float(m.group(1)) for m in re.finditer(
        r'mfb_http_request_duration_seconds_bucket\{route="/healthz",le="[^"]+"\} (\S+)', after)]
    check(values == sorted(values) and len(values) == 13, "cumulative buckets: %s" % values)


def test_sigterm_drains(srv):
    """A request whose body is still arriving when SIGTERM comes is answered; then exit 0."""
    tkey = KEYS["transformer"][0]
    body = json.dumps({"copybook": COPYBOOK, "data": DATA}).encode()
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=30)
    head = ("POST /v1/transform/decode HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (tkey, len(body))).encode()
    sock.sendall(head + body[:10])
    time.sleep(1.0)  # the listener hands the request over once its headers are in
    srv.proc.send_signal(15)
    time.sleep(0.5)
    check(srv.proc.poll() is None, "server exited with a request in flight")
    sock.sendall(body[10:])
    answer = b""
    while True:
        part = sock.recv(65536)
        if not part:
            break
        answer += part
        if b"\r\n\r\n" in answer:
            head_end = answer.index(b"\r\n\r\n") + 4
            m = re.search(rb"content-length: (\d+)", answer[:head_end].lower())
            if m and len(answer) >= head_end + int(m.group(1)):
                break
    sock.close()
    check(answer.startswith(b"HTTP/1.1 200"), "in-flight request answered: %r" % answer[:200])
    check(b'"NAME":"JABC"' in answer, "in-flight answer body: %r" % answer[-200:])
    code = srv.stop()
    check(code == 0, "exit code after SIGTERM: %s" % code)


def test_tls(tmp):
    if not shutil.which("openssl"):
        print("SKIP: openssl not installed (TLS test)")
        return
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    cfg = os.path.join(tmp, "tls.yaml")
    write_config(cfg, KEYS, "tls:\n  certificate: cert.pem\n  private_key: key.pem\n")
    srv = Server(["--config", cfg], tls=True)
    try:
        check(any("https://127.0.0.1" in line for line in srv.log), "https URL printed: %s" % srv.log)
        ctx = ssl.create_default_context(cafile=cert)
        st, h, b = srv.request("GET", "/healthz", context=ctx)
        check(st == 200, "healthz over TLS: %s" % st)
        st, h, b = srv.request("POST", "/v1/transform/decode",
                               {"copybook": COPYBOOK, "data": DATA},
                               key=KEYS["transformer"][0], context=ctx)
        check(st == 200 and json.loads(b)["NAME"] == "JABC", "decode over TLS: %s %s" % (st, b))
        # A client that does not trust the certificate fails the handshake.
        try:
            srv.request("GET", "/healthz", context=ssl.create_default_context())
            check(False, "TLS handshake succeeded without trusting the certificate")
        except ssl.SSLError:
            pass
    finally:
        check(srv.stop() == 0, "TLS server exit code")
    # A missing certificate file stops `serve` at start with exit code 4.
    write_config(cfg, KEYS, "tls:\n  certificate: missing.pem\n  private_key: key.pem\n")
    r = subprocess.run([MFB, "serve", "--listen", "127.0.0.1:0", "--config", cfg],
                       capture_output=True, text=True, timeout=30)
    check(r.returncode == 4 and "certificate" in r.stderr, "missing cert: %s %s" % (r.returncode, r.stderr))


def test_bad_config(tmp):
    cfg = os.path.join(tmp, "bad.yaml")
    with open(cfg, "w") as f:
        f.write("api_keys:\n  - name: a\n    sha256: 1234\n    scopes: [\"read:*\"]\n")
    r = subprocess.run([MFB, "serve", "--listen", "127.0.0.1:0", "--config", cfg],
                       capture_output=True, text=True, timeout=30)
    check(r.returncode == 1 and "sha256" in r.stderr, "bad digest: %s %s" % (r.returncode, r.stderr))
    with open(cfg, "w") as f:
        f.write("api_keys: []\nlimit:\n  max_body_bytes: 10\n")
    r = subprocess.run([MFB, "serve", "--listen", "127.0.0.1:0", "--config", cfg],
                       capture_output=True, text=True, timeout=30)
    check(r.returncode == 1 and "unknown key 'limit'" in r.stderr, "unknown key: %s %s" % (r.returncode, r.stderr))
    r = subprocess.run([MFB, "serve", "--listen", "nonsense"], capture_output=True, text=True, timeout=30)
    check(r.returncode == 1, "bad --listen: %s" % r.returncode)


def main():
    if not os.path.exists(MFB):
        print("FAIL: %s not built" % MFB)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "serve.yaml")
        write_config(cfg, KEYS, "limits:\n  max_body_bytes: 4096\n  max_page_size: 50\n")
        srv = Server(["--config", cfg])
        try:
            test_auth_and_problems(srv)
            test_body_limit(srv)
            test_metrics(srv)
            test_sigterm_drains(srv)
        finally:
            srv.stop()
        test_tls(tmp)
        test_bad_config(tmp)
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
