"""The documents' colours live in documents/palette.py, nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib import colors

from boothpos.documents import palette

DOCUMENTS = Path(palette.__file__).resolve().parent
A_COLOUR = re.compile(r"HexColor\(|colors\.(?!Color\b)\w+|colors\.Color\(|Gray\([0-9.]")


def test_the_palette_holds_reportlab_colours_and_grey_levels():
    for name, value in vars(palette).items():
        if name.isupper():
            assert isinstance(value, colors.Color | int | float), name
            if not isinstance(value, colors.Color):
                assert 0 <= value <= 1, name


def test_no_document_names_a_colour_of_its_own():
    found = []
    for path in sorted(DOCUMENTS.glob("*.py")):
        if path.name == "palette.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if A_COLOUR.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []
