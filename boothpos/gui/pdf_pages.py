"""PDF pages as images for on-screen previews (pdfium), and atomic file writes.

These run on the :class:`~boothpos.gui.worker.BackgroundWork` thread: they
take plain bytes and return a ``QImage`` (safe to make off the GUI thread;
a ``QPixmap`` is not). pdfium is not thread-safe, so every caller goes
through the one worker thread the app has.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that a half-written file never replaces a good one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
