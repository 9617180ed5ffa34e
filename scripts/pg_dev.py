"""scripts/pg-dev.sh: a throwaway PostgreSQL server to try mfbridge's PostgreSQL target,
made like the tests' servers (tests/support/pg_server.py): a fresh cluster in one folder,
its unix socket there, a free TCP port of 127.0.0.1, trust auth, durability off; as root the
server runs as the unprivileged `postgres` account. Never for data you want to keep.

    pg-dev.sh start    start it (or find it running) and print its URL, the form --target takes
    pg-dev.sh status   print the URL when it runs (exit 0), else say so (exit 3)
    pg-dev.sh stop     stop it and remove its folder (nothing to do: exit 0)

The folder is $MFB_PG_DEV_DIR, by default /tmp/mfbridge-pg-dev-<uid>. The URL goes to
stdout alone (url=$(scripts/pg-dev.sh start)); the rest to stderr."""

import os
import pwd
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "support"))
import pg_server  # noqa: E402

DBNAME = "mfbridge"


def folder():
    tmp = os.environ.get("TMPDIR", "/tmp")
    return os.environ.get("MFB_PG_DEV_DIR") or os.path.join(tmp, f"mfbridge-pg-dev-{os.geteuid()}")


def say(text):
    print("pg-dev: " + text, file=sys.stderr)


def running(base, user):
    data = os.path.join(base, "data")
    if not os.path.isdir(data):
        return False
    r = subprocess.run(pg_server._as_user(user, [pg_server._tool("pg_ctl"), "-D", data,
                                                 "status"]), capture_output=True, text=True)
    return r.returncode == 0


def url_of(base):
    path = os.path.join(base, "url")
    return open(path).read().strip() if os.path.exists(path) else None


def start(base, user):
    if running(base, user) and url_of(base):
        say(f"already running (folder {base})")
        print(url_of(base))
        return 0
    if os.path.exists(base):  # left over (a reboot, a crash): throwaway, so start afresh
        say(f"removing the stopped server's folder {base}")
        shutil.rmtree(base)
    db_user = user or pwd.getpwuid(os.geteuid()).pw_name
    os.makedirs(base, mode=0o700)
    try:
        say(f"initdb into {base}/data")
        data = pg_server.init_cluster(base, user, db_user)
        port = pg_server.start_on_free_port(user, data, os.path.join(base, "log"),
                                            pg_server.server_options(base))
        pg_server.create_database(base, port, db_user, DBNAME)
    except Exception as e:  # noqa: BLE001 - any failure: clean up, then say why
        stop(base, user, quiet=True)
        say(f"could not start: {e}")
        return 4
    url = pg_server.server(base, port, db_user, DBNAME).uri
    with open(os.path.join(base, "url"), "w") as f:
        f.write(url + "\n")
    say(f"started on port {port} (socket and data in {base}); stop it with scripts/pg-dev.sh stop")
    say(f"e.g. build/mfbridge load ... --target '{url}'")
    print(url)
    return 0


def stop(base, user, quiet=False):
    if not os.path.exists(base):
        if not quiet:
            say("not running (nothing to stop)")
        return 0
    if running(base, user):
        pg_server.stop(user, os.path.join(base, "data"), mode="fast")
    shutil.rmtree(base, ignore_errors=True)
    if not quiet:
        say(f"stopped; removed {base}")
    return 0


def status(base, user):
    if running(base, user) and url_of(base):
        say(f"running (folder {base})")
        print(url_of(base))
        return 0
    say("not running")
    return 3


def main(argv):
    commands = {"start": start, "stop": stop, "status": status}
    if len(argv) != 2 or argv[1] not in commands:
        print("usage: scripts/pg-dev.sh start|status|stop", file=sys.stderr)
        return 1
    if not pg_server.available():
        say("PostgreSQL server binaries not found: run scripts/setup.sh (package postgresql)")
        return 4
    try:
        user = pg_server._server_user()
    except RuntimeError as e:
        say(str(e))
        return 1
    return commands[argv[1]](folder(), user)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
