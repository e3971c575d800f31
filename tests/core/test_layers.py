"""The layer rule: ``boothpos.core`` and ``boothpos.documents`` never import PySide6.

Every module is imported in a fresh interpreter (so one module pulling Qt in
cannot hide behind another); modules are discovered, so new ones are covered.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import boothpos.core
import boothpos.documents

REPO = Path(__file__).resolve().parents[2]
QT_FREE_PACKAGES = (boothpos.core, boothpos.documents)


def qt_free_modules() -> list[str]:
    names = []
    for package in QT_FREE_PACKAGES:
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
            names.append(info.name)
    return sorted(names)


def qt_free_files() -> list[Path]:
    return sorted(
        path
        for package in QT_FREE_PACKAGES
        for folder in package.__path__
        for path in Path(folder).rglob("*.py")
    )


def test_discovery_finds_the_core_modules():
    names = qt_free_modules()

    for expected in ("boothpos.core.checkout", "boothpos.core.db", "boothpos.documents"):
        assert expected in names
    assert len(qt_free_files()) >= len(names)


@pytest.mark.parametrize("module", qt_free_modules())
def test_importing_the_module_does_not_load_pyside6(module):
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "if qt:\n"
        "    raise SystemExit(f'PySide6 loaded: {qt}')\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", qt_free_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_the_source_does_not_mention_pyside6(path):
    assert "pyside6" not in path.read_text(encoding="utf-8").lower()
