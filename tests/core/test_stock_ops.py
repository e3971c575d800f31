"""Stock operations on a real database file: intake, adjustments, returns, inventory, edits.

The ``booth`` fixture has kalung 10, gelang 3 (AMB01), noken 5 (JPR01),
kopi 20 (ACH01) and tenun 1 (NTT01) on hand after set-up-day intake.
"""

from __future__ import annotations

import json

import pytest

from boothpos.core import audit, check, export, returns, sales, stock, stock_ops
from boothpos.core.errors import NotFound, PermissionDenied, RefusedInput
from boothpos.core.stock_ops import adjust, inventory, receive, return_to_partner, update_product


def ledger_by_kind(db, product_id: int) -> dict[str, int]:
    rows = db.execute(
        "SELECT kind, SUM(qty) FROM stock_moves WHERE product_id = ? GROUP BY kind", (product_id,)
    )
    return {kind: total for kind, total in rows}


def row_of(db, key_product) -> stock_ops.InventoryRow:
    (row,) = [r for r in inventory(db) if r.product_id == key_product.id]
    return row


# ---------------------------------------------------------------- intake


def test_intake_of_several_items_is_one_document_with_one_move_each(booth):
    at = booth.time(1, 9, 15)
    doc = receive(
        booth.db,
        {booth.pid("kalung"): 5, booth.product["gelang"].barcode: 2},
        user=booth.supervisor,
        reason="kiriman kedua",
        at=at,
    )
    assert doc.number == "INA24-T1-TTB-0001"
    assert doc.kind == "intake"
    assert doc.partner.code == "AMB01"
    assert doc.at == "2024-02-28T09:15:00+07:00" and doc.day == "2024-02-28"
    assert doc.user == "supervisor"
    assert [(line.name, line.qty) for line in doc.lines] == [
        ("Kalung Mutiara Laut", 5),
        ("Gelang Mutiara", 2),
    ]
    assert [(line.on_hand_before, line.on_hand_after) for line in doc.lines] == [(10, 15), (3, 5)]
    assert doc.total_qty == 7
    assert doc.total_value == 5 * 250_000 + 2 * 35_000
    assert booth.on_hand("kalung") == 15 == booth.ledger("kalung")
    assert booth.on_hand("gelang") == 5
    moves = (
        booth.reopen()
        .execute(
            "SELECT product_id, kind, qty, at, day, user_id, reason FROM stock_moves "
            "WHERE reason LIKE 'INA24-T1-TTB-0001%' ORDER BY id"
        )
        .fetchall()
    )
    assert moves == [
        (booth.pid("kalung"), "intake", 5, doc.at, doc.day, booth.supervisor.id,
         "INA24-T1-TTB-0001: kiriman kedua"),
        (booth.pid("gelang"), "intake", 2, doc.at, doc.day, booth.supervisor.id,
         "INA24-T1-TTB-0001: kiriman kedua"),
    ]  # fmt: skip


def test_document_numbers_are_gapless_per_kind_and_read_back_exactly(booth):
    first = receive(booth.db, {booth.pid("kopi"): 1}, user=booth.supervisor)
    ret = return_to_partner(booth.db, "ACH01", {booth.pid("kopi"): 1}, user=booth.supervisor)
    second = receive(booth.db, [(booth.pid("noken"), 1)], user=booth.admin)
    assert [first.number, second.number, ret.number] == [
        "INA24-T1-TTB-0001",
        "INA24-T1-TTB-0002",
        "INA24-T1-RTR-0001",
    ]
    fresh = booth.reopen()
    for doc in (first, second, ret):
        assert stock_ops.get_document(fresh, doc.number) == doc
    assert [d.number for d in stock_ops.list_documents(fresh, kind="intake")] == [
        first.number,
        second.number,
    ]
    assert [d.number for d in stock_ops.list_documents(fresh, partner="jpr01")] == [second.number]
    with pytest.raises(NotFound):
        stock_ops.get_document(fresh, "INA24-T1-TTB-0099")


def test_the_same_product_twice_in_one_intake_is_one_line(booth):
    kopi = booth.product["kopi"]
    doc = receive(booth.db, [(kopi.barcode, 2), (kopi.id, 3)], user=booth.supervisor)
    assert [(line.name, line.qty) for line in doc.lines] == [("Kopi Arabika Gayo 250 g", 5)]
    assert booth.on_hand("kopi") == 25


@pytest.mark.parametrize(
    "items",
    [
        {},
        {"kopi": 0},
        {"kopi": -3},
        {"kopi": True},
        {"kopi": 2.5},
        {"kopi": "2"},
        {"kopi": 100_000},
        {"kopi": 2, "8990000000000": 1},  # unknown code (valid form, no product)
    ],
)
def test_bad_intake_is_refused_and_changes_nothing(booth, items):
    before = booth.snapshot()
    resolved = {booth.pid(k) if k in booth.product else k: q for k, q in items.items()}
    with pytest.raises(RefusedInput):
        receive(booth.db, resolved, user=booth.supervisor)
    assert booth.snapshot() == before


def test_one_intake_document_is_for_one_partner(booth):
    before = booth.snapshot()
    with pytest.raises(RefusedInput) as exc:
        receive(booth.db, {booth.pid("kopi"): 1, booth.pid("noken"): 1}, user=booth.supervisor)
    assert "ACH01, JPR01" in exc.value.message("en")
    with pytest.raises(RefusedInput) as exc:
        receive(booth.db, {booth.pid("kopi"): 1}, partner="JPR01", user=booth.supervisor)
    assert "belongs to partner ACH01, not JPR01" in exc.value.message("en")
    assert booth.snapshot() == before
    doc = receive(booth.db, {booth.pid("kopi"): 1}, partner="ach01", user=booth.supervisor)
    assert doc.partner.code == "ACH01"


def test_stock_operations_need_a_supervisor(booth):
    before = booth.snapshot()
    with pytest.raises(PermissionDenied):
        receive(booth.db, {booth.pid("kopi"): 1}, user=booth.kasir)
    with pytest.raises(PermissionDenied):
        adjust(booth.db, booth.pid("kopi"), counted=3, reason="lost", user=booth.kasir)
    with pytest.raises(PermissionDenied):
        return_to_partner(booth.db, "ACH01", user=booth.kasir)
    with pytest.raises(PermissionDenied):
        update_product(booth.db, booth.pid("kopi"), price=1, user=booth.kasir)
    assert booth.snapshot() == before


def test_intake_is_audited_with_the_whole_document(booth):
    doc = receive(booth.db, {booth.pid("noken"): 4}, user=booth.supervisor, reason="tambahan")
    (entry,) = audit.entries(booth.reopen(), action="stock.intake")
    assert entry["user_id"] == booth.supervisor.id
    assert entry["entity"] == "stock_document" and entry["entity_id"] == doc.number
    assert entry["detail"]["lines"][0]["qty"] == 4
    assert entry["detail"]["partner"]["code"] == "JPR01"


# ---------------------------------------------------------------- returns


def test_return_of_some_items_lowers_stock_and_lists_them(booth):
    booth.sell(("kalung", 2))
    doc = return_to_partner(
        booth.db, "AMB01", {booth.pid("kalung"): 8, booth.pid("gelang"): 1},
        user=booth.supervisor, reason="akhir pameran", at=booth.time(5, 18),
    )  # fmt: skip
    assert doc.number == "INA24-T1-RTR-0001" and doc.kind == "return"
    assert [(line.qty, line.on_hand_before, line.on_hand_after) for line in doc.lines] == [
        (8, 8, 0),
        (1, 3, 2),
    ]
    assert booth.on_hand("kalung") == 0 and booth.on_hand("gelang") == 2
    assert ledger_by_kind(booth.reopen(), booth.pid("kalung"))["return"] == -8


def test_return_of_all_on_hand_takes_every_positive_stock_of_the_partner(booth):
    booth.sell(("gelang", 5))  # gelang goes to -2: nothing of it can be handed back
    doc = return_to_partner(booth.db, "AMB01", user=booth.supervisor)
    assert [(line.name, line.qty) for line in doc.lines] == [("Kalung Mutiara Laut", 10)]
    assert booth.on_hand("kalung") == 0 and booth.on_hand("gelang") == -2
    with pytest.raises(RefusedInput) as exc:
        return_to_partner(booth.db, "AMB01", user=booth.supervisor)
    assert "AMB01" in exc.value.message("en")


def test_a_return_of_more_than_on_hand_is_refused_naming_every_item(booth):
    booth.sell(("kalung", 9))
    before = booth.snapshot()
    with pytest.raises(RefusedInput) as exc:
        return_to_partner(
            booth.db, "AMB01", {booth.pid("kalung"): 2, booth.pid("gelang"): 4},
            user=booth.supervisor,
        )  # fmt: skip
    text = exc.value.message("en")
    assert "cannot return more than is on hand" in text
    assert "Kalung Mutiara Laut" in text and "asked 2, on hand 1" in text
    assert "Gelang Mutiara" in text and "asked 4, on hand 3" in text
    assert "tidak bisa mengembalikan lebih dari stok yang ada" in exc.value.message("id")
    assert booth.snapshot() == before


def test_sales_may_go_negative_but_nothing_negative_can_be_returned(booth):
    result = booth.sell(("tenun", 3))
    assert booth.on_hand("tenun") == -2
    assert result.warnings  # the cashier is warned, the sale is not blocked
    before = booth.snapshot()
    with pytest.raises(RefusedInput):
        return_to_partner(booth.db, "NTT01", {booth.pid("tenun"): 1}, user=booth.supervisor)
    with pytest.raises(RefusedInput):
        return_to_partner(booth.db, "NTT01", user=booth.supervisor)
    assert booth.snapshot() == before


def test_a_return_names_only_the_partners_own_products(booth):
    with pytest.raises(RefusedInput) as exc:
        return_to_partner(booth.db, "AMB01", {booth.pid("kopi"): 1}, user=booth.supervisor)
    assert "belongs to partner ACH01, not AMB01" in exc.value.message("en")
    with pytest.raises(NotFound):
        return_to_partner(booth.db, "XXX99", user=booth.supervisor)


# ---------------------------------------------------------------- adjustments


def test_a_count_below_the_books_records_the_difference(booth):
    doc = adjust(
        booth.db, booth.pid("kopi"), counted=17, reason="damaged", note="kemasan sobek",
        user=booth.supervisor, at=booth.time(2, 8),
    )  # fmt: skip
    (line,) = doc.lines
    assert (line.on_hand_before, line.counted, line.qty, line.on_hand_after) == (20, 17, -3, 17)
    assert doc.number == "INA24-T1-PNY-0001"
    assert doc.reason_text("id") == "rusak: kemasan sobek"
    assert doc.reason_text("en") == "damaged: kemasan sobek"
    assert booth.on_hand("kopi") == 17 == booth.ledger("kopi")
    (reason,) = (
        booth.reopen()
        .execute("SELECT reason FROM stock_moves WHERE kind = 'adjustment'")
        .fetchone()
    )
    assert reason == "INA24-T1-PNY-0001: damaged: kemasan sobek"


def test_a_delta_and_a_miscount_upwards(booth):
    adjust(booth.db, booth.pid("noken"), delta=-1, reason="lost", user=booth.supervisor)
    assert booth.on_hand("noken") == 4
    adjust(booth.db, booth.pid("noken"), counted=6, reason="miscount", user=booth.supervisor)
    assert booth.on_hand("noken") == 6
    adjust(booth.db, booth.product["noken"].barcode, delta=+2, reason="miscount",
           user=booth.supervisor)  # fmt: skip
    assert booth.on_hand("noken") == 8


def test_a_count_of_negative_stock_brings_it_back_to_the_count(booth):
    booth.sell(("tenun", 4))
    assert booth.on_hand("tenun") == -3
    doc = adjust(booth.db, booth.pid("tenun"), counted=0, reason="miscount", user=booth.supervisor)
    assert doc.lines[0].qty == 3
    assert booth.on_hand("tenun") == 0


def test_a_count_that_matches_is_recorded_without_a_move(booth):
    moves = booth.count("stock_moves")
    doc = adjust(booth.db, booth.pid("kopi"), counted=20, reason="miscount", user=booth.supervisor)
    assert doc.lines[0].qty == 0 and doc.number == "INA24-T1-PNY-0001"
    assert booth.count("stock_moves") == moves
    assert stock_ops.get_document(booth.reopen(), doc.number) == doc


@pytest.mark.parametrize(
    "kwargs",
    [
        {"counted": 21, "reason": "damaged"},  # damaged goods cannot raise the stock
        {"delta": 1, "reason": "lost"},
        {"counted": 20, "reason": "lost"},  # nothing lost
        {"counted": 3, "reason": "stolen"},
        {"counted": 3, "delta": -1, "reason": "lost"},
        {"reason": "lost"},
        {"counted": -1, "reason": "miscount"},
        {"counted": True, "reason": "miscount"},
        {"delta": 0, "reason": "miscount"},
        {"delta": "2", "reason": "miscount"},
    ],
)
def test_bad_adjustments_are_refused_and_change_nothing(booth, kwargs):
    before = booth.snapshot()
    with pytest.raises(RefusedInput):
        adjust(booth.db, booth.pid("kopi"), user=booth.supervisor, **kwargs)
    assert booth.snapshot() == before


# ---------------------------------------------------------------- the stock identity


def test_every_move_type_adds_up_to_on_hand_and_check_passes(booth):
    """intake + sales − returns ± adjustments = on hand, for every kind of move."""
    db = booth.db
    receive(db, {booth.pid("kalung"): 6}, user=booth.supervisor)  # 10 + 6 = 16
    kept = booth.sell(("kalung", 3))  # 13
    voided = booth.sell(("kalung", 2), at=booth.time(1, 11))  # 11
    returns.void_sale(
        db, voided.receipt_no, requested_by=booth.kasir, supervisor=booth.supervisor,
        reason="salah scan", at=booth.time(1, 11, 5),
    )  # fmt: skip  # 13
    returns.refund_sale(
        db, kept.receipt_no, {1: 1}, cashier=booth.kasir, supervisor=booth.supervisor,
        reason="cacat", at=booth.time(2, 10),
    )  # fmt: skip  # restocked: 14
    adjust(db, booth.pid("kalung"), delta=-2, reason="damaged", user=booth.supervisor)  # 12
    adjust(db, booth.pid("kalung"), counted=13, reason="miscount", user=booth.supervisor)  # 13
    return_to_partner(db, "AMB01", {booth.pid("kalung"): 4}, user=booth.supervisor)  # 9
    booth.sell(("gelang", 5))  # gelang 3 → -2: negative stock

    fresh = booth.reopen()
    kinds = ledger_by_kind(fresh, booth.pid("kalung"))
    assert set(kinds) == {"intake", "sale", "void", "refund", "adjustment", "return"}
    row = row_of(fresh, booth.product["kalung"])
    assert (row.received, row.sold, row.returned, row.adjusted) == (16, 3 + 2 - 2 - 1, 4, -2 + 1)
    assert row.received - row.sold - row.returned + row.adjusted == row.on_hand == 9
    assert booth.on_hand("kalung") == 9 == stock.on_hand(fresh, booth.pid("kalung"))
    gelang = row_of(fresh, booth.product["gelang"])
    assert gelang.received - gelang.sold - gelang.returned + gelang.adjusted == -2
    assert gelang.on_hand == booth.on_hand("gelang") == -2 and gelang.negative
    assert check.run_checks(fresh).ok
    exported = {p["barcode"]: p["stock"] for p in export.products_list(fresh)}
    for r in inventory(fresh, include_inactive=True):
        assert exported[r.barcode] == r.on_hand
        assert r.received - r.sold - r.returned + r.adjusted == r.on_hand


# ---------------------------------------------------------------- inventory


def test_inventory_lists_every_product_with_partner_price_barcode_and_stock(booth):
    rows = inventory(booth.reopen())
    assert [(r.partner_code, r.name) for r in rows] == [
        ("ACH01", "Kopi Arabika Gayo 250 g"),
        ("AMB01", "Gelang Mutiara"),
        ("AMB01", "Kalung Mutiara Laut"),
        ("JPR01", "Noken Anyaman Kecil"),
        ("NTT01", "Selendang Tenun Ikat"),
    ]
    kopi = rows[0]
    assert kopi.barcode == booth.product["kopi"].barcode
    assert (kopi.category, kopi.price, kopi.on_hand) == ("Makanan & Minuman", 85_000, 20)
    assert kopi.partner_name == "Kopi Gayo Takengon"
    assert kopi.price_text == "Rp 85.000"


def test_inventory_filters_by_partner_and_words(booth):
    db = booth.reopen()
    assert [r.name for r in inventory(db, partner="AMB01")] == [
        "Gelang Mutiara",
        "Kalung Mutiara Laut",
    ]
    assert [r.name for r in inventory(db, text="mutiara KALUNG")] == ["Kalung Mutiara Laut"]
    assert [r.name for r in inventory(db, text="takengon")] == ["Kopi Arabika Gayo 250 g"]
    assert [r.name for r in inventory(db, text="perhiasan", partner="AMB01")] == [
        "Gelang Mutiara",
        "Kalung Mutiara Laut",
    ]
    code = booth.product["noken"].barcode
    assert [r.name for r in inventory(db, text=code)] == ["Noken Anyaman Kecil"]
    assert [r.name for r in inventory(db, text=code[-5:])] == ["Noken Anyaman Kecil"]
    assert inventory(db, text="tidak-ada-produk-ini") == []


def test_inventory_flags_low_out_and_negative_stock(booth):
    booth.sell(("gelang", 1), ("tenun", 2), ("noken", 5))  # gelang 2, tenun -1, noken 0
    db = booth.reopen()
    status = {r.name: r.status for r in inventory(db)}
    assert status == {
        "Kopi Arabika Gayo 250 g": "ok",
        "Gelang Mutiara": "low",
        "Kalung Mutiara Laut": "ok",
        "Noken Anyaman Kecil": "out",
        "Selendang Tenun Ikat": "negative",
    }
    flagged = inventory(db, flagged_only=True)
    assert [r.name for r in flagged] == [
        "Gelang Mutiara",
        "Noken Anyaman Kecil",
        "Selendang Tenun Ikat",
    ]
    assert [r.name for r in inventory(db, flagged_only=True, low_threshold=10)] == [
        "Gelang Mutiara",
        "Kalung Mutiara Laut",
        "Noken Anyaman Kecil",
        "Selendang Tenun Ikat",
    ]
    stock_ops.set_low_threshold(booth.db, 0, user=booth.admin)
    assert stock_ops.low_threshold(booth.reopen()) == 0
    assert [r.status for r in inventory(booth.reopen(), partner="AMB01")] == ["ok", "ok"]
    with pytest.raises(RefusedInput):
        stock_ops.set_low_threshold(booth.db, -1)


def test_inventory_of_a_thousand_products_is_one_query(booth):
    db = booth.db
    with db.atomic():
        for n in range(1000):
            db.execute(
                "INSERT INTO products (barcode, name, partner_id, price, created_at) "
                "VALUES (?, ?, 1, 1000, '2024-02-27T10:00:00+07:00')",
                (f"bulk{n:05d}", f"Produk massal {n}"),
            )
    calls = []
    db.conn.set_trace_callback(calls.append)
    try:
        rows = inventory(db, text="massal")
    finally:
        db.conn.set_trace_callback(None)
    assert len(rows) == 1000
    assert sum(1 for sql in calls if sql.lstrip().upper().startswith("SELECT")) <= 2


# ---------------------------------------------------------------- product edits


def test_edit_name_category_and_price_is_audited_with_old_and_new(booth):
    product = update_product(
        booth.db, booth.pid("kopi"), name="  Kopi  Gayo Premium 250 g ", category="Kopi",
        price="Rp 95.000", user=booth.supervisor, at=booth.time(2, 9),
    )  # fmt: skip
    assert (product.name, product.category, product.price) == ("Kopi Gayo Premium 250 g", "Kopi",
                                                               95_000)  # fmt: skip
    (entry,) = audit.entries(booth.reopen(), action="product.update")
    assert entry["user_id"] == booth.supervisor.id
    assert entry["entity_id"] == str(booth.pid("kopi"))
    assert entry["detail"]["old"] == {
        "name": "Kopi Arabika Gayo 250 g",
        "category": "Makanan & Minuman",
        "price": 85_000,
    }
    assert entry["detail"]["new"] == {
        "name": "Kopi Gayo Premium 250 g",
        "category": "Kopi",
        "price": 95_000,
    }
    history = stock_ops.price_history(booth.reopen(), booth.pid("kopi"))
    assert [(h.old, h.new, h.source) for h in history] == [(85_000, 95_000, "edit")]


def test_a_sale_keeps_the_price_it_was_rung_up_at(booth):
    sold = booth.sell(("kopi", 2))
    update_product(booth.db, booth.pid("kopi"), price=100_000, user=booth.supervisor)
    later = booth.sell(("kopi", 1), at=booth.time(1, 12))
    db = booth.reopen()
    first = sales.get_sale(db, sold.receipt_no)
    assert (first.total, first.lines[0].unit_price) == (170_000, 85_000)
    assert sales.get_sale(db, later.receipt_no).lines[0].unit_price == 100_000
    exported = {s["receipt_no"]: s for s in export.sales(db)}
    assert exported[sold.receipt_no]["lines"][0]["unit_price"] == 85_000
    assert check.run_checks(db).ok


def test_an_edit_that_changes_nothing_writes_nothing(booth):
    before = booth.count("audit")
    product = update_product(
        booth.db, booth.pid("kopi"), name="Kopi Arabika Gayo 250 g", price=85_000,
        user=booth.supervisor,
    )  # fmt: skip
    assert product.price == 85_000
    assert booth.count("audit") == before


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"name": "   "}, "empty"),
        ({"name": "x" * 201}, "too long"),
        ({"name": "Gelang Mutiara"}, "already has a product"),
        ({"price": "-5000"}, "negative"),
        ({"price": "12.500,50"}, "fraction"),
        ({"price": "murah"}, "not a rupiah amount"),
    ],
)
def test_bad_product_edits_are_refused_and_change_nothing(booth, kwargs, words):
    before = booth.count("audit")
    with pytest.raises(RefusedInput) as exc:
        update_product(booth.db, booth.pid("kalung"), user=booth.supervisor, **kwargs)
    assert words in exc.value.message("en")
    fresh = booth.reopen()
    row = fresh.execute(
        "SELECT name, price FROM products WHERE id = ?", (booth.pid("kalung"),)
    ).fetchone()
    assert row == ("Kalung Mutiara Laut", 250_000)
    assert booth.count("audit") == before


def test_document_json_is_plain_data(booth):
    doc = receive(booth.db, {booth.pid("kopi"): 1}, user=booth.supervisor)
    data = json.loads(json.dumps(doc.to_json()))
    assert data["number"] == doc.number and data["lines"][0]["qty"] == 1


def test_a_renamed_product_is_still_found_by_a_catalog_row_under_its_old_name(booth, tmp_path):
    """Re-importing the catalog after a rename must not create the product (and its stock) twice."""
    from boothpos.core.catalog import import_catalog

    update_product(booth.db, booth.pid("noken"), name="Noken Kecil Asli", user=booth.supervisor)
    sheet = tmp_path / "katalog.csv"
    sheet.write_text(
        "kode_mitra;nama_mitra;daerah;nama_produk;kategori;harga;stok\n"
        "JPR01;Noken Mama Papua;Kabupaten Jayapura, Papua;Noken Anyaman Kecil;Tas;125000;5\n",
        encoding="utf-8",
    )
    result = import_catalog(booth.db, sheet)
    assert (result.products_added, result.intake_moves) == (0, 0)
    assert booth.count("products") == 5
    assert booth.on_hand("noken") == 5
    assert import_catalog(booth.db, sheet).changed is False
