"""Printers that tell the truth: a printer that did not take the job is a PrintError.

- ESC/POS over the network against real local sockets: one that accepts the
  connection but never reads (the bytes would sit in the socket buffers and
  "succeed"), one that answers the real-time status request (DLE EOT 1), one
  that answers "offline".
- The system printer through CUPS' ``lp``/``lpstat``, here fake scripts on the
  PATH playing a scheduler that is down, a queue that rejects jobs, a paused
  queue and a queue that prints (the PDF reaches the "spool").
"""

from __future__ import annotations

import socket
import stat
import threading
import time
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from boothpos.printing import PrintError, make_printer
from boothpos.printing.printers import DLE_EOT_PRINTER
from boothpos.printing.system import SystemPrinter, cups_available


def small_pdf(tmp_path: Path) -> bytes:
    path = tmp_path / "struk.pdf"
    canvas = Canvas(str(path), pagesize=(164, 120))
    canvas.drawString(10, 60, "INA24-T1-0228-00001  Rp 85.000")
    canvas.save()
    return path.read_bytes()


class FakePrinter:
    """A local TCP "printer": ``mode`` is "deaf" (accepts, never reads), "online" or "offline"."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        self.connections.append(conn)
        if self.mode == "deaf":
            return  # holds the connection open and never reads a byte
        while True:
            data = conn.recv(65536)
            if not data:
                return
            self.received += data
            if self.received.endswith(DLE_EOT_PRINTER):
                conn.sendall(bytes([0x12 if self.mode == "online" else 0x1A]))

    def close(self) -> None:
        for conn in self.connections:
            conn.close()
        self.server.close()


@pytest.fixture
def fake_printer():
    made: list[FakePrinter] = []

    def make(mode: str) -> FakePrinter:
        made.append(FakePrinter(mode))
        return made[-1]

    yield make
    for printer in made:
        printer.close()


def network_printer(port: int, confirm: float = 1.0):
    printer = make_printer(f"network:127.0.0.1:{port}", paper_mm=58)
    printer.confirm_timeout = confirm
    return printer


def test_a_printer_that_accepts_but_never_reads_did_not_confirm(fake_printer, tmp_path):
    deaf = fake_printer("deaf")
    started = time.monotonic()
    with pytest.raises(PrintError) as failed:
        network_printer(deaf.port).print_pdf(small_pdf(tmp_path), title="INA24-T1-0228-00001")
    message = failed.value.message("en")
    assert "did not confirm" in message and "INA24-T1-0228-00001" in message
    assert time.monotonic() - started < 15  # seconds, not python-escpos' 60


def test_a_printer_that_answers_the_status_request_printed(fake_printer, tmp_path):
    online = fake_printer("online")
    network_printer(online.port).print_pdf(small_pdf(tmp_path), title="struk")
    data = bytes(online.received)
    assert data.startswith(b"\x1b@")  # ESC @: initialise
    assert b"\x1dv0" in data  # GS v 0: the raster image
    assert b"\x1dV" in data  # GS V: cut
    assert data.endswith(DLE_EOT_PRINTER)  # then the status request, answered


def test_a_printer_that_answers_offline_is_a_print_error(fake_printer, tmp_path):
    offline = fake_printer("offline")
    with pytest.raises(PrintError) as failed:
        network_printer(offline.port).print_pdf(small_pdf(tmp_path), title="struk")
    assert "offline" in failed.value.message("en")


def test_a_host_that_never_answers_is_given_up_within_seconds(tmp_path):
    printer = make_printer("network:10.255.255.1:9100", paper_mm=58)  # a black hole
    printer.connection.options["timeout"] = 1.0
    started = time.monotonic()
    with pytest.raises(PrintError):
        printer.print_pdf(small_pdf(tmp_path), title="struk")
    assert time.monotonic() - started < 10


# -- CUPS, played by fake lp/lpstat on the PATH ---------------------------------------------

LPSTAT = """#!/bin/sh
state="$CUPS_FAKE/state"
case "$1" in
  -r) if [ "$(cat $state)" = down ]; then echo "scheduler is not running"; \\
      else echo "scheduler is running"; fi ;;
  -e) echo kasir; echo laporan ;;
  -d) echo "system default destination: kasir" ;;
  -p) if [ "$(cat $state)" = paused ]; then echo "printer $2 disabled since Wed 28 Feb"; \\
      else echo "printer $2 is idle.  enabled since Wed 28 Feb"; fi ;;
esac
exit 0
"""
LP = """#!/bin/sh
state="$(cat $CUPS_FAKE/state)"
if [ "$state" = rejecting ]; then
  echo "lp: Destination \\"$2\\" is not accepting jobs." >&2; exit 1
fi
if [ "$state" = down ]; then echo "lp: Error - Scheduler Not Running" >&2; exit 1; fi
echo "$@" > "$CUPS_FAKE/args"
cat > "$CUPS_FAKE/spool.pdf"
echo "request id is $2-1 (0 file(s))"
"""


@pytest.fixture
def cups(tmp_path, monkeypatch):
    folder = tmp_path / "cups"
    folder.mkdir()
    for name, text in (("lp", LP), ("lpstat", LPSTAT)):
        script = folder / name
        script.write_text(text)
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{':'}{__import__('os').environ['PATH']}")
    monkeypatch.setenv("CUPS_FAKE", str(folder))

    def set_state(state: str) -> Path:
        (folder / "state").write_text(state)
        return folder

    set_state("ok")
    return set_state


def test_cups_queue_that_prints_gets_the_pdf(cups, tmp_path):
    folder = cups("ok")
    assert cups_available()
    pdf = small_pdf(tmp_path)
    SystemPrinter("kasir").print_pdf(pdf, title="INA24-T1-0228-00001")
    assert (folder / "spool.pdf").read_bytes() == pdf
    assert (folder / "args").read_text().split() == ["-d", "kasir", "-t", "INA24-T1-0228-00001"]
    SystemPrinter().print_pdf(pdf, title="x")  # the default queue (kasir)


def test_cups_queue_not_accepting_jobs_is_a_clear_failure(cups, tmp_path):
    cups("rejecting")
    with pytest.raises(PrintError) as failed:
        SystemPrinter("kasir").print_pdf(small_pdf(tmp_path), title="INA24-T1-0228-00001")
    message = failed.value.message("en")
    assert "not accepting jobs" in message and "kasir" in message
    assert "antrean printer kasir tidak menerima" in failed.value.message("id")


def test_cups_scheduler_down_says_the_print_service_is_not_running(cups, tmp_path):
    cups("down")
    with pytest.raises(PrintError) as failed:
        SystemPrinter("kasir").print_pdf(small_pdf(tmp_path), title="struk")
    assert "the print service (CUPS) is not running" in failed.value.message("en")


def test_cups_paused_queue_and_unknown_queue(cups, tmp_path):
    cups("paused")
    with pytest.raises(PrintError) as paused:
        SystemPrinter("kasir").print_pdf(small_pdf(tmp_path), title="struk")
    assert "paused" in paused.value.message("en")
    cups("ok")
    with pytest.raises(PrintError) as unknown:
        SystemPrinter("Printer Yang Tidak Ada").print_pdf(small_pdf(tmp_path), title="struk")
    assert "Printer Yang Tidak Ada" in unknown.value.message("en")
    assert "kasir" in unknown.value.message("en")  # the queues that exist
