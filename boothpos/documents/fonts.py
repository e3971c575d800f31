"""Fonts for documents: small PDFs when possible, every glyph when needed.

Reportlab's built-in Helvetica is not embedded (a receipt stays a few KB) and
covers Windows-1252: Indonesian text, ``×``, ``–``, ``é``. A name outside it
(``ṭ``, ``ā``, Cyrillic, …) needs a TrueType font: the first of DejaVu Sans or
Arial found on this machine is embedded (subset) for that document only.
Without one, the characters Helvetica cannot show become ``?`` rather than
empty boxes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

BUILTIN_ENCODING = "cp1252"

# (registered name, regular file, bold file), tried in order.
TRUETYPE_CANDIDATES: tuple[tuple[str, tuple[Path, Path]], ...] = (
    (
        "DejaVuSans",
        (
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ),
    ),
    (
        "DejaVuSans",
        (
            Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
        ),
    ),
    ("Arial", (Path("C:/Windows/Fonts/arial.ttf"), Path("C:/Windows/Fonts/arialbd.ttf"))),
    (
        "Arial",
        (
            Path("/System/Library/Fonts/Supplemental/Arial.ttf"),
            Path("/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
        ),
    ),
)


@dataclass(frozen=True)
class FontPair:
    """A regular and a bold font, registered with reportlab."""

    regular: str
    bold: str
    embedded: bool  # True for a TrueType font covering more than Windows-1252

    def clean(self, text: str) -> str:
        """``text`` as this font can show it (``?`` for a glyph it lacks)."""
        if self.embedded:
            return text
        return "".join(ch if _builtin_can_show(ch) else "?" for ch in text)

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        return pdfmetrics.stringWidth(text, self.bold if bold else self.regular, size)


HELVETICA = FontPair("Helvetica", "Helvetica-Bold", embedded=False)


def _builtin_can_show(ch: str) -> bool:
    try:
        ch.encode(BUILTIN_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def needs_truetype(texts: Iterable[str]) -> bool:
    return any(not _builtin_can_show(ch) for text in texts for ch in text)


@cache
def truetype_fonts() -> FontPair | None:
    """Register the first TrueType family found on this machine (once), or None."""
    for name, (regular, bold) in TRUETYPE_CANDIDATES:
        if regular.is_file() and bold.is_file():
            try:
                pdfmetrics.registerFont(TTFont(name, str(regular)))
                pdfmetrics.registerFont(TTFont(f"{name}-Bold", str(bold)))
            except Exception:  # a damaged font file: try the next one
                continue
            return FontPair(name, f"{name}-Bold", embedded=True)
    return None


def fonts_for(texts: Iterable[str]) -> FontPair:
    """Helvetica when it can show every text, else an embedded TrueType font if any."""
    if not needs_truetype(texts):
        return HELVETICA
    return truetype_fonts() or HELVETICA
