"""``boothpos qris``: set/show/payload/png/match, exit codes, and the Z report's QRIS section."""

from __future__ import annotations

import json

import pytest
import segno
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from qris_samples import PUBLISHED_DYNAMIC, PUBLISHED_STATIC, static_payload, wrong_crc

from boothpos.cli import main
from boothpos.core import audit, qris
from boothpos.core.checkout import Tender


def run(capsys, *argv):
    code = main(["--lang", "en", *[str(a) for a in argv]])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stored(booth, capsys):
    code, out, err = run(capsys, "--db", booth.path, "qris", "set", static_payload())
    assert (code, err) == (0, "")
    assert "BOOTH PLN INACRAFT, JAKARTA PUSAT (NMID ID1024318765432)" in out
    return booth


def test_set_then_show_json(stored, capsys):
    code, out, _ = run(capsys, "--db", stored.path, "qris", "show", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["payload"] == static_payload()
    assert shown["merchant_name"] == "BOOTH PLN INACRAFT"
    assert shown["nmid"] == "ID1024318765432"
    assert shown["static"] is True and shown["amount"] is None
    by_tag = {f["tag"]: f for f in shown["fields"]}
    assert by_tag["53"]["value"] == "360"
    assert {"tag": "00", "value": "ID.CO.QRIS.WWW"} in by_tag["51"]["fields"]
    code, out, _ = run(capsys, "--db", stored.path, "qris", "show")
    assert code == 0 and out.splitlines()[0] == static_payload()
    entries = [e for e in audit.entries(stored.reopen()) if e["entity_id"] == qris.SETTING]
    # a command-line action: the OS user acted (cli:<user>), as the admin
    assert entries and entries[0]["as_user"] == "admin"
    assert entries[0]["user"] == audit.cli_actor()


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (wrong_crc(static_payload()), "CRC is wrong"),
        (PUBLISHED_DYNAMIC, "already carries an amount"),
        ("hello", "malformed"),
    ],
)
def test_set_refuses_with_exit_2_and_changes_nothing(booth, capsys, payload, reason):
    before = booth.snapshot()
    code, out, err = run(capsys, "--db", booth.path, "qris", "set", payload)
    assert code == 2
    assert reason in err and "Traceback" not in err and out == ""
    assert booth.snapshot() == before
    assert qris.stored(booth.reopen()) is None


def test_set_needs_exactly_one_source(booth, capsys, tmp_path):
    assert run(capsys, "--db", booth.path, "qris", "set")[0] == 2
    png = tmp_path / "x.png"
    assert run(capsys, "--db", booth.path, "qris", "set", "x", "--image", png)[0] == 2


def test_set_from_a_photo_of_the_sticker(booth, capsys, tmp_path):
    photo = tmp_path / "sticker.png"
    code_png = tmp_path / "code.png"
    segno.make(PUBLISHED_STATIC, error="m").save(code_png, scale=5, border=6)
    image = Image.open(code_png).convert("RGB")
    canvas = Image.new("RGB", (image.width + 200, image.height + 300), (214, 40, 40))
    canvas.paste(image, (100, 150))  # the red QRIS sticker around the code
    canvas.save(photo)
    code, out, err = run(capsys, "--db", booth.path, "qris", "set", "--image", photo)
    assert code == 0, err
    assert qris.require(booth.reopen()).payload == PUBLISHED_STATIC


def test_payload_and_png_need_the_stored_code(booth, capsys, tmp_path):
    code, _, err = run(capsys, "--db", booth.path, "qris", "payload", "125000")
    assert code == 2 and "not set" in err


def test_payload_prints_the_amount_code(stored, capsys):
    code, out, _ = run(capsys, "--db", stored.path, "qris", "payload", "Rp 125.000")
    assert code == 0
    parsed = qris.parse(out.strip())
    assert parsed.get("01") == "12" and parsed.get("54") == "125000"
    code, _, err = run(capsys, "--db", stored.path, "qris", "payload", "12,5")
    assert code == 2 and "fraction" in err


def test_png_decodes_to_the_amount_code(stored, capsys, tmp_path):
    out_png = tmp_path / "qris-85000.png"
    code, _, err = run(capsys, "--db", stored.path, "qris", "png", "85000", "-o", out_png)
    assert code == 0 and "Written" in err
    (found,) = zxingcpp.read_barcodes(Image.open(out_png))
    assert found.text == qris.amount_payload(static_payload(), 85_000)


def test_match_json_shape_and_z_report_section(stored, capsys, tmp_path):
    booth = stored
    first = booth.sell("kopi", pay=[Tender("qris")], at=booth.time(1, 10, 0))
    second = booth.sell("gelang", pay=[Tender("qris")], at=booth.time(1, 10, 30))
    history = tmp_path / "riwayat.csv"
    history.write_text(
        "Waktu;Nominal;Referensi\n"
        "28/02/2024 10:04;Rp 85.000;RRN-1\n"
        "28/02/2024 15:00;50.000;RRN-9\n",
        encoding="utf-8",
    )
    sheet = tmp_path / "qris-sheet.pdf"
    code, out, err = run(
        capsys, "--db", booth.path, "qris", "match", history, "--json", "--pdf", sheet
    )
    assert code == 0, err
    assert json.loads(out) == {
        "day": "2024-02-28",
        "matched": [
            {
                "receipt_no": first.receipt_no,
                "amount": 85_000,
                "time": "2024-02-28T10:00:00+07:00",
                "reference": "RRN-1",
            }
        ],
        "unmatched_books": [
            {"receipt_no": second.receipt_no, "amount": 35_000, "time": "2024-02-28T10:30:00+07:00"}
        ],
        "unmatched_history": [
            {"amount": 50_000, "time": "2024-02-28T15:00:00+07:00", "reference": "RRN-9"}
        ],
    }
    text = " ".join(p.extract_text() for p in PdfReader(sheet).pages)
    assert "LEMBAR QRIS" in text and first.receipt_no in text and "RRN-9" in text
    z = tmp_path / "z.pdf"
    code, _, err = run(capsys, "--db", booth.path, "report", "day", "2024-02-28", "--pdf", z)
    assert code == 0, err
    ztext = " ".join(p.extract_text() for p in PdfReader(z).pages)
    assert "QRIS: Pencocokan dengan Riwayat Merchant" in ztext
    assert second.receipt_no in ztext and "Di riwayat, tidak ada di pembukuan" in ztext
    other = tmp_path / "z2.pdf"
    assert run(capsys, "--db", booth.path, "report", "day", "2024-02-29", "--pdf", other)[0] == 0
    assert "QRIS: Pencocokan" not in " ".join(p.extract_text() for p in PdfReader(other).pages)


def test_match_text_output(stored, capsys, tmp_path):
    stored.sell("kopi", pay=[Tender("qris")], at=stored.time(1, 10, 0))
    history = tmp_path / "h.csv"
    history.write_text("time,amount\n2024-02-28 10:01,85000\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", stored.path, "qris", "match", history)
    assert code == 0
    assert "QRIS 2024-02-28: 1 matched (Rp 85.000), 0 unmatched in the books" in out


def test_match_refuses_a_bad_row_with_exit_2(stored, capsys, tmp_path):
    before = stored.snapshot()
    history = tmp_path / "h.csv"
    history.write_text("time,amount\n2024-02-28 10:01,85000\nsoon,1000\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", stored.path, "qris", "match", history)
    assert code == 2 and out == ""
    assert "row 3, column time: 'soon' is not a time" in err
    assert stored.snapshot() == before


def test_a_partners_own_qris_is_kept_apart_from_the_booths(stored, capsys):
    own = static_payload(name="KOPI GAYO TAKENGON", city="TAKENGON", nmid="ID1024999999999")
    code, out, err = run(capsys, "--db", stored.path, "qris", "set", "--partner", "ach01", own)
    assert code == 0, err
    assert "KOPI GAYO TAKENGON" in out
    code, out, _ = run(capsys, "--db", stored.path, "qris", "show", "--partner", "ACH01", "--json")
    assert code == 0 and json.loads(out)["nmid"] == "ID1024999999999"
    code, out, _ = run(
        capsys, "--db", stored.path, "qris", "payload", "85000", "--partner", "ACH01"
    )
    assert code == 0
    assert qris.parse(out.strip()).merchant_name == "KOPI GAYO TAKENGON"
    assert qris.require(stored.reopen()).payload == static_payload()  # the booth's unchanged
    code, _, err = run(capsys, "--db", stored.path, "qris", "show", "--partner", "AMB01")
    assert code == 2 and "AMB01" in err and "not set" in err
    code, _, err = run(capsys, "--db", stored.path, "qris", "set", "--partner", "NOPE", own)
    assert code == 2 and "NOPE" in err
