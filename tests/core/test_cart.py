"""The till's cart (Qt-free): lines, merging, validation that leaves the cart unchanged."""

from __future__ import annotations

import pytest

from boothpos.core.cart import MAX_QTY, Cart, CartItem, parse_qty
from boothpos.core.checkout import CartLine
from boothpos.core.errors import SaleError
from boothpos.core.products import Partner, Product

AMB = Partner(id=1, code="AMB01", name="Mutiara Ambon Lestari", region="Kota Ambon, Maluku")
JPR = Partner(id=2, code="JPR01", name="Noken Mama Papua", region="Jayapura, Papua")
KALUNG = Product(1, "8990000000013", "Kalung Mutiara Laut", "Perhiasan", 250_000, 10, AMB)
NOKEN = Product(2, "8990000000037", "Noken Anyaman Kecil", "Tas", 125_000, 5, JPR)


def test_add_merges_the_same_product():
    cart = Cart()
    assert cart.add(KALUNG) == 0
    assert cart.add(NOKEN) == 1
    assert cart.add(KALUNG) == 0
    assert [(i.product.id, i.qty) for i in cart] == [(1, 2), (2, 1)]
    assert cart.total == 625_000
    assert cart.item_count == 3
    assert len(cart) == 2


def test_to_cart_lines_for_checkout():
    cart = Cart()
    cart.add(KALUNG, 2)
    cart.add(NOKEN)
    cart.set_discount(0, 50_000)
    assert cart.to_cart_lines() == [CartLine(1, 2, 50_000, 250_000), CartLine(2, 1, 0, 125_000)]
    assert cart.gross == 625_000
    assert cart.discounts == 50_000
    assert cart.total == 575_000


@pytest.mark.parametrize("bad", [0, -1, "0", "abc", "1.5", "", " ", True, MAX_QTY + 1, "٣"])
def test_set_qty_refuses_and_leaves_the_cart_unchanged(bad):
    cart = Cart()
    cart.add(KALUNG)
    with pytest.raises(SaleError) as refused:
        cart.set_qty(0, bad)
    assert "Kalung Mutiara Laut" in refused.value.message("en")
    assert cart[0] == CartItem(KALUNG, 1, 0)


def test_set_qty_accepts_typed_whole_numbers():
    cart = Cart()
    cart.add(NOKEN)
    assert cart.set_qty(0, " 3 ").qty == 3
    assert cart.set_qty(0, 7).qty == 7
    assert parse_qty("12") == 12


def test_discount_between_zero_and_the_line_gross():
    cart = Cart()
    cart.add(NOKEN, 2)  # gross 250.000
    assert cart.set_discount(0, 250_000).line_total == 0
    for bad in (-1, 250_001, "5000", 1.0, True):
        with pytest.raises(SaleError) as refused:
            cart.set_discount(0, bad)
        assert "Rp 250.000" in refused.value.message("en")
    assert cart[0].discount == 250_000


def test_lowering_qty_below_the_discount_is_refused():
    cart = Cart()
    cart.add(NOKEN, 2)
    cart.set_discount(0, 200_000)
    with pytest.raises(SaleError):
        cart.set_qty(0, 1)  # gross 125.000 < discount 200.000
    assert cart[0].qty == 2


def test_remove_and_clear():
    cart = Cart()
    cart.add(KALUNG)
    cart.add(NOKEN)
    assert cart.remove(0).product == KALUNG
    assert [i.product for i in cart] == [NOKEN]
    assert cart.add(KALUNG) == 1
    with pytest.raises(SaleError):
        cart.remove(5)
    cart.clear()
    assert cart.is_empty() and cart.total == 0


def test_adding_beyond_the_maximum_quantity_is_refused():
    cart = Cart()
    cart.add(KALUNG, MAX_QTY)
    with pytest.raises(SaleError):
        cart.add(KALUNG)
    assert cart[0].qty == MAX_QTY
