"""The audit log viewer: admins read who did what; anyone else is refused, in core."""

from __future__ import annotations

import pytest
from fixtures_shell import *  # noqa: F403
from fixtures_shell import show, today_sale

from boothpos.core import clock, returns
from boothpos.gui import app as gui_app
from boothpos.gui.controllers.audit_controller import AuditController
from boothpos.gui.models.audit_model import (
    COL_ACTION,
    COL_DETAIL,
    COL_ENTITY,
    COL_USER,
    ActionRole,
    AuditTableModel,
)
from boothpos.gui.preferences import open_settings
from boothpos.gui.views.audit_view import AuditDialog


@pytest.fixture
def voided(booth):
    """A sale of today, voided by the supervisor."""
    sale = today_sale(booth, "kopi")
    returns.void_sale(
        booth.db,
        sale.receipt_no,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah scan",
        at=clock.now(),
    )
    return sale


def cell(dialog: AuditDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def rows_of(dialog: AuditDialog, action: str) -> list[int]:
    model = dialog.model
    return [r for r in range(model.rowCount()) if model.index(r, 0).data(ActionRole) == action]


def test_the_admin_sees_the_void_done_earlier_and_filters_on_it(qtbot, booth, voided, translators):
    dialog = AuditDialog(AuditController(booth.db, booth.admin))
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.refused == "" and not dialog.message.isVisible()
    [row] = rows_of(dialog, "sale.void")
    assert row == 0  # newest first
    assert cell(dialog, row, COL_USER) == "supervisor"
    assert cell(dialog, row, COL_ENTITY) == f"sale {voided.receipt_no}"
    assert "reason: salah scan" in cell(dialog, row, COL_DETAIL)
    assert "requested_by: kasir" in cell(dialog, row, COL_DETAIL)
    assert rows_of(dialog, "sale.checkout")

    labels = [dialog.action_combo.itemText(i) for i in range(dialog.action_combo.count())]
    assert labels[0] == "Semua tindakan"
    assert "sale.void (1)" in labels
    assert "sale.* (2)" in labels  # the family: checkout and void

    assert dialog.set_filter("sale.void")
    assert dialog.model.rowCount() == 1
    assert cell(dialog, 0, COL_ACTION) == "sale.void"
    assert dialog.summary_label.text() == "1 catatan"
    assert dialog.set_filter("sale")  # the family
    assert {cell(dialog, r, COL_ACTION) for r in range(dialog.model.rowCount())} == {
        "sale.checkout",
        "sale.void",
    }


def test_an_attendant_is_refused_and_sees_no_entry(qtbot, booth, voided, translators):
    dialog = AuditDialog(AuditController(booth.db, booth.kasir))
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.model.rowCount() == 0
    assert dialog.message.isVisible()
    assert dialog.message.text() == dialog.refused
    assert dialog.refused.startswith("catatan audit hanya untuk admin; 'kasir' (attendant)")
    assert not dialog.action_combo.isEnabled()
    assert dialog.action_combo.count() == 0  # not even the list of actions


def test_the_admin_menu_opens_the_viewer_and_hides_it_from_others(
    qtbot, home, booth, voided, translators
):
    shell = gui_app.AppShell(booth.db, booth.path, open_settings(), translators)
    window = shell.start(booth.kasir)
    show(qtbot, window, track=False)
    try:
        assert not window.admin_action.isVisible() and not window.audit_action.isEnabled()
        refused = shell.open_audit()  # even if reached: core refuses the read
        assert refused is not None and refused.model.rowCount() == 0 and refused.refused
        refused.reject()

        window.sign_out()
        window.sign_in(booth.admin)
        assert window.audit_action.isEnabled()
        assert window.audit_action.text() == "Catatan audit…"
        window.audit_action.trigger()
        dialog = shell.audit_dialog
        assert dialog is not None and dialog.isVisible()
        assert rows_of(dialog, "sale.void") == [0]
        dialog.reject()
        assert shell.audit_dialog is None
    finally:
        qtbot.wait(10)
        window.receipts.work.wait_idle()
        window.close()
        window.deleteLater()
        qtbot.wait(10)


def test_the_log_shows_names_not_raw_ids_and_yes_no(booth, translators):
    from boothpos.core import audit as core_audit
    from boothpos.core import users as core_users

    core_users.sign_in_by_pin(booth.db, "1111")
    with booth.db.atomic():
        core_audit.record(
            booth.db, "label.print", user_id=booth.admin.id, entity="product",
            entity_id=booth.product["kopi"].id, detail={"generated": False, "copies": 2},
        )  # fmt: skip
    model = AuditTableModel()
    model.set_entries(core_audit.entries(booth.db))
    rows = {model.entry_at(r)["action"]: r for r in range(model.rowCount())}
    sign_in = rows["user.sign_in"]
    assert model.index(sign_in, COL_ENTITY).data() == "user kasir"  # not "user 1"
    label = rows["label.print"]
    assert model.index(label, COL_ENTITY).data() == "product Kopi Arabika Gayo 250 g"
    assert model.index(label, COL_DETAIL).data() == "copies: 2 · generated: tidak"


def test_a_command_line_action_shows_the_os_user_and_the_booth_user(qtbot, booth):
    from boothpos.cli import main
    from boothpos.core import audit

    assert main(["--db", str(booth.path), "sell", booth.product["kopi"].barcode]) == 0
    dialog = AuditDialog(AuditController(booth.reopen(), booth.admin))
    qtbot.addWidget(dialog)
    dialog.show()

    [row] = rows_of(dialog, "sale.checkout")
    assert cell(dialog, row, COL_USER) == f"{audit.cli_actor()} (kasir)"
