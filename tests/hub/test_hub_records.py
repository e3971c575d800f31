"""Stock documents and name/price history made on one till show on every till after sync.

They live in tables of their own (schema 4, ``core.records``) and travel inside the
audit entries of the till that made them; each till applies them into its tables.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from boothpos.core import catalog, check, stock_ops, users
from boothpos.core import db as dbmod
from boothpos.hub import sync


def fair_time(day: int, hour: int) -> datetime:
    return datetime(2024, 2, 27 + day, hour, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def two_tills(booth, hub_dsn, tmp_path):
    assert sync.init_hub(hub_dsn, booth.path) == "T1"
    t1 = dbmod.connect(booth.path)
    assert sync.join(tmp_path / "T2.db", hub_dsn, "T2").error is None
    t2 = dbmod.connect(tmp_path / "T2.db")
    yield t1, t2
    t1.close()
    t2.close()


def _sync(*tills) -> None:
    for _ in range(2):
        for database in tills:
            assert sync.sync(database).error is None


def test_stock_documents_and_product_changes_reach_the_other_till(booth, two_tills, tmp_path):
    t1, t2 = two_tills
    kopi, noken = booth.product["kopi"].barcode, booth.product["noken"].barcode
    sup1, sup2 = users.get_user(t1, "supervisor"), users.get_user(t2, "supervisor")
    intake = stock_ops.receive(t1, {kopi: 4}, user=sup1, reason="kiriman", at=fair_time(1, 9))
    count = stock_ops.adjust(t1, noken, reason="lost", delta=-1, user=sup1, at=fair_time(1, 10))
    stock_ops.update_product(t1, kopi, name="Kopi Gayo Asli", price=90_000, user=sup1)
    own = stock_ops.receive(t2, {noken: 2}, user=sup2, at=fair_time(1, 11))
    assert own.number == "INA24-T2-TTB-0001"  # numbered per till: no clash with T1's

    _sync(t1, t2)

    for database in (t1, t2):
        numbers = [d.number for d in stock_ops.list_documents(database)]
        assert sorted(numbers) == sorted([intake.number, count.number, own.number])
        history = [(c.old, c.new, c.source) for c in stock_ops.price_history(database, kopi)]
        assert history == [(85_000, 90_000, "edit")]
        assert check.run_checks(database).ok, check.run_checks(database).findings
    pulled = stock_ops.get_document(t2, intake.number)
    made = stock_ops.get_document(t1, intake.number)
    assert pulled.lines[0].product_id == stock_ops.resolve_product(t2, kopi).id
    assert pulled.to_json() | {"lines": None, "partner": None} == made.to_json() | {
        "lines": None, "partner": None,
    }  # fmt: skip
    assert [(x.barcode, x.qty, x.on_hand_after) for x in pulled.lines] == [
        (x.barcode, x.qty, x.on_hand_after) for x in made.lines
    ]
    assert pulled.partner.code == made.partner.code
    # T2 goes on numbering its own documents after pulling T1's
    assert stock_ops.receive(t2, {noken: 1}, user=sup2).number == "INA24-T2-TTB-0002"

    # a catalog row under the name T1 changed by hand is that product on T2 too
    sheet = tmp_path / "katalog.csv"
    product = booth.product["kopi"]
    sheet.write_text(
        "kode_mitra;nama_mitra;nama_produk;harga\n"
        f"{product.partner.code};{product.partner.name};{product.name};90000\n",
        encoding="utf-8",
    )
    result = catalog.import_catalog(t2, sheet)
    assert result.products_added == 0
    assert stock_ops.resolve_product(t2, kopi).name == product.name
