"""Languages: Bahasa Indonesia by default, English when chosen; a complete catalogue."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import press, show, type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from boothpos.core import errors
from boothpos.gui import app as gui_app
from boothpos.gui import i18n
from boothpos.gui.preferences import Preferences, load_preferences, open_settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "boothpos_id.ts"
QM = TS.with_suffix(".qm")


@pytest.fixture
def shell(qtbot, home, booth):
    """The app shell on the booth database with fresh preferences; translators removed after."""
    translators = i18n.Translators(QApplication.instance())
    settings = open_settings()
    translators.install(load_preferences(settings).language)
    app_shell = gui_app.AppShell(booth.db, booth.path, settings, translators)
    try:
        yield app_shell
    finally:
        translators.remove()
        errors.set_language("id")
        qtbot.wait(10)
        if app_shell.window is not None:
            app_shell.window.close()
            app_shell.window.deleteLater()
        qtbot.wait(10)


def start(qtbot, app_shell):
    """Start (or restart) the shell's window; the shell owns and deletes it."""
    window = app_shell.start()
    show(qtbot, window, track=False)
    return window


def wrong_pin(qtbot, window) -> str:
    type_text(qtbot, "0000")
    press(qtbot, Qt.Key.Key_Return)
    return window.login.message.text()


def test_the_default_language_is_bahasa_indonesia(qtbot, shell):
    assert shell.prefs.language == "id"
    window = start(qtbot, shell)
    assert window.login.heading.text() == "Masuk"
    assert window.login.sign_in_button.text() == "Masuk"
    assert window.login.pin_label.text() == "Ketik PIN lalu tekan Enter"
    assert window.history_action.text() == "Riwayat penjualan"
    assert window.sign_out_action.text() == "Keluar / ganti kasir"
    assert window.settings_action.text() == "Pengaturan"
    assert "Kasir" in window.login.user_list.currentIndex().data()
    assert wrong_pin(qtbot, window).startswith("PIN tidak dikenal")  # core message, Indonesian
    assert window.history.reprint_button.text().startswith("Cetak ulang")
    assert window.history.void_button.text().startswith("Batalkan")


def test_english_after_switching_and_at_the_next_start(qtbot, shell, home):
    window = start(qtbot, shell)
    type_text(qtbot, "1111")
    press(qtbot, Qt.Key.Key_Return)
    assert window.user.username == "kasir"

    shell.apply(shell.prefs.with_(language="en"))
    new = shell.window
    assert new is not window
    show(qtbot, new, track=False)
    assert new.user.username == "kasir"  # still signed in
    assert new.history_action.text() == "Sales history"
    assert new.cashier_label.text() == "Cashier: kasir (Attendant)"
    assert new.login.heading.text() == "Sign in"
    assert new.history.reprint_button.text().startswith("Reprint")

    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert wrong_pin(qtbot, new).startswith("Unknown PIN")
    ini = QSettings(str(home / "boothpos.ini"), QSettings.Format.IniFormat)
    assert load_preferences(ini).language == "en"

    # the next start reads the saved choice
    new.close()
    new.deleteLater()
    shell.translators.install(load_preferences(ini).language)
    shell.prefs = load_preferences(ini)
    again = start(qtbot, shell)
    assert again.login.heading.text() == "Sign in"


def test_qt_standard_buttons_are_translated_too(qtbot, translators):
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"


def test_an_unknown_language_falls_back_to_indonesian(qapp):
    translators = i18n.Translators(qapp)
    try:
        assert translators.install("fr") == "id"
        assert Preferences().language == "id"
    finally:
        translators.remove()
        errors.set_language("id")


# --- the catalogue ---------------------------------------------------------------------


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_message_has_an_indonesian_translation_with_the_same_placeholders():
    found = [(c, s, t) for c, s, t in messages(TS) if t.get("type") not in ("vanished", "obsolete")]
    assert len(found) > 150
    unfinished = [(c, s) for c, s, t in found if t.get("type") == "unfinished" or not t.text]
    assert unfinished == []
    for context, source, translation in found:
        names = set(re.findall(r"\{(\w*)\}", source))
        assert set(re.findall(r"\{(\w*)\}", translation.text)) == names, (context, source)


@pytest.mark.skipif(
    not shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    and not shutil.which("pyside6-lupdate"),
    reason="pyside6-lupdate missing",
)
def test_the_catalogue_covers_every_string_of_the_gui_and_the_qm_is_compiled(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = [str(p) for p in i18n.source_files(ROOT / "boothpos")]
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    subprocess.run(
        [lupdate or "pyside6-lupdate", "-locations", "none", *files, "-ts", str(fresh)],
        check=True, capture_output=True,
    )  # fmt: skip
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    shipped = {(c, s) for c, s, t in messages(TS) if t.get("type") not in ("vanished", "obsolete")}
    assert in_code - shipped == set(), "run: python -m boothpos.gui.i18n --update"

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    compiled = tmp_path / "fresh.qm"
    subprocess.run([lrelease or "pyside6-lrelease", str(TS), "-qm", str(compiled)],
                   check=True, capture_output=True)  # fmt: skip
    assert compiled.read_bytes() == QM.read_bytes(), "the .qm is older than the .ts"


def test_switching_language_keeps_the_window_maximised_and_in_place(qtbot, shell):
    window = start(qtbot, shell)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    before = window.geometry()
    type_text(qtbot, "1111")
    press(qtbot, Qt.Key.Key_Return)

    shell.apply(shell.prefs.with_(language="en"))
    new = shell.window
    assert new is not window
    qtbot.waitExposed(new)
    assert new.isMaximized()
    assert new.geometry().topLeft() == before.topLeft()  # not a title bar lower

    new.showNormal()
    new.setGeometry(100, 80, 1024, 600)
    qtbot.waitUntil(lambda: not new.isMaximized())
    placed = new.geometry()
    shell.apply(shell.prefs.with_(language="id"))
    again = shell.window
    qtbot.waitExposed(again)
    assert not again.isMaximized()
    assert again.geometry() == placed
