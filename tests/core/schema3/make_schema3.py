"""Makes ``booth-schema3.db``: a small event database written by the app at schema 3.

Run with the code of commit da47181 (the last one at schema 3) on the path, e.g.::

    git archive da47181 | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old python tests/core/schema3/make_schema3.py tests/core/schema3

What it holds (tests/core/test_records_migration.py reads it back after migrating):
two partners, four products (one imported without a barcode), an intake, a count
(adjustment), a return, a hand rename and a hand price change, a catalog re-import
that changes a price, two sales, and two backups (the second after one more sale).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from boothpos.core import backup, catalog, db, event, stock_ops, users
from boothpos.core.checkout import CartLine, Tender, checkout

WIB = ZoneInfo("Asia/Jakarta")
CSV = """partner_code;partner_name;region;product_name;category;price;barcode;stock
KOPI;Kopi Gayo Mandiri;Aceh;Kopi Gayo 250 g;Minuman;85000;8991234567891;10
KOPI;Kopi Gayo Mandiri;Aceh;Kopi Luwak 100 g;Minuman;150000;;4
TENUN;Tenun Ikat Sumba;NTT;Selendang Ikat;Kain;350000;8990000000013;3
TENUN;Tenun Ikat Sumba;NTT;Sarung Tenun;Kain;500000;;2
"""


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 2, 27 + day, hour, minute, tzinfo=WIB)


def main(folder: Path) -> None:
    path = folder / "booth-schema3.db"
    path.unlink(missing_ok=True)
    (folder / "backups").mkdir(exist_ok=True)
    database = db.connect(path, create=True)
    event.create_event(
        database, name="INACRAFT 2024", venue="JCC", first_day=date(2024, 2, 28), days=5,
        receipt_prefix="INA24",
    )  # fmt: skip
    admin = users.add_user(database, "admin", "9999", "admin")
    sup = users.add_user(database, "supervisor", "5555", "supervisor")
    kasir = users.add_user(database, "kasir", "1111", "attendant")
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "katalog.csv"
        sheet.write_text(CSV, encoding="utf-8")
        catalog.import_catalog(database, sheet, user=admin, at=at(0, 15))
        stock_ops.receive(database, {"8991234567891": 5}, user=sup, reason="kiriman 2", at=at(1, 9))
        luwak = database.execute("SELECT id FROM products WHERE name = 'Kopi Luwak 100 g'")
        luwak_id = luwak.fetchone()[0]
        stock_ops.adjust(
            database, luwak_id, reason="damaged", counted=3, note="kemasan sobek", user=sup,
            at=at(1, 9, 30),
        )  # fmt: skip
        stock_ops.update_product(
            database, luwak_id, name="Kopi Luwak Asli 100 g", price=160000, user=sup,
            at=at(1, 10),
        )  # fmt: skip
        checkout(database, [CartLine(luwak_id, 1)], [Tender("cash")], cashier=kasir, at=at(1, 11))
        assert backup.backup_now(database, path, folders=[folder / "backups"]).written
        sheet.write_text(CSV.replace("350000", "375000"), encoding="utf-8")
        catalog.import_catalog(database, sheet, user=admin, at=at(1, 12))
        selendang = stock_ops.resolve_product(database, "8990000000013")
        checkout(database, [CartLine(selendang.id, 1)], [Tender("cash")], cashier=kasir,
                 at=at(1, 13))  # fmt: skip
        stock_ops.return_to_partner(
            database, "TENUN", {"8990000000013": 1}, user=sup, reason="ditarik", at=at(1, 17)
        )
        run = backup.backup_now(database, path, reason="day_close", folders=[folder / "backups"])
        assert run.written
        checkout(database, [CartLine(selendang.id, 1)], [Tender("cash")], cashier=kasir,
                 at=at(2, 10))  # fmt: skip
    database.execute("VACUUM")
    database.close()
    for backup_file in (folder / "backups").glob("*.db"):
        backup_file.unlink()
    (folder / "backups").rmdir()
    print(path, path.stat().st_size)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
