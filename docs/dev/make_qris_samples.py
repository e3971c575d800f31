"""Render docs/qris-payment.png, docs/customer-display(-cart).png and docs/qris-sheet.png.

    Xvfb :116 -screen 0 1366x768x24 &
    DISPLAY=:116 BOOTHPOS_HOME=/tmp/qris-home PYTHONPATH=. python docs/dev/make_qris_samples.py

Builds the demo event with a sample static QRIS (not a real merchant: a test
payload with a computed CRC), signs in ``kasir``, opens the customer display,
scans three products, opens the payment (F12) and chooses QRIS (F6), then
grabs the payment dialog and the customer display; the QRIS sheet is a
matching of a small history against two QRIS sales, rendered with pdftoppm.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from make_report_samples import png  # run as a script: docs/dev is on the path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from qris_samples import static_payload  # noqa: E402

from boothpos.core import db as dbmod  # noqa: E402
from boothpos.core import demo, qris, qris_match, users  # noqa: E402
from boothpos.core.checkout import Tender, checkout  # noqa: E402
from boothpos.core.event import get_event  # noqa: E402
from boothpos.core.products import find_by_code  # noqa: E402

WIB = ZoneInfo("Asia/Jakarta")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from boothpos.gui import app as gui_app
    from boothpos.gui.controllers.customer_display_controller import CustomerDisplayController
    from boothpos.gui.preferences import Preferences

    qapp = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = dbmod.connect(work / "qris-samples.db", create=True)
        demo.build_demo(db)
        admin = users.get_user(db, "admin")
        qris.set_static(db, static_payload(name="BOOTH PLN INACRAFT"), user_id=admin.id)
        kasir = users.get_user(db, "kasir")
        codes = [row[0] for row in db.execute("SELECT barcode FROM products ORDER BY id LIMIT 3")]

        window = gui_app.build_main_window(db, work / "qris-samples.db", Preferences("id"))
        window.resize(1366, 740)
        window.show()
        window.sign_in(kasir)
        display = CustomerDisplayController(window.sale, get_event(db).name, parent=window)
        display.display.resize(1024, 600)
        display.display.show()
        for _ in range(20):
            qapp.processEvents()
        for code in codes:
            window.sale.controller.enter_code(code)
        for _ in range(20):
            qapp.processEvents()
        display.display.grab().save(str(args.out / "customer-display-cart.png"))
        window.sale.open_payment()
        dialog = window.sale.payment_dialog
        dialog.method_buttons["qris"].click()  # F6
        for _ in range(30):
            qapp.processEvents()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        dialog.grab().save(str(args.out / "qris-payment.png"))
        display.display.grab().save(str(args.out / "customer-display.png"))

        # the QRIS sheet: two QRIS sales, a history with one of them and one stranger
        day1 = datetime(2024, 2, 28, 10, 0, tzinfo=WIB)
        lines = [(find_by_code(db, c).id, 1) for c in codes[:2]]
        from boothpos.core.checkout import CartLine

        checkout(db, [CartLine(*lines[0])], [Tender("qris")], cashier=kasir, at=day1)
        sale2 = checkout(
            db, [CartLine(*lines[1])], [Tender("qris")], cashier=kasir, at=day1.replace(hour=11)
        )
        first_price = find_by_code(db, codes[0]).price
        history = work / "riwayat.csv"
        history.write_text(
            "Waktu;Nominal;Referensi\n"
            f"28/02/2024 10:03;{first_price};RRN 240228 0001\n"
            "28/02/2024 13:40;Rp 50.000;RRN 240228 0002\n",
            encoding="utf-8",
        )
        result = qris_match.match_file(db, history, user_id=admin.id)
        from boothpos.documents.qris_sheet import render_qris_sheet

        png(render_qris_sheet(result, get_event(db)), args.out / "qris-sheet.png", work, dpi=80)
        assert [b.receipt_no for b in result.unmatched_books] == [sale2.receipt_no]
        dialog.reject()
        display.display.close()
        window.close()
        db.close()
    print(f"written to {args.out}/")


if __name__ == "__main__":
    main()
