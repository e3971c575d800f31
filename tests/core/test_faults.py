"""Faults the booth will meet: a full disk, a read-only file, damaged or foreign files.

Each is reported with a clear two-language message and leaves everything as
it was: nothing half-written, ``boothpos check`` passes afterwards.

Elsewhere: the append-only triggers refusing UPDATE and DELETE on sales,
lines, payments, voids, stock moves, day events and the audit log are proven
in ``tests/core/test_check.py`` (``test_append_only_tables_refuse_update``,
``test_append_only_tables_refuse_delete``, ``test_a_raw_connection_cannot_delete_a_sale_either``);
a text file passed as the database and a database from a newer app in
``test_a_text_file_is_not_a_database`` and ``test_a_database_from_a_newer_app_is_refused``
there; damaged and unreadable catalog files in ``tests/core/test_catalog.py``
(``test_unreadable_files``).
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import openpyxl
import pytest
from sqlite_utils import Database

from boothpos.core import check, db, returns
from boothpos.core.catalog import CatalogError, import_catalog, read_catalog
from boothpos.core.checkout import CartLine, Tender, checkout
from boothpos.core.errors import DamagedDatabase, StorageError


def fill_the_disk(database: Database) -> None:
    """Simulate a full disk: the file may not grow by a single page any more."""
    pages = database.execute("PRAGMA page_count").fetchone()[0]
    database.execute(f"PRAGMA max_page_count = {pages}")


def sell_until_refused(booth) -> tuple[int, StorageError]:
    """Ring up sales until the full disk refuses one; (sales that went through, the error)."""
    for n in range(2000):
        try:
            booth.sell(("kopi", 1), ("kalung", 1), at=booth.time(1, 10, n % 60))
        except StorageError as exc:
            return n, exc
    raise AssertionError("the disk never filled up")


def test_a_sale_on_a_full_disk_is_refused_whole_with_a_clear_message(booth):
    fill_the_disk(booth.db)
    went_through, refused = sell_until_refused(booth)
    before = booth.snapshot()

    with pytest.raises(StorageError) as again:
        booth.sell(("kopi", 1), ("kalung", 1), at=booth.time(1, 11))

    assert refused.message("id").startswith("disk penuh: penjualan TIDAK tersimpan")
    assert again.value.message("en").startswith("disk full: the sale was NOT saved")
    assert str(booth.path.parent) in again.value.message("en")
    assert refused.exit_code == 1
    assert not booth.db.conn.in_transaction
    assert booth.snapshot() == before  # nothing half-written
    report = check.run_checks(booth.reopen())
    assert report.ok, [f.message("en") for f in report.findings]
    assert report.counts["sales"] == went_through


def test_selling_goes_on_with_the_next_receipt_number_once_there_is_space(booth):
    fill_the_disk(booth.db)
    went_through, _ = sell_until_refused(booth)

    booth.db.execute("PRAGMA max_page_count = 1073741823")
    after = booth.sell("kopi", at=booth.time(1, 12))

    assert after.receipt_no.endswith(f"-{went_through + 1:05d}")
    assert check.run_checks(booth.reopen()).ok


def test_a_void_on_a_full_disk_is_refused_as_a_change_not_saved(booth):
    sale = booth.sell("noken", at=booth.time(1, 10))
    fill_the_disk(booth.db)
    sell_until_refused(booth)
    before = booth.snapshot()

    with pytest.raises(StorageError) as refused:
        for _ in range(200):  # a void writes few rows: repeat until one needs a new page
            returns.void_sale(
                booth.db,
                sale.receipt_no,
                requested_by=booth.kasir,
                supervisor=booth.supervisor,
                reason="salah scan",
                at=booth.time(1, 10, 30),
            )
            raise AssertionError("the void went through on a full disk")

    assert refused.value.message("id").startswith("disk penuh: perubahan TIDAK tersimpan")
    assert booth.snapshot() == before
    assert check.run_checks(booth.reopen()).ok


def test_a_sale_on_a_read_only_database_is_refused_with_a_clear_message(booth):
    booth.sell("kopi")
    before = booth.snapshot()
    read_only = Database(sqlite3.connect(booth.path.resolve().as_uri() + "?mode=ro", uri=True))
    kasir = booth.kasir
    try:
        with pytest.raises(StorageError) as refused:
            checkout(read_only, [CartLine(booth.pid("kopi"))], [Tender("cash")], cashier=kasir)
        assert not read_only.conn.in_transaction
    finally:
        read_only.close()

    text = refused.value.message("id")
    assert text.startswith("database hanya-baca: penjualan TIDAK tersimpan")
    assert str(booth.path) in text
    assert refused.value.message("en").startswith("the database is read-only: the sale was NOT")
    assert booth.snapshot() == before
    assert check.run_checks(booth.reopen()).ok


def test_a_database_switched_to_query_only_refuses_the_sale_the_same_way(booth):
    booth.db.execute("PRAGMA query_only = ON")
    before = booth.snapshot()

    with pytest.raises(StorageError) as refused:
        booth.sell("kopi")

    assert "TIDAK tersimpan" in refused.value.message("id")
    assert booth.snapshot() == before


def test_other_sqlite_errors_are_not_disguised_as_storage_errors(booth):
    booth.sell("kopi")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), db.write_transaction(booth.db):
        booth.db.execute("DELETE FROM sales")


@pytest.mark.parametrize(
    ("code", "starts"),
    [
        (10, "kesalahan baca/tulis disk: penjualan TIDAK tersimpan"),  # SQLITE_IOERR
        (11, "database '"),  # SQLITE_CORRUPT
        (13, "disk penuh: penjualan TIDAK tersimpan"),  # SQLITE_FULL
        (8 | (1 << 8), "database hanya-baca"),  # SQLITE_READONLY_RECOVERY (extended code)
    ],
)
def test_storage_errors_are_named_by_their_sqlite_code(booth, code, starts):
    exc = sqlite3.OperationalError("simulated")
    exc.sqlite_errorcode = code

    refused = db.storage_error(booth.db, exc, subject="sale")

    assert isinstance(refused, StorageError)
    assert refused.message("id").startswith(starts)


# --- damaged files -------------------------------------------------------------------------


def test_a_truncated_database_file_is_named_damaged_not_foreign(booth, tmp_path):
    booth.sell("kopi")
    booth.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damaged = tmp_path / "truncated.db"
    shutil.copy(booth.path, damaged)
    size = damaged.stat().st_size
    with damaged.open("r+b") as fh:
        fh.truncate(size // 2)
    before = damaged.read_bytes()

    with pytest.raises(DamagedDatabase) as refused:
        db.connect(damaged)

    assert refused.value.msg is db.DAMAGED
    assert "boothpos restore" in refused.value.message("en")
    assert "rusak" in refused.value.message("id")
    assert damaged.read_bytes() == before
    assert db.integrity_problems(damaged, quick=True)


def test_integrity_problems_of_a_sound_file_are_none(booth):
    booth.sell("kopi")

    assert db.integrity_problems(booth.path) == []
    assert db.integrity_problems(booth.path, quick=True) == []


def test_a_truncated_xlsx_catalog_is_refused_and_changes_nothing(booth, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["partner_code", "partner_name", "product_name", "price", "stock"])
    for n in range(200):
        sheet.append(["BTK01", "Batik Pekalongan", f"Kain Batik {n}", 150_000 + n, 3])
    whole = tmp_path / "whole.xlsx"
    workbook.save(whole)
    data = whole.read_bytes()
    truncated = tmp_path / "katalog.xlsx"
    truncated.write_bytes(data[: len(data) * 2 // 3])  # a download or a copy cut short
    before = booth.snapshot()

    with pytest.raises(CatalogError) as refused:
        import_catalog(booth.db, truncated)

    assert len(refused.value.problems) == 1
    assert "katalog.xlsx" in refused.value.message("en")
    assert refused.value.message("id")
    assert booth.snapshot() == before
    assert len(read_catalog(whole)) == 200  # the whole file was fine


def test_a_truncated_csv_catalog_names_the_cut_row_and_changes_nothing(booth, tmp_path):
    rows = ["partner_code;partner_name;product_name;price;stock"]
    rows += [f"BTK01;Batik Pekalongan;Kain Batik {n};Rp 150.000;3" for n in range(20)]
    text = "\r\n".join(rows)
    cut = tmp_path / "katalog.csv"
    cut.write_text(text[: text.rindex(";Rp")], encoding="utf-8")  # ends in the middle of row 21
    before = booth.snapshot()

    with pytest.raises(CatalogError) as refused:
        import_catalog(booth.db, cut)

    assert any(p.row == 21 for p in refused.value.problems)
    assert booth.snapshot() == before


def test_a_copy_of_a_crashed_database_with_its_wal_opens_whole(booth, tmp_path):
    """The files a power cut leaves behind (database + -wal) reopen with every committed sale."""
    for minute in range(5):
        booth.sell("kopi", at=booth.time(1, 10, minute))
    crashed = tmp_path / "crashed.db"
    keep_open = sqlite3.connect(booth.path)  # holds the WAL so it is not checkpointed away
    try:
        for suffix in ("", "-wal"):
            shutil.copy(f"{booth.path}{suffix}", f"{crashed}{suffix}")
    finally:
        keep_open.close()

    reopened = db.connect(crashed)
    try:
        report = check.run_checks(reopened)
    finally:
        reopened.close()

    assert report.ok and report.counts["sales"] == 5
    with closing(sqlite3.connect(crashed)) as conn:
        assert conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0] == 5
