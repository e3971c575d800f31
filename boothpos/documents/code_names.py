"""What the documents call the stored codes: one table per code, keyed by the enums.

The screens have their own table (``gui.labels``); the command line prints the
codes themselves. A code missing here prints as stored, never fails a document.
"""

from __future__ import annotations

from boothpos.core.codes import Method
from boothpos.core.errors import Msg

METHOD_NAMES: dict[Method, Msg] = {
    Method.CASH: Msg(id="Tunai", en="Cash"),
    Method.QRIS: Msg(id="QRIS", en="QRIS"),
    Method.DEBIT: Msg(id="Kartu Debit", en="Debit card"),
    Method.CREDIT: Msg(id="Kartu Kredit", en="Credit card"),
    Method.TRANSFER: Msg(id="Transfer Bank", en="Bank transfer"),
}


def method_name(method: str, lang: str = "id") -> str:
    """``cash`` → ``Tunai`` (``Cash`` in English); an unknown method shows as stored."""
    msg = METHOD_NAMES.get(method)  # a StrEnum member hashes as its string
    return msg.render(lang) if msg else method
