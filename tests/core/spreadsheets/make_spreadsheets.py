"""Write the catalog spreadsheets the import tests read, the way a booth coordinator would:
a CSV opened in LibreOffice Calc and saved as ODS (its default) and as Excel 97 XLS.

Run once (needs LibreOffice: ``apt-get install libreoffice-calc-nogui``); the files
are committed. ``katalog-nol-hilang.*``: LibreOffice read the barcode column as
numbers, so the EAN-8 ``01234565`` became ``1234565`` (the leading zero lost),
exactly as happens when nobody formats the column as Text.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = "kode_mitra,nama_mitra,daerah,nama_produk,kategori,harga,barcode,stok"
GOOD = [
    'AMB01,Mutiara Ambon Lestari,"Kota Ambon, Maluku",Gelang Mutiara,Perhiasan,35000,'
    "8991234500010,3",
    'AMB01,Mutiara Ambon Lestari,"Kota Ambon, Maluku",Kalung Mutiara Laut,Perhiasan,250000,'
    "8991234500027,5",
    'NTT01,Tenun Ikat Sikka,"Kabupaten Sikka, NTT",Selendang Tenun Ikat,Tenun,185000,,4',
]
LOST_ZERO = GOOD[:1] + [
    'PPA01,Noken Papua,"Kota Jayapura, Papua",Noken Anyaman Kecil,Kerajinan,125000,01234565,2',
]


def convert(csv: Path, fmt: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", fmt, "--outdir", work, str(csv)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        made = next(Path(work).iterdir())
        shutil.move(str(made), out)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        for name, rows in (("katalog-libreoffice", GOOD), ("katalog-nol-hilang", LOST_ZERO)):
            csv = Path(work) / f"{name}.csv"
            csv.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
            convert(csv, "ods", HERE / f"{name}.ods")
            convert(csv, "xls:MS Excel 97", HERE / f"{name}.xls")


if __name__ == "__main__":
    main()
