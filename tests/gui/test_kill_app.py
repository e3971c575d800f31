"""The real app with neighbours, SIGKILLed at random (issue 11): a short run in CI.

The harness is ``benchmarks/kill_app.py`` (its long run: 500 kills; figures in
benchmarks/README.md). Each round runs the real cashier app in a child process
(offscreen), rings up sales by key presses while ``export``, ``report``,
``partner view``, ``check`` and ``backup`` run beside it, then SIGKILLs it.
After every kill: every sale the app reported saved is in the books with its
uuid, no receipt number went to another sale, ``check`` passes, and the app
opened no database file outside SQLite. Against the code before issue 11 the
first kill already fails (the sales are lost with the -wal a neighbour deleted).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "kill_app.py"


def test_the_real_app_killed_beside_its_neighbours_loses_no_sale(tmp_path):
    spec = importlib.util.spec_from_file_location("boothpos_kill_app", HARNESS)
    harness = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = harness  # its dataclasses look their module up there
    spec.loader.exec_module(harness)

    figures, problems = harness.run(4, seed=7, folder=tmp_path, quiet=True)

    assert problems == []
    assert figures.kills == 4
    assert figures.sales_checked >= 4  # each round waits for a sale before the kill
    assert figures.lost == figures.reused == figures.plain_opens == 0
    assert figures.neighbour_runs >= 4
