"""The Qt-free core: money, barcodes, the event database, catalog, stock, sales, settlement.

Importing sqlite-utils also imports ``dateutil.parser`` for its
``recipes.parsedate`` helpers, which boothpos never calls; parsing it costs
about a tenth of the cashier app's start. :func:`_defer_unused` registers it
as a lazy module first (:class:`importlib.util.LazyLoader`): it is executed
on first use, if ever. ``tests/gui/test_startup_footprint.py`` checks both.
"""

from __future__ import annotations

import importlib.util
import sys

DEFERRED = ("dateutil.parser",)


def _defer_unused(names: tuple[str, ...] = DEFERRED) -> None:
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            continue  # not installed: sqlite-utils' own import will say so
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        parent, _, child = name.rpartition(".")
        setattr(sys.modules[parent], child, module)


_defer_unused()
