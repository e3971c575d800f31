"""The price the cashier sees is the price the customer pays.

A cart line carries the unit price of the product as it was scanned; checkout
charges that price even if a supervisor changed the catalog price between the
scan and the payment, warns about it and names it in the sale's audit entry.
Sales without a cart (the command line's ``sell``) keep charging the catalog.
"""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from boothpos.core import audit, checkout, products, reports, sales, stock_ops
from boothpos.core.cart import Cart
from boothpos.core.checkout import PRICE_CHANGED, CartLine, Tender
from boothpos.core.errors import RefusedInput, SaleError
from boothpos.core.event import get_event
from boothpos.documents.receipt import render_receipt


def scan(booth, cart: Cart, key: str) -> int:
    """What the sale screen does with a scanned code: look it up now, add it."""
    return cart.add(products.find_by_code(booth.db, booth.product[key].barcode))


def reprice(booth, key: str, price: int) -> None:
    """A supervisor edits the catalog price (inventory screen) through core."""
    stock_ops.update_product(booth.db, booth.pid(key), user=booth.supervisor, price=price)


def sold_lines(booth, result) -> list[tuple[str, int, int, int]]:
    return (
        booth.reopen()
        .execute(
            "SELECT name, qty, unit_price, line_total FROM sale_lines WHERE sale_id = ? "
            "ORDER BY line_no",
            (result.sale_id,),
        )
        .fetchall()
    )


def checkout_entry(booth, result) -> dict:
    [entry] = [
        e
        for e in audit.entries(booth.reopen(), action="sale.checkout")
        if e["entity_id"] == result.receipt_no
    ]
    return entry["detail"]


def test_checkout_charges_the_scanned_price_and_warns_when_the_catalog_changed(booth):
    cart = Cart()
    scan(booth, cart, "kalung")  # Rp 250.000 on the screen
    scan(booth, cart, "kalung")
    scan(booth, cart, "kopi")
    shown = cart.total
    assert shown == 2 * 250_000 + 85_000

    reprice(booth, "kalung", 275_000)  # meanwhile, on the inventory screen
    assert products.product_by_id(booth.db, booth.pid("kalung")).price == 275_000

    result = checkout.checkout(
        booth.db, cart.to_cart_lines(), [Tender("cash", shown)],
        cashier=booth.kasir, at=booth.time(1, 10),
    )  # fmt: skip

    assert result.total == shown
    assert result.change == 0
    assert sold_lines(booth, result) == [
        ("Kalung Mutiara Laut", 2, 250_000, 500_000),
        ("Kopi Arabika Gayo 250 g", 1, 85_000, 85_000),
    ]
    [notice] = result.warnings
    assert notice.msg is PRICE_CHANGED
    assert notice.message("id") == (
        "harga Kalung Mutiara Laut berubah menjadi Rp 275.000; "
        "dijual dengan harga di keranjang Rp 250.000"
    )
    assert notice.message("en") == (
        "the price of Kalung Mutiara Laut changed to Rp 275.000; sold at the cart price Rp 250.000"
    )
    detail = checkout_entry(booth, result)
    assert detail["total"] == shown
    assert detail["price_changes"] == [
        {
            "line": 1,
            "barcode": booth.product["kalung"].barcode,
            "name": "Kalung Mutiara Laut",
            "catalog": 275_000,
            "charged": 250_000,
        }
    ]


def test_a_lowered_price_also_sells_at_the_cart_price(booth):
    cart = Cart()
    scan(booth, cart, "noken")  # Rp 125.000
    reprice(booth, "noken", 100_000)
    result = checkout.checkout(
        booth.db, cart.to_cart_lines(), [Tender("cash")], cashier=booth.kasir, at=booth.time()
    )
    assert result.total == 125_000
    assert sold_lines(booth, result) == [("Noken Anyaman Kecil", 1, 125_000, 125_000)]
    assert "Rp 100.000" in result.warnings[0].message("en")


def test_an_unchanged_price_gives_no_warning_and_no_audit_note(booth):
    cart = Cart()
    scan(booth, cart, "kopi")
    result = checkout.checkout(
        booth.db, cart.to_cart_lines(), [Tender("cash")], cashier=booth.kasir, at=booth.time()
    )
    assert result.warnings == ()
    assert "price_changes" not in checkout_entry(booth, result)


def test_a_scan_after_the_price_changed_starts_a_new_line_at_the_new_price(booth):
    cart = Cart()
    assert scan(booth, cart, "kalung") == 0
    cart.set_discount(0, 10_000)
    reprice(booth, "kalung", 275_000)
    assert scan(booth, cart, "kalung") == 1  # a new line, at the price of now
    assert scan(booth, cart, "kalung") == 1  # and that line grows at that price
    assert [(i.price, i.qty, i.discount) for i in cart] == [(250_000, 1, 10_000), (275_000, 2, 0)]
    assert cart.total == 240_000 + 550_000
    cart.set_qty(0, 3)  # editing the old line keeps its price
    assert cart[0].price == 250_000

    result = checkout.checkout(
        booth.db, cart.to_cart_lines(), [Tender("cash")], cashier=booth.kasir, at=booth.time()
    )
    assert result.total == cart.total == 3 * 250_000 - 10_000 + 2 * 275_000
    assert [(qty, price) for _, qty, price, _ in sold_lines(booth, result)] == [
        (3, 250_000),
        (2, 275_000),
    ]
    assert len(result.warnings) == 1  # only the old line's price differs from the catalog
    assert [c["line"] for c in checkout_entry(booth, result)["price_changes"]] == [1]


def test_payment_receipt_day_report_and_settlement_agree_with_what_was_charged(booth):
    cart = Cart()
    scan(booth, cart, "gelang")  # Rp 35.000
    scan(booth, cart, "gelang")
    reprice(booth, "gelang", 40_000)
    due = cart.total  # what the payment dialog opens with
    result = checkout.checkout(
        booth.db, cart.to_cart_lines(), [Tender("cash", due)],
        cashier=booth.kasir, at=booth.time(1, 11),
    )  # fmt: skip
    assert result.total == due == 70_000 and result.change == 0

    fresh = booth.reopen()
    sale = sales.get_sale(fresh, result.receipt_no)
    assert sale.total == 70_000
    assert [(line.unit_price, line.line_total) for line in sale.lines] == [(35_000, 70_000)]

    pdf = render_receipt(sale, get_event(fresh), lang="en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "35.000" in text and "70.000" in text
    assert "40.000" not in text and "80.000" not in text

    day = reports.day_report(fresh, "2024-02-28")
    assert (day.gross, day.net) == (70_000, 70_000)
    assert day.by_method["cash"] == 70_000
    amb = [p for p in reports.settle(fresh).partners if p.code == "AMB01"]
    assert [(p.qty, p.gross, p.net) for p in amb] == [(2, 70_000, 70_000)]


def test_lines_without_a_price_charge_the_catalog_price(booth):
    reprice(booth, "kopi", 90_000)
    result = booth.sell(("kopi", 2))  # CartLine(product, qty): the catalog at commit
    assert result.total == 180_000
    assert result.warnings == ()
    assert sold_lines(booth, result) == [("Kopi Arabika Gayo 250 g", 2, 90_000, 180_000)]


def test_cli_sell_still_charges_the_catalog_price(booth, capsys, monkeypatch, tmp_path):
    from boothpos.cli import main

    monkeypatch.setenv("BOOTHPOS_HOME", str(tmp_path / "home"))
    reprice(booth, "noken", 130_000)
    code = main(
        ["--db", str(booth.path), "sell", "--at", booth.time(1, 12).isoformat(),
         f"{booth.product['noken'].barcode}:2", "--json"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    payload = json.loads(out)
    assert payload["total"] == 260_000
    assert payload["warnings"] == []
    row = booth.reopen().execute("SELECT qty, unit_price, line_total FROM sale_lines").fetchall()
    assert row == [(2, 130_000, 260_000)]


@pytest.mark.parametrize("bad", [-1, -250_000, 1.5, 250_000.0, "250000", True, False])
def test_a_bad_carried_price_is_refused_and_nothing_written(booth, bad):
    before = booth.snapshot()
    with pytest.raises(RefusedInput) as refused:
        checkout.checkout(
            booth.db,
            [CartLine(booth.pid("kopi")), CartLine(booth.pid("kalung"), 1, 0, bad)],
            [Tender("cash", 1_000_000)],
            cashier=booth.kasir,
            at=booth.time(),
        )
    assert isinstance(refused.value, SaleError)
    assert refused.value.exit_code == 2
    assert "Kalung Mutiara Laut" in refused.value.message("en")
    assert str(bad) in refused.value.message("en")
    assert "harga satuan" in refused.value.message("id")
    assert "unit price" in refused.value.message("en")
    assert booth.snapshot() == before


def test_a_free_line_at_price_zero_is_accepted(booth):
    result = checkout.checkout(
        booth.db, [CartLine(booth.pid("kopi"), 1, 0, 0)], [Tender("cash")],
        cashier=booth.kasir, at=booth.time(),
    )  # fmt: skip
    assert result.total == 0
    assert sold_lines(booth, result) == [("Kopi Arabika Gayo 250 g", 1, 0, 0)]
    assert "Rp 0" in result.warnings[0].message("en")
