"""No plain ``open()`` of the event database, its -wal or -shm, ever (issue 11).

On POSIX, closing *any* descriptor of a file drops *every* fcntl lock the
process holds on it, SQLite's included. A neighbour process then believes it
is the last connection, checkpoints and deletes the WAL under the till. So
boothpos reads the database only through SQLite.

Two guards:

- a runtime one: an audit hook (``sys.addaudithook``: every Python-level
  ``open``, ``os.open`` and ``io.open`` raises an ``open`` event) records any
  open of the database file, by any name, while the flows a booth runs beside
  a till run in this process (sell, backup, verify, restore, export, report,
  check, catalog import of the wrong file);
- a static one: every call in ``boothpos/`` that opens a file by path is
  listed below with why it cannot be a database; a new one fails this test
  until it is checked and listed.
"""

from __future__ import annotations

import ast
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

from boothpos.cli.app import main as cli_main
from boothpos.core import backup, catalog, qris, qris_match, startup
from boothpos.core import db as dbmod
from boothpos.core.errors import CatalogError, RefusedInput

PACKAGE = Path(__file__).resolve().parents[2] / "boothpos"

# file, call → how many, and why none of them can open a database file.
KNOWN_OPENS = {
    # /dev/null for a GUI started without a console
    ("cli/app.py", "os.open"): 1,
    # writes the export the user named with -o; cli.common.refuse_database_as_output refuses
    # -o/--pdf naming the database or its -wal/-shm by any name before any command runs
    ("cli/reports.py", "args.output.write_text"): 1,
    # the receipt PDF just written under <db>-files/receipts
    ("cli/sales.py", "path.read_bytes"): 1,
    # backup.py: fsync of a folder after a rename
    ("core/backup.py", "os.open"): 1,
    # db.py: fsync of a new copy (copy_to_file: a backup, a pre-migration or a rescued copy)
    ("core/db.py", "os.open"): 1,
    # catalog.py: the catalog file; import_catalog refuses the database's own files first
    ("core/catalog.py", "path.open"): 1,
    ("core/catalog.py", "path.read_bytes"): 2,
    # qris.py: a photo of the QRIS sticker; decode_image refuses an open database's files first
    ("core/qris.py", "Image.open"): 1,
    # hub/server.py: the PostgreSQL hub's own folder (hub.json, pg_hba.conf, postmaster.pid)
    ("hub/server.py", "os.open"): 1,
    ("hub/server.py", "os.fdopen"): 1,
    ("hub/server.py", "state.read_text"): 1,
    ("hub/server.py", "hba.open"): 1,
    ("hub/server.py", "pid_file.read_text"): 1,
    # instance.py: the lock files (<real path>.lock and the identity lock), never the database
    ("core/instance.py", "os.open"): 1,
    # pdf_files.py: atomic write of a PDF through a temporary file in the PDF's folder
    ("documents/pdf_files.py", "os.fdopen"): 1,
    # PDFs saved under <db>-files/laporan, read back to print
    ("gui/controllers/close_day_controller.py", "Path(path).read_bytes"): 2,
    ("gui/controllers/partner_controller.py", "path.read_bytes"): 1,
    # a translation file (.qm) shipped in resources
    ("gui/i18n.py", "Path(path).read_bytes"): 1,
    # temporary files of PDFs being saved
    ("gui/pdf_pages.py", "tmp.open"): 1,
    ("gui/receipts.py", "tmp.open"): 1,
}
OPENERS = {"open", "read_bytes", "write_bytes", "read_text", "write_text", "fdopen", "truncate"}
OPENERS |= {"copy", "copy2", "copyfile", "copyfileobj"}
NOT_FILES = {"self", "dialog", "device", "window", "webbrowser", "QDesktopServices", "approval"}


def _opens_in_package() -> Counter:
    found: Counter = Counter()
    for file in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else getattr(fn, "attr", None)
            if name not in OPENERS:
                continue
            call = ast.unparse(fn)
            if name == "copy" and not call.startswith("shutil."):
                continue  # QImage.copy(), dict.copy()
            if call.endswith(".open") and call.split(".")[0] in NOT_FILES:
                continue  # dialog.open(), a printer device's open()
            found[(file.relative_to(PACKAGE).as_posix(), call)] += 1
    return found


def test_every_plain_file_open_in_the_package_is_known_not_to_be_the_database():
    found = _opens_in_package()
    new = {k: v for k, v in found.items() if KNOWN_OPENS.get(k, 0) < v}
    assert not new, (
        "new plain file opens in boothpos/: make sure none can be the event database "
        "or its -wal/-shm (read it through SQLite instead), then list them in KNOWN_OPENS "
        f"with the reason: {new}"
    )


class OpenWatch:
    """Records Python-level opens of one database file (any name) and its -wal/-shm."""

    hooked = False
    current: OpenWatch | None = None

    def __init__(self, db_path: Path) -> None:
        self.names = {str(db_path) + s for s in ("", "-wal", "-shm")}
        # The database file by any name (a link, a rename). Not the -wal/-shm by inode: they
        # are deleted and made again, and a new file (a restore's copy) may get the inode
        # number a deleted one freed; they are watched by name.
        self.ids = set()
        try:
            st = os.stat(db_path)
        except OSError:
            pass
        else:
            self.ids.add((st.st_dev, st.st_ino))
        self.seen: list[str] = []

    def __enter__(self) -> OpenWatch:
        if not OpenWatch.hooked:
            sys.addaudithook(_hook)
            OpenWatch.hooked = True
        OpenWatch.current = self
        return self

    def __exit__(self, *exc) -> None:
        OpenWatch.current = None

    def check(self, path) -> None:
        if isinstance(path, int):
            return
        name = os.fsdecode(path)
        if name in self.names:
            self.seen.append(name)
            return
        try:
            st = os.stat(name)
        except (OSError, ValueError):
            return
        if (st.st_dev, st.st_ino) in self.ids:
            self.seen.append(name)


def _hook(event: str, args: tuple) -> None:
    watch = OpenWatch.current
    if watch is not None and event == "open" and args and args[0] is not None:
        watch.check(args[0])


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "booth.db"
    assert cli_main(["--db", str(path), "init", "--demo"]) == 0
    return path


def test_the_booth_s_flows_never_open_the_database_outside_sqlite(demo, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    code = None
    with startup.open_for_till(demo, check=False) as till, OpenWatch(demo) as watch:
        startup.check_integrity(demo)  # the app's background check, on a second connection
        second = dbmod.connect(demo)
        code = second.execute("SELECT barcode FROM products LIMIT 1").fetchone()[0]
        second.close()
        db_args = ["--db", str(demo)]
        for argv in (
            ["sell", "--pay", "cash", code],
            ["export", "sales", "--format", "json"],
            ["export", "products"],
            ["report", "settlement", "--json"],
            ["report", "day", "2024-02-28", "--json"],
            ["check"],
            ["backup", str(usb)],
        ):
            assert cli_main(db_args + argv) == 0, argv
        taken = backup.list_backups(usb)[0].path
        backup.verify_backup(taken)
        with pytest.raises(CatalogError) as refused:
            catalog.import_catalog(till.db, demo)
        assert "database" in refused.value.message("en")
        with pytest.raises(CatalogError):
            catalog.import_catalog(till.db, Path(f"{demo}-wal"))
        with pytest.raises(RefusedInput):  # a QRIS history or sticker photo picked wrongly
            qris_match.read_history(demo, "Asia/Jakarta")
        with pytest.raises(RefusedInput):
            qris.decode_image(demo)
        backup.backup_now(till.db, demo)
    capsys.readouterr()
    assert watch.seen == []


def test_the_restore_path_never_opens_the_database_outside_sqlite(demo, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    assert cli_main(["--db", str(demo), "backup", str(usb)]) == 0
    taken = backup.list_backups(usb)[0].path
    with OpenWatch(demo) as watch:
        backup.restore(taken, demo)
    assert watch.seen == []


def test_the_watch_itself_sees_a_plain_open(demo):
    with OpenWatch(demo) as watch, open(demo, "rb") as fh:
        fh.read(16)
    assert watch.seen == [str(demo)]


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "sales", "-o", "{db}"],
        ["export", "products", "--format", "csv", "-o", "{link}"],
        ["report", "settlement", "--pdf", "{db}-wal"],
        ["receipt", "X", "-o", "{db}"],
    ],
)
def test_no_command_writes_its_output_over_the_database(demo, argv, capsys):
    link = demo.with_name("link.db")
    link.symlink_to(demo)
    before = demo.stat().st_ino
    args = [a.format(db=demo, link=link) for a in argv]
    assert cli_main(["--db", str(demo), *args]) == 2
    assert "database" in capsys.readouterr().err
    assert demo.stat().st_ino == before  # not replaced ...
    database = dbmod.connect(demo)  # ... nor overwritten: the books are all there
    try:
        assert database.execute("SELECT COUNT(*) FROM products").fetchone()[0] == 82
    finally:
        database.close()
