"""The audit log an admin reads: every business action leaves an entry, and none can be changed.

That the log itself refuses UPDATE and DELETE (like sales, lines, payments,
voids, stock moves and day events) is proven in tests/core/test_check.py
(``test_append_only_tables_refuse_update`` / ``_delete``, parametrised over
``schema.APPEND_ONLY``).
"""

from __future__ import annotations

import pytest

from boothpos.core import audit, backup, event, returns, schema, users
from boothpos.core.catalog import import_catalog
from boothpos.core.errors import AuthError, PermissionDenied


def actions_logged(booth) -> set[str]:
    return {action for action, _ in audit.actions(booth.reopen())}


def test_sign_ins_voids_refunds_price_changes_settings_and_backups_are_audited(booth, tmp_path):
    users.authenticate(booth.db, "kasir", "1111")
    with pytest.raises(AuthError):
        users.authenticate(booth.db, "kasir", "0000")
    sale = booth.sell(("kopi", 2), "kalung")
    returns.refund_sale(
        booth.db,
        sale.receipt_no,
        {1: 1},
        cashier=booth.kasir,
        supervisor=booth.supervisor,
        reason="tidak jadi",
        at=booth.time(1, 11),
    )
    other = booth.sell("noken", at=booth.time(1, 12))
    returns.void_sale(
        booth.db,
        other.receipt_no,
        requested_by=booth.kasir,
        supervisor=booth.supervisor,
        reason="salah scan",
        at=booth.time(1, 12, 1),
    )
    kopi = booth.product["kopi"]
    catalog = tmp_path / "katalog.csv"
    catalog.write_text(
        "partner_code;partner_name;product_name;price;barcode;stock\r\n"
        f"ACH01;Kopi Gayo Takengon;{kopi.name};Rp 90.000;{kopi.barcode};20\r\n",
        encoding="utf-8",
    )
    import_catalog(booth.db, catalog, user=booth.admin, at=booth.time(1, 13))
    event.set_setting(booth.db, "receipt_width", "58", user_id=booth.admin.id)
    users.set_pin(booth.db, "kasir", "2222", by=booth.admin)
    backup.backup_now(booth.db, booth.path, user_id=booth.admin.id)

    logged = actions_logged(booth)

    assert {
        "user.add",
        "user.sign_in",
        "user.wrong_pin",
        "user.set_pin",
        "day.open",
        "sale.checkout",
        "sale.refund",
        "sale.void",
        "product.update",
        "catalog.import",
        "setting.change",
        "db.backup",
    } <= logged
    price = audit.entries(booth.reopen(), action="product.update")[0]
    assert price["detail"]["old"]["price"] == 85_000
    assert price["detail"]["new"]["price"] == 90_000
    assert price["user"] == "admin"


def test_a_setting_change_records_old_and_new_value_and_who(booth):
    event.set_setting(booth.db, "receipt_width", "58", user_id=booth.admin.id)
    event.set_setting(booth.db, "receipt_width", "80", user_id=booth.supervisor.id)
    event.set_setting(booth.db, "receipt_width", "80")  # no change: no entry

    entries = audit.entries(booth.reopen(), action="setting.change")

    assert [(e["user"], e["detail"]) for e in entries] == [
        ("supervisor", {"old": "58", "new": "80"}),
        ("admin", {"old": None, "new": "58"}),
    ]
    assert all(e["entity_id"] == "receipt_width" for e in entries)


def test_the_remembered_last_user_is_screen_state_not_an_audited_setting(booth):
    event.set_setting(booth.db, "last_user", "kasir")

    assert event.get_setting(booth.db, "last_user") == "kasir"
    assert audit.entries(booth.reopen(), action="setting") == []


def test_entries_filter_by_one_action_or_a_family(booth):
    booth.sell("kopi")
    users.authenticate(booth.db, "kasir", "1111")

    fresh = booth.reopen()
    assert {e["action"] for e in audit.entries(fresh, action="user")} == {
        "user.add",
        "user.sign_in",
    }
    assert {e["action"] for e in audit.entries(fresh, action="user.sign_in")} == {"user.sign_in"}
    assert audit.entries(fresh, action="use") == []  # a family is a whole word, not a prefix
    assert audit.entries(fresh, action="sale_") == []  # LIKE wildcards are taken literally
    newest = audit.entries(fresh, limit=2)
    assert [e["action"] for e in newest] == ["user.sign_in", "sale.checkout"]
    assert newest[0]["user"] == "kasir"


def test_the_audit_log_is_one_of_the_append_only_tables():
    assert "audit" in schema.APPEND_ONLY


def test_only_an_admin_may_read_the_log_enforced_in_core(booth):
    booth.sell("kopi")

    assert audit.view(booth.db, booth.admin, action="sale")[0]["action"] == "sale.checkout"
    for user in (booth.kasir, booth.supervisor):
        with pytest.raises(PermissionDenied) as refused:
            audit.view(booth.db, user)
        assert "admins only" in refused.value.message("en")


def test_a_user_added_by_an_admin_names_the_admin(booth):
    users.add_user(booth.db, "kasir2", "3333", "attendant", by=booth.admin)

    entry = audit.entries(booth.reopen(), action="user.add")[0]
    assert entry["user"] == "admin"
    assert entry["detail"] == {"role": "attendant", "username": "kasir2"}
