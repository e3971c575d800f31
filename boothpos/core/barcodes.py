"""EAN-13 / EAN-8 / UPC-A: check digits, scanner normalisation, internal codes.

No barcode library rejects a wrong check digit, so we check it here. Products
without a manufacturer code get an internal EAN-13 from the GS1
restricted-circulation range (first digit 2, prefixes 20–29).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from boothpos.core.errors import BarcodeError, Msg

NOT_DIGITS = Msg(
    id="barcode '{code}' harus berisi angka saja",
    en="barcode '{code}' must contain digits only",
)
BAD_LENGTH = Msg(
    id="barcode '{code}' harus 8, 12 atau 13 angka (EAN-8, UPC-A, EAN-13), bukan {length}",
    en="barcode '{code}' must have 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13), not {length}",
)
BAD_CHECK = Msg(
    id="barcode '{code}' salah angka pemeriksa: seharusnya {expected}, tertulis {found}",
    en="barcode '{code}' has a wrong check digit: it should be {expected}, it is {found}",
)

INTERNAL_PREFIX = "20"  # GS1 restricted circulation: 20–29; we use 20 for booth items
# A partner's sign-in card (Code 128, ``boothpos.core.partner_access``) scans as this + code.
PARTNER_CARD_PREFIX = "MITRA-"


def check_digit(payload: str) -> int:
    """GS1 mod-10 check digit for the digits before it (any GTIN length)."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid(code: str) -> bool:
    try:
        validate(code)
    except BarcodeError:
        return False
    return True


def validate(code: str) -> str:
    """Return ``code`` if it is a valid EAN-13, EAN-8 or UPC-A, else raise BarcodeError."""
    if not code.isdigit() or not code.isascii():
        raise BarcodeError(NOT_DIGITS, code=code)
    if len(code) not in (8, 12, 13):
        raise BarcodeError(BAD_LENGTH, code=code, length=len(code))
    expected = check_digit(code[:-1])
    if int(code[-1]) != expected:
        raise BarcodeError(BAD_CHECK, code=code, expected=expected, found=code[-1])
    return code


def normalise(raw: str) -> str:
    """Normalise what a scanner or a person typed into the stored form.

    Trims whitespace and control characters; a 12-digit UPC-A becomes its
    13-digit EAN-13 (leading zero), so both scan to the same product. Does
    not validate: an unknown code is simply not found.
    """
    code = "".join(ch for ch in str(raw).strip() if ch.isprintable() and not ch.isspace())
    if len(code) == 12 and code.isdigit():
        code = "0" + code
    return code


def lookup_forms(raw: str) -> tuple[str, ...]:
    """Every stored form a scanned code may match (EAN-13 with/without UPC zero)."""
    code = normalise(raw)
    forms = [code]
    if len(code) == 13 and code.startswith("0"):
        forms.append(code[1:])
    return tuple(forms)


def kind(code: str) -> str:
    """ "EAN13", "EAN8" or "UPCA" for a valid stored code."""
    validate(code)
    return {13: "EAN13", 8: "EAN8", 12: "UPCA"}[len(code)]


def internal_code(serial: int, prefix: str = INTERNAL_PREFIX) -> str:
    """The internal EAN-13 for ``serial``: prefix (20–29) + zero-padded serial + check."""
    if not (len(prefix) == 2 and prefix.isdigit() and prefix[0] == "2"):
        raise ValueError("internal prefix must be 20–29")
    width = 12 - len(prefix)
    if not 0 < serial < 10**width:
        raise ValueError(f"serial out of range: {serial}")
    payload = f"{prefix}{serial:0{width}d}"
    return payload + str(check_digit(payload))


def next_internal_codes(
    count: int, taken: Iterable[str] | Callable[[str], bool], prefix: str = INTERNAL_PREFIX
) -> list[str]:
    """``count`` new internal EAN-13 codes, none in ``taken``, in serial order.

    ``taken`` is a collection of codes already used, or a predicate.
    """
    is_taken = taken if callable(taken) else set(taken).__contains__
    codes: list[str] = []
    serial = 1
    while len(codes) < count:
        code = internal_code(serial, prefix)
        if not is_taken(code):
            codes.append(code)
        serial += 1
    return codes
