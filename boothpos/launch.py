"""The ``boothpos`` console entry: start the app lean, or hand over to the command line.

``boothpos``, ``boothpos --demo`` and ``boothpos --db PATH [--lang id|en]``
open the app. They need nothing of the command line (its parser of every
sub-command, exports, backups, reports), so those are not even imported:
the cashier's window comes up sooner. Anything else goes to
:func:`boothpos.cli.main`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _app_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The app's options when ``argv`` asks for nothing but the app, else None."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--lang", choices=("id", "en"))
    try:
        args, rest = parser.parse_known_args(argv)
    except SystemExit:  # a malformed option: let the full parser explain it
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    app_args = _app_arguments(arguments)
    if app_args is None:
        from boothpos.cli import main as cli_main

        return cli_main(arguments)
    from boothpos.core import errors

    lang = app_args.lang or os.environ.get("BOOTHPOS_LANG", "id")
    errors.set_language(lang if lang in errors.LANGUAGES else "id")
    try:
        from boothpos.gui.app import run
    except ImportError as exc:
        print(f"boothpos: the cashier app cannot start: {exc}", file=sys.stderr)
        return 1
    try:
        return run(db_path=app_args.db, demo=app_args.demo)
    except errors.BoothError as exc:
        print(exc.message(), file=sys.stderr)
        return exc.exit_code
