"""The ``boothpos`` console entry: start the app lean, or hand over to the command line.

``boothpos``, ``boothpos --demo`` and ``boothpos --db PATH [--lang id|en]``
open the app. They need nothing of the command line (its parser of every
sub-command, exports, backups, reports), so those are not even imported:
the cashier's window comes up sooner. Anything else goes to
:func:`boothpos.cli.main`.

Import order is part of the start-up time: once PySide6 is imported, its import
hook (``shibokensupport.feature``) reads the source of every module imported
after it, looking for the word "PySide6". So :func:`load_app` imports the
Qt-free modules the first screens use (the core, sqlite-utils and what it
pulls in) before :mod:`boothpos.gui.app` imports Qt.
``tests/gui/test_startup_footprint.py`` checks that nothing Qt-free is left to
be imported after Qt; ``benchmarks/bench_gui.py`` measures the cold start.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# The Qt-free modules the sign-in and sale screens need (with what they import).
BEFORE_QT = (
    "boothpos.core.startup",
    "boothpos.core.checkout",
    "boothpos.core.cart",
    "boothpos.core.paths",
    "boothpos.core.codes",  # the banners' levels
    "boothpos.documents.pdf_files",  # the output service's one atomic write
)


class AppArguments:
    """What ``boothpos [--db PATH] [--demo] [--lang id|en]`` asks of the app."""

    __slots__ = ("db", "demo", "lang")

    def __init__(self) -> None:
        self.db: Path | None = None
        self.demo = False
        self.lang: str | None = None


def _app_arguments(argv: list[str]) -> AppArguments | None:
    """The app's options when ``argv`` asks for nothing but the app, else None.

    Read by hand, not with ``argparse`` (a few milliseconds of the cashier's
    wait): anything else, or a malformed option, goes to the full command-line
    parser, which explains it.
    """
    args = AppArguments()
    rest = iter(argv)
    for word in rest:
        name, eq, value = word.partition("=")
        if name == "--demo" and not eq:
            args.demo = True
            continue
        if name not in ("--db", "--lang"):
            return None
        if not eq:
            value = next(rest, "")
            if not value or (value.startswith("-") and len(value) > 1):
                return None
        if name == "--db":
            args.db = Path(value)
        elif value in ("id", "en"):
            args.lang = value
        else:
            return None
    return args


def load_core() -> None:
    """Import :data:`BEFORE_QT`: the Qt-free part of the app's start, before any Qt."""
    import importlib

    for name in BEFORE_QT:
        importlib.import_module(name)


def load_app():
    """The app's ``run`` (:func:`boothpos.gui.app.run`): the core first, then Qt and the GUI."""
    load_core()
    from boothpos.gui.app import run

    return run


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    app_args = _app_arguments(arguments)
    if app_args is None:
        from boothpos.cli import main as cli_main

        return cli_main(arguments)
    # No garbage collection while the app starts: its thousands of new objects (classes,
    # functions, enums) hold few cycles, and the collector's passes over them cost about
    # a twentieth of the start. ``gui.app.run`` freezes them and turns it back on once
    # the first screen is up.
    gc.disable()
    from boothpos.core import errors

    lang = app_args.lang or os.environ.get("BOOTHPOS_LANG", "id")
    errors.set_language(lang if lang in errors.LANGUAGES else "id")
    try:
        run = load_app()
    except ImportError as exc:
        print(f"boothpos: the cashier app cannot start: {exc}", file=sys.stderr)
        return 1
    try:
        return run(db_path=app_args.db, demo=app_args.demo)
    except errors.BoothError as exc:
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
