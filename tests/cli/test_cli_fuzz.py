"""Hostile input to every command that takes input: never a traceback, exit 0 or 2.

Arbitrary text and numbers (huge integers, NaN, far dates, control characters,
SQL and formula text, 5,000-character names) go through the command line's
own ``main`` in-process. Each run must end with exit 0, or exit 2 with a
message and the database exactly as it was.

CI runs a fixed seed (``derandomize``); ``benchmarks/fuzz_cli.py`` runs the
same property with many more, random examples (``BOOTHPOS_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qris_samples import PUBLISHED_STATIC

from boothpos.cli import main

EXAMPLES = int(os.environ.get("BOOTHPOS_FUZZ_EXAMPLES", "0"))
FIXED_SEED = EXAMPLES == 0  # CI: the same examples every run

CATALOG = (
    "partner_code,partner_name,region,product_name,category,price,barcode,stock\n"
    "AMB01,Mutiara Ambon,Ambon,Kalung Mutiara,Perhiasan,250000,,10\n"
    "AMB01,Mutiara Ambon,Ambon,Gelang Mutiara,Perhiasan,35000,,3\n"
    "ACH01,Kopi Gayo,Aceh,Kopi Arabika 250 g,Kopi,85000,8991234567891,20\n"
)
NASTY = [
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "-9223372036854775809",
    "1000000000000",
    "40000000000000",
    "1e308",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "-1",
    "0",
    "",
    " ",
    "9999-12-31T23:59:59-12:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "0001-01-01",
    "2024-02-30",
    "2024-02-28",
    "2024-02-29T10:00:00+07:00",
    "AMB01' OR 1=1 --",
    "MITRA-AMB01",
    "AMB01",
    "ACH01",
    "8991234567891",
    '=HYPERLINK("http://x","y")',
    "a\x1bb\x07",
    "x" * 5000,
    "9" * 5000,
    "12,5",
    "Rp 1.250.000",
    "1.000.000.000.000",
    "\u0663",
    "\u00bd",
    "\uff11\uff12",
    "1111",
    "kasir",
    "supervisor",
]
VALUE = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.integers().map(str),
    st.integers(min_value=2**60, max_value=2**200).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
CODE = st.one_of(st.sampled_from(["8991234567891", "AMB01", "ACH01"]), VALUE)


def argv_strategy(folder: Path):
    pdf = str(folder / "out.pdf")
    v = VALUE
    return st.one_of(
        st.tuples(CODE, v).map(lambda a: ["sell", f"{a[0]}:{a[1]}"]),
        st.tuples(CODE, v).map(lambda a: ["sell", a[0], "--at", a[1]]),
        st.tuples(CODE, st.sampled_from(["cash", "qris", "debit"]), v).map(
            lambda a: ["sell", a[0], "--pay", f"{a[1]}={a[2]}"]
        ),
        st.tuples(v, v).map(lambda a: ["open-day", a[0], "--float", a[1]]),
        st.tuples(v, v).map(lambda a: ["close-day", a[0], "--counted-cash", a[1]]),
        v.map(lambda a: ["close-day", "2024-02-29", "--denominations", a]),
        st.tuples(v, v).map(lambda a: ["reopen-day", a[0], "--reason", a[1]]),
        st.tuples(CODE, v).map(lambda a: ["product", "edit", a[0], "--price", a[1]]),
        st.tuples(CODE, v).map(lambda a: ["product", "edit", a[0], "--name", a[1]]),
        st.tuples(CODE, v).map(lambda a: ["stock", "intake", f"{a[0]}:{a[1]}"]),
        st.tuples(CODE, v).map(
            lambda a: ["stock", "adjust", a[0], "--delta", a[1], "--reason", "miscount"]
        ),
        st.tuples(CODE, v).map(
            lambda a: ["stock", "adjust", a[0], "--count", a[1], "--reason", "miscount"]
        ),
        st.tuples(CODE, v).map(
            lambda a: ["stock", "return", f"{a[0]}:{a[1]}", "--partner", "AMB01"]
        ),
        st.tuples(v, st.sampled_from([[], ["--partner", "AMB01"]])).map(
            lambda a: ["commission", a[0], *a[1]]
        ),
        st.tuples(v, v).map(lambda a: ["bank-details", a[0], a[1]]),
        v.map(lambda a: ["audit", "--limit", a]),
        v.map(lambda a: ["audit", "--action", a]),
        v.map(lambda a: ["report", "day", a, "--json"]),
        st.tuples(v, v).map(
            lambda a: ["report", "settlement", "--from", a[0], "--to", a[1], "--json"]
        ),
        v.map(lambda a: ["report", "settlement", "--partner", a, "--json"]),
        st.tuples(v, v).map(lambda a: ["partner", "pin", a[0], "--pin", a[1]]),
        st.tuples(v, v).map(lambda a: ["partner", "view", a[0], "--pin", a[1], "--json"]),
        v.map(lambda a: ["receipt", a, "-o", pdf]),
        v.map(lambda a: ["labels", "--copies", a, "-o", pdf]),
        v.map(lambda a: ["labels", "--partner", a, "-o", pdf]),
        st.tuples(v, v).map(lambda a: ["labels", "calibrate", "--layout", a[0], "--x", a[1]]),
        st.lists(st.tuples(v, v, v, v), min_size=1, max_size=3).map(
            lambda rows: ["import", "catalog", _catalog_file(folder, rows)]
        ),
        v.map(lambda a: ["qris", "set", a]),
        v.map(lambda a: ["qris", "payload", a]),
        v.map(lambda a: ["qris", "png", a, "-o", str(folder / "qr.png")]),
        st.tuples(st.lists(st.tuples(v, v, v), min_size=1, max_size=3), v).map(
            lambda a: ["qris", "match", _history_file(folder, a[0]), "--day", a[1], "--json"]
        ),
    )


def _history_file(folder: Path, rows: list[tuple[str, str, str]]) -> str:
    """A QRIS history (generic columns) whose time, amount and reference are fuzzed."""
    path = folder / "history.csv"
    lines = ["time;amount;reference"]
    for cells in rows:
        lines.append(
            ";".join(c.replace(";", ",").replace("\n", " ").replace("\r", " ") for c in cells)
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return str(path)


def _catalog_file(folder: Path, rows: list[tuple[str, str, str, str]]) -> str:
    """A catalog whose code, name, price and stock cells are the fuzzed values."""
    path = folder / "fuzz.csv"
    lines = ["partner_code;partner_name;product_name;price;stock"]
    for code, name, price, stock in rows:
        cells = [c.replace(";", ",").replace("\n", " ").replace("\r", " ") for c in (code, name)]
        cells += [price.replace(";", ","), stock.replace(";", ",")]
        lines.append(";".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return str(path)


# commands whose refusal is itself recorded: a wrong partner PIN counts toward the lock
RECORDS_REFUSAL = {("partner", "view")}


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse refusing an argument: exit 2 with usage
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def fingerprint(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    os.environ.setdefault("BOOTHPOS_HOME", str(folder / "home"))
    path = folder / "fuzz.db"
    base = ["--lang", "en", "--db", str(path)]
    assert run([*base, "init", "--admin-pin", "2468", "--start", "2024-02-28"])[0] == 0
    (folder / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    assert run([*base, "import", "catalog", str(folder / "catalog.csv")])[0] == 0
    code, _, err = run([*base, "sell", "8991234567891:2", "--at", "2024-02-28T10:00:00+07:00"])
    assert code == 0, err
    assert run([*base, "partner", "pin", "AMB01", "--pin", "4321"])[0] == 0
    code, _, err = run([*base, "qris", "set", PUBLISHED_STATIC])
    assert code == 0, err
    return folder, path, base


def test_no_input_ends_in_a_traceback_or_changes_a_refused_database(fuzz_db):
    folder, path, base = fuzz_db

    @settings(
        max_examples=EXAMPLES or 250,
        derandomize=FIXED_SEED,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(argv=argv_strategy(folder))
    def prop(argv: list[str]) -> None:
        before = fingerprint(path)
        code, out, err = run([*base, *argv])
        assert "Traceback" not in out + err, (argv, err)
        assert code in (0, 2), (argv, code, err[-2000:])
        if code == 2:
            assert err.strip(), argv  # a message says why
            if tuple(argv[:2]) not in RECORDS_REFUSAL:
                assert fingerprint(path) == before, (argv, err)

    prop()


@pytest.mark.parametrize(
    "argv",
    [
        ["sell", "--pay", "cash=9223372036854775808", "8991234567891"],
        ["sell", "8991234567891:1000000000000"],
        ["sell", "--pay", "cash=1000000000000", "8991234567891"],
        ["sell", "--at", "9999-12-31T23:59:59-12:00", "8991234567891"],
        ["product", "edit", "8991234567891", "--price", "9223372036854775808"],
        ["open-day", "2024-03-01", "--float", "9223372036854775808"],
        ["close-day", "2024-02-28", "--counted-cash", "9223372036854775808"],
        ["audit", "--limit", "9223372036854775808"],
        ["commission", "NaN"],
        ["commission", "inf", "--partner", "AMB01"],
        ["stock", "intake", "8991234567891:1000000000000"],
        ["stock", "adjust", "8991234567891", "--delta", "9223372036854775808", "--reason", "lost"],
        ["labels", "--copies", "9223372036854775808", "-o", "x.pdf"],
        ["report", "day", "9999-12-31"],
        ["qris", "payload", "9223372036854775808"],
        ["qris", "png", "1000000000000", "-o", "x.png"],
    ],
)
def test_the_attacks_of_issue_12_are_refused_with_a_message(fuzz_db, argv):
    _, path, base = fuzz_db
    before = fingerprint(path)
    code, out, err = run([*base, *argv])
    assert code == 2, (code, out, err)
    assert err.strip() and "Traceback" not in err
    assert fingerprint(path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["close-day", "2024-02-29", "--denominations", "100000=²"],
        ["close-day", "2024-02-29", "--denominations", "100000=" + "9" * 5000],
        ["close-day", "2024-02-29", "--denominations", "100000=100000000"],
        ["reopen-day", "2024-02-28", "--reason", "a\x07b"],
        ["bank-details", "AMB01", "BRI\x1b[31m 0123"],
        ["stock", "adjust", "8991234567891", "--delta", "1", "--reason", "lost", "--note", "\x00"],
    ],
)
def test_more_hostile_values_are_refused_with_a_message(fuzz_db, argv):
    _, path, base = fuzz_db
    before = fingerprint(path)
    code, out, err = run([*base, *argv])
    assert code == 2, (code, out, err)
    assert err.strip() and "Traceback" not in err
    assert fingerprint(path) == before


@pytest.mark.parametrize(
    "extra",
    [
        ["--days", "9223372036854775808"],
        ["--event", "x" * 5000],
        ["--event", "Pameran\x07"],
        ["--start", "9999-12-31"],
    ],
)
def test_init_refuses_values_out_of_bounds_and_creates_nothing(tmp_path, extra):
    path = tmp_path / "new.db"
    code, _, err = run(["--lang", "en", "--db", str(path), "init", "--admin-pin", "2468", *extra])
    assert code == 2 and err.strip() and "Traceback" not in err
    if path.exists():  # the schema may be there; no event, no user
        with contextlib.closing(sqlite3.connect(path)) as conn:
            assert conn.execute("SELECT COUNT(*) FROM event").fetchone()[0] == 0
            assert conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 0
