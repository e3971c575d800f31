"""Start-up loads only what the first screens need; the rest comes when first used.

What ``benchmarks/bench_gui.py`` times as the cold start, checked here by what
is loaded, never by a clock: the sign-in and sale screens are built, the sales
history (and its refund/supervisor dialogs), the first-run and settings
dialogs, the catalog importer, openpyxl and reportlab are not, and no
sqlite-utils plugin scan runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fixtures_shell import *  # noqa: F403
from fixtures_shell import press, show
from PySide6.QtCore import Qt

from boothpos.gui import app as gui_app
from boothpos.gui.preferences import Preferences

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = (
    "boothpos.gui.views.history_view",
    "boothpos.gui.controllers.history_controller",
    "boothpos.gui.views.refund_dialog",
    "boothpos.gui.views.supervisor_dialog",
    "boothpos.gui.views.first_run_dialog",
    "boothpos.gui.views.settings_dialog",
    "boothpos.core.catalog",
    "boothpos.core.demo",
    "boothpos.core.returns",
    # reports & the fair day (F11, F4)
    "boothpos.gui.views.reports_view",
    "boothpos.gui.controllers.reports_controller",
    "boothpos.gui.controllers.close_day_controller",
    "boothpos.gui.views.close_day_dialog",
    "boothpos.gui.views.day_dialogs",
    "boothpos.gui.views.report_widgets",
    "boothpos.gui.models.report_models",
    "boothpos.gui.pdf_pages",
    "boothpos.core.reports",
    "boothpos.core.export",
    "pypdfium2",
    # a system printer (CUPS' lp: subprocess, locale) only when one is chosen
    "boothpos.printing.system",
    "subprocess",
    # stock & labels (F10)
    "boothpos.gui.views.inventory_view",
    "boothpos.gui.controllers.inventory_controller",
    "boothpos.gui.models.inventory_model",
    "boothpos.gui.models.stock_lines_model",
    "boothpos.gui.views.stock_dialogs",
    "boothpos.gui.views.labels_dialog",
    "boothpos.gui.controllers.labels_controller",
    "boothpos.gui.views.catalog_dialog",
    "boothpos.gui.models.catalog_problems_model",
    "boothpos.core.stock_ops",
    "boothpos.core.labeling",
    "boothpos.documents.labels",
    "boothpos.documents.stock_sheets",
    "openpyxl",
    "reportlab",
    # the first sale (its receipt, the automatic backup after it)
    "boothpos.core.sales",
    "boothpos.core.backup",
    "boothpos.core.merge",
    # partner mode (F3, a card scan) and the admin's partner PINs and cards
    "boothpos.core.partner_access",
    "boothpos.gui.views.partner_dashboard",
    "boothpos.gui.controllers.partner_controller",
    "boothpos.gui.models.partner_models",
    "boothpos.gui.views.partner_admin_dialog",
    "boothpos.core.partner_view",
    "boothpos.documents.partner_slip",
    "boothpos.documents.partner_card",
)

# A fresh interpreter: what the app loads to show its window with a cashier signed in.
START = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from boothpos.core import db as dbmod, users
from boothpos.gui import app as gui_app
from boothpos.gui.preferences import Preferences

qapp = QApplication([])
gui_app.configure_application(qapp)
path = Path(sys.argv[1])
db = dbmod.connect(path)
window = gui_app.build_main_window(db, path, Preferences(), user=users.get_user(db, "kasir"))
window.show()
qapp.processEvents()
assert window.current_screen() is window.sale
import sqlite_utils.plugins
print("plugins loaded" if sqlite_utils.plugins._plugins_loaded else "no plugins")
print("\\n".join(sorted(sys.modules)))
"""


def test_the_first_screens_load_nothing_they_do_not_show(booth, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BOOTHPOS_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", START, str(booth.path)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "no plugins"
    loaded = set(lines[1:])
    assert "boothpos.gui.views.sale_view" in loaded and "boothpos.gui.views.login_view" in loaded
    assert sorted(m for m in NOT_AT_START if m in loaded) == []


def test_the_history_screen_is_built_on_first_use_for_whoever_is_signed_in(
    qtbot, booth, receipts, translators
):
    window = gui_app.build_main_window(booth.db, booth.path, Preferences(), receipts=receipts)
    window.resize(1280, 760)
    show(qtbot, window)
    assert window.stack.count() == 2  # sign-in and sale screens only
    window.sign_in(booth.supervisor)
    qtbot.waitUntil(lambda: window.current_screen() is window.sale)

    press(qtbot, Qt.Key.Key_F9)
    assert window.stack.count() == 3
    assert window.current_screen() is window.history
    assert window.history._controller.user.username == "supervisor"
    press(qtbot, Qt.Key.Key_F9)  # back; the screen is kept for the next F9
    assert window.current_screen() is window.sale
    press(qtbot, Qt.Key.Key_F9)
    assert window.stack.count() == 3 and window.current_screen() is window.history
    qtbot.wait(10)  # let the sale screen's queued focus call run before teardown


# The console entry's way in: ``launch.load_app`` (what ``boothpos`` and ``--demo`` run).
ORDER = """
import sys
import boothpos.launch as launch
launch.load_app()
names = list(sys.modules)
after_qt = names[names.index("PySide6"):]
print("after Qt:", " ".join(n for n in after_qt if not n.startswith(("PySide6", "boothpos.gui"))))
print("dateutil.parser:", type(sys.modules["dateutil.parser"]).__name__)
import sqlite_utils.recipes
print("parsedate:", sqlite_utils.recipes.parsedate("28/02/2024", dayfirst=True))
"""


def test_the_app_imports_its_qt_free_part_before_qt_and_defers_what_it_never_uses():
    """PySide6's import hook reads the source of every module imported after it, so the
    core and sqlite-utils come first; sqlite-utils' date parser is only loaded when used."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", ORDER], env=env, capture_output=True, text=True, timeout=120
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines())
    assert lines["after Qt"].split() == []
    assert lines["dateutil.parser"] == "_LazyModule"  # registered, not executed
    assert lines["parsedate"] == "2024-02-28"  # and it works when used


LOOP = """
import gc, sys
import boothpos.launch as launch
from PySide6.QtWidgets import QApplication
seen = []
def event_loop():
    QApplication.instance().setStyleSheet("")  # the sheet's wrapper hides the style's name
    seen.append((gc.isenabled(), gc.get_freeze_count() > 0, QApplication.style().name()))
    return 0
QApplication.exec = staticmethod(event_loop)
code = launch.main(["--db", sys.argv[1]])
print(code, *seen[0])
"""


def test_the_app_starts_without_gc_and_collects_in_its_event_loop_in_fusion_style(booth, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BOOTHPOS_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    booth.db.close()
    done = subprocess.run(
        [sys.executable, "-c", LOOP, str(booth.path)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # exit 0; collecting; the start-up's objects frozen; Fusion, chosen as the app was made
    assert done.stdout.split() == ["0", "True", "True", "fusion"]
