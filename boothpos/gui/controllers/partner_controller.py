"""Partner mode: a partner (*mitra UMK*) signs in with their code or card and a PIN,
sees their own figures, prints their slip; and the admin's partner PINs and cards.

:class:`PartnerController` holds the :class:`~boothpos.core.partner_access.PartnerSession`
while a partner is signed in and reads **only** through
:func:`boothpos.core.partner_view.dashboard` (every query bound to the
partner's id). The screen gets the dashboard (plain data) and never the
database. :meth:`PartnerController.sign_out` drops the session and the data.

The slip is :func:`boothpos.documents.partner_slip.render_partner_slip` of
the dashboard on the screen, saved in the event folder (``partner-slips/``)
first, then printed on the till's receipt printer through the background
worker; a printer failure is reported, nothing else happens.

:class:`PartnerAdminController` is the admin's: PIN status, set/reset a PIN
(returned once, to be shown once), partner cards PDF. Core refuses anyone
but an admin.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from boothpos.core import partner_access, partner_view
from boothpos.core.errors import BoothError
from boothpos.core.event import get_event, get_setting
from boothpos.core.partner_access import PartnerSession, PinStatus
from boothpos.core.partner_view import PartnerDashboard
from boothpos.core.tills import SETTING_SYNCED_AT
from boothpos.core.users import User
from boothpos.documents.pdf_files import write_pdf
from boothpos.gui.output import Kind, OutputJob, OutputService, describe_error

if TYPE_CHECKING:
    pass

SLIP_FOLDER = "partner-slips"
CARDS_FOLDER = "partner-cards"


class PartnerController(QObject):
    """Sign-in, dashboard and slip of one partner at a time.

    Signals: ``signedIn(PartnerDashboard)``, ``failed(message)``,
    ``slipPrinted(path)``, ``slipFailed(message)``.
    """

    signedIn = Signal(object)
    failed = Signal(str)
    slipPrinted = Signal(str)
    slipFailed = Signal(str)

    def __init__(
        self,
        db: Database,
        slip_folder: Path,
        *,
        output: OutputService | None = None,
        width_mm: Callable[[], int] = lambda: 80,
        now: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._folder = Path(slip_folder)
        self._output = output
        self._width_mm = width_mm
        self._now = now
        self._session: PartnerSession | None = None
        self._dashboard: PartnerDashboard | None = None

    # -- sign-in ----------------------------------------------------------------------

    @property
    def dashboard(self) -> PartnerDashboard | None:
        return self._dashboard

    @property
    def signed_in(self) -> bool:
        return self._session is not None

    def sign_in(self, code_or_scan: str, pin: str) -> PartnerDashboard | None:
        """Check the PIN; on success read the partner's dashboard and emit ``signedIn``.

        A wrong or missing code/PIN, or a lock, emits ``failed`` with core's
        message (which never names the partner) and nothing else.
        """
        self.sign_out()
        try:
            session = partner_access.authenticate_partner(self._db, code_or_scan, pin)
        except BoothError as exc:  # AuthError, AccountLocked, RefusedInput (no code)
            self.failed.emit(exc.message())
            return None
        self._session = session
        dash = self.refresh()
        if dash is not None:
            self.signedIn.emit(dash)
        return dash

    def refresh(self) -> PartnerDashboard | None:
        """Read the signed-in partner's figures again (None, after ``failed``, if gone)."""
        if self._session is None:
            return None
        try:
            at = self._now() if self._now is not None else None
            synced = get_setting(self._db, SETTING_SYNCED_AT)  # several tills: the last sync
            self._dashboard = partner_view.dashboard(
                self._db, self._session, at=at, booth_as_of=synced
            )
        except BoothError as exc:
            self.sign_out()
            self.failed.emit(exc.message())
            return None
        return self._dashboard

    def sign_out(self) -> None:
        """Forget the session and the figures."""
        self._session = None
        self._dashboard = None

    # -- the slip ---------------------------------------------------------------------

    def print_slip(self) -> Path | None:
        """Save the slip of the dashboard on the screen, then print it: on the output
        service's worker (``slipPrinted`` or ``slipFailed``), or, without an output
        service, saved now and not printed.

        Returns where the slip is (to be) saved; None when there is no dashboard.
        """
        dash = self._dashboard
        if dash is None:
            return None
        from boothpos.documents.partner_slip import render_partner_slip, slip_filename

        path = self._folder / slip_filename(dash)
        width = self._width_mm()
        if self._output is None:
            try:
                write_pdf(path, render_partner_slip(dash, width_mm=width))
            except (OSError, BoothError) as exc:
                self.slipFailed.emit(describe_error(exc))
                return None
            self.slipPrinted.emit(str(path))
            return path
        self._output.output(
            OutputJob(Kind.SLIP, path.stem),
            lambda: render_partner_slip(dash, width_mm=width),
            path=path,
            printer=self._output.printer,
            on_printed=lambda: self.slipPrinted.emit(str(path)),
            on_failed=lambda _stage, reason: self.slipFailed.emit(reason),
        )
        return path


class PartnerAdminController(QObject):
    """The admin's partner PINs and cards. Refused in core for anyone but an admin."""

    def __init__(
        self, db: Database, admin: User, cards_folder: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._admin = admin
        self._folder = Path(cards_folder)
        partner_access.pin_status(db, admin=admin)  # PermissionDenied for a non-admin

    @property
    def cards_folder(self) -> Path:
        return self._folder

    def statuses(self) -> list[PinStatus]:
        return partner_access.pin_status(self._db, admin=self._admin)

    def set_pin(self, code: str, pin: str = "") -> str:
        """Set ``pin`` (random 6 digits when empty) for ``code``; the PIN, to show once."""
        pin = pin.strip()
        return partner_access.set_partner_pin(self._db, code, admin=self._admin, pin=pin or None)

    def default_cards_path(self, codes: Sequence[str]) -> Path:
        name = f"kartu-mitra-{codes[0]}.pdf" if len(codes) == 1 else "kartu-mitra.pdf"
        return self._folder / name

    def save_cards(self, codes: Sequence[str], path: Path) -> Path:
        """The partner cards PDF of ``codes`` (all partners when empty), saved at ``path``."""
        from boothpos.documents.partner_card import save_partner_cards

        cards = partner_access.cards(self._db, list(codes))
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return save_partner_cards(path, cards, get_event(self._db).name)
