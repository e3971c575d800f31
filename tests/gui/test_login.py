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
    assert "PIN salah" in screen.message.text()
    assert "sisa 4 percobaan" in screen.message.text()
    assert focused() is screen.pin_edit
    assert screen.pin_edit.text() == ""
    assert user_row(booth, "kasir") == (1, None)


def test_five_wrong_pins_lock_the_account(qtbot, booth, translators):
    screen = login_screen(qtbot, booth.db)
    for _ in range(users.MAX_FAILURES):
        type_text(qtbot, "0000")
        press(qtbot, ENTER)

    assert "dikunci" in screen.message.text()
    assert "coba lagi setelah" in screen.message.text()
    locked_until = user_row(booth, "kasir")[1]
    assert locked_until is not None

    # even the right PIN is refused while locked
    with qtbot.assertNotEmitted(screen.signedIn):
        type_text(qtbot, "1111")
        press(qtbot, ENTER)
    assert "dikunci" in screen.message.text()


def test_arrow_keys_choose_another_user_and_the_next_screen_starts_on_them(
    qtbot, booth, translators
):
    screen = login_screen(qtbot, booth.db)
    press(qtbot, Qt.Key.Key_Down)
    assert screen.selected_user().username == "supervisor"
    with qtbot.waitSignal(screen.signedIn, timeout=3000) as signed:
        type_text(qtbot, "5555")
        press(qtbot, ENTER)
    assert signed.args[0].username == "supervisor"

    # a new sign-in screen on a fresh connection (another start of the app)
    fresh = dbmod.connect(booth.path)
    try:
        again = login_screen(qtbot, fresh)
        assert again.selected_user().username == "supervisor"
        assert focused() is again.pin_edit
    finally:
        fresh.close()


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
