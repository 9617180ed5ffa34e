"""Typed database errors on PostgreSQL: the DatabaseErrors tests of the rehost unit-test
binary (tests/rehost/db/database_errors_test.cpp) run against a throwaway server
(tests/support/pg_server.py), so a duplicate key is duplicate_key_error with SQLSTATE 23505
and a foreign key violation foreign_key_error with 23503 there as on SQLite."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
import pg_server  # noqa: E402

if not pg_server.available():
    print("SKIP: PostgreSQL server binaries not on PATH")
    sys.exit(0)

build = sys.argv[1]
binary = os.path.join(build, "tests", "mfb_rehost_tests")
with pg_server.pg_server() as pg:
    env = dict(os.environ, MFB_TEST_PG_URI=pg.uri)
    p = subprocess.run([binary, "--gtest_filter=Targets/DatabaseErrors.*/postgresql"],
                       env=env, capture_output=True, text=True)
    out = p.stdout + p.stderr
    if p.returncode != 0 or "[  PASSED  ] 4 tests" not in out or "SKIPPED" in out:
        print(out)
        sys.exit(1)
print("ok: typed errors on PostgreSQL")
