"""The documents name the stored codes from one table keyed by core.codes' enums."""

from __future__ import annotations

import ast
from pathlib import Path

from boothpos.core import codes
from boothpos.documents import booth_summary, code_names, receipt, z_report
from boothpos.documents.code_names import METHOD_NAMES, method_name

DOCUMENTS = Path(code_names.__file__).resolve().parent
STORED_CODES = {
    str(member)
    for enum in (codes.Method, codes.SaleKind, codes.SaleStatus, codes.DayStatus, codes.MoveKind)
    for member in enum
}


def test_every_payment_method_has_a_name_in_both_languages():
    assert set(METHOD_NAMES) == set(codes.Method)
    assert [method_name(m) for m in codes.METHODS] == [
        "Tunai", "QRIS", "Kartu Debit", "Kartu Kredit", "Transfer Bank",
    ]  # fmt: skip
    assert [method_name(m, "en") for m in codes.METHODS] == [
        "Cash", "QRIS", "Debit card", "Credit card", "Bank transfer",
    ]  # fmt: skip
    assert method_name("cash") == method_name(codes.Method.CASH) == "Tunai"  # stored string too
    assert method_name("gopay") == "gopay"  # unknown: shown as stored, never a failure


def test_the_receipt_and_the_reports_use_the_one_table():
    assert receipt.method_name is z_report.method_name is booth_summary.method_name is method_name


def test_no_document_compares_against_a_bare_stored_code():
    """``sale.status == "voided"`` with a typo prints a wrong receipt; the enum fails on import."""
    found = []
    for path in sorted(DOCUMENTS.glob("*.py")):
        if path.name == "partner_slip.py":  # slip markup kinds, not stored codes
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                for side in (node.left, *node.comparators):
                    if isinstance(side, ast.Constant) and side.value in STORED_CODES:
                        found.append(f"{path.name}:{node.lineno} {side.value!r}")
    assert found == []
