"""The backup settings of an event: how often, how many, and the second folder (USB stick).

Separate from :mod:`boothpos.core.backup` (copying, verifying, restoring) so
that what every start needs — is the USB folder there? — does not load the
rest; :mod:`boothpos.core.backup` re-exports all of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.event import get_setting, set_setting

SETTING_EVERY = "backup_every"
SETTING_KEEP = "backup_keep"
SETTING_DIR = "backup_dir"
DEFAULT_EVERY = 20
DEFAULT_KEEP = 30

NO_FOLDER = Msg(
    id="folder cadangan '{folder}' tidak ada (USB tidak terpasang?)",
    en="backup folder '{folder}' does not exist (USB stick not plugged in?)",
)
BAD_EVERY = Msg(
    id="cadangan tiap '{value}' penjualan: harus bilangan bulat 0 atau lebih (0 = mati)",
    en="backup every '{value}' sales: must be a whole number of 0 or more (0 = off)",
)
BAD_KEEP = Msg(
    id="simpan '{value}' cadangan: harus bilangan bulat 1 atau lebih",
    en="keep '{value}' backups: must be a whole number of 1 or more",
)


@dataclass(frozen=True)
class BackupSettings:
    every: int  # sales between automatic backups; 0: off
    keep: int  # newest backups kept per folder
    folder: Path | None  # extra folder (USB stick), None: only the local one


# ------------------------------------------------------------------ settings ---


def settings(db: Database) -> BackupSettings:
    folder = (get_setting(db, SETTING_DIR, "") or "").strip()
    return BackupSettings(
        every=_int_setting(db, SETTING_EVERY, DEFAULT_EVERY, minimum=0),
        keep=_int_setting(db, SETTING_KEEP, DEFAULT_KEEP, minimum=1),
        folder=Path(folder).expanduser() if folder else None,
    )


def _int_setting(db: Database, key: str, default: int, *, minimum: int) -> int:
    try:
        value = int(get_setting(db, key, str(default)) or default)
    except ValueError:
        return default
    return value if value >= minimum else default


def configure(
    db: Database,
    *,
    every: int | str | None = None,
    keep: int | str | None = None,
    folder: str | Path | None = None,
    user_id: int | None = None,
) -> BackupSettings:
    """Change the backup settings (each audited as ``setting.change``). ``folder=''`` clears it."""
    checked: dict[str, str] = {}
    if every is not None:
        checked[SETTING_EVERY] = str(_whole(every, 0, BAD_EVERY))
    if keep is not None:
        checked[SETTING_KEEP] = str(_whole(keep, 1, BAD_KEEP))
    if folder is not None:
        checked[SETTING_DIR] = str(folder).strip()
    with db.atomic():
        for key, value in checked.items():
            set_setting(db, key, value, user_id=user_id)
    return settings(db)


def _whole(value: int | str, minimum: int, msg: Msg) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise RefusedInput(msg, value=value) from None
    if number < minimum:
        raise RefusedInput(msg, value=value)
    return number
