"""The cart being rung up at the till: lines of product, quantity and line discount.

Qt-free. The sale screen shows it through ``gui.models.cart_model``; checkout
receives it as :class:`~boothpos.core.checkout.CartLine` values. Every change
is validated here and refused with a :class:`SaleError` that leaves the cart
as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from boothpos.core.checkout import BAD_DISCOUNT, BAD_QTY, CartLine
from boothpos.core.errors import Msg, SaleError
from boothpos.core.money import format_rupiah
from boothpos.core.products import Product

MAX_QTY = 9999

QTY_TOO_LARGE = Msg(
    id="jumlah {qty} untuk {name} terlalu besar (paling banyak {limit})",
    en="quantity {qty} of {name} is too large (at most {limit})",
)
NO_LINE = Msg(
    id="tidak ada baris {row} di keranjang",
    en="there is no line {row} in the cart",
)


@dataclass(frozen=True)
class CartItem:
    """One cart line: ``discount`` is rupiah off the whole line."""

    product: Product
    qty: int = 1
    discount: int = 0

    @property
    def gross(self) -> int:
        return self.qty * self.product.price

    @property
    def line_total(self) -> int:
        return self.gross - self.discount


def parse_qty(text: str | int, name: str = "") -> int:
    """A quantity typed by a person: a whole number of 1 or more (at most MAX_QTY)."""
    if isinstance(text, bool):
        raise SaleError(BAD_QTY, qty=text, name=name)
    if isinstance(text, int):
        value = text
    else:
        raw = str(text).strip()
        if not raw.isascii() or not raw.isdigit():
            raise SaleError(BAD_QTY, qty=raw, name=name)
        value = int(raw)
    if value < 1:
        raise SaleError(BAD_QTY, qty=value, name=name)
    if value > MAX_QTY:
        raise SaleError(QTY_TOO_LARGE, qty=value, name=name, limit=MAX_QTY)
    return value


class Cart:
    """An ordered list of :class:`CartItem`; one line per product."""

    def __init__(self) -> None:
        self._items: list[CartItem] = []

    # -- reading ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[CartItem]:
        return iter(self._items)

    def __getitem__(self, index: int) -> CartItem:
        return self._items[index]

    @property
    def items(self) -> tuple[CartItem, ...]:
        return tuple(self._items)

    def is_empty(self) -> bool:
        return not self._items

    def index_of(self, product_id: int) -> int | None:
        for index, item in enumerate(self._items):
            if item.product.id == product_id:
                return index
        return None

    @property
    def total(self) -> int:
        return sum(item.line_total for item in self._items)

    @property
    def gross(self) -> int:
        return sum(item.gross for item in self._items)

    @property
    def discounts(self) -> int:
        return sum(item.discount for item in self._items)

    @property
    def item_count(self) -> int:
        """Pieces in the cart (sum of quantities)."""
        return sum(item.qty for item in self._items)

    def to_cart_lines(self) -> list[CartLine]:
        return [CartLine(i.product.id, i.qty, i.discount) for i in self._items]

    # -- changing ---------------------------------------------------------------------

    def add(self, product: Product, qty: int = 1) -> int:
        """Add ``qty`` of ``product``; the same product again raises the quantity.

        Returns the index of the line that holds the product.
        """
        index = self.index_of(product.id)
        if index is None:
            self._items.append(CartItem(product, parse_qty(qty, product.name)))
            return len(self._items) - 1
        item = self._items[index]
        self._items[index] = CartItem(
            product, parse_qty(item.qty + qty, product.name), item.discount
        )
        return index

    def set_qty(self, index: int, qty: str | int) -> CartItem:
        """Set the quantity of line ``index`` (a whole number ≥ 1); refuse, unchanged, else."""
        item = self._item(index)
        value = parse_qty(qty, item.product.name)
        changed = CartItem(item.product, value, item.discount)
        if item.discount > changed.gross:
            raise SaleError(
                BAD_DISCOUNT,
                discount=format_rupiah(item.discount),
                name=item.product.name,
                limit=format_rupiah(changed.gross),
            )
        self._items[index] = changed
        return changed

    def set_discount(self, index: int, discount: int) -> CartItem:
        """Set the rupiah discount of line ``index`` (0 to the line's gross)."""
        item = self._item(index)
        if isinstance(discount, bool) or not isinstance(discount, int):
            raise SaleError(
                BAD_DISCOUNT, discount=discount, name=item.product.name,
                limit=format_rupiah(item.gross),
            )  # fmt: skip
        if not 0 <= discount <= item.gross:
            shown = format_rupiah(discount)
            raise SaleError(
                BAD_DISCOUNT, discount=shown, name=item.product.name,
                limit=format_rupiah(item.gross),
            )  # fmt: skip
        changed = CartItem(item.product, item.qty, discount)
        self._items[index] = changed
        return changed

    def remove(self, index: int) -> CartItem:
        item = self._item(index)
        del self._items[index]
        return item

    def clear(self) -> None:
        self._items.clear()

    def _item(self, index: int) -> CartItem:
        if not 0 <= index < len(self._items):
            raise SaleError(NO_LINE, row=index + 1)
        return self._items[index]
