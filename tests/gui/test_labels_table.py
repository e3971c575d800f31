"""gui/labels.py is the screens' one label table, keyed by the core.codes enums."""

from __future__ import annotations

from fixtures_shell import *  # noqa: F403 - the translators fixture

from boothpos.core.codes import Method, Role, SaleStatus
from boothpos.gui.labels import (
    method_label,
    method_labels,
    role_label,
    role_labels,
    status_label,
    status_labels,
)


def test_every_code_has_its_label_in_both_languages(translators):
    translators.install("en")
    assert set(method_labels()) == set(Method)
    assert set(role_labels()) == set(Role)
    assert set(status_labels()) == set(SaleStatus)
    english = [method_label(m) for m in Method]
    assert method_label("cash") == method_label(Method.CASH) == "Cash"  # a stored string too
    assert role_label(Role.ATTENDANT) == "Attendant" and status_label("voided") == "Voided"

    translators.install("id")
    assert method_label(Method.CASH) == "Tunai" and role_label("attendant") == "Kasir"
    indonesian = [method_label(m) for m in Method]
    assert len(set(indonesian)) == len(Method) and indonesian != english
    assert method_label("cheque") == "cheque"  # an unknown code is shown as it is
