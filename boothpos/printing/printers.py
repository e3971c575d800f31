"""Printers: send a finished PDF to paper.

Every printer has one method, ``print_pdf(pdf, title=...)``. A failure
raises :class:`PrintError` naming the printer and the cause; printing never
touches the database (the sale is committed before anything is printed, and
any receipt can be printed again from the sales history).

- :class:`PdfOnlyPrinter`: prints nothing (the PDF is already saved).
- :class:`EscPosPrinter`: an ESC/POS thermal printer over USB, serial,
  network or a device file; each page is rasterised and sent as an image.
- :class:`SystemPrinter`: a printer of the operating system, through Qt print
  support (in :mod:`boothpos.printing.system`; Qt is imported only there,
  only when it prints).

:func:`make_printer` builds one from a spec string, as kept in settings::

    pdf                     no printing (PDF only)
    usb:VID:PID             usb:0416:5011 (hex ids, 0x allowed)
    serial:PORT[:BAUD]      serial:/dev/ttyUSB0, serial:COM3:19200
    network:HOST[:PORT]     network:192.168.1.50, network:[fe80::1]:9100
    file:PATH               file:/dev/usb/lp0
    system[:NAME]           the default system printer, or the one named
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from boothpos.core.errors import BoothError, Msg, RefusedInput
from boothpos.printing.raster import DEFAULT_DPI, dots_for_paper, rasterise

if TYPE_CHECKING:
    from PIL.Image import Image


class PrintError(BoothError):
    """The printer could not print; nothing else changed."""


PRINT_FAILED = Msg(
    id="printer {printer} gagal mencetak '{title}': {cause}",
    en="printer {printer} could not print '{title}': {cause}",
)
MISSING_DRIVER = Msg(
    id="printer {printer} perlu paket Python '{package}' (pip install {package})",
    en="printer {printer} needs the Python package '{package}' (pip install {package})",
)
BAD_SPEC = Msg(
    id="printer '{spec}' tidak dikenal: {reason}. Contoh: pdf, usb:0416:5011, "
    "serial:/dev/ttyUSB0, network:192.168.1.50:9100, file:/dev/usb/lp0, system",
    en="unknown printer '{spec}': {reason}. Examples: pdf, usb:0416:5011, "
    "serial:/dev/ttyUSB0, network:192.168.1.50:9100, file:/dev/usb/lp0, system",
)
NOT_CONFIRMED = Msg(
    id="printer {printer} tidak mengonfirmasi '{title}' (tidak menjawab status dalam {seconds} "
    "detik); periksa kertas dan printernya, lalu cetak ulang bila perlu",
    en="printer {printer} did not confirm '{title}' (no status answer within {seconds} s); "
    "check the paper and the printer, then reprint if needed",
)
OFFLINE = Msg(
    id="printer {printer} melaporkan sedang offline (tutup terbuka atau kertas habis) "
    "sesudah '{title}'",
    en="printer {printer} reports it is offline (cover open or paper out) after '{title}'",
)
BAD_PAPER = Msg(
    id="lebar kertas printer {value} mm tidak didukung; pilih 58 atau 80",
    en="printer paper width {value} mm is not supported; choose 58 or 80",
)

REASONS = {
    "kind": Msg(id="jenis '{kind}' tidak dikenal", en="'{kind}' is not a printer kind"),
    "usb": Msg(id="USB perlu VID:PID heksadesimal", en="USB needs a hexadecimal VID:PID"),
    "serial": Msg(id="serial perlu nama port", en="serial needs a port name"),
    "baud": Msg(id="baud '{value}' bukan angka", en="baud rate '{value}' is not a number"),
    "host": Msg(id="network perlu nama host", en="network needs a host name"),
    "port": Msg(id="port '{value}' harus 1–65535", en="port '{value}' must be 1–65535"),
    "file": Msg(id="file perlu path perangkat", en="file needs a device path"),
}


@runtime_checkable
class Printer(Protocol):
    def print_pdf(self, pdf: bytes, *, title: str) -> None:
        """Print every page of ``pdf``; raise :class:`PrintError` on failure."""


class PdfOnlyPrinter:
    """No printer: the PDF is already saved, so there is nothing to do."""

    name = "pdf"

    def print_pdf(self, pdf: bytes, *, title: str) -> None:
        return None


# ---------------------------------------------------------------- ESC/POS


CONNECT_TIMEOUT = 4.0  # seconds to reach a network printer (python-escpos waits 60)
CONFIRM_TIMEOUT = 3.0  # seconds a network printer has to answer the status request
DLE_EOT_PRINTER = b"\x10\x04\x01"  # ESC/POS real-time status: printer status
STATUS_OFFLINE = 0x08  # bit 3 of the printer status byte


class _NotConfirmed(Exception):
    """The printer took the bytes but did not answer the status request (or is offline)."""

    def __init__(self, offline: bool = False) -> None:
        super().__init__("offline" if offline else "no answer")
        self.offline = offline


@dataclass(frozen=True)
class Connection:
    """Where an ESC/POS printer is: ``kind`` is usb, serial, network or file."""

    kind: str
    target: str  # what the spec said, for messages
    options: dict[str, Any] = field(default_factory=dict, compare=False)

    def open(self) -> Any:
        """A python-escpos printer object for this connection (not yet opened)."""
        from escpos import printer as escpos_printer

        if self.kind == "usb":
            _require(escpos_printer.Usb, self.target, "pyusb")
            return escpos_printer.Usb(self.options["vid"], self.options["pid"])
        if self.kind == "serial":
            _require(escpos_printer.Serial, self.target, "pyserial")
            return escpos_printer.Serial(self.options["port"], baudrate=self.options["baud"])
        if self.kind == "network":
            return escpos_printer.Network(
                self.options["host"],
                port=self.options["port"],
                timeout=self.options.get("timeout", CONNECT_TIMEOUT),
            )
        return escpos_printer.File(self.options["path"])


def _require(cls: Any, target: str, package: str) -> None:
    if not cls.is_usable():
        raise PrintError(MISSING_DRIVER, printer=target, package=package)


class EscPosPrinter:
    """An ESC/POS thermal printer: each page is rasterised and sent as an image, then cut.

    ``paper_mm`` (58 or 80) sets the raster width (384 or 576 dots at 203 dpi).
    """

    def __init__(
        self,
        connection: Connection,
        *,
        paper_mm: int = 80,
        dpi: int = DEFAULT_DPI,
        cut: bool = True,
        fragment_height: int = 960,
        confirm_timeout: float = CONFIRM_TIMEOUT,
    ) -> None:
        self.connection = connection
        self.confirm_timeout = confirm_timeout
        self.paper_mm = paper_mm
        self.dots = _dots(paper_mm, dpi)
        self.dpi = dpi
        self.cut = cut
        self.fragment_height = fragment_height

    @property
    def name(self) -> str:
        return self.connection.target

    def print_pdf(self, pdf: bytes, *, title: str) -> None:
        try:
            images = rasterise(pdf, dots=self.dots, dpi=self.dpi)
            self._send(images)
        except PrintError:
            raise
        except _NotConfirmed as exc:
            if exc.offline:
                raise PrintError(OFFLINE, printer=self.name, title=title) from None
            raise PrintError(
                NOT_CONFIRMED, printer=self.name, title=title, seconds=f"{self.confirm_timeout:g}"
            ) from None
        except Exception as exc:  # any driver, OS or PDF failure becomes a PrintError
            raise PrintError(
                PRINT_FAILED, printer=self.name, title=title, cause=_cause(exc)
            ) from exc

    def _send(self, images: list[Image]) -> None:
        device = self.connection.open()
        _set_media(device, self.dots, self.dpi)
        try:
            device.open()
            self._write(device, images)
            if self.connection.kind == "network":
                self._confirm(device)
        except TimeoutError:  # a network printer that stopped reading: its buffer is full
            raise _NotConfirmed() from None
        finally:
            device.close()

    def _write(self, device: Any, images: list[Image]) -> None:
        device.hw("INIT")
        for image in images:
            device.image(image, impl="bitImageRaster", fragment_height=self.fragment_height)
        if self.cut:
            device.cut()

    def _confirm(self, device: Any) -> None:
        """Ask the printer for its real-time status (DLE EOT 1) and wait for the answer.

        Bytes a network printer has not read sit in the socket buffers and
        "succeed"; only an answer shows the printer took the job.
        """
        sock = device.device
        sock.sendall(DLE_EOT_PRINTER)
        sock.settimeout(self.confirm_timeout)
        try:
            answer = sock.recv(1)
        except TimeoutError:
            raise _NotConfirmed() from None
        if not answer:  # the printer closed the connection without answering
            raise _NotConfirmed()
        if answer[0] & STATUS_OFFLINE:
            raise _NotConfirmed(offline=True)


def _set_media(device: Any, dots: int, dpi: int) -> None:
    """Tell python-escpos the paper's width (its default profile knows none)."""
    data = copy.deepcopy(device.profile.profile_data)
    data.setdefault("media", {})["width"] = {"pixels": dots, "mm": round(dots / dpi * 25.4)}
    data["media"]["dpi"] = dpi
    device.profile.profile_data = data


def _dots(paper_mm: int, dpi: int) -> int:
    try:
        return dots_for_paper(paper_mm, dpi)
    except ValueError:
        raise RefusedInput(BAD_PAPER, value=paper_mm) from None


def _cause(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# ---------------------------------------------------------------- specs


def _refuse(spec: str, reason: str, **values: object) -> RefusedInput:
    """A refusal naming the spec and the reason, in both languages."""
    msg = Msg(
        id=BAD_SPEC.id.replace("{reason}", REASONS[reason].id),
        en=BAD_SPEC.en.replace("{reason}", REASONS[reason].en),
    )
    return RefusedInput(msg, spec=spec, **values)


def _hex_id(text: str) -> int | None:
    if re.fullmatch(r"(0[xX])?[0-9a-fA-F]{1,4}", text.strip()):
        return int(text.strip(), 16)
    return None


def _usb(spec: str, rest: str) -> Connection:
    parts = rest.split(":")
    ids = [_hex_id(p) for p in parts] if len(parts) == 2 else [None]
    if None in ids:
        raise _refuse(spec, "usb")
    return Connection("usb", spec, {"vid": ids[0], "pid": ids[1]})


def _serial(spec: str, rest: str) -> Connection:
    port, baud = rest.strip(), 9600
    head, sep, tail = port.rpartition(":")
    if sep:
        if not re.fullmatch(r"\d{1,7}", tail):
            raise _refuse(spec, "baud", value=tail)
        port, baud = head.strip(), int(tail)
    if not port:
        raise _refuse(spec, "serial")
    return Connection("serial", spec, {"port": port, "baud": baud})


def _split_host(rest: str) -> tuple[str, str | None]:
    """``host``, ``host:port``, ``[v6]`` or ``[v6]:port`` → (host, port text or None)."""
    if rest.startswith("["):
        host, _, after = rest[1:].partition("]")
        return host, (after[1:] if after.startswith(":") else None)
    if rest.count(":") == 1:
        host, _, port = rest.partition(":")
        return host, port
    return rest, None  # a bare IPv6 address has several colons and no port


def _network(spec: str, rest: str) -> Connection:
    host, port_text = _split_host(rest.strip())
    if not host.strip():
        raise _refuse(spec, "host")
    port = 9100
    if port_text is not None:
        if not re.fullmatch(r"\d{1,5}", port_text) or not 1 <= int(port_text) <= 65535:
            raise _refuse(spec, "port", value=port_text)
        port = int(port_text)
    return Connection("network", spec, {"host": host.strip(), "port": port})


def _file(spec: str, rest: str) -> Connection:
    if not rest.strip():
        raise _refuse(spec, "file")
    return Connection("file", spec, {"path": rest.strip()})


_PARSERS = {"usb": _usb, "serial": _serial, "network": _network, "file": _file}


def parse_connection(spec: str) -> Connection:
    """Parse ``usb:…``, ``serial:…``, ``network:…`` or ``file:…``; refuse anything else."""
    kind, _, rest = spec.strip().partition(":")
    parser = _PARSERS.get(kind.lower())
    if parser is None:
        raise _refuse(spec, "kind", kind=kind)
    return parser(spec.strip(), rest)


def make_printer(spec: str, *, paper_mm: int = 80, dpi: int = DEFAULT_DPI) -> Printer:
    """The printer a spec string names (see the module doc); nothing is opened yet.

    A bad spec raises :class:`~boothpos.core.errors.RefusedInput` with examples.
    """
    text = (spec or "").strip()
    kind, _, rest = text.partition(":")
    if kind.lower() in ("", "pdf", "none"):
        return PdfOnlyPrinter()
    if kind.lower() == "system":
        from boothpos.printing.system import SystemPrinter

        return SystemPrinter(rest.strip() or None)
    return EscPosPrinter(parse_connection(text), paper_mm=paper_mm, dpi=dpi)
