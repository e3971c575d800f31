"""QRIS payloads: the TLV parser, the refusals, the amount payload, storage per event."""

from __future__ import annotations

import binascii

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qris_samples import (
    PUBLISHED_DYNAMIC,
    PUBLISHED_STATIC,
    rebuilt,
    static_fields,
    static_payload,
    tlv,
    wrong_crc,
)

from boothpos.core import audit, event, qris
from boothpos.core.errors import NotFound
from boothpos.core.qris import Field, QrisError

pytestmark = pytest.mark.usefixtures("english")  # messages compared in English


def static_again(amount_code: str) -> str:
    """Undo the amount: drop tag 54, set 01 back to 11, recompute the CRC."""
    fields = [f for f in qris.parse(amount_code).fields if f.tag not in ("54", "63")]
    fields = [Field("01", "11") if f.tag == "01" else f for f in fields]
    return rebuilt(fields)


def test_parse_reads_the_fields_and_templates_of_a_built_static_code():
    payload = static_payload()
    code = qris.validate_static(payload)
    assert code.tags() == ["00", "01", "26", "51", "52", "53", "58", "59", "60", "61", "62", "63"]
    assert code.merchant_name == "BOOTH PLN INACRAFT"
    assert code.merchant_city == "JAKARTA PUSAT"
    assert code.nmid == "ID1024318765432"
    assert code.merchant_accounts["26"]["00"] == "ID.CO.BANKMANDIRI.WWW"
    assert code.template("62") == [Field("07", "T1")]
    assert payload[-4:] == format(binascii.crc_hqx(payload[:-4].encode(), 0xFFFF), "04X")
    assert not code.dynamic and code.amount is None


def test_published_static_sample_is_accepted_and_read():
    code = qris.validate_static(PUBLISHED_STATIC)
    assert code.merchant_name == "GRANOOL STORE OK1229577"
    assert code.merchant_city == "KEDIRI"
    assert code.nmid == "ID2023270994163"
    assert code.merchant_accounts["26"]["00"] == "COM.NOBUBANK.WWW"


def test_amount_payload_of_the_published_sample():
    out = qris.amount_payload(PUBLISHED_STATIC, 125_000)
    code = qris.parse(out)
    assert code.get("01") == "12" and code.get("54") == "125000"
    assert code.tags().index("54") == code.tags().index("53") + 1
    assert static_again(out) == PUBLISHED_STATIC


def test_amount_payload_sets_01_adds_54_after_53_and_keeps_every_other_field():
    static = qris.validate_static(static_payload())
    out = qris.parse(qris.amount_payload(static.payload, 1_250_000))
    assert out.get("01") == "12"
    assert out.get("54") == "1250000"
    assert out.tags() == [
        "00",
        "01",
        "26",
        "51",
        "52",
        "53",
        "54",
        "58",
        "59",
        "60",
        "61",
        "62",
        "63",
    ]
    kept = [f for f in out.fields if f.tag not in ("01", "54", "63")]
    assert kept == [f for f in static.fields if f.tag not in ("01", "63")]
    assert not {"55", "56", "57"} & set(out.tags())
    body = out.payload[:-4]
    assert body.endswith("6304")
    assert out.payload[-4:] == format(binascii.crc_hqx(body.encode(), 0xFFFF), "04X")


@pytest.mark.parametrize("amount", [0, -5, 10**13, "125000", 12.5, True])
def test_amount_payload_refuses_amounts_that_are_not_positive_whole_rupiah(amount):
    with pytest.raises(QrisError):
        qris.amount_payload(static_payload(), amount)


def test_refused_wrong_crc():
    with pytest.raises(QrisError) as refused:
        qris.validate_static(wrong_crc(static_payload()))
    assert "CRC" in refused.value.message("en")


def test_refused_no_crc_at_the_end():
    payload = static_payload()
    with pytest.raises(QrisError, match="CRC"):
        qris.validate_static(payload[:-8])


def test_refused_currency_not_rupiah():
    fields = [Field("53", "840") if f.tag == "53" else f for f in static_fields()]
    with pytest.raises(QrisError) as refused:
        qris.validate_static(rebuilt(fields))
    assert "'840' is not rupiah (360)" in refused.value.message("en")


def test_refused_country_not_indonesia():
    fields = [Field("58", "MY") if f.tag == "58" else f for f in static_fields()]
    with pytest.raises(QrisError) as refused:
        qris.validate_static(rebuilt(fields))
    assert "'MY' is not Indonesia (ID)" in refused.value.message("en")


def test_refused_missing_merchant_account():
    fields = [f for f in static_fields() if f.tag not in ("26", "51")]
    with pytest.raises(QrisError) as refused:
        qris.validate_static(rebuilt(fields))
    assert "merchant account" in refused.value.message("en")


@pytest.mark.parametrize("tag", ["00", "01", "52", "53", "58", "59", "60"])
def test_refused_missing_mandatory_tag(tag):
    fields = [f for f in static_fields() if f.tag != tag]
    with pytest.raises(QrisError) as refused:
        qris.validate_static(rebuilt(fields))
    assert f"mandatory tag {tag}" in refused.value.message("en")


def test_refused_already_dynamic_by_01_or_by_amount():
    dynamic = qris.amount_payload(static_payload(), 50_000)
    with pytest.raises(QrisError) as refused:
        qris.validate_static(dynamic)
    assert "already carries an amount" in refused.value.message("en")
    with_54 = static_fields()
    with_54.insert(6, Field("54", "1000"))  # 01 still 11, but an amount
    with pytest.raises(QrisError, match="already carries an amount"):
        qris.validate_static(rebuilt(with_54))
    with pytest.raises(QrisError, match="already carries an amount"):
        qris.validate_static(PUBLISHED_DYNAMIC)
    assert qris.parse(PUBLISHED_DYNAMIC).amount == 144_000


@pytest.mark.parametrize("tag", ["55", "56", "57"])
def test_refused_tip_or_fee_tags(tag):
    fields = static_fields()
    fields.insert(6, Field(tag, "01" if tag == "55" else "1000"))
    with pytest.raises(QrisError) as refused:
        qris.validate_static(rebuilt(fields))
    assert f"tag {tag}" in refused.value.message("en")


@pytest.mark.parametrize(
    "text",
    ["000201010211X", "0002010102", "00020101021126990012ID.CO.QRIS", "", "   "],
)
def test_refused_malformed_tlv(text):
    with pytest.raises(QrisError):
        qris.parse(text)


def test_refused_malformed_template_names_the_position():
    fields = [Field("26", "00ZZ") if f.tag == "26" else f for f in static_fields()]
    with pytest.raises(QrisError) as refused:
        qris.parse(rebuilt(fields))
    assert "position" in refused.value.message("en")


def test_refused_messages_are_in_indonesian_too():
    with pytest.raises(QrisError) as refused:
        qris.validate_static(wrong_crc(static_payload()))
    assert "CRC kode QRIS salah" in refused.value.message("id")


def test_scanner_whitespace_is_trimmed():
    payload = static_payload()
    assert qris.validate_static(f"  {payload}\r\n").payload == payload


# -- property -----------------------------------------------------------------------------

_text = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=25
)


@st.composite
def static_codes(draw) -> str:
    fields = static_fields(
        name=draw(_text),
        city=draw(_text.filter(lambda s: len(s) <= 15)),
        mcc=draw(st.from_regex(r"\A[0-9]{4}\Z")),
        nmid="ID" + draw(st.from_regex(r"\A[0-9]{13}\Z")),
        merchant_pan=draw(st.from_regex(r"\A[0-9]{16,19}\Z")),
        postal=draw(st.from_regex(r"\A[0-9]{5}\Z")),
    )
    if draw(st.booleans()):
        fields = [f for f in fields if f.tag not in ("61", "62")]
    if draw(st.booleans()):
        fields = [f for f in fields if f.tag != "26"]
    if draw(st.booleans()):  # a bank template tag other than 26
        tag = draw(st.sampled_from(["27", "40", "50"]))
        fields.insert(3, Field(tag, tlv("00", "ID.CO.BANK.WWW") + tlv("01", "9360001")))
    return rebuilt(fields)


@settings(max_examples=150, deadline=None)
@given(static_codes(), st.integers(min_value=1, max_value=10**13 - 1))
def test_property_amount_payload_round_trips_to_the_static_code(static, amount):
    assert qris.validate_static(static).payload == static
    out = qris.amount_payload(static, amount)
    code = qris.parse(out)  # parses and its CRC is valid
    assert code.get("01") == "12"
    assert code.amount == amount
    assert not {"55", "56", "57"} & set(code.tags())
    assert code.tags().index("54") == code.tags().index("53") + 1
    assert static_again(out) == static


# -- storage ------------------------------------------------------------------------------


def test_stored_per_event_and_audited(booth):
    assert qris.stored(booth.db) is None
    with pytest.raises(NotFound):
        qris.require(booth.db)
    payload = static_payload()
    qris.set_static(booth.db, payload, user_id=booth.admin.id)
    fresh = booth.reopen()
    assert event.get_setting(fresh, qris.SETTING) == payload
    assert qris.require(fresh).nmid == "ID1024318765432"
    (entry,) = [e for e in audit.entries(fresh, action="setting.change")
                if e["entity_id"] == qris.SETTING]  # fmt: skip
    assert entry["user_id"] == booth.admin.id
    code = qris.parse(qris.booth_amount_payload(fresh, 85_000))
    assert code.amount == 85_000


def test_a_refused_payload_changes_nothing(booth):
    before = booth.snapshot()
    with pytest.raises(QrisError):
        qris.set_static(booth.db, wrong_crc(static_payload()), user_id=booth.admin.id)
    assert booth.snapshot() == before
    assert qris.stored(booth.reopen()) is None


def test_decode_image_reads_a_png_of_the_code(tmp_path):
    import segno

    payload = static_payload()
    path = tmp_path / "sticker.png"
    segno.make(payload, error="m", micro=False).save(path, scale=6, border=4)
    assert qris.decode_image(path) == payload
    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("L", (200, 200), 255).save(blank)
    with pytest.raises(QrisError, match="no QR code"):
        qris.decode_image(blank)
    (tmp_path / "not.png").write_text("hello")
    with pytest.raises(QrisError, match="not a readable image"):
        qris.decode_image(tmp_path / "not.png")
    with pytest.raises(QrisError, match="does not exist"):
        qris.decode_image(tmp_path / "missing.png")
