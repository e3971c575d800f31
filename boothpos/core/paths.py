"""Where things live: the user data dir, the bundled resources."""

from __future__ import annotations

import os
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

APP = "boothpos"


def data_dir() -> Path:
    """The user's boothpos data folder (``BOOTHPOS_HOME`` overrides it)."""
    override = os.environ.get("BOOTHPOS_HOME")
    if override:
        base = Path(override)
    else:
        import platformdirs  # not needed when BOOTHPOS_HOME or --db says where

        base = Path(platformdirs.user_data_dir(APP, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db() -> Path:
    """``--db`` or ``BOOTHPOS_DB``, else ``<data dir>/boothpos.db``."""
    env = os.environ.get("BOOTHPOS_DB")
    return Path(env) if env else data_dir() / "boothpos.db"


def demo_db() -> Path:
    return data_dir() / "demo" / "inacraft-2024-demo.db"


def event_folder(db_path: Path) -> Path:
    """Folder beside the database for its receipts, reports and backups."""
    folder = db_path.with_name(db_path.stem + "-files")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def receipts_folder(db_path: str | Path) -> Path:
    """Where the app saves every receipt PDF it issues (``<db>-files/receipts``; not made)."""
    path = Path(db_path)
    return path.with_name(path.stem + "-files") / "receipts"


# A receipt PDF's name starts with its number: <receipt_no>.pdf, <receipt_no>-reprint-<n>.pdf.
RECEIPT_FILE = re.compile(
    r"^(?P<no>(?P<prefix>[A-Z0-9]{1,8})-(?P<till>[A-Z0-9]{1,8})-\d{4}-\d{5,})"
)


def resource(*parts: str) -> Traversable:
    """A file shipped in ``boothpos.resources`` (works from a wheel or a checkout).

    Installed (wheel or editable), ``resources/`` is the package
    ``boothpos.resources``. Run straight from a source tree without installing
    (``PYTHONPATH=.``), that package does not exist and the top-level
    ``resources/`` folder beside ``boothpos/`` is used instead.
    """
    try:
        node: Traversable = resources.files("boothpos.resources")
    except ModuleNotFoundError:
        node = Path(__file__).resolve().parents[2] / "resources"
    for part in parts:
        node = node / part
    return node
