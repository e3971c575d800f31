"""The typed codes are the very strings the schema allows and the contracts print."""

from __future__ import annotations

import json
import re
import sqlite3

from boothpos.core import codes
from boothpos.core.db import connect_memory


def allowed(column: str) -> set[str]:
    """The values every ``CHECK (column IN (...))`` of a freshly built database allows."""
    db = connect_memory()
    text = "\n".join(
        sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
    )
    found = re.findall(rf"{column} IN\s*\(([^)]*)\)", text)
    assert found, f"no CHECK on {column} in the schema"
    return {value for group in found for value in re.findall(r"'([^']*)'", group)}


def test_every_code_is_what_the_schema_allows():
    assert {m.value for m in codes.Method} == allowed("method")
    assert {r.value for r in codes.Role} == allowed("role")
    assert {k.value for k in codes.MoveKind} | {k.value for k in codes.SaleKind} | {
        k.value for k in codes.DayEvent
    } == allowed("kind")
    assert {o.value for o in codes.Origin} == allowed("origin")
    assert {s.value for s in codes.RecordStatus} == allowed("status")


def test_a_code_goes_into_sqlite_and_json_as_its_plain_string():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (method TEXT)")
    con.execute("INSERT INTO t VALUES (?)", (codes.Method.QRIS,))

    stored = con.execute("SELECT method, typeof(method) FROM t").fetchone()

    assert stored == ("qris", "text")
    assert stored[0] == codes.Method.QRIS
    assert json.dumps({codes.Method.CASH: codes.SaleStatus.VOIDED}) == '{"cash": "voided"}'
    assert f"{codes.DayStatus.NOT_OPENED}" == "not_opened"


def test_the_report_order_of_methods_is_the_contract_order():
    assert codes.METHODS == ("cash", "qris", "debit", "credit", "transfer")
