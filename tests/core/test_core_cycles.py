"""No import cycle inside ``boothpos.core``, not even behind a function-level import.

A cycle hidden in a function (``from boothpos.core import reports`` inside
``days.close_day``) still ties two modules into one: neither can be read,
tested or moved alone. The graph is built from the source with :mod:`ast`
(module-level, function-level and ``TYPE_CHECKING`` imports alike), with the
same logic ``benchmarks/house.py`` prints its figures with.
"""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def house():
    spec = importlib.util.spec_from_file_location("house", REPO / "benchmarks" / "house.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_import_cycle_inside_core(house):
    graph = house.core_imports(house.modules())

    loops = house.cycles(graph)

    named = [" <-> ".join(name.removeprefix("boothpos.core.") for name in loop) for loop in loops]
    assert not loops, f"import cycles inside boothpos.core: {named}"


def test_the_graph_sees_core_modules_and_their_imports(house):
    graph = house.core_imports(house.modules())

    assert "boothpos.core.db" in graph["boothpos.core.checkout"]
    assert "boothpos.core.db" in graph["boothpos.core.days"]


def _graph_of(house, sources: dict[str, str]):
    import ast

    trees = {name: ast.parse(textwrap.dedent(text)) for name, text in sources.items()}
    return house.core_imports(trees)


def test_a_cycle_behind_a_function_level_import_is_found_and_named(house):
    graph = _graph_of(
        house,
        {
            "boothpos.core": "",
            "boothpos.core.a": "from boothpos.core import b\n",
            "boothpos.core.b": """
                def late():
                    from boothpos.core import c
                """,
            "boothpos.core.c": "from boothpos.core.a import thing\n",
            "boothpos.core.d": "from boothpos.core import a\n",
        },
    )

    assert house.cycles(graph) == [["boothpos.core.a", "boothpos.core.b", "boothpos.core.c"]]


def test_a_type_checking_import_counts_and_a_tree_without_loops_passes(house):
    looped = _graph_of(
        house,
        {
            "boothpos.core.a": """
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    from boothpos.core.b import B
                """,
            "boothpos.core.b": "from boothpos.core import a\n",
        },
    )
    tree = _graph_of(
        house,
        {
            "boothpos.core.a": "import boothpos.core.b\n",
            "boothpos.core.b": "from boothpos.core import c\n",
            "boothpos.core.c": "import json\n",
        },
    )

    assert house.cycles(looped) == [["boothpos.core.a", "boothpos.core.b"]]
    assert house.cycles(tree) == []
