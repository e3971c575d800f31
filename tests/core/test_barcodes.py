import pytest

from boothpos.core import barcodes
from boothpos.core.errors import BarcodeError


@pytest.mark.parametrize(
    "code",
    [
        "8991234567891",  # EAN-13 (check digit computed by hand below)
        "4006381333931",  # EAN-13, a real manufacturer code
        "96385074",  # EAN-8
        "036000291452",  # UPC-A
    ],
)
def test_valid_codes(code):
    assert barcodes.validate(code) == code
    assert barcodes.is_valid(code)


def test_check_digit_by_hand():
    # 8 9 9 1 2 3 4 5 6 7 8 9: odd positions ×1, even ×3 (from the left, EAN-13)
    digits = [8, 9, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    assert barcodes.check_digit("899123456789") == (10 - total % 10) % 10 == 1


def test_wrong_check_digit_is_refused_and_names_the_right_one():
    with pytest.raises(BarcodeError) as info:
        barcodes.validate("8991234567890")
    message = info.value.message("id")
    assert "8991234567890" in message and "seharusnya 1" in message


@pytest.mark.parametrize("code", ["12345", "899123456789012", "89912345678A5", "", "８９９"])
def test_bad_shapes_are_refused(code):
    with pytest.raises(BarcodeError):
        barcodes.validate(code)


def test_normalise_trims_and_turns_upc_into_ean13():
    assert barcodes.normalise("  036000291452\r\n") == "0036000291452"
    assert barcodes.normalise("\t8991234567891 ") == "8991234567891"
    assert barcodes.lookup_forms("036000291452") == ("0036000291452", "036000291452")


def test_internal_codes_are_restricted_circulation_valid_and_unique():
    codes = barcodes.next_internal_codes(500, taken={barcodes.internal_code(3)})
    assert len(set(codes)) == 500
    assert barcodes.internal_code(3) not in codes
    for code in codes:
        assert len(code) == 13 and code[:2] in {f"2{i}" for i in range(10)}
        barcodes.validate(code)


def test_internal_code_prefix_must_be_20_to_29():
    with pytest.raises(ValueError):
        barcodes.internal_code(1, prefix="30")
