"""One way to track open dialogs: a screen's one dialog, the app's named dialogs."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog, QWidget

from boothpos.gui.dialogs import DialogManager, DialogSlot


def test_a_slot_holds_the_one_open_dialog_and_forgets_it_when_it_finishes(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    closed: list[bool] = []
    slot: DialogSlot[QDialog] = DialogSlot(closed=lambda: closed.append(slot.is_open()))
    assert slot.current is None and not slot.is_open()

    dialog = slot.open(QDialog(owner))
    assert slot.current is dialog and dialog.isVisible()
    dialog.reject()
    assert slot.current is None and closed == [False]
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=2000)  # deleted too

    first = slot.track(QDialog(owner))  # tracked, shown by the caller
    second = slot.open(QDialog(owner))  # a newer one replaces it as "the open one"
    first.reject()
    assert slot.current is second and closed == [False, True]
    second.accept()
    assert slot.current is None


def test_the_manager_raises_a_named_dialog_instead_of_opening_a_second(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    manager = DialogManager()
    made: list[QDialog] = []

    def make() -> QDialog:
        made.append(QDialog(owner))
        return made[-1]

    assert manager.open("refused", lambda: None) is None and manager.get("refused") is None
    dialog = manager.open("backup", make)
    assert manager.open("backup", make) is dialog and len(made) == 1
    assert manager.get("backup") is dialog and dialog.isVisible()
    audit = manager.open("audit", make)
    assert audit is not dialog and len(made) == 2
    dialog.reject()
    assert manager.get("backup") is None and manager.get("audit") is audit
    assert manager.open("backup", make) is made[2]
