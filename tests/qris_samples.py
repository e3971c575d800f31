"""Static QRIS payloads for the tests: a realistic one built here, and published samples.

``static_payload()`` builds what a bank's QRIS sticker carries: a merchant
account template 26 with an ``ID.CO.*`` GUID, 51 with ``ID.CO.QRIS.WWW`` and the
NMID, MCC, currency 360, country ID, name, city, postal code, additional data,
and the CRC computed over everything up to ``6304``.
"""

from __future__ import annotations

from boothpos.core.qris import Field, crc, encode, with_crc


def tlv(tag: str, value: str) -> str:
    return Field(tag, value).encode()


def static_fields(
    *,
    name: str = "BOOTH PLN INACRAFT",
    city: str = "JAKARTA PUSAT",
    mcc: str = "5999",
    nmid: str = "ID1024318765432",
    merchant_pan: str = "936000091234567890",
    postal: str = "10270",
    extra: dict[str, str] | None = None,
) -> list[Field]:
    fields = [
        Field("00", "01"),
        Field("01", "11"),
        Field(
            "26",
            tlv("00", "ID.CO.BANKMANDIRI.WWW")
            + tlv("01", merchant_pan)
            + tlv("02", "000071234567")
            + tlv("03", "UMI"),
        ),
        Field("51", tlv("00", "ID.CO.QRIS.WWW") + tlv("02", nmid) + tlv("03", "UMI")),
        Field("52", mcc),
        Field("53", "360"),
        Field("58", "ID"),
        Field("59", name),
        Field("60", city),
        Field("61", postal),
        Field("62", tlv("07", "T1")),
    ]
    for tag, value in (extra or {}).items():
        fields.append(Field(tag, value))
    return fields


def static_payload(**kwargs) -> str:
    return with_crc(static_fields(**kwargs))


def rebuilt(fields: list[Field]) -> str:
    """``fields`` (without 63) with a correct CRC."""
    return with_crc(fields)


def wrong_crc(payload: str) -> str:
    body = payload[:-4]
    good = crc(body)
    bad = format((int(good, 16) + 1) % 0x10000, "04X")
    return body + bad


# Published sample strings found in public repositories (checked: their CRCs are right).
# A static code from a NOBU Bank sticker, quoted in a dynamic-QRIS guide:
PUBLISHED_STATIC = (
    "00020101021126670016COM.NOBUBANK.WWW01189360050300000879140214703239147837910303UMI"
    "51440014ID.CO.QRIS.WWW0215ID20232709941630303UMI5204481253033605802ID5923GRANOOL STORE "
    "OK12295776006KEDIRI61056421262070703A0163047127"
)
# A dynamic code (01 = 12, amount 144000) from the README of sunary/qris:
PUBLISHED_DYNAMIC = (
    "00020101021226380016ID.CO.SHOPEE.WWW010201020815863724530336054061440005802ID5921PT. "
    "SHOPPEE INDONESIA6007JAKARTA62180814gen by go-qris63049635"
)

__all__ = ["encode", "static_fields", "static_payload", "rebuilt", "wrong_crc", "tlv"]
