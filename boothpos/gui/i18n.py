"""Translations of the GUI: English source strings, Bahasa Indonesia in ``boothpos_id.qm``.

The strings in the code are English (``self.tr("Sign in")``); the Indonesian
text lives in ``resources/translations/boothpos_id.ts`` and its compiled
``boothpos_id.qm``, shipped inside the package as ``boothpos.resources``.

Refresh the catalogue after changing GUI strings::

    python -m boothpos.gui.i18n --update

runs ``pyside6-lupdate`` over every ``boothpos/gui/**/*.py`` into the ``.ts``
(existing translations are kept) and ``pyside6-lrelease`` into the ``.qm``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QTranslator

from boothpos.core import errors, paths

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
CATALOG = "boothpos"

# Qt has no Indonesian catalogue of its own (qtbase_id.qm does not exist), so
# the standard buttons of message boxes and button boxes are translated here,
# in Qt's own context, and shipped in boothpos_id.qm.
_QT_STANDARD_BUTTONS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
)


def normalise_language(lang: str | None) -> str:
    """A supported language code; anything unknown falls back to Indonesian."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


class Translators:
    """The translators installed on one application; switch them with :meth:`install`."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, lang: str) -> str:
        """Install the GUI and Qt translations for ``lang``; also the core messages.

        Returns the language actually in force ("en" needs no catalogue).
        """
        lang = normalise_language(lang)
        self.remove()
        if lang != "en":
            own = load_app_translator(lang, self._app)
            if own is not None:
                self._installed.append(own)
            qt = load_qt_translator(lang, self._app)
            if qt is not None:
                self._installed.append(qt)
        for translator in self._installed:
            self._app.installTranslator(translator)
        errors.set_language(lang)
        self.language = lang
        return lang

    def remove(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()


def load_app_translator(lang: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """``boothpos_<lang>.qm`` from the shipped resources, or None when it is missing."""
    node = paths.resource("translations", f"{CATALOG}_{lang}.qm")
    if not node.is_file():
        return None
    translator = QTranslator(parent)
    # Read the catalogue into memory: a file extracted from a wheel by as_file()
    # is temporary and must not stay memory-mapped after the with-block.
    with resources.as_file(node) as path:
        data = Path(path).read_bytes()
    translator._data = data  # keep the bytes alive as long as the translator
    if not translator.load(data):
        return None
    return translator


def load_qt_translator(lang: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """Qt's own ``qtbase_<lang>.qm`` when Qt ships one for ``lang``."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(parent)
    if translator.load(f"qtbase_{lang}", folder):
        return translator
    return None


# ------------------------------------------------------------------ update ---


def source_files(package_dir: Path) -> list[Path]:
    """Every Python file of the GUI package, sorted (what lupdate scans)."""
    return sorted(p for p in (package_dir / "gui").rglob("*.py") if "__pycache__" not in p.parts)


def _tool(name: str) -> str:
    import shutil  # the tools are for ``--update``; the app does not load them

    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 (it ships {name})")
    return found


def update(repo: Path) -> tuple[Path, Path]:
    """Run lupdate over the GUI sources into the .ts, then lrelease into the .qm."""
    import subprocess

    ts = repo / "resources" / "translations" / f"{CATALOG}_id.ts"
    qm = ts.with_suffix(".qm")
    ts.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(repo)) for p in source_files(repo / "boothpos")]
    lupdate = [_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete"]
    lupdate += ["-target-language", "id_ID", *files, "-ts", str(ts.relative_to(repo))]
    subprocess.run(lupdate, check=True, cwd=repo)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=repo)
    return ts, qm


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m boothpos.gui.i18n", description=__doc__)
    parser.add_argument(
        "--update", action="store_true", help="run lupdate and lrelease over boothpos/gui"
    )
    args = parser.parse_args(argv)
    if not args.update:
        parser.print_help()
        return 0
    repo = Path(__file__).resolve().parents[2]
    ts, qm = update(repo)
    print(f"updated {ts} and {qm}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
