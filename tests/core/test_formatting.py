"""One answer per text for people: rates, dates and local times (core.formatting)."""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from boothpos.core import clock, formatting
from boothpos.core.formatting import (
    clock_time,
    day_month_text,
    day_text,
    local_text,
    local_time,
    rate_text,
    slash_date,
    zone_name,
)

PACKAGE = Path(formatting.__file__).resolve().parents[1]


def test_a_rate_is_written_the_indonesian_way_with_the_sign_close():
    shown = [rate_text(bp) for bp in (0, 5, 333, 1000, 1250, 10000)]
    assert shown == ["0%", "0,05%", "3,33%", "10%", "12,5%", "100%"]


def test_a_moment_shows_in_the_event_zone_with_its_indonesian_name():
    iso = "2024-02-28T07:30:00+00:00"
    assert local_time(iso, "Asia/Jakarta") == "28/02/2024 14:30 WIB"
    assert local_time(iso, "Asia/Pontianak") == "28/02/2024 14:30 WIB"
    assert local_time(iso, "Asia/Makassar") == "28/02/2024 15:30 WITA"
    assert local_time(iso, "Asia/Jayapura") == "28/02/2024 16:30 WIT"
    moment = datetime.fromisoformat(iso)
    assert local_text(moment, "Asia/Jakarta") == "28/02/2024 14:30 WIB"
    assert clock.local_text(moment) == "28/02/2024 14:30 WIB"  # the old home answers the same
    assert clock_time(iso, "Asia/Makassar") == "15:30"


def test_another_zone_shows_its_own_abbreviation_or_else_its_name():
    winter = datetime(2024, 2, 28, 12, 0, tzinfo=ZoneInfo("UTC"))
    assert local_text(winter, "Europe/Amsterdam") == "28/02/2024 13:00 CET"
    summer = datetime(2024, 7, 1, 12, 0, tzinfo=ZoneInfo("UTC"))
    assert local_text(summer, "Europe/Amsterdam") == "01/07/2024 14:00 CEST"
    assert zone_name("Asia/Makassar") == "WITA"
    assert zone_name("Europe/Amsterdam") == "Europe/Amsterdam"  # no moment: the name itself


def test_dates_on_screens_and_in_tables():
    assert day_text(date(2024, 2, 9)) == "09-02-2024"
    assert day_text(datetime(2024, 3, 3, 21, 40)) == "03-03-2024"
    assert day_month_text(date(2024, 3, 3)) == "03/03"
    assert slash_date(date(2024, 2, 9)) == "09/02/2024"


def _defined_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def test_no_module_keeps_its_own_copy_of_these_helpers():
    """A second ``rate_text`` or zone table is how the copies came to give different answers."""
    helpers = {"rate_text", "_rate", "local_time", "zone_name", "clock_time", "_shown"}
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "formatting.py":
            continue
        text = path.read_text(encoding="utf-8")
        found = _defined_names(path) & helpers
        if "_shown" in found and 'strftime("%d-%m-%Y")' not in text:
            found.discard("_shown")  # a helper of that name for something else (receipt lists)
        if "ZONE_NAMES = {" in text:
            found.add("ZONE_NAMES")
        if "%d/%m" in text or "%d-%m" in text:
            found.add("a day-month format of its own")
        copies += [f"{path.relative_to(PACKAGE)}: {name}" for name in sorted(found)]
    assert copies == []
