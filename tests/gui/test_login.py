"""Sign-in screen: PIN + Enter, wrong PIN, lockout, the list starts on the last user."""

from __future__ import annotations

from fixtures_shell import *  # noqa: F403
from fixtures_shell import focused, press, show, type_text
from PySide6.QtCore import Qt

from boothpos.core import db as dbmod
from boothpos.core import event, users
from boothpos.gui.controllers.login_controller import LoginController
from boothpos.gui.views.login_view import LoginScreen

ENTER = Qt.Key.Key_Return


def login_screen(qtbot, database) -> LoginScreen:
    screen = LoginScreen(LoginController(database), "INACRAFT 2024")
    show(qtbot, screen)
    return screen


def user_row(booth, username: str) -> tuple:
    return (
        booth.reopen()
        .execute("SELECT failed_pins, locked_until FROM users WHERE username = ?", (username,))
        .fetchone()
    )


def test_pin_field_has_focus_and_pin_enter_signs_in_the_selected_user(qtbot, booth, translators):
    screen = login_screen(qtbot, booth.db)
    assert focused() is screen.pin_edit
    assert screen.pin_edit.echoMode() == screen.pin_edit.EchoMode.Password
    assert screen.selected_user().username == "kasir"

    with qtbot.waitSignal(screen.signedIn, timeout=3000) as signed:
        type_text(qtbot, "1111")
        press(qtbot, ENTER)

    assert signed.args[0].username == "kasir"
    assert screen.pin_edit.text() == ""
    assert event.get_setting(booth.reopen(), "last_user") == "kasir"
    assert booth.count("audit", "action = 'user.sign_in'") == 1


def test_pin_field_takes_digits_only(qtbot, booth, translators):
    screen = login_screen(qtbot, booth.db)
    type_text(qtbot, "12ab34x")
    assert screen.pin_edit.text() == "1234"


def test_wrong_pin_shows_the_tries_left_and_signs_in_nobody(qtbot, booth, translators):
    screen = login_screen(qtbot, booth.db)
    with qtbot.assertNotEmitted(screen.signedIn):
        type_text(qtbot, "0000")
        press(qtbot, ENTER)

    assert screen.message.isVisible()
    assert "PIN tidak dikenal" in screen.message.text()
    assert "sisa 4 percobaan" in screen.message.text()
    assert focused() is screen.pin_edit
    assert screen.pin_edit.text() == ""
    assert user_row(booth, "kasir") == (0, None)  # counted against the till, not kasir
    assert event.get_setting(booth.reopen(), users.TILL_FAILURES) == "1"


def test_five_wrong_pins_lock_the_till_not_an_account(qtbot, booth, translators):
    screen = login_screen(qtbot, booth.db)
    for _ in range(users.MAX_FAILURES):
        type_text(qtbot, "0000")
        press(qtbot, ENTER)

    assert "dikunci" in screen.message.text()
    assert "coba lagi setelah" in screen.message.text()
    for name in ("kasir", "supervisor", "admin"):
        assert user_row(booth, name) == (0, None)

    # even the right PIN is refused while the till is locked
    with qtbot.assertNotEmitted(screen.signedIn):
        type_text(qtbot, "1111")
        press(qtbot, ENTER)
    assert "dikunci" in screen.message.text()


def test_the_pin_picks_the_user_whatever_name_is_selected(qtbot, booth, translators):
    screen = login_screen(qtbot, booth.db)
    assert screen.selected_user().username == "kasir"
    with qtbot.waitSignal(screen.signedIn, timeout=3000) as signed:
        type_text(qtbot, "5555")
        press(qtbot, ENTER)
    assert signed.args[0].username == "supervisor"


def test_after_an_admin_session_the_list_starts_on_an_attendant(qtbot, booth, translators):
    """The issue: after an admin session kasir's 1111 counted as a wrong admin PIN."""
    screen = login_screen(qtbot, booth.db)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert screen.selected_user().username == "admin"
    with qtbot.waitSignal(screen.signedIn, timeout=3000) as signed:
        type_text(qtbot, "9999")
        press(qtbot, ENTER)
    assert signed.args[0].username == "admin"

    # a new sign-in screen on a fresh connection (another start of the app)
    fresh = dbmod.connect(booth.path)
    try:
        again = login_screen(qtbot, fresh)
        assert again.selected_user().username == "kasir"  # never starts on a supervisor/admin
        assert focused() is again.pin_edit
        with qtbot.waitSignal(again.signedIn, timeout=3000) as signed:
            type_text(qtbot, "1111")
            press(qtbot, ENTER)
        assert signed.args[0].username == "kasir"
    finally:
        fresh.close()
    assert user_row(booth, "admin") == (0, None)


def test_without_a_last_user_the_list_starts_on_the_first_attendant(qtbot, empty_db, translators):
    users.add_user(empty_db, "admin", "9999", "admin", "Admin Booth")
    users.add_user(empty_db, "sari", "2468", "attendant", "Sari")
    screen = login_screen(qtbot, empty_db)
    assert screen.user_list.model().rowCount() == 2
    assert screen.selected_user().username == "sari"
    assert "Sari" in screen.user_list.currentIndex().data()
    assert "Kasir" in screen.user_list.currentIndex().data()  # role, in Indonesian

    with qtbot.waitSignal(screen.signedIn, timeout=3000):
        type_text(qtbot, "2468")
        press(qtbot, ENTER)
    assert event.get_setting(empty_db, "last_user") == "sari"
