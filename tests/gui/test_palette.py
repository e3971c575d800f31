"""Every colour of the screens comes from gui/palette.py, named by its job."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor

from boothpos.gui import palette

GUI = Path(palette.__file__).resolve().parent
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
# Part of issue 14 moves these over after the merge; until then they keep their literals.


NAMED = re.compile(r":\s*(white|black)\b")  # a style sheet's named colour


def test_every_colour_is_a_valid_colour_with_one_name():
    colours = {k: v for k, v in vars(palette).items() if k.isupper()}
    assert len(colours) > 40
    for name, value in colours.items():
        assert HEX.fullmatch(value), name
        assert QColor(value).isValid(), name
    values = list(colours.values())
    twins = {v for v in values if values.count(v) > 1}
    assert twins == set()  # one colour, one name


def test_no_screen_writes_a_colour_of_its_own():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        rel = path.relative_to(GUI).as_posix()
        if rel == "palette.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HEX.search(line) or NAMED.search(line):
                found.append(f"{rel}:{number}: {line.strip()}")
    assert found == []
