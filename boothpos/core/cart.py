"""The cart being rung up at the till: lines of product, unit price, quantity and discount.

Qt-free. The sale screen shows it through ``gui.models.cart_model``; checkout
receives it as :class:`~boothpos.core.checkout.CartLine` values. Every change
is validated here and refused with a :class:`SaleError` that leaves the cart
as it was.

The price the cashier sees is the price the customer pays: each line carries
the unit price of the product as it was scanned, shows it, totals with it and
hands it to checkout, which charges it even if a supervisor changed the
catalog price in between (the sale then carries a warning, see
:data:`~boothpos.core.checkout.PRICE_CHANGED`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from boothpos.core import bounds
from boothpos.core.checkout import BAD_DISCOUNT, BAD_QTY, CartLine
from boothpos.core.errors import Msg, SaleError
from boothpos.core.money import format_rupiah
from boothpos.core.products import Product

MAX_QTY = bounds.MAX_SALE_QTY  # the one set of bounds (core.bounds)

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
    """One cart line: ``discount`` is rupiah off the whole line.

    ``unit_price`` is the price the line shows and charges; left out, it is
    ``product.price`` (the product as scanned).
    """

    product: Product
    qty: int = 1
    discount: int = 0
    unit_price: int | None = None

    def __post_init__(self) -> None:
        if self.unit_price is None:
            object.__setattr__(self, "unit_price", self.product.price)

    @property
    def price(self) -> int:
        """The unit price of this line (what the screen shows and checkout charges)."""
        return self.unit_price  # type: ignore[return-value] - set by __post_init__

    @property
    def gross(self) -> int:
        return self.qty * self.price

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
    """An ordered list of :class:`CartItem`; one line per product and unit price."""

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

    def line_for(self, product: Product) -> int | None:
        """The line a scan of ``product`` adds to: same product at the same unit price."""
        for index, item in enumerate(self._items):
            if item.product.id == product.id and item.price == product.price:
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
        """The lines for checkout, each with the unit price it showed."""
        return [CartLine(i.product.id, i.qty, i.discount, i.price) for i in self._items]

    # -- changing ---------------------------------------------------------------------

    def add(self, product: Product, qty: int = 1) -> int:
        """Add ``qty`` of ``product`` at ``product.price`` (its price as just looked up).

        The same product at the same price again raises that line's quantity.
        If the price changed since the product's line was started (a supervisor
        edited it, a catalog was re-imported), the scan starts a **new line at
        the new price** and the old line keeps its old price: every line's
        price is then one the screen showed and a single price for the whole
        line, so neither the earlier pieces are silently repriced under the
        cashier's hands nor the new piece sold at a price that no longer holds.
        Checkout warns about the old line (its catalog price changed).

        Returns the index of the line that holds the product.
        """
        index = self.line_for(product)
        if index is None:
            self._items.append(CartItem(product, parse_qty(qty, product.name)))
            return len(self._items) - 1
        item = self._items[index]
        self._items[index] = CartItem(
            product, parse_qty(item.qty + qty, product.name), item.discount, item.price
        )
        return index

    def set_qty(self, index: int, qty: str | int) -> CartItem:
        """Set the quantity of line ``index`` (a whole number ≥ 1); refuse, unchanged, else."""
        item = self._item(index)
        value = parse_qty(qty, item.product.name)
        changed = CartItem(item.product, value, item.discount, item.price)
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
        changed = CartItem(item.product, item.qty, discount, item.price)
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
