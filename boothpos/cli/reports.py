"""``report``, ``export settlement|lines|stock`` (and XLSX), ``commission``, ``bank-details``."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from boothpos.cli.common import (
    EXIT_OK,
    _add_period_arguments,
    _difference,
    _open,
    _print_json,
    _staff,
    messages,
)
from boothpos.core import clock, errors, export
from boothpos.core.codes import METHODS, Role
from boothpos.core.errors import Msg, RefusedInput
from boothpos.core.money import format_rupiah

MSG = {
    "xlsx_needs_file": Msg(
        id="XLSX adalah file biner: berikan -o FILE.xlsx",
        en="XLSX is a binary file: give -o FILE.xlsx",
    ),
    "rate_set": Msg(id="Komisi {who}: {rate}", en="Commission of {who}: {rate}"),
    "rate_event": Msg(id="acara (tarif umum)", en="the event (default rate)"),
    "rate_default": Msg(id="{rate} (tarif umum acara)", en="{rate} (the event's default rate)"),
    "bank_set": Msg(id="Rekening {code}: {text}", en="Bank details of {code}: {text}"),
    "report_title": Msg(
        id="LAPORAN {kind}{number} · {day} ({status})",
        en="{kind} REPORT{number} · {day} ({status})",
    ),
    "status_closed": Msg(id="ditutup", en="closed"),
    "status_open": Msg(id="masih dibuka, sementara", en="still open, provisional"),
    "status_not_opened": Msg(id="belum dibuka", en="not opened"),
    "counts": Msg(
        id="Transaksi {sales}, dibatalkan {voids}, refund {refunds}",
        en="Sales {sales}, voided {voids}, refunds {refunds}",
    ),
    "gross": Msg(id="Penjualan kotor", en="Gross sales"),
    "discounts": Msg(id="Diskon", en="Discounts"),
    "refunds": Msg(id="Pengembalian dana", en="Refunds"),
    "net": Msg(id="Penjualan bersih", en="Net sales"),
    "commission": Msg(id="Komisi booth", en="Booth commission"),
    "payout": Msg(id="Dibayarkan ke mitra", en="Paid to partners"),
    "cash_line": Msg(
        id="Kas: modal {float}, seharusnya {expected}, dihitung {counted}, selisih {difference}",
        en="Cash: float {float}, expected {expected}, counted {counted}, difference {difference}",
    ),
    "cash_open": Msg(
        id="Kas: modal {float}, seharusnya {expected}; belum dihitung (hari belum ditutup)",
        en="Cash: float {float}, expected {expected}; not counted (the day is not closed)",
    ),
    "settlement_head": Msg(
        id="Kode     Mitra                            Qty           Bersih         Komisi"
        "       Dibayarkan  Stok",
        en="Code     Partner                          Qty              Net     Commission"
        "           Payout Stock",
    ),
    "period": Msg(id="Periode {first} s.d. {last}", en="Period {first} to {last}"),
    "total": Msg(id="JUMLAH", en="TOTAL"),
}

say = messages(MSG)


REPORT_EXPORTS = export.REPORT_EXPORTS


def add_parsers(sub) -> None:
    """``report day|partner-day|settlement|summary``, ``commission``, ``bank-details``."""
    p = sub.add_parser("report", help="day report (X/Z), partner day sheet, settlement, summary")
    rsub = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    q = rsub.add_parser("day", help="X report of an open day, Z report of a closed one")
    q.add_argument("day", metavar="DATE")
    out = q.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--pdf", type=Path, metavar="FILE")
    q = rsub.add_parser("partner-day", help="one partner's day sheet (PDF)")
    q.add_argument("day", metavar="DATE")
    q.add_argument("--partner", required=True, metavar="CODE")
    q.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    q = rsub.add_parser("settlement", help="partner settlement of a period (default: all)")
    _add_period_arguments(q)
    out = q.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--pdf", type=Path, metavar="FILE", help="settlement sheets to sign")
    q = rsub.add_parser("summary", help="booth summary across all partners (PDF)")
    q.add_argument("--from", dest="first", metavar="DATE")
    q.add_argument("--to", dest="last", metavar="DATE")
    q.add_argument("--pdf", type=Path, required=True, metavar="FILE")

    p = sub.add_parser("commission", help="set the commission rate (event or one partner)")
    p.add_argument("rate", metavar="PERCENT", help="e.g. 10 or 12,5; 'default' with --partner")
    p.add_argument("--partner", metavar="CODE", help="a partner's own rate (0 allowed)")
    p.add_argument("--user", help="admin user name (default: the first admin)")

    p = sub.add_parser("bank-details", help="set where a partner's payout goes")
    p.add_argument("partner", metavar="CODE")
    p.add_argument("text", metavar="TEXT", help="e.g. 'BRI 0123-01-000123-30-1 a.n. Siti'")
    p.add_argument("--user", help="admin user name (default: the first admin)")


def _period(args) -> tuple[date | None, date | None]:
    first = clock.parse_date(args.first) if args.first else None
    last = clock.parse_date(args.last) if args.last else None
    return first, last


def _print_day(report) -> None:
    number = f"-{report.z_number}" if report.z_number is not None else ""
    print(
        say(
            "report_title",
            kind=report.kind,
            number=number,
            day=report.day.isoformat(),
            status=say(f"status_{report.status}"),
        )
    )
    print(say("counts", sales=report.transactions, voids=report.voids, refunds=report.refund_count))
    for key, value in (
        ("gross", report.gross),
        ("discounts", -report.discounts),
        ("refunds", -report.refunds),
        ("net", report.net),
    ):
        print(f"  {say(key):<22}{format_rupiah(value):>18}")
    from boothpos.documents.code_names import method_name

    for method in METHODS:
        name = method_name(method, errors.language())
        print(f"  {name:<22}{format_rupiah(report.by_method[method]):>18}")
    cash = report.cash
    if cash.counted is None:
        print(
            say(
                "cash_open",
                float=format_rupiah(cash.opening_float),
                expected=format_rupiah(cash.expected),
            )
        )
    else:
        print(
            say(
                "cash_line",
                float=format_rupiah(cash.opening_float),
                expected=format_rupiah(cash.expected),
                counted=format_rupiah(cash.counted),
                difference=_difference(cash.difference),
            )
        )
    for p in report.partners:
        print(f"  {p.code:<8} {p.name[:34]:<34} {p.qty:>5} {format_rupiah(p.net):>16}")


def _print_settlement(settlement) -> None:
    print(say("period", first=settlement.first.isoformat(), last=settlement.last.isoformat()))
    print(say("settlement_head"))
    rows = [
        (p.code, p.name, p.qty, p.net, p.commission, p.payout, p.stock.on_hand)
        for p in settlement.partners
    ]
    t = settlement.totals
    rows.append((say("total"), "", t.qty, t.net, t.commission, t.payout, settlement.stock.on_hand))
    for code, name, qty, net, commission, payout, on_hand in rows:
        print(
            f"{code:<8} {name[:30]:<30} {qty:>5} {format_rupiah(net):>16} "
            f"{format_rupiah(commission):>14} {format_rupiah(payout):>16} {on_hand:>5}"
        )


def cmd_report(args) -> int:
    from boothpos.core import reports
    from boothpos.core.event import get_event

    if args.report in ("day", "partner-day"):
        day = clock.parse_date(args.day)
        db = _open(args)
        if args.report == "partner-day":
            from boothpos.documents.partner_day import save_partner_day

            sheet = reports.partner_day(db, day, args.partner)
            path = save_partner_day(sheet, get_event(db), args.pdf)
            print(say("written", path=path), file=sys.stderr)
            return EXIT_OK
        report = reports.day_report(db, day)
        if args.json:
            _print_json(report.to_json())
        elif args.pdf:
            from boothpos.core.qris_match import stored_match
            from boothpos.documents.z_report import save_z_report

            qris = stored_match(db, day)
            path = save_z_report(report, get_event(db), args.pdf, qris=qris, lang=errors.language())
            print(say("written", path=path), file=sys.stderr)
        else:
            _print_day(report)
        return EXIT_OK
    first, last = _period(args)
    db = _open(args)
    if args.report == "summary":
        from boothpos.documents.booth_summary import save_booth_summary

        settlement = reports.settle(db, first=first, last=last, detail=True)
        path = save_booth_summary(settlement, args.pdf)
        print(say("written", path=path), file=sys.stderr)
        return EXIT_OK
    settlement = reports.settle(
        db, first=first, last=last, partner=args.partner, detail=bool(args.pdf)
    )
    if args.json:
        _print_json(settlement.to_json())
    elif args.pdf:
        from boothpos.documents.settlement import save_settlement

        path = save_settlement(settlement, args.pdf)
        print(say("written", path=path), file=sys.stderr)
    else:
        _print_settlement(settlement)
    return EXIT_OK


def cmd_commission(args) -> int:
    from boothpos.core import money, partner_terms
    from boothpos.core.formatting import rate_text

    db = _open(args)
    user = _staff(db, args.user, Role.ADMIN)
    if args.partner:
        clear = args.rate.strip().lower() in ("default", "umum", "-")
        rate = None if clear else money.parse_rate(args.rate)
        terms = partner_terms.set_partner_commission(db, args.partner, rate, user=user)
        shown = rate_text(terms.rate_bp)
        if not terms.override:
            shown = say("rate_default", rate=shown)
        print(say("rate_set", who=terms.code, rate=shown))
    else:
        rate = money.parse_rate(args.rate)
        partner_terms.set_event_commission(db, rate, user=user)
        print(say("rate_set", who=say("rate_event"), rate=rate_text(rate)))
    return EXIT_OK


def cmd_bank_details(args) -> int:
    from boothpos.core import partner_terms

    db = _open(args)
    user = _staff(db, args.user, Role.ADMIN)
    terms = partner_terms.set_bank_details(db, args.partner, args.text, user=user)
    print(say("bank_set", code=terms.code, text=terms.bank_details or "-"))
    return EXIT_OK


def _export_reports(args) -> int:
    """``export settlement|lines|stock`` (and any export as XLSX)."""
    if args.format == "xlsx" and not args.output:
        raise RefusedInput(MSG["xlsx_needs_file"])
    first, last = _period(args)
    db = _open(args)
    if args.what in REPORT_EXPORTS:
        if args.format != "xlsx":
            return _report_text(args, db, first, last)
        sheets = export.report_sheets(db, args.what, first=first, last=last, partner=args.partner)
    else:  # partners, products, sales as XLSX
        if args.what == "partners":
            rows, columns = export.partners(db), export.PARTNER_COLUMNS
        elif args.what == "products":
            rows, columns = export.products_file_rows(db), export.PRODUCT_FILE_COLUMNS
        else:
            rows, columns = export.sales_csv_rows(export.sales(db)), export.SALES_CSV_COLUMNS
        sheets = [(args.what, columns, rows, None)]
    from boothpos.documents.pdf_files import write_pdf

    write_pdf(args.output, export.to_xlsx(sheets))
    print(say("written", path=args.output), file=sys.stderr)
    return EXIT_OK


def _report_text(args, db, first: date | None, last: date | None) -> int:
    """A report export as JSON or CSV (the XLSX form is :func:`export.report_sheets`)."""
    from boothpos.core import reports

    if args.what == "settlement":
        settlement = reports.settle(db, first=first, last=last, partner=args.partner)
        if args.format == "json":
            return _write_export(args, export.to_json(settlement.to_json()))
        rows = export.settlement_rows(settlement)
        return _write_export(args, export.to_csv(rows, export.SETTLEMENT_COLUMNS))
    if args.what == "stock":
        settlement = reports.settle(db, first=first, last=last, partner=args.partner, detail=True)
        rows = export.stock_rows(settlement)
        if args.format == "json":
            return _write_export(args, export.to_json(rows))
        return _write_export(args, export.to_csv(rows, export.STOCK_COLUMNS))
    _, _, rows = reports.counted_lines(db, first=first, last=last, partner=args.partner)
    if args.format == "json":
        return _write_export(args, export.to_json(rows))
    return _write_export(args, export.to_csv(rows, reports.LINE_COLUMNS))


def _write_export(args, text: str) -> int:
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
        print(say("written", path=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
