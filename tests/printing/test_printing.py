"""Printers: ESC/POS bytes written to a file, spec parsing, failures, Qt painting."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from boothpos.core import checkout, sales, stock, users
from boothpos.core import db as dbmod
from boothpos.core import event as eventmod
from boothpos.core.checkout import CartLine, Tender
from boothpos.core.errors import BoothError, RefusedInput
from boothpos.documents.receipt import render_receipt
from boothpos.printing import (
    EscPosPrinter,
    PdfOnlyPrinter,
    Printer,
    PrintError,
    SystemPrinter,
    dots_for_paper,
    make_printer,
    parse_connection,
    rasterise,
)

ESC_INIT = b"\x1b@"
RASTER = b"\x1dv0"  # GS v 0: raster bit image
FULL_CUT = b"\x1dV\x00"  # GS V 0
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(scope="module")
def receipt(tmp_path_factory) -> tuple[sales.Sale, eventmod.Event]:
    path = tmp_path_factory.mktemp("db") / "e.db"
    db = dbmod.connect(path, create=True)
    event = eventmod.create_event(
        db, name="INACRAFT 2024", first_day=date(2024, 2, 28), days=5, venue="JCC"
    )
    cashier = users.add_user(db, "sari", "1111", "attendant", "Sari")
    at = datetime(2024, 2, 28, 9, 0, tzinfo=WIB)
    with db.atomic():
        partner = db.execute(
            "INSERT INTO partners (code, name, created_at) VALUES ('KOP01', 'Kopi Gayo', ?)",
            (at.isoformat(),),
        ).lastrowid
        product = db.execute(
            "INSERT INTO products (barcode, name, partner_id, price, created_at) "
            "VALUES ('2000000000015', 'Kopi Arabika Gayo Bubuk 250 gr', ?, 85000, ?)",
            (partner, at.isoformat()),
        ).lastrowid
        stock.record_move(db, product, "intake", 10, at=at, day="2024-02-28")
    result = checkout.checkout(
        db, [CartLine(product, 2)], [Tender("cash", 200_000)], cashier=cashier, at=at
    )
    return sales.get_sale(db, result.receipt_no), event


def pdf_of(sale_event, width: int) -> bytes:
    sale, event = sale_event
    return render_receipt(sale, event, width_mm=width)


def raster_headers(data: bytes) -> list[tuple[int, int]]:
    """(width in bytes, height in rows) of every GS v 0 image in ``data``."""
    found, start = [], 0
    while (at := data.find(RASTER, start)) >= 0:
        head = data[at + 4 : at + 8]
        width, height = head[0] + 256 * head[1], head[2] + 256 * head[3]
        found.append((width, height))
        start = at + 8 + width * height
    return found


# ---------------------------------------------------------------- ESC/POS


@pytest.mark.parametrize(("width", "dots"), [(58, 384), (80, 576)])
def test_escpos_file_printer_writes_init_raster_and_cut(receipt, tmp_path, width, dots):
    out = tmp_path / "lp0"
    printer = make_printer(f"file:{out}", paper_mm=width)
    assert isinstance(printer, EscPosPrinter)
    printer.print_pdf(pdf_of(receipt, width), title="struk")
    data = out.read_bytes()
    assert data.startswith(ESC_INIT)
    assert data.endswith(FULL_CUT)
    images = raster_headers(data)
    assert images, "no GS v 0 image"
    assert {w for w, _ in images} == {dots // 8}
    assert sum(h for _, h in images) > 50 * mm / 72 * 203  # a receipt is longer than 5 cm


def test_escpos_long_receipt_is_sent_in_fragments(receipt, tmp_path):
    out = tmp_path / "lp0"
    EscPosPrinter(parse_connection(f"file:{out}"), paper_mm=58, fragment_height=200).print_pdf(
        pdf_of(receipt, 58), title="struk"
    )
    images = raster_headers(out.read_bytes())
    assert len(images) > 1 and all(h <= 200 for _, h in images)


def test_escpos_without_cut(receipt, tmp_path):
    out = tmp_path / "lp0"
    EscPosPrinter(parse_connection(f"file:{out}"), paper_mm=80, cut=False).print_pdf(
        pdf_of(receipt, 80), title="struk"
    )
    assert FULL_CUT not in out.read_bytes()[-8:]


def test_failing_device_raises_print_error_with_the_cause(receipt, tmp_path):
    printer = make_printer(f"file:{tmp_path}/nonexistent/dir/lp0", paper_mm=58)
    with pytest.raises(PrintError) as err:
        printer.print_pdf(pdf_of(receipt, 58), title="INA24-T1-0228-00001")
    text = err.value.message("en")
    assert "nonexistent/dir/lp0" in text and "INA24-T1-0228-00001" in text
    assert "could not print" in text
    assert "gagal mencetak" in err.value.message("id")
    assert isinstance(err.value, BoothError) and not isinstance(err.value, RefusedInput)
    assert err.value.__cause__ is not None


def test_network_printer_that_is_not_there_raises_print_error(receipt):
    printer = make_printer("network:127.0.0.1:1", paper_mm=58)  # nothing listens on port 1
    with pytest.raises(PrintError):
        printer.print_pdf(pdf_of(receipt, 58), title="struk")


def test_not_a_pdf_raises_print_error(tmp_path):
    with pytest.raises(PrintError):
        make_printer(f"file:{tmp_path}/lp0").print_pdf(b"not a pdf", title="x")


def test_pdf_only_printer_does_nothing():
    printer = make_printer("pdf")
    assert isinstance(printer, PdfOnlyPrinter) and isinstance(printer, Printer)
    printer.print_pdf(b"%PDF-anything", title="x")
    assert isinstance(make_printer(""), PdfOnlyPrinter)


# ---------------------------------------------------------------- specs


@pytest.mark.parametrize(
    ("spec", "kind", "options"),
    [
        ("usb:0416:5011", "usb", {"vid": 0x0416, "pid": 0x5011}),
        ("USB:0x04b8:0x0202", "usb", {"vid": 0x04B8, "pid": 0x0202}),
        ("serial:/dev/ttyUSB0", "serial", {"port": "/dev/ttyUSB0", "baud": 9600}),
        ("serial:COM3:19200", "serial", {"port": "COM3", "baud": 19200}),
        ("network:192.168.1.50", "network", {"host": "192.168.1.50", "port": 9100}),
        ("network:printer.local:9101", "network", {"host": "printer.local", "port": 9101}),
        ("network:[fe80::1]:9100", "network", {"host": "fe80::1", "port": 9100}),
        ("file:/dev/usb/lp0", "file", {"path": "/dev/usb/lp0"}),
    ],
)
def test_connection_specs(spec, kind, options):
    connection = parse_connection(spec)
    assert connection.kind == kind and connection.options == options


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("lpt:1", "'lpt' is not a printer kind"),
        ("usb:0416", "hexadecimal VID:PID"),
        ("usb:zz:11", "hexadecimal VID:PID"),
        ("serial:", "needs a port name"),
        ("serial:/dev/ttyUSB0:fast", "baud rate 'fast'"),
        ("network:", "needs a host name"),
        ("network:host:99999", "port '99999' must be 1–65535"),
        ("network:host:abc", "port 'abc'"),
        ("file:", "needs a device path"),
        ("bogus", "'bogus' is not a printer kind"),
    ],
)
def test_bad_specs_are_refused_with_a_clear_message(spec, words):
    with pytest.raises(RefusedInput) as err:
        make_printer(spec)
    text = err.value.message("en")
    assert f"unknown printer '{spec}'" in text and words in text
    assert "usb:0416:5011" in text  # an example of what would work
    assert "tidak dikenal" in err.value.message("id")


def test_bad_paper_width_is_refused():
    with pytest.raises(RefusedInput):
        make_printer("file:/tmp/x", paper_mm=76)


def test_system_spec_makes_a_system_printer_without_importing_qt():
    code = (
        "import sys\n"
        "from boothpos.printing import make_printer, SystemPrinter\n"
        "p = make_printer('system:Kasir Thermal')\n"
        "assert isinstance(p, SystemPrinter) and p.printer_name == 'Kasir Thermal'\n"
        "assert make_printer('system').printer_name is None\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- rasterising


def test_dots_for_paper():
    assert dots_for_paper(58) == 384 and dots_for_paper(80) == 576
    assert dots_for_paper(80, 180) % 8 == 0
    with pytest.raises(ValueError):
        dots_for_paper(76)


def test_raster_keeps_the_receipt_content(receipt):
    (image,) = rasterise(pdf_of(receipt, 58), dots=384)
    assert image.mode == "1" and image.width == 384
    ink = image.convert("L").point(lambda v: 255 - v).getbbox()
    assert ink is not None
    left, _, right, _ = ink
    assert left <= 8 and right >= 376  # the content spans the head: margins were cropped


def test_a_wide_page_is_scaled_to_fit_the_head(receipt):
    (image,) = rasterise(pdf_of(receipt, 80), dots=384)
    assert image.width == 384
    left, _, right, _ = image.convert("L").point(lambda v: 255 - v).getbbox()
    assert left <= 8 and right >= 376


def test_a_narrow_page_is_centred_on_white():
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(30 * mm, 20 * mm))
    c.rect(0, 0, 30 * mm, 20 * mm, fill=1)
    c.save()
    (image,) = rasterise(buffer.getvalue(), dots=576)
    left, _, right, _ = image.convert("L").point(lambda v: 255 - v).getbbox()
    assert image.width == 576 and 40 < left < 300 and 300 < right < 536


# ---------------------------------------------------------------- system printer (Qt)


@pytest.fixture()
def qt_offscreen(monkeypatch, request):
    """Qt print support with an application object (offscreen when there is no display)."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    module = pytest.importorskip("PySide6.QtPrintSupport")
    request.getfixturevalue("qapp")
    return module


def test_system_printer_paints_each_page_at_its_size(receipt, tmp_path, qt_offscreen):
    from boothpos.printing.system import paint_pdf

    QPrinter = qt_offscreen.QPrinter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "qt.pdf"))
    pdf = pdf_of(receipt, 58)
    paint_pdf(printer, pdf)
    reader = PdfReader(tmp_path / "qt.pdf")
    assert len(reader.pages) == 1
    source = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    painted = reader.pages[0].mediabox
    assert float(painted.width) == pytest.approx(float(source.width), abs=1.5)
    assert float(painted.height) == pytest.approx(float(source.height), abs=1.5)


def test_unknown_system_printer_raises_print_error(receipt, qt_offscreen):
    with pytest.raises(PrintError) as err:
        SystemPrinter("Printer Yang Tidak Ada").print_pdf(pdf_of(receipt, 80), title="struk")
    assert "Printer Yang Tidak Ada" in err.value.message("en")


def test_system_printer_from_a_process_without_qt_app_or_display():
    """As the command line uses it: no QApplication, no display: a PrintError, no abort."""
    pytest.importorskip("PySide6.QtPrintSupport")
    code = (
        "from boothpos.printing import SystemPrinter, PrintError\n"
        "try:\n"
        "    SystemPrinter('Printer Yang Tidak Ada').print_pdf(b'%PDF-1.4', title='x')\n"
        "except PrintError as exc:\n"
        "    print(exc.message('en'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Printer Yang Tidak Ada" in done.stdout


@pytest.mark.parametrize("spec", ["usb:0416:5011", "serial:/dev/ttyBOOTHPOS-NONE"])
def test_usb_and_serial_without_device_or_driver_raise_print_error(receipt, spec):
    with pytest.raises(PrintError) as err:
        make_printer(spec, paper_mm=58).print_pdf(pdf_of(receipt, 58), title="struk")
    assert spec in err.value.message("en")
