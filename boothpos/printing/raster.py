"""Rasterise a PDF for a thermal printer: 1-bit images exactly as wide as the print head.

A 58 mm roll prints 48 mm (384 dots at 203 dpi), an 80 mm roll 72 mm (576
dots). Receipts are laid out inside that printable width, centred on the
page, so a page is rendered at the printer's resolution and its blank side
margins cropped away. A page whose content is wider than the head (an 80 mm
receipt on a 58 mm printer) is scaled down to fit rather than clipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

DEFAULT_DPI = 203
PRINTABLE_MM = {58: 48.0, 80: 72.0}
THRESHOLD = 160  # grey levels below this print black (a little bold suits thermal paper)


_NO_DITHER = 0  # PIL.Image.Dither.NONE, without importing PIL at module import


def dots_for_paper(paper_mm: int, dpi: int = DEFAULT_DPI) -> int:
    """Print-head width in dots (a multiple of 8): 384 for 58 mm, 576 for 80 mm at 203 dpi."""
    if isinstance(paper_mm, bool) or paper_mm not in PRINTABLE_MM:
        raise ValueError(f"paper width {paper_mm!r} mm: choose 58 or 80")
    if not isinstance(dpi, int) or not 100 <= dpi <= 600:
        raise ValueError(f"printer resolution {dpi!r} dpi: choose 100 to 600")
    return round(PRINTABLE_MM[paper_mm] / 25.4 * dpi / 8) * 8


def rasterise(pdf: bytes, *, dots: int, dpi: int = DEFAULT_DPI) -> list[Image]:
    """Every page of ``pdf`` as a 1-bit image ``dots`` wide, at ``dpi``."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [_page_image(doc[i], dots=dots, dpi=dpi) for i in range(len(doc))]
    finally:
        doc.close()


def _render(page, scale: float) -> Image:
    return page.render(scale=scale, grayscale=True).to_pil().convert("L")


def _ink_columns(image: Image) -> tuple[int, int] | None:
    """Left and right (exclusive) pixel columns holding anything that prints."""
    box = image.point(lambda v: 255 if v < THRESHOLD else 0).getbbox()
    return (box[0], box[2]) if box else None


def _page_image(page, *, dots: int, dpi: int) -> Image:
    scale = dpi / 72
    image = _render(page, scale)
    ink = _ink_columns(image)
    if ink and ink[1] - ink[0] > dots:  # wider than the head: shrink the ink to fit
        image = _render(page, scale * (dots - 1) / (ink[1] - ink[0]))
        ink = _ink_columns(image)
    image = _fit_width(image, dots, ink)
    return image.point(lambda v: 0 if v < THRESHOLD else 255).convert("1", dither=_NO_DITHER)


def _fit_width(image: Image, dots: int, ink: tuple[int, int] | None) -> Image:
    """Crop to ``dots`` columns around the ink, or centre on white paper when narrower."""
    from PIL import Image as PILImage

    if image.width <= dots:
        paper = PILImage.new("L", (dots, image.height), 255)
        paper.paste(image, ((dots - image.width) // 2, 0))
        return paper
    left = _window(image.width, dots, ink)
    return image.crop((left, 0, left + dots, image.height))


def _window(width: int, dots: int, ink: tuple[int, int] | None) -> int:
    """Left edge of a ``dots``-wide window: centred, shifted only to keep ink inside."""
    left = (width - dots) // 2
    if ink is None:
        return left
    if ink[0] < left:
        left = ink[0]
    elif ink[1] > left + dots:
        left = ink[1] - dots
    return max(0, min(left, width - dots))
