"""Catalog import: a spreadsheet (CSV or XLSX) of partners and products.

One row per product; header names are case-insensitive, English or
Indonesian (see the "Catalog file" contract in DESIGN.md). Reading collects
*every* problem (row, column, reason) before anything is written; an import
with one bad row imports nothing. Importing the same file twice changes
nothing the second time.

Reading: :func:`read_catalog`. Importing into an event database:
:func:`import_catalog`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from boothpos.core import audit, barcodes, bounds, clock, records, stock
from boothpos.core.codes import ChangeSource, MoveKind
from boothpos.core.db import is_open_database_file, write_transaction
from boothpos.core.errors import (
    BarcodeError,
    CatalogError,
    Msg,
    Problem,
    RefusedInput,
)
from boothpos.core.event import get_event
from boothpos.core.money import parse_rupiah
from boothpos.core.users import User

# --- messages ---------------------------------------------------------------

FILE_NOT_FOUND = Msg(id="file '{path}' tidak ditemukan", en="file '{path}' does not exist")
IS_DATABASE = Msg(
    id="'{path}' adalah database acara ini, bukan katalog; pilih file katalog (.xlsx atau .csv)",
    en="'{path}' is this event's database, not a catalog; choose a catalog file (.xlsx or .csv)",
)
UNSUPPORTED_FORMAT = Msg(
    id="format file '{suffix}' tidak didukung; simpan katalog sebagai .xlsx atau .csv",
    en="file format '{suffix}' is not supported; save the catalog as .xlsx or .csv",
)
NOT_SPREADSHEET = Msg(
    id="file '{path}' bukan spreadsheet yang bisa dibaca (XLSX, XLS atau ODS): {reason}",
    en="file '{path}' is not a readable spreadsheet (XLSX, XLS or ODS): {reason}",
)
LEADING_ZERO_LOST = Msg(
    id="barcode '{code}' hanya {length} angka: kemungkinan spreadsheet membuang angka 0 di "
    "depannya (kodenya mungkin {fixed}). Format kolom barcode sebagai Teks sebelum mengetik "
    "atau menempel kode (atau awali sel dengan tanda petik: '{fixed}), lalu impor lagi",
    en="barcode '{code}' has only {length} digits: the spreadsheet probably dropped its "
    "leading zero (the code is likely {fixed}). Format the barcode column as Text before "
    "typing or pasting codes (or start the cell with an apostrophe: '{fixed}), then import "
    "again",
)
EMPTY_FILE = Msg(
    id="file kosong: tidak ada baris judul kolom",
    en="the file is empty: there is no header row",
)
NO_ROWS = Msg(
    id="tidak ada baris produk di bawah baris judul kolom",
    en="there are no product rows below the header row",
)
NOT_TEXT = Msg(
    id="file berisi byte NUL: ini bukan file teks CSV",
    en="the file contains NUL bytes: it is not a CSV text file",
)
UNDECODABLE = Msg(
    id="pengkodean teks tidak dapat dibaca (byte 0x{byte} bukan UTF-8 maupun Windows-1252); "
    "simpan ulang file sebagai 'CSV UTF-8'",
    en="undecodable text encoding (byte 0x{byte} is neither UTF-8 nor Windows-1252); "
    "save the file again as 'CSV UTF-8'",
)
MIXED_ENCODING = Msg(
    id="pengkodean teks campuran: baris ini Windows-1252 tetapi baris {utf8_row} UTF-8; "
    "simpan ulang file sebagai 'CSV UTF-8'",
    en="mixed text encodings: this row is Windows-1252 but row {utf8_row} is UTF-8; "
    "save the file again as 'CSV UTF-8'",
)
BAD_CSV = Msg(
    id="baris tidak bisa dibaca sebagai CSV: {reason}",
    en="the row cannot be read as CSV: {reason}",
)
MISSING_COLUMN = Msg(
    id="kolom wajib '{column}' (atau '{alias}') tidak ada di baris judul",
    en="required column '{column}' (or '{alias}') is missing from the header row",
)
DUPLICATE_COLUMN = Msg(
    id="kolom '{column}' muncul dua kali (juga sebagai '{other}')",
    en="column '{column}' appears twice (also as '{other}')",
)
EXTRA_CELLS = Msg(
    id="baris ini punya {cells} sel tetapi judul hanya {columns} kolom; "
    "nilai yang berisi '{delimiter}' harus diapit tanda kutip",
    en="this row has {cells} cells but the header only {columns} columns; "
    "a value containing '{delimiter}' must be quoted",
)
EMPTY_PARTNER_CODE = Msg(id="kode mitra kosong", en="the partner code is empty")
EMPTY_PARTNER_NAME = Msg(id="nama mitra kosong", en="the partner name is empty")
EMPTY_PRODUCT_NAME = Msg(id="nama produk kosong", en="the product name is empty")
STOCK_NOT_NUMBER = Msg(
    id="stok '{value}' bukan bilangan bulat (contoh: 12)",
    en="stock '{value}' is not a whole number (for example 12)",
)
STOCK_NEGATIVE = Msg(
    id="stok '{value}' negatif; stok tidak boleh kurang dari nol",
    en="stock '{value}' is negative; stock cannot be below zero",
)
STOCK_FRACTION = Msg(
    id="stok '{value}' mengandung pecahan; gunakan bilangan bulat",
    en="stock '{value}' has a fraction; use a whole number",
)
BARCODE_SCIENTIFIC = Msg(
    id="barcode '{value}' ditulis Excel dalam notasi ilmiah sehingga angkanya sudah hilang; "
    "format kolom barcode sebagai Teks lalu ketik ulang barcode-nya",
    en="barcode '{value}' is in scientific notation: Excel destroyed its digits; "
    "format the barcode column as Text and type the codes again",
)
DUPLICATE_BARCODE = Msg(
    id="barcode {barcode} sudah dipakai di baris {first_row}",
    en="barcode {barcode} is already used on row {first_row}",
)
DUPLICATE_PRODUCT = Msg(
    id="produk '{name}' dari mitra {code} sudah ada di baris {first_row}",
    en="product '{name}' of partner {code} is already on row {first_row}",
)
PARTNER_TWO_NAMES = Msg(
    id="kode mitra {code} muncul dengan dua nama: '{first}' (baris {first_row}) dan '{name}'",
    en="partner code {code} appears with two names: '{first}' (row {first_row}) and '{name}'",
)
PARTNER_TWO_REGIONS = Msg(
    id="kode mitra {code} muncul dengan dua daerah: '{first}' (baris {first_row}) dan '{region}'",
    en="partner code {code} appears with two regions: '{first}' (row {first_row}) and '{region}'",
)
BARCODE_OTHER_PRODUCT = Msg(
    id="barcode {barcode} sudah dipakai di database oleh produk '{name}' milik mitra {code}",
    en="barcode {barcode} already belongs in the database to product '{name}' of partner {code}",
)
NAME_TAKEN = Msg(
    id="mitra {code} sudah punya produk '{name}' dengan barcode {barcode} di database; "
    "tulis barcode itu atau kosongkan kolom barcode",
    en="partner {code} already has a product '{name}' with barcode {barcode} in the database; "
    "write that barcode or leave the barcode empty",
)
SAME_PRODUCT_TWICE = Msg(
    id="baris ini dan baris {first_row} sama-sama menunjuk produk '{name}' "
    "(barcode {barcode}) di database",
    en="this row and row {first_row} both describe the product '{name}' "
    "(barcode {barcode}) in the database",
)

# --- columns ------------------------------------------------------------------

#: canonical (English) column → its Indonesian name
COLUMNS: dict[str, str] = {
    "partner_code": "kode_mitra",
    "partner_name": "nama_mitra",
    "region": "daerah",
    "product_name": "nama_produk",
    "category": "kategori",
    "price": "harga",
    "barcode": "barcode",
    "stock": "stok",
}
REQUIRED = ("partner_code", "partner_name", "product_name", "price")
_ALIASES = {name: name for name in COLUMNS} | {indo: name for name, indo in COLUMNS.items()}

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SPREADSHEET_SUFFIXES = (*XLSX_SUFFIXES, ".xls", ".ods")  # read with python-calamine
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (BIFF) and other old Office files
_DELIMITERS = ("\t", ";", ",")  # preference order on a tie
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_STOCK_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # "1.000" as Indonesian Excel writes it
_STOCK_WHOLE_DECIMAL = re.compile(r"^(\d+)[.,]0{1,2}$")  # "12.0", "12,00"
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

FILE_ROW = 0  # Problem.row for a problem with the file as a whole (no row to name)

# --- public data ----------------------------------------------------------------


@dataclass(frozen=True)
class CatalogRow:
    """One parsed, validated catalog row."""

    row: int  # 1-based row number as a spreadsheet shows it (header is row 1)
    partner_code: str
    partner_name: str
    region: str
    product_name: str
    category: str
    price: int  # rupiah
    barcode: str  # normalised valid code, or "" when blank (to be generated)
    stock: int  # intake quantity, >= 0


@dataclass(frozen=True)
class ImportResult:
    """What an import did. ``products_added + products_updated + unchanged`` = rows."""

    partners_added: int
    partners_updated: int
    products_added: int
    products_updated: int  # rows whose product changed (fields or catalog intake)
    intake_moves: int  # stock moves written
    unchanged: int  # product rows that changed nothing

    @property
    def changed(self) -> bool:
        return any(
            (
                self.partners_added,
                self.partners_updated,
                self.products_added,
                self.products_updated,
                self.intake_moves,
            )
        )


# --- reading the file ------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    """Raw cells: the header row and the data rows, each with its spreadsheet row number."""

    header: list[object]
    header_row: int
    rows: list[tuple[int, list[object]]]
    delimiter: str | None = None  # CSV only


@dataclass(frozen=True)
class _Parsed:
    rows: list[CatalogRow]  # the rows without any problem of their own
    problems: list[Problem]
    columns: dict[str, str]  # canonical name → header as written in the file


def read_catalog(path: str | Path) -> list[CatalogRow]:
    """Parse a catalog file (CSV/TXT or XLSX, by extension).

    Raises :class:`CatalogError` listing every problem (row, column, reason),
    sorted by row, not just the first.
    """
    parsed = _parse(Path(path))
    if parsed.problems:
        raise CatalogError(parsed.problems)
    return parsed.rows


def _refuse(msg: Msg, row: int = FILE_ROW, column: str = "", **values: object) -> CatalogError:
    return CatalogError([Problem(row, column, msg, tuple(values.items()))])


def _parse(path: Path) -> _Parsed:
    sheet = _load(path)
    positions, problems = _map_header(sheet)
    columns = {name: _text(sheet.header[pos]) for name, pos in positions.items()}
    if any(name not in positions for name in REQUIRED):
        return _Parsed([], _sorted(problems, columns), columns)
    drafts: list[_Draft] = []
    for number, cells in sheet.rows:
        if _is_blank(cells, positions):
            continue
        draft = _parse_row(number, cells, positions, columns, sheet)
        drafts.append(draft)
        problems.extend(draft.problems)
    if not drafts:
        problems.append(Problem(sheet.header_row + 1, "", NO_ROWS))
    problems.extend(_cross_check(drafts, columns))
    rows = [d.to_row() for d in drafts if not d.problems]
    return _Parsed(rows, _sorted(problems, columns), columns)


def _sorted(problems: Iterable[Problem], columns: dict[str, str]) -> list[Problem]:
    order = {written: i for i, written in enumerate(columns.values())}
    return sorted(problems, key=lambda p: (p.row, order.get(p.column, -1)))


def _load(path: Path) -> _Sheet:
    if not path.is_file():
        raise _refuse(FILE_NOT_FOUND, path=str(path))
    if is_open_database_file(path):  # never open() a live database: it drops SQLite's locks
        raise _refuse(IS_DATABASE, path=str(path))
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        magic = fh.read(8)
    if (
        suffix in SPREADSHEET_SUFFIXES
        or magic.startswith(_XLSX_MAGIC)  # XLSX and ODS are zip files
        or magic.startswith(_OLE_MAGIC)  # XLS (BIFF)
    ):
        return _load_workbook(path)
    if suffix in TEXT_SUFFIXES:
        return _load_text(path.read_bytes())
    raise _refuse(UNSUPPORTED_FORMAT, suffix=suffix or path.name)


# --- XLSX, XLS, ODS ------------------------------------------------------------------


def _load_workbook(path: Path) -> _Sheet:
    """Any spreadsheet LibreOffice or Excel saves (XLSX, XLS, ODS), read by python-calamine."""
    from python_calamine import CalamineWorkbook  # imported here: reading CSV must not need it

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
        try:
            sheets = [
                _numbered_sheet(workbook.get_sheet_by_index(i).to_python(skip_empty_area=False))
                for i in range(len(workbook.sheet_names))
            ]
        finally:
            workbook.close()
    except CatalogError:
        raise
    except Exception as exc:  # a damaged workbook fails in many ways; all are refused input
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise _refuse(NOT_SPREADSHEET, path=path.name, reason=reason) from None
    return _catalog_sheet(sheets)


def _numbered_sheet(rows: list[list[object]]) -> _Sheet | None:
    """calamine's cells as openpyxl gives them: whole numbers as int, empty cells as None."""
    numbered = [(n, [_as_openpyxl(value) for value in cells]) for n, cells in enumerate(rows, 1)]
    try:
        return _split_header(numbered)
    except CatalogError:
        return None


def _as_openpyxl(value: object) -> object:
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _catalog_sheet(sheets: list[_Sheet | None]) -> _Sheet:
    """The catalog is the first sheet whose header names the required columns (a workbook
    may carry an instructions sheet); else the first non-empty sheet."""
    found_sheets = [sheet for sheet in sheets if sheet is not None]
    if not found_sheets:
        raise _refuse(EMPTY_FILE)
    for sheet in found_sheets:
        found = {_ALIASES.get(_header_key(cell)) for cell in sheet.header}
        if all(name in found for name in REQUIRED):
            return sheet
    return found_sheets[0]


def _split_header(numbered: list[tuple[int, list[object]]]) -> _Sheet:
    for i, (number, cells) in enumerate(numbered):
        if any(_text(cell) for cell in cells):
            return _Sheet(header=cells, header_row=number, rows=numbered[i + 1 :])
    raise _refuse(EMPTY_FILE)


# --- CSV / text ----------------------------------------------------------------------


def _load_text(data: bytes) -> _Sheet:
    text = _decode(data)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise _refuse(EMPTY_FILE)
    skip_sep_line = bool(re.fullmatch(r"sep=.", first.strip()))
    if skip_sep_line:  # Excel's delimiter hint line; Excel does not show it as a row
        delimiter = first.strip()[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = _detect_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered: list[tuple[int, list[object]]] = []
    try:
        for number, cells in enumerate(reader, 1):
            numbered.append((number, list(cells)))
    except csv.Error as exc:
        raise _refuse(BAD_CSV, row=len(numbered) + 1, reason=str(exc)) from None
    sheet = _split_header(numbered)
    return _Sheet(sheet.header, sheet.header_row, sheet.rows, delimiter)


def _decode(data: bytes) -> str:
    """Text of a CSV file: UTF-16 (BOM), UTF-8 (± BOM), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, "utf-16")
    if b"\x00" in data:
        return _decode_as(data, _guess_utf16(data))
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data, "utf-8-sig")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = _decode_as(data, "cp1252")
    utf8 = _UTF8_MULTIBYTE.search(data)
    if utf8:  # valid UTF-8 accents elsewhere: this file mixes two encodings
        raise _refuse(
            MIXED_ENCODING,
            row=_row_at(data, first_bad),
            utf8_row=_row_at(data, utf8.start()),
        )
    return text


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex().upper()
        if encoding.startswith("utf-16"):
            row = _row_at(data[: exc.start].decode(encoding, "replace").encode(), None)
        else:
            row = _row_at(data, exc.start)
        raise _refuse(UNDECODABLE, row=row, byte=bad) from None


def _guess_utf16(data: bytes) -> str:
    """UTF-16 without BOM: ASCII text has its NULs on every other byte."""
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > len(odd) // 2 and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > len(even) // 2 and odd.count(0) == 0:
        return "utf-16-be"
    raise _refuse(NOT_TEXT)


def _row_at(data: bytes, offset: int | None) -> int:
    """Spreadsheet row of the byte at ``offset`` (CSV records, quoted newlines included)."""
    text = data.decode("latin-1")  # never fails; the line structure is what matters
    prefix = text if offset is None else text[:offset]
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _detect_delimiter(first)
    if re.match(r"sep=.\r?\n", prefix):
        prefix = prefix.split("\n", 1)[1]
    records = sum(1 for _ in csv.reader(io.StringIO(prefix, newline=""), delimiter=delimiter))
    at_line_start = prefix == "" or prefix.endswith(("\n", "\r"))
    return records + 1 if at_line_start else max(records, 1)


def _detect_delimiter(header_line: str) -> str:
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


# --- header ----------------------------------------------------------------------------


def _header_key(cell: object) -> str:
    """``" Kode Mitra "`` → ``"kode_mitra"``."""
    words = re.split(r"[\s_\-]+", _text(cell).replace("\ufeff", "").lower())
    return "_".join(w for w in words if w)


def _map_header(sheet: _Sheet) -> tuple[dict[str, int], list[Problem]]:
    """Canonical column → position; problems for duplicate or missing columns."""
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for position, cell in enumerate(sheet.header):
        name = _ALIASES.get(_header_key(cell))
        if name is None:
            continue  # unknown extra column: ignored
        if name in positions:
            other = _text(sheet.header[positions[name]])
            values = (("column", _text(cell)), ("other", other))
            problems.append(Problem(sheet.header_row, _text(cell), DUPLICATE_COLUMN, values))
            continue
        positions[name] = position
    for name in REQUIRED:
        if name not in positions:
            values = (("column", name), ("alias", COLUMNS[name]))
            problems.append(Problem(sheet.header_row, name, MISSING_COLUMN, values))
    return positions, problems


# --- cells ----------------------------------------------------------------------------


def _text(value: object) -> str:
    """A cell as clean text: trimmed, inner whitespace collapsed; integral floats as ints."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]  # an export's neutralised formula-like text (core.export.neutralise)
    return text


def _cell(cells: list[object], positions: dict[str, int], name: str) -> object:
    pos = positions.get(name)
    if pos is None or pos >= len(cells):
        return None
    return cells[pos]


def _is_blank(cells: list[object], positions: dict[str, int]) -> bool:
    """A row with nothing in any recognised column (a spacer or note row) is skipped."""
    return not any(_text(_cell(cells, positions, name)) for name in positions)


def parse_price(value: object) -> int:
    """A price cell → rupiah (XLSX numbers as they are, text through ``parse_rupiah``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_rupiah(value)
    return parse_rupiah(_text(value))


def parse_stock(value: object) -> int:
    """A stock cell → a whole number ≥ 0; blank → 0. Raises :class:`RefusedInput`.

    Accepts ``12``, ``12.0`` (XLSX float or text) and ``1.000`` (Indonesian
    thousands); refuses fractions, negatives and non-numbers.
    """
    if value is None:
        return 0
    if isinstance(value, bool):
        raise RefusedInput(STOCK_NOT_NUMBER, value=value)
    if isinstance(value, float):
        if not value.is_integer():
            raise RefusedInput(STOCK_FRACTION, value=value)
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            raise RefusedInput(STOCK_NEGATIVE, value=value)
        return value
    text = _text(value)
    if not text:
        return 0
    if len(text) > 20:  # no stock within bounds is written that long
        raise RefusedInput(bounds.STOCK_OUT, value=text[:20] + "…", limit=bounds.MAX_STOCK_QTY)
    negative = text[0] in "-\u2212"
    body = text[1:].strip() if negative else text
    whole = _STOCK_WHOLE_DECIMAL.match(body)
    if body.isascii() and body.isdigit():
        number = int(body)
    elif whole:
        number = int(whole.group(1))
    elif _STOCK_GROUPED.match(body):
        number = int(body.replace(".", ""))
    elif re.fullmatch(r"\d+[.,]\d+", body):
        raise RefusedInput(STOCK_FRACTION, value=text)
    else:
        raise RefusedInput(STOCK_NOT_NUMBER, value=text)
    if negative and number != 0:
        raise RefusedInput(STOCK_NEGATIVE, value=text)
    return number


def parse_barcode(value: object) -> str:
    """A barcode cell → the stored form (normalised, validated), or "" when blank.

    Numbers from XLSX become digit strings (Excel drops leading zeros; the
    GS1 check digit does not change with zero padding, so 9–11 digits are
    padded back to 13). Scientific-notation text is refused: its digits are
    gone. Raises :class:`BarcodeError`.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
        code = digits.zfill(13) if 9 <= len(digits) <= 11 else digits
        return _validate_barcode(code)
    text = _text(value)
    if not text:
        return ""
    if _SCIENTIFIC.match(text):
        raise BarcodeError(BARCODE_SCIENTIFIC, value=text)
    if re.fullmatch(r"\d{8,13}\.0+", text):  # a float written out by a script: "8991234567895.0"
        text = text.split(".")[0]
    return _validate_barcode(text)


def _validate_barcode(text: str) -> str:
    """Validate; a code one leading zero short of a valid EAN-8 (7 digits), UPC-A (11) or
    EAN-13 (12) is refused with what the spreadsheet probably did and how to keep it."""
    try:
        return barcodes.validate(barcodes.normalise(text))
    except BarcodeError:
        code = text.strip()
        if code.isascii() and code.isdigit() and len(code) in (7, 11, 12):
            fixed = "0" + code
            if barcodes.is_valid(fixed):
                raise BarcodeError(
                    LEADING_ZERO_LOST, code=code, length=len(code), fixed=fixed
                ) from None
        raise


# --- rows -------------------------------------------------------------------------------


@dataclass
class _Draft:
    """A row being parsed: a checked field is None when its cell was refused."""

    row: int
    partner_code: str
    partner_name: str
    region: str
    product_name: str
    category: str
    price: int | None = None
    barcode: str | None = None
    stock: int | None = None
    problems: list[Problem] = field(default_factory=list)

    def to_row(self) -> CatalogRow:
        if self.price is None or self.barcode is None or self.stock is None:
            raise ValueError(f"row {self.row} has problems; it is not a catalog row")
        return CatalogRow(
            row=self.row,
            partner_code=self.partner_code,
            partner_name=self.partner_name,
            region=self.region,
            product_name=self.product_name,
            category=self.category,
            price=self.price,
            barcode=self.barcode,
            stock=self.stock,
        )


def _parse_row(
    number: int,
    cells: list[object],
    positions: dict[str, int],
    columns: dict[str, str],
    sheet: _Sheet,
) -> _Draft:
    def cell(name: str) -> object:
        return _cell(cells, positions, name)

    draft = _Draft(
        row=number,
        partner_code=_text(cell("partner_code")).upper(),
        partner_name=_text(cell("partner_name")),
        region=_text(cell("region")),
        product_name=_text(cell("product_name")),
        category=_text(cell("category")),
    )

    def problem(name: str, msg: Msg, values: dict[str, object] | None = None) -> None:
        items = tuple((values or {}).items())
        draft.problems.append(Problem(number, columns.get(name, name), msg, items))

    if sheet.delimiter is not None and any(_text(c) for c in cells[len(sheet.header) :]):
        delimiter = "TAB" if sheet.delimiter == "\t" else sheet.delimiter
        values = {"cells": len(cells), "columns": len(sheet.header), "delimiter": delimiter}
        draft.problems.append(Problem(number, "", EXTRA_CELLS, tuple(values.items())))
    if not draft.partner_code:
        problem("partner_code", EMPTY_PARTNER_CODE)
    if not draft.partner_name:
        problem("partner_name", EMPTY_PARTNER_NAME)
    if not draft.product_name:
        problem("product_name", EMPTY_PRODUCT_NAME)
    if draft.partner_code:
        try:
            bounds.check_partner_code(draft.partner_code)
        except RefusedInput as exc:
            problem("partner_code", exc.msg, exc.values)
    for name in ("partner_name", "region", "product_name", "category"):
        try:
            bounds.check_text(getattr(draft, name), name)
        except RefusedInput as exc:
            problem(name, exc.msg, exc.values)
    try:
        draft.price = bounds.check_money(parse_price(cell("price")), "price")
    except RefusedInput as exc:
        problem("price", exc.msg, exc.values)
    try:
        draft.barcode = parse_barcode(cell("barcode"))
    except BarcodeError as exc:
        problem("barcode", exc.msg, exc.values)
    try:
        draft.stock = bounds.check_stock_qty(parse_stock(cell("stock")))
    except RefusedInput as exc:
        problem("stock", exc.msg, exc.values)
    return draft


def _cross_check(drafts: list[_Draft], columns: dict[str, str]) -> Iterator[Problem]:
    """Problems between rows: duplicate barcodes or products, inconsistent partners.

    Each names the later row and points back to the earlier one.
    """
    first_barcode: dict[str, int] = {}
    first_product: dict[tuple[str, str], int] = {}
    partner_name: dict[str, tuple[str, int]] = {}
    partner_region: dict[str, tuple[str, int]] = {}

    def problem(d: _Draft, column: str, msg: Msg, /, **values: object) -> Problem:
        return Problem(d.row, columns.get(column, column), msg, tuple(values.items()))

    for d in drafts:
        code = d.partner_code
        if d.barcode:
            first = first_barcode.setdefault(d.barcode, d.row)
            if first != d.row:
                yield problem(d, "barcode", DUPLICATE_BARCODE, barcode=d.barcode, first_row=first)
        if code and d.product_name:
            first = first_product.setdefault((code, d.product_name.casefold()), d.row)
            if first != d.row:
                yield problem(
                    d, "product_name", DUPLICATE_PRODUCT,
                    name=d.product_name, code=code, first_row=first,
                )  # fmt: skip
        if code and d.partner_name:
            name, row = partner_name.setdefault(code, (d.partner_name, d.row))
            if name != d.partner_name:
                yield problem(
                    d, "partner_name", PARTNER_TWO_NAMES,
                    code=code, first=name, first_row=row, name=d.partner_name,
                )  # fmt: skip
        if code and d.region:
            region, row = partner_region.setdefault(code, (d.region, d.row))
            if region != d.region:
                yield problem(
                    d, "region", PARTNER_TWO_REGIONS,
                    code=code, first=region, first_row=row, region=d.region,
                )  # fmt: skip


# --- importing into the event database ---------------------------------------------------


@dataclass
class _PartnerPlan:
    code: str
    name: str
    region: str | None  # None: the file has no region column; keep what is stored
    id: int | None = None  # existing partner
    old: dict[str, str] = field(default_factory=dict)  # stored values that change

    @property
    def changes(self) -> dict[str, str]:
        new = {"name": self.name, "region": self.region}
        return {k: v for k, v in new.items() if k in self.old and v is not None}


@dataclass
class _ProductPlan:
    row: CatalogRow
    partner: _PartnerPlan
    existing: dict | None  # stored product row, None for a new product
    new: dict[str, object] = field(default_factory=dict)  # changed columns → new values
    intake: int = 0  # stock move to write (signed)
    internal_code: str = ""  # generated EAN-13 for a new product without a barcode


@dataclass
class _Plan:
    partners: list[_PartnerPlan]
    products: list[_ProductPlan]
    taken: set[str]  # every barcode in the database or the file


def import_catalog(
    db: Database, path: str | Path, *, user: User | None = None, at: datetime | None = None
) -> ImportResult:
    """Import a catalog file into the event database, all or nothing.

    Partners are upserted by code; products are found by barcode, else by
    (partner, product name). New products without a barcode get an internal
    EAN-13. The stock column is the total intake: a new product gets an
    intake move, a changed figure a correction move. Raises
    :class:`CatalogError` naming every problem (file and database) before
    anything is written. Re-importing the same file changes nothing.
    """
    path = Path(path)
    parsed = _parse(path)
    event = get_event(db)
    moment = at or clock.now(event.timezone)
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every stored time carries its offset")
    user_id = user.id if user else None
    with write_transaction(db):
        plan, problems = _plan(db, parsed)
        problems = _sorted([*parsed.problems, *problems], parsed.columns)
        if problems:
            raise CatalogError(problems)
        writer = _Writer(db, moment, clock.fair_day(moment, event.timezone).isoformat(), user_id)
        result = writer.apply(plan)
        if result.changed:
            detail = {"file": path.name, "rows": len(parsed.rows)} | asdict(result)
            audit.record(
                db, "catalog.import", user_id=user_id, entity="catalog",
                entity_id=path.name, detail=detail, at=moment,
            )  # fmt: skip
    return result


def _plan(db: Database, parsed: _Parsed) -> tuple[_Plan, list[Problem]]:
    """Match every row to stored partners and products; collect database problems."""
    partners = _plan_partners(db, parsed)
    stored = _StoredProducts(db)
    claimed: dict[int, int] = {}  # product id → row that describes it
    products: list[_ProductPlan] = []
    problems: list[Problem] = []
    for row in parsed.rows:
        partner = partners[row.partner_code]
        try:
            existing = stored.match(row, partner.id, parsed.columns)
            if existing is not None:
                _claim(claimed, existing, row, parsed.columns)
        except _RowProblem as exc:
            problems.append(exc.problem)
            continue
        products.append(_plan_product(row, partner, existing, parsed.columns))
    taken = set(stored.by_barcode) | {r.barcode for r in parsed.rows if r.barcode}
    return _Plan(list(partners.values()), products, taken), problems


class _RowProblem(Exception):
    def __init__(self, row: CatalogRow, column: str, msg: Msg, **values: object) -> None:
        super().__init__(msg.en)
        self.problem = Problem(row.row, column, msg, tuple(values.items()))


class _StoredProducts:
    """The products already in the database, by barcode and by (partner, name)."""

    def __init__(self, db: Database) -> None:
        stored = [dict(r) for r in db.query("SELECT * FROM products ORDER BY id")]
        self.by_barcode = {p["barcode"]: p for p in stored}
        self.by_name: dict[tuple[int, str], list[dict]] = {}
        for p in stored:
            self.by_name.setdefault((p["partner_id"], p["name"].casefold()), []).append(p)
        self.codes = {r["id"]: r["code"] for r in db.query("SELECT id, code FROM partners")}
        # Names a product had before someone renamed it by hand (stock_ops.update_product):
        # a file row without a barcode still under the old name is that product, not a new one.
        by_id = {p["id"]: p for p in stored}
        self.by_old_name: dict[tuple[int, str], dict] = {}
        for product_id, old in records.old_names(db, source=ChangeSource.EDIT):
            product = by_id.get(product_id)
            if product is not None and old:
                self.by_old_name[(product["partner_id"], old.casefold())] = product

    def match(
        self, row: CatalogRow, partner_id: int | None, columns: dict[str, str]
    ) -> dict | None:
        """The stored product ``row`` describes (None: a new one); raises _RowProblem."""
        same_name = self.by_partner_name(partner_id, row.product_name)
        if not row.barcode:
            if same_name is None and partner_id is not None:
                return self.by_old_name.get((partner_id, row.product_name.casefold()))
            return same_name
        existing = self.by_barcode.get(row.barcode)
        if existing is not None and existing["partner_id"] != partner_id:
            raise _RowProblem(
                row, columns["barcode"], BARCODE_OTHER_PRODUCT, barcode=row.barcode,
                name=existing["name"], code=self.codes[existing["partner_id"]],
            )  # fmt: skip
        if same_name is not None and same_name is not existing:
            raise _RowProblem(
                row, columns["product_name"], NAME_TAKEN, code=row.partner_code,
                name=same_name["name"], barcode=same_name["barcode"],
            )  # fmt: skip
        return existing

    def by_partner_name(self, partner_id: int | None, name: str) -> dict | None:
        """The stored product of this partner with this name (exact spelling first)."""
        if partner_id is None:
            return None
        candidates = self.by_name.get((partner_id, name.casefold()), [])
        exact = [p for p in candidates if p["name"] == name]
        return (exact or candidates or [None])[0]


def _claim(claimed: dict[int, int], existing: dict, row: CatalogRow, columns: dict) -> None:
    """Refuse a second row describing the same stored product."""
    first = claimed.setdefault(existing["id"], row.row)
    if first != row.row:
        column = columns["barcode"] if row.barcode else columns["product_name"]
        raise _RowProblem(
            row, column, SAME_PRODUCT_TWICE, first_row=first,
            name=existing["name"], barcode=existing["barcode"],
        )  # fmt: skip


def _plan_partners(db: Database, parsed: _Parsed) -> dict[str, _PartnerPlan]:
    has_region = "region" in parsed.columns
    plans: dict[str, _PartnerPlan] = {}
    for row in parsed.rows:
        plan = plans.setdefault(
            row.partner_code, _PartnerPlan(row.partner_code, row.partner_name, None)
        )
        if has_region and (plan.region is None or not plan.region):
            plan.region = row.region
    by_code: dict[str, tuple[int, str, str]] = {}
    for pid, code, name, region in db.execute(
        "SELECT id, code, name, region FROM partners ORDER BY id"
    ):
        by_code.setdefault(code.strip().upper(), (pid, name, region))
    for plan in plans.values():
        stored = by_code.get(plan.code)
        if stored is None:
            if plan.region is None:
                plan.region = ""
            continue
        plan.id = stored[0]
        if stored[1] != plan.name:
            plan.old["name"] = stored[1]
        if plan.region is not None and stored[2] != plan.region:
            plan.old["region"] = stored[2]
    return plans


def _plan_product(
    row: CatalogRow, partner: _PartnerPlan, existing: dict | None, columns: dict[str, str]
) -> _ProductPlan:
    plan = _ProductPlan(row, partner, existing)
    if existing is None:
        plan.intake = row.stock
        return plan
    wanted: dict[str, object] = {"name": row.product_name, "price": row.price}
    if "category" in columns:
        wanted["category"] = row.category
    if "stock" in columns:
        wanted["catalog_intake"] = row.stock
        plan.intake = row.stock - existing["catalog_intake"]
    plan.new = {k: v for k, v in wanted.items() if existing[k] != v}
    return plan


class _Writer:
    """Applies a checked plan inside the caller's transaction."""

    def __init__(self, db: Database, at: datetime, day: str, user_id: int | None) -> None:
        self.db = db
        self.at = at
        self.iso = clock.to_iso(at)
        self.day = day
        self.user_id = user_id

    def apply(self, plan: _Plan) -> ImportResult:
        partners_added, partners_updated = self._partners(plan.partners)
        new = [p for p in plan.products if p.existing is None]
        self._assign_codes(new, plan.taken)
        for product in new:
            self._insert_product(product)
        updated = unchanged = 0
        for product in plan.products:
            if product.existing is None:
                continue
            if product.new:
                self._update_product(product)
                updated += 1
            else:
                unchanged += 1
            if product.intake:
                self._move(product.existing["id"], product.intake, "catalog correction")
        moves = sum(1 for p in plan.products if p.intake)
        return ImportResult(
            partners_added=partners_added,
            partners_updated=partners_updated,
            products_added=len(new),
            products_updated=updated,
            intake_moves=moves,
            unchanged=unchanged,
        )

    def _partners(self, plans: list[_PartnerPlan]) -> tuple[int, int]:
        added = updated = 0
        for plan in plans:
            if plan.id is None:
                cur = self.db.execute(
                    "INSERT INTO partners (code, name, region, created_at) VALUES (?, ?, ?, ?)",
                    (plan.code, plan.name, plan.region or "", self.iso),
                )
                plan.id = cur.lastrowid
                added += 1
            elif plan.changes:
                changes = plan.changes
                sets = ", ".join(f"{k} = ?" for k in changes)
                self.db.execute(
                    f"UPDATE partners SET {sets} WHERE id = ?", (*changes.values(), plan.id)
                )
                detail = {"code": plan.code, "old": plan.old, "new": changes}
                self._audit("partner.update", "partner", plan.id, detail)
                updated += 1
        return added, updated

    def _assign_codes(self, new: list[_ProductPlan], taken: set[str]) -> None:
        blank = [p for p in new if not p.row.barcode]
        codes = barcodes.next_internal_codes(len(blank), taken=taken.__contains__)
        for product, code in zip(blank, codes, strict=True):
            product.internal_code = code
            taken.add(code)

    def _insert_product(self, product: _ProductPlan) -> None:
        row = product.row
        cur = self.db.execute(
            "INSERT INTO products (barcode, barcode_internal, name, partner_id, category, price, "
            "catalog_intake, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
            (
                product.internal_code or row.barcode,
                1 if product.internal_code else 0,
                row.product_name,
                product.partner.id,
                row.category,
                row.price,
                row.stock,
                self.iso,
            ),
        )
        if row.stock > 0:
            self._move(cur.lastrowid, row.stock, "catalog import")

    def _update_product(self, product: _ProductPlan) -> None:
        existing = product.existing
        assert existing is not None
        sets = ", ".join(f"{k} = ?" for k in product.new)
        self.db.execute(
            f"UPDATE products SET {sets} WHERE id = ?", (*product.new.values(), existing["id"])
        )
        old = {k: existing[k] for k in product.new}
        detail = {"barcode": existing["barcode"], "old": old, "new": product.new}
        records.record_product_change(
            self.db, existing["id"], old, product.new, at=self.iso, user_id=self.user_id,
            source=ChangeSource.CATALOG,
        )  # fmt: skip
        self._audit("product.update", "product", existing["id"], detail)

    def _move(self, product_id: int, qty: int, reason: str) -> None:
        stock.record_move(
            self.db, product_id, MoveKind.INTAKE, qty,
            at=self.at, day=self.day, user_id=self.user_id, reason=reason,
        )  # fmt: skip

    def _audit(self, action: str, entity: str, entity_id: int, detail: dict) -> None:
        audit.record(
            self.db, action, user_id=self.user_id, entity=entity,
            entity_id=entity_id, detail=detail, at=self.at,
        )  # fmt: skip
