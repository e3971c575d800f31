"""Helpers for the tests of a till beside its neighbours (issue 11): the real
``boothpos`` command line in processes of its own, as a booth runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def boothpos_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    """``boothpos --db DB ARGS…`` in a new process."""
    return subprocess.run(
        [sys.executable, "-m", "boothpos", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def receipts_in_books(db: Path) -> list[str]:
    """The receipt numbers a fresh process finds in the file (``export sales``)."""
    done = boothpos_cli(db, "export", "sales", "--format", "json")
    assert done.returncode == 0, done.stderr
    return [s["receipt_no"] for s in json.loads(done.stdout)]


def first_code(db: Path) -> str:
    """The barcode of the first product (``export products``)."""
    done = boothpos_cli(db, "export", "products", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)[0]["barcode"]
