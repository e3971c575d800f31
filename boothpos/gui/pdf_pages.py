"""PDF pages as images for on-screen previews (pdfium).

These run on the :class:`~boothpos.gui.worker.BackgroundWork` thread: they
take plain bytes and return a ``QImage`` (safe to make off the GUI thread;
a ``QPixmap`` is not). pdfium is not thread-safe, so every caller goes
through the one worker thread the app has.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

PREVIEW_MIN_WIDTH = 420
PREVIEW_MAX_WIDTH = 1400


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def render_page(pdf: bytes, index: int, width_px: int) -> QImage:
    """Page ``index`` (0-based) of ``pdf`` rendered ``width_px`` pixels wide (white background)."""
    import pypdfium2 as pdfium

    width_px = max(PREVIEW_MIN_WIDTH, min(int(width_px), PREVIEW_MAX_WIDTH))
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[index]
        try:
            width_pt, _height_pt = page.get_size()
            bitmap = page.render(scale=width_px / width_pt, rev_byteorder=True, prefer_bgrx=True)
            try:
                image = QImage(
                    bytes(bitmap.buffer),
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                ).copy()  # own the pixels: the buffer goes away with the bitmap
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        doc.close()
    return image
