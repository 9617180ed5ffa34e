#!/usr/bin/env python3
"""GET /openapi.json from the real server validates as OpenAPI 3.0 with an independent
validator: the npm package @seriousme/openapi-schema-validator (JSON Schema of the
OpenAPI specification, through ajv), installed by scripts/setup.sh. A broken copy of the
document must fail the same validator, so the check cannot pass vacuously.

Usage: serve_openapi_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import sys
import shutil
import subprocess
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from serve_support import MFB, Server, check, finish, write_config

VALIDATOR = "@seriousme/openapi-schema-validator/bin/validate-api-cli.js"


def find_validator():
    node = shutil.which("node")
    npm = shutil.which("npm")
    if not node or not npm:
        return None, None
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True).stdout.strip()
    script = os.path.join(root, VALIDATOR)
    return node, (script if os.path.exists(script) else None)


def validate(node, script, path):
    r = subprocess.run([node, script, path], capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout + r.stderr


def check_document(doc, tmp, what):
    """Validate `doc` with the npm validator (a failure is recorded through check());
    return (node, script), or (None, None) when the validator is not installed."""
    node, script = find_validator()
    if node is None or script is None:
        print("SKIP: OpenAPI validator not installed")
        return None, None
    path = os.path.join(tmp, "openapi.json")
    with open(path, "w") as f:
        json.dump(doc, f)
    code, out = validate(node, script, path)
    check(code == 0, "openapi.json %s does not validate:\n%s" % (what, out[:3000]))
    return node, script


def main():
    if not os.path.exists(MFB):
        print("FAIL: %s not built" % MFB)
        return 1
    node, script = find_validator()
    if node is None:
        print("SKIP: node/npm not installed")
        return 0
    if script is None:
        print("FAIL: %s missing: run scripts/setup.sh" % VALIDATOR)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "serve.yaml")
        write_config(cfg, {"r": ("key-r", ["read:*"])})
        srv = Server(["--config", cfg])
        try:
            st, h, b = srv.request("GET", "/openapi.json")
            check(st == 200 and h.get("content-type", "").startswith("application/json"),
                  "openapi.json: %s %s" % (st, h))
            doc = json.loads(b)
        finally:
            check(srv.stop() == 0, "exit code after SIGTERM")
        path = os.path.join(tmp, "openapi.json")
        with open(path, "w") as f:
            json.dump(doc, f)
        code, out = validate(node, script, path)
        check(code == 0, "openapi.json does not validate:\n%s" % out[:3000])
        check(doc.get("openapi", "").startswith("3.0"), "OpenAPI version %s" % doc.get("openapi"))
        schemes = doc.get("components", {}).get("securitySchemes", {})
        check(schemes.get("bearer", {}).get("scheme") == "bearer", "bearer scheme: %s" % schemes)
        for route in ("/healthz", "/openapi.json", "/metrics", "/v1/transform/decode", "/v1/transform/encode"):
            check(route in doc.get("paths", {}), "route %s documented" % route)
        check(doc["paths"]["/healthz"]["get"].get("security") == [], "healthz documented as public")
        # Negative control: the same validator rejects a broken copy.
        broken = dict(doc)
        broken["paths"] = {"/x": {"get": {"responses": {"200": {"content": 5}}}}}
        path2 = os.path.join(tmp, "broken.json")
        with open(path2, "w") as f:
            json.dump(broken, f)
        code, out = validate(node, script, path2)
        check(code != 0, "the validator accepted a broken document")
    return finish()


if __name__ == "__main__":
    raise SystemExit(main())
