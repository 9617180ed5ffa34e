"""A throwaway PostgreSQL server for script tests and benchmarks (no mocks).

    with pg_server() as pg:
        subprocess.run([mfbridge, "load", ..., "--target", pg.uri])
        rows = pg.psql("SELECT count(*) FROM t")

initdb writes a fresh cluster into a temporary folder; the server listens on a unix
socket in that folder and on a free TCP port of 127.0.0.1 (for clients that cannot use a
socket); the database is created with createdb. On exit (also after an exception or a
failed check) the server is stopped with `-m immediate` and the folder removed.

initdb refuses to run as root. When the tests run as root (containers, CI), the server
runs as the unprivileged `postgres` user that the Debian package creates (or the user in
$MFB_PG_USER), through runuser or setpriv; scripts/setup.sh makes sure that user exists.
Clients (psql, mfbridge) keep running as the caller and connect with trust auth.
"""

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile

# Debian puts initdb and pg_ctl under /usr/lib/postgresql/<v>/bin, not on PATH.
_PG_BIN_DIRS = ["/usr/lib/postgresql/15/bin"] + sorted(
    (os.path.join("/usr/lib/postgresql", v, "bin") for v in
     (os.listdir("/usr/lib/postgresql") if os.path.isdir("/usr/lib/postgresql") else [])),
    reverse=True)


def _tool(name):
    found = shutil.which(name)
    if found:
        return found
    for d in _PG_BIN_DIRS:
        if os.access(os.path.join(d, name), os.X_OK):
            return os.path.join(d, name)
    return None


def available():
    """Whether initdb, pg_ctl, createdb and psql can be found (tests SKIP otherwise)."""
    return all(_tool(t) for t in ("initdb", "pg_ctl", "createdb", "psql"))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_user():
    """The unprivileged account to run the server as when we are root, else None."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get("MFB_PG_USER", "postgres")
    try:
        pwd.getpwnam(name)
    except KeyError:
        raise RuntimeError(f"running as root and user {name!r} does not exist: "
                           "run scripts/setup.sh (it creates it) or set MFB_PG_USER")
    return name


def _as_user(user, cmd):
    if user is None:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--"] + cmd
    pw = pwd.getpwnam(user)
    return ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--init-groups",
            "--"] + cmd


class server:
    """A running server: uri (libpq URI), socket dir, port, user, database; psql()."""

    def __init__(self, base, port, user, dbname):
        self.base, self.port, self.user, self.dbname = base, port, user, dbname
        self.socket_dir = base
        self.uri = f"postgresql://{user}@localhost:{port}/{dbname}?host={base}"

    def psql(self, sql, check=True, extra=()):
        """Run SQL through psql (unaligned, tuples only); returns stdout stripped."""
        p = subprocess.run([_tool("psql"), "-X", "-At", "-v", "ON_ERROR_STOP=1", *extra,
                            "-h", self.socket_dir, "-p", str(self.port), "-U", self.user,
                            "-d", self.dbname, "-c", sql],
                           capture_output=True, text=True)
        if check and p.returncode != 0:
            raise RuntimeError(f"psql failed ({p.returncode}): {sql}\n{p.stderr}")
        return p.stdout.strip() if check else p

    def psql_cmd(self):
        """The argument list to start psql on this database (for \\copy and scripts)."""
        return [_tool("psql"), "-X", "-v", "ON_ERROR_STOP=1", "-h", self.socket_dir, "-p",
                str(self.port), "-U", self.user, "-d", self.dbname]

    def stop_immediately(self):
        """Stop the server as a crash would (`pg_ctl stop -m immediate`); start() brings it
        back on the same port with its data."""
        subprocess.run(_as_user(self._user, [_tool("pg_ctl"), "-D", self._data, "-m",
                                             "immediate", "-w", "stop"]),
                       check=True, capture_output=True)

    def start(self):
        subprocess.run(_as_user(self._user, [_tool("pg_ctl"), "-D", self._data, "-w", "-t", "60",
                                             "-l", self._log, "-o", self._opts, "start"]),
                       check=True, capture_output=True)

    def fresh_database(self, name):
        """Create another empty database; returns its URI."""
        subprocess.run([_tool("createdb"), "-h", self.socket_dir, "-p", str(self.port), "-U",
                        self.user, name], check=True, capture_output=True)
        return f"postgresql://{self.user}@localhost:{self.port}/{name}?host={self.socket_dir}"


def server_options(base, settings=()):
    """The server's options: socket in `base`, TCP on 127.0.0.1 only, durability off (a
    throwaway server), then `settings` ("-c name=value")."""
    return [f"-k {base}", "-c listen_addresses=127.0.0.1", "-c fsync=off",
            "-c synchronous_commit=off", "-c full_page_writes=off"] + list(settings)


def init_cluster(base, user, db_user):
    """initdb a fresh cluster into base/data (trust auth, superuser db_user, UTF8, C
    locale); `user` (or None) runs the server. Returns the data folder."""
    data = os.path.join(base, "data")
    if user is not None:
        os.chmod(base, 0o755)
        shutil.chown(base, user)
    r = subprocess.run(_as_user(user, [_tool("initdb"), "-D", data, "-A", "trust", "-U",
                                       db_user, "-E", "UTF8", "--locale=C", "--no-sync"]),
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("initdb failed:\n" + r.stdout + r.stderr)
    return data


def start_on_free_port(user, data, log, opts):
    """Start the server on a free port of 127.0.0.1; returns the port."""
    for _attempt in range(3):  # another process may grab the free port meanwhile
        port = _free_port()
        r = subprocess.run(_as_user(user, [_tool("pg_ctl"), "-D", data, "-w", "-t", "60",
                                           "-l", log, "-o", " ".join(opts + [f"-p {port}"]),
                                           "start"]), capture_output=True, text=True)
        if r.returncode == 0:
            return port
    raise RuntimeError("pg_ctl start failed:\n" + r.stdout + r.stderr +
                       (open(log).read() if os.path.exists(log) else ""))


def create_database(base, port, db_user, dbname):
    subprocess.run([_tool("createdb"), "-h", base, "-p", str(port), "-U", db_user, dbname],
                   check=True, capture_output=True)


def stop(user, data, mode="immediate"):
    """pg_ctl stop; returns the CompletedProcess (not checked: the server may be gone)."""
    return subprocess.run(_as_user(user, [_tool("pg_ctl"), "-D", data, "-m", mode, "-w",
                                          "stop"]), capture_output=True, text=True)


@contextlib.contextmanager
def pg_server(dbname="mfb", settings=()):
    """Start a throwaway server; yield a `server`; stop it and remove its files on exit."""
    if not available():
        raise RuntimeError("PostgreSQL server binaries not found")
    user = _server_user()
    # ctest stops a test that overruns with SIGTERM: turn it into SystemExit so that the
    # finally below still stops the server instead of leaving it running.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(SystemExit(143)))
    base = tempfile.mkdtemp(prefix="mfb-pg-")
    data = os.path.join(base, "data")
    db_user = user or pwd.getpwuid(os.geteuid()).pw_name
    started = False
    try:
        log = os.path.join(base, "log")
        init_cluster(base, user, db_user)
        opts = server_options(base, settings)
        port = start_on_free_port(user, data, log, opts)
        started = True
        create_database(base, port, db_user, dbname)
        srv = server(base, port, db_user, dbname)
        srv._user, srv._data, srv._log = user, data, log
        srv._opts = " ".join(opts + [f"-p {port}"])
        yield srv
    finally:
        if started:
            stop(user, data)
        shutil.rmtree(base, ignore_errors=True)
