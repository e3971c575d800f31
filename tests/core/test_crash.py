"""Crash safety: a till killed with SIGKILL at any moment leaves whole books.

The harness lives in ``benchmarks/kill_test.py`` (its long run kills a till
over a thousand times); this is its short run, inside the test suite: the
first sale of a fair day — the action with the most statements, since it
also opens the day — killed before each of its statements and right after
it returned, then a few kills at random moments of a selling loop. After
every kill: ``boothpos check`` passes, every record is whole, the sale is
present exactly when the kill came after its COMMIT, no reported receipt is lost.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX SIGKILL")

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "kill_test.py"


@pytest.fixture(scope="module")
def kill_test():
    spec = importlib.util.spec_from_file_location("boothpos_kill_test", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_a_sale_killed_at_every_statement_or_at_random_is_whole_or_absent(kill_test, tmp_path):
    tally = kill_test.run(
        rounds=1, random_n=8, scenarios=("first_sale",), workdir=tmp_path, quiet=True
    )

    assert tally.failures == []
    # a checkout runs about 27 statements: every one is a kill point, plus "just returned"
    assert tally.statement_kills >= 20
    assert tally.absent == tally.statement_kills - 1  # killed before or at COMMIT: absent
    assert tally.present == 1  # killed after it returned: whole
    assert tally.random_kills == 8
    assert tally.reported > 0 and tally.lost == 0
    assert tally.checks == tally.kills


def test_the_harness_notices_a_half_written_sale(kill_test, tmp_path):
    """The wholeness checks are not vacuous: a sale whose stock moves are missing is named."""
    path = tmp_path / "half.db"
    kill_test.build_base(path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER stock_moves_no_delete")
        conn.execute("DELETE FROM stock_moves WHERE sale_id = (SELECT MAX(id) FROM sales)")
        conn.execute(
            "UPDATE products SET on_hand = (SELECT COALESCE(SUM(qty), 0) FROM stock_moves m "
            "WHERE m.product_id = products.id)"
        )
        conn.commit()

    problems = kill_test.verify(path, kill_test.Tally())

    assert any(p.startswith("sale without a stock move per line") for p in problems)
