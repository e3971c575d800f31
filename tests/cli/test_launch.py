"""The console entry opens the app lean, and hands everything else to the command line."""

import subprocess
import sys

import pytest

from boothpos.launch import _app_arguments


@pytest.mark.parametrize(
    ("argv", "db", "demo", "lang"),
    [
        ([], None, False, None),
        (["--demo"], None, True, None),
        (["--db", "fair.db"], "fair.db", False, None),
        (["--db=fair.db"], "fair.db", False, None),
        (["--lang", "en", "--db", "x.db"], "x.db", False, "en"),
        (["--demo", "--lang=id"], None, True, "id"),
    ],
)
def test_app_invocations_open_the_app(argv, db, demo, lang):
    args = _app_arguments(argv)
    assert args is not None
    assert (str(args.db) if args.db else None, args.demo, args.lang) == (db, demo, lang)


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "products"],
        ["--db", "x.db", "check"],
        ["-h"],
        ["--lang", "xx"],
        ["--bogus"],
        ["--db"],  # no value: the full parser explains
        ["--db", "--demo"],
        ["--demo=yes"],
        ["--lang"],
    ],
)
def test_everything_else_goes_to_the_command_line(argv):
    assert _app_arguments(argv) is None


def test_opening_the_app_does_not_load_the_command_line():
    code = (
        "import sys, boothpos.gui.app as app, boothpos.launch as launch\n"
        "seen = {}\n"
        "app.run = lambda **kw: seen.update(kw) or 0\n"
        "assert launch.main(['--db', 'fair.db']) == 0\n"
        "assert str(seen['db_path']) == 'fair.db' and seen['demo'] is False\n"
        "assert 'boothpos.cli' not in sys.modules, 'cli imported'\n"
        "print('ok')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_python_dash_m_still_runs_commands(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "boothpos", "--db", str(tmp_path / "none.db"), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "boothpos init" in proc.stderr
