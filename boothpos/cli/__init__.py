"""The ``boothpos`` command line, over core (and documents). No Qt unless the app starts.

Exit codes: 0 success; 1 failure or failed check; 2 refused input (nothing changed).

One module per command group (``setup``, ``sales``, ``stock``, ``days``, ``reports``,
``partners``, ``safety``), shared helpers in ``common``, the parser and ``main`` in ``app``.
"""

from boothpos.cli.app import COMMANDS, build_parser, main, run_gui
from boothpos.cli.common import EXIT_FAIL, EXIT_OK, EXIT_REFUSED

__all__ = ["COMMANDS", "EXIT_FAIL", "EXIT_OK", "EXIT_REFUSED", "build_parser", "main", "run_gui"]
