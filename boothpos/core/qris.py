"""The booth's QRIS: EMVCo merchant-presented payloads, validated, and the amount in the code.

A QRIS payload is a run of EMVCo tag-length-value fields: a two-digit tag, a
two-digit length (in characters) and the value. Tags 26–51 (merchant account)
and 62 (additional data) are templates holding TLV fields of their own. The
last field is ``63`` ``04`` + CRC-16/CCITT-FALSE over everything before the CRC
value, ``6304`` included: ``binascii.crc_hqx(data, 0xFFFF)``, 4 upper-case hex
digits.

- :func:`parse` reads any payload (CRC checked) into :class:`QrisCode`.
- :func:`validate_static` refuses what the booth must not store as its static
  code: wrong CRC, currency not 360, country not ID, a mandatory tag missing, a
  code that already carries an amount, or one that charges the customer a tip or
  fee (tags 55–57; Bank Indonesia forbids passing the merchant fee on).
- :func:`amount_payload` is the code for one payment: ``01`` = ``12``, tag
  ``54`` = the amount as an integer right after ``53``, every other field
  unchanged and in order, 55–57 never, CRC recomputed.

The static payload is stored per event in the settings table (audited by
:func:`boothpos.core.event.set_setting`).
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from boothpos.core import event
from boothpos.core.db import is_open_database_file, write_transaction
from boothpos.core.errors import Msg, NotFound, RefusedInput

SETTING = "qris.static"
PARTNER_SETTING = "qris.partner."  # + partner code: a partner's own QRIS (paid directly)

STATIC, DYNAMIC = "11", "12"
CURRENCY_IDR = "360"
COUNTRY = "ID"
MERCHANT_TAGS = tuple(f"{n:02d}" for n in range(26, 52))
TEMPLATE_TAGS = frozenset(MERCHANT_TAGS) | {"62"}
FEE_TAGS = ("55", "56", "57")
MANDATORY = ("00", "01", "52", "53", "58", "59", "60", "63")
QRIS_DOMAIN = "ID.CO.QRIS.WWW"
MAX_AMOUNT_DIGITS = 13  # EMVCo: tag 54 is at most 13 characters

TAG_NAMES = {
    "00": "payload format",
    "01": "point of initiation",
    "52": "merchant category (MCC)",
    "53": "currency",
    "54": "amount",
    "55": "tip or convenience fee indicator",
    "56": "fixed convenience fee",
    "57": "percentage convenience fee",
    "58": "country",
    "59": "merchant name",
    "60": "merchant city",
    "61": "postal code",
    "62": "additional data",
    "63": "CRC",
}


class QrisError(RefusedInput):
    """A QRIS payload was refused; the message says why."""


EMPTY = Msg(id="kode QRIS kosong", en="the QRIS code is empty")
TLV_SHORT = Msg(
    id="kode QRIS rusak pada posisi {pos}: field '{head}' tidak lengkap",
    en="the QRIS code is malformed at position {pos}: incomplete field '{head}'",
)
TLV_TAG = Msg(
    id="kode QRIS rusak pada posisi {pos}: tag '{tag}' bukan dua digit",
    en="the QRIS code is malformed at position {pos}: tag '{tag}' is not two digits",
)
TLV_LENGTH = Msg(
    id="kode QRIS rusak pada posisi {pos}: panjang '{length}' tag {tag} bukan dua digit",
    en="the QRIS code is malformed at position {pos}: length '{length}' of tag {tag} "
    "is not two digits",
)
TLV_OVERRUN = Msg(
    id="kode QRIS rusak pada posisi {pos}: tag {tag} sepanjang {length} melewati akhir kode",
    en="the QRIS code is malformed at position {pos}: tag {tag} of length {length} "
    "runs past the end",
)
NO_CRC = Msg(
    id="kode QRIS tidak diakhiri CRC (6304 + 4 digit heksadesimal)",
    en="the QRIS code does not end with its CRC (6304 + 4 hex digits)",
)
BAD_CRC = Msg(
    id="CRC kode QRIS salah: tertulis {found}, seharusnya {expected} "
    "(kode salah pindai atau diubah)",
    en="the QRIS code's CRC is wrong: it says {found}, it should be {expected} "
    "(mis-scanned or altered code)",
)
DUPLICATE_TAG = Msg(
    id="tag {tag} muncul dua kali dalam kode QRIS", en="tag {tag} appears twice in the QRIS code"
)
MISSING_TAG = Msg(
    id="tag wajib {tag} ({name}) tidak ada dalam kode QRIS",
    en="the mandatory tag {tag} ({name}) is missing from the QRIS code",
)
NO_MERCHANT = Msg(
    id="kode QRIS tidak memuat informasi akun merchant (tag 26–51)",
    en="the QRIS code has no merchant account information (tags 26–51)",
)
ALREADY_DYNAMIC = Msg(
    id="kode QRIS ini sudah memuat nominal (kode dinamis); pindai kode QRIS statis booth",
    en="this QRIS code already carries an amount (dynamic code); scan the booth's static code",
)
BAD_INITIATION = Msg(
    id="tag 01 bernilai '{value}'; kode QRIS statis harus 11",
    en="tag 01 is '{value}'; a static QRIS code has 11",
)
BAD_CURRENCY = Msg(
    id="mata uang kode QRIS '{value}' bukan rupiah (360)",
    en="the QRIS code's currency '{value}' is not rupiah (360)",
)
BAD_COUNTRY = Msg(
    id="negara kode QRIS '{value}' bukan Indonesia (ID)",
    en="the QRIS code's country '{value}' is not Indonesia (ID)",
)
FEE_TAG = Msg(
    id="kode QRIS memuat tag {tag} (tip/biaya layanan); Bank Indonesia melarang biaya "
    "merchant dibebankan ke pembeli",
    en="the QRIS code carries tag {tag} (tip/convenience fee); Bank Indonesia forbids "
    "charging the merchant fee to the customer",
)
BAD_AMOUNT = Msg(
    id="nominal QRIS {amount} tidak bisa dipakai: harus rupiah bulat di atas 0 "
    "(paling banyak 13 digit)",
    en="the QRIS amount {amount} cannot be used: it must be whole rupiah above 0 "
    "(at most 13 digits)",
)
NOT_SET = Msg(
    id="QRIS booth belum diatur; jalankan 'boothpos qris set PAYLOAD' atau atur di Pengaturan",
    en="the booth's QRIS is not set; run 'boothpos qris set PAYLOAD' or set it in Settings",
)
PARTNER_NOT_SET = Msg(
    id="QRIS mitra {code} belum diatur; jalankan 'boothpos qris set --partner {code} PAYLOAD'",
    en="partner {code}'s QRIS is not set; run 'boothpos qris set --partner {code} PAYLOAD'",
)
NO_IMAGE = Msg(
    id="file gambar '{path}' tidak ditemukan", en="the image file '{path}' does not exist"
)
BAD_IMAGE = Msg(
    id="file '{path}' bukan gambar yang bisa dibaca ({reason})",
    en="the file '{path}' is not a readable image ({reason})",
)
NO_QR_IN_IMAGE = Msg(
    id="tidak ada kode QR yang terbaca pada gambar '{path}'",
    en="no QR code could be read in the image '{path}'",
)


# -- TLV ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    tag: str
    value: str

    def encode(self) -> str:
        return f"{self.tag}{len(self.value):02d}{self.value}"


def parse_tlv(text: str, *, offset: int = 0) -> list[Field]:
    """The fields of ``text`` in order; :class:`QrisError` naming the position when malformed.

    ``offset`` only shifts the positions in messages (for a template's value).
    """
    fields: list[Field] = []
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        where = offset + pos + 1
        if len(head) < 4:
            raise QrisError(TLV_SHORT, pos=where, head=head)
        tag, length = head[:2], head[2:]
        if not (tag.isascii() and tag.isdigit()):
            raise QrisError(TLV_TAG, pos=where, tag=tag)
        if not (length.isascii() and length.isdigit()):
            raise QrisError(TLV_LENGTH, pos=where, length=length, tag=tag)
        end = pos + 4 + int(length)
        if end > len(text):
            raise QrisError(TLV_OVERRUN, pos=where, tag=tag, length=length)
        fields.append(Field(tag, text[pos + 4 : end]))
        pos = end
    return fields


def encode(fields: list[Field] | tuple[Field, ...]) -> str:
    return "".join(f.encode() for f in fields)


def crc(data: str) -> str:
    """CRC-16/CCITT-FALSE of ``data`` (UTF-8) as 4 upper-case hex digits."""
    return format(binascii.crc_hqx(data.encode("utf-8"), 0xFFFF), "04X")


def with_crc(fields_before_crc: list[Field]) -> str:
    """The payload of ``fields_before_crc`` with ``6304`` + its CRC appended."""
    body = encode(fields_before_crc) + "6304"
    return body + crc(body)


@dataclass(frozen=True)
class QrisCode:
    """A parsed payload whose CRC was checked."""

    payload: str
    fields: tuple[Field, ...]

    def get(self, tag: str, default: str | None = None) -> str | None:
        for f in self.fields:
            if f.tag == tag:
                return f.value
        return default

    def tags(self) -> list[str]:
        return [f.tag for f in self.fields]

    def template(self, tag: str) -> list[Field]:
        """The sub-fields of a template tag (26–51, 62); [] when absent."""
        value = self.get(tag)
        return parse_tlv(value) if value else []

    @property
    def merchant_accounts(self) -> dict[str, dict[str, str]]:
        """Tag 26–51 → its sub-fields (``00`` the domain/GUID, ``01``/``02`` IDs, ``03``)."""
        return {
            f.tag: {sub.tag: sub.value for sub in parse_tlv(f.value)}
            for f in self.fields
            if f.tag in MERCHANT_TAGS
        }

    @property
    def dynamic(self) -> bool:
        return self.get("01") == DYNAMIC or self.get("54") is not None

    @property
    def amount(self) -> int | None:
        value = self.get("54")
        return int(value) if value and value.isdigit() else None

    @property
    def merchant_name(self) -> str:
        return self.get("59") or ""

    @property
    def merchant_city(self) -> str:
        return self.get("60") or ""

    @property
    def nmid(self) -> str:
        """The national merchant ID (``ID.CO.QRIS.WWW`` template, sub-field 02)."""
        for sub in self.merchant_accounts.values():
            if sub.get("00", "").upper() == QRIS_DOMAIN:
                return sub.get("02", "")
        return ""

    def to_json(self) -> dict:
        return {
            "payload": self.payload,
            "merchant_name": self.merchant_name,
            "merchant_city": self.merchant_city,
            "nmid": self.nmid,
            "mcc": self.get("52") or "",
            "static": not self.dynamic,
            "amount": self.amount,
            "fields": [
                {
                    "tag": f.tag,
                    "name": TAG_NAMES.get(
                        f.tag, "merchant account" if f.tag in MERCHANT_TAGS else ""
                    ),
                    "value": f.value,
                    **(
                        {"fields": [{"tag": s.tag, "value": s.value} for s in parse_tlv(f.value)]}
                        if f.tag in TEMPLATE_TAGS
                        else {}
                    ),
                }
                for f in self.fields
            ],
        }


def _tag_name(tag: str) -> str:
    return TAG_NAMES.get(tag, "merchant account" if tag in MERCHANT_TAGS else "")


def parse(text: str) -> QrisCode:
    """Parse and CRC-check any QRIS payload (static or dynamic); refuse a malformed one."""
    payload = text.strip()
    if not payload:
        raise QrisError(EMPTY)
    fields = parse_tlv(payload)
    last = fields[-1]
    if last.tag != "63" or len(last.value) != 4 or not payload.endswith("6304" + last.value):
        raise QrisError(NO_CRC)
    expected = crc(payload[:-4])
    if last.value.upper() != expected:
        raise QrisError(BAD_CRC, found=last.value, expected=expected)
    seen: set[str] = set()
    for f in fields:
        if f.tag in seen:
            raise QrisError(DUPLICATE_TAG, tag=f.tag)
        seen.add(f.tag)
    pos = 0
    for f in fields:
        if f.tag in TEMPLATE_TAGS:
            parse_tlv(f.value, offset=pos + 4)
        pos += len(f.encode())
    return QrisCode(payload, tuple(fields))


def validate_static(text: str) -> QrisCode:
    """The booth's static QRIS, or :class:`QrisError` with the reason it cannot be used."""
    code = parse(text)
    if code.dynamic:
        raise QrisError(ALREADY_DYNAMIC)
    for tag in MANDATORY:
        if code.get(tag) is None:
            raise QrisError(MISSING_TAG, tag=tag, name=TAG_NAMES.get(tag, tag))
    if not code.merchant_accounts:
        raise QrisError(NO_MERCHANT)
    if code.get("01") != STATIC:
        raise QrisError(BAD_INITIATION, value=code.get("01"))
    if code.get("53") != CURRENCY_IDR:
        raise QrisError(BAD_CURRENCY, value=code.get("53"))
    if code.get("58") != COUNTRY:
        raise QrisError(BAD_COUNTRY, value=code.get("58"))
    for tag in FEE_TAGS:
        if code.get(tag) is not None:
            raise QrisError(FEE_TAG, tag=tag)
    return code


def amount_payload(static: str | QrisCode, amount: int) -> str:
    """The payload asking for ``amount`` rupiah: 01 → 12, 54 after 53, CRC recomputed."""
    code = validate_static(static.payload if isinstance(static, QrisCode) else static)
    if (
        not isinstance(amount, int)
        or isinstance(amount, bool)
        or amount <= 0
        or len(str(amount)) > MAX_AMOUNT_DIGITS
    ):
        raise QrisError(BAD_AMOUNT, amount=amount)
    out: list[Field] = []
    for f in code.fields:
        if f.tag == "63" or f.tag in FEE_TAGS:
            continue
        out.append(Field("01", DYNAMIC) if f.tag == "01" else f)
        if f.tag == "53":
            out.append(Field("54", str(amount)))
    return with_crc(out)


# -- images -------------------------------------------------------------------------------


def decode_image(path: str | Path) -> str:
    """The text of the (first) QR code in a photo or PNG of the sticker (zxing-cpp)."""
    import zxingcpp
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise QrisError(NO_IMAGE, path=str(path))
    if is_open_database_file(path):  # a plain open of a live database drops SQLite's locks
        raise QrisError(BAD_IMAGE, path=path.name, reason="database")
    try:
        with Image.open(path) as img:
            image = ImageOps.exif_transpose(img).convert("L")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise QrisError(BAD_IMAGE, path=path.name, reason=type(exc).__name__) from None
    for candidate in (image, ImageOps.autocontrast(image)):
        found = zxingcpp.read_barcodes(candidate, formats=zxingcpp.BarcodeFormat.QRCode)
        if found:
            return found[0].text
    raise QrisError(NO_QR_IN_IMAGE, path=path.name)


# -- storage ------------------------------------------------------------------------------


def stored(db: Database) -> QrisCode | None:
    """The booth's static QRIS of this event, or None when nobody has set it yet."""
    payload = event.get_setting(db, SETTING)
    return validate_static(payload) if payload else None


def require(db: Database) -> QrisCode:
    code = stored(db)
    if code is None:
        raise NotFound(NOT_SET)
    return code


def set_static(db: Database, payload: str, *, user_id: int | None = None) -> QrisCode:
    """Validate and store the booth's static QRIS (audited as a setting change)."""
    code = validate_static(payload)
    with write_transaction(db):
        event.set_setting(db, SETTING, code.payload, user_id=user_id)
    return code


def booth_amount_payload(db: Database, amount: int) -> str:
    return amount_payload(require(db), amount)


# A partner paid directly (not through the booth) may have a QRIS of its own. It is
# stored and turned into amount codes like the booth's; the till's payment dialog
# still shows the booth's code (which sale a partner's code is for is not decided yet).


def _partner_key(db: Database, partner_code: str) -> tuple[str, str]:
    from boothpos.core.products import partner_by_code  # raises NotFound for a stranger

    code = partner_by_code(db, partner_code).code
    return code, PARTNER_SETTING + code


def set_partner_static(
    db: Database, partner_code: str, payload: str, *, user_id: int | None = None
) -> QrisCode:
    """Validate and store a partner's own static QRIS (audited as a setting change)."""
    qris_code = validate_static(payload)
    _code, key = _partner_key(db, partner_code)
    with write_transaction(db):
        event.set_setting(db, key, qris_code.payload, user_id=user_id)
    return qris_code


def require_partner(db: Database, partner_code: str) -> QrisCode:
    code, key = _partner_key(db, partner_code)
    payload = event.get_setting(db, key)
    if not payload:
        raise NotFound(PARTNER_NOT_SET, code=code)
    return validate_static(payload)


def booth_code(db: Database) -> QrisCode | None:
    """For the payment screen: the stored code, or None when none usable is stored.

    A stored payload is validated when it is set; should it no longer pass (a
    newer rule), the till shows the printed sticker rather than refuse to sell.
    """
    try:
        return stored(db)
    except QrisError:
        return None
