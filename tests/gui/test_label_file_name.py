"""The label PDF's file name carries the event's time (WIB), the time the screen shows."""

from __future__ import annotations

from datetime import UTC, datetime

from boothpos.gui.controllers.labels_controller import LabelsController, LabelsRequest


def test_label_file_name_is_in_event_local_time(booth, qapp):
    controller = LabelsController(booth.db, output=None)  # the name needs no output folder
    request = LabelsRequest(products=(), copies=1, layout="a4-3x8", name="AMB01")
    at = datetime(2024, 2, 28, 3, 15, 0, tzinfo=UTC)  # 10:15 WIB
    assert controller.filename(request, at) == "label-AMB01-a4-3x8-20240228-101500.pdf"
    assert controller.filename(request).startswith("label-AMB01-a4-3x8-")
