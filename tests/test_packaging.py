"""resources/ ships inside the installed package, found through importlib.resources."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{proc.stdout}\n{proc.stderr}")
    [built] = out.glob("boothpos-*.whl")
    return built


def test_wheel_holds_the_resources_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "boothpos/resources/__init__.py" in names
    assert "boothpos/resources/demo/catalog.csv" in names
    for ts in (ROOT / "resources").rglob("*.qm"):
        assert f"boothpos/resources/{ts.relative_to(ROOT / 'resources').as_posix()}" in names
    assert not any(n.startswith("resources/") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_wheel_holds_every_python_module_of_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for source in (ROOT / "boothpos").rglob("*.py"):
        assert source.relative_to(ROOT).as_posix() in names


def test_a_non_editable_install_finds_the_demo_catalog(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=600,
    )
    code = (
        "import boothpos.core.paths as p, sys;"
        "f = p.resource('demo', 'catalog.csv');"
        "assert 'site' in str(p.__file__), p.__file__;"
        "print(len(f.read_text(encoding='utf-8').splitlines()))"
    )
    env_path = str(target)
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the source tree
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "83"  # header + 82 products
