<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Count or adjust stock</source>
        <translation>Hitung atau sesuaikan stok</translation>
    </message>
    <message>
        <source>On hand in the books: {n}</source>
        <translation>Stok menurut catatan: {n}</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Hasil hitung</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Miscount (the books were wrong)</source>
        <translation>Salah hitung (catatan keliru)</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Rusak</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <source>What happened (optional)</source>
        <translation>Apa yang terjadi (opsional)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Stock {before} → {after} ({change})</source>
        <translation>Stok {before} → {after} ({change})</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Nothing was restored: {reason}</source>
        <translation>Tidak ada yang dipulihkan: {reason}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Catatan audit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The newest {count} entries</source>
        <translation>{count} catatan terbaru</translation>
    </message>
    <message>
        <source>{n} entry</source>
        <translation>{n} catatan</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} catatan</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Menyangkut</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>(sistem)</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>Event: {event}
Transactions: {sales}
Last receipt: {receipt} ({time})
File: {file}</source>
        <translation>Acara: {event}
Transaksi: {sales}
Struk terakhir: {receipt} ({time})
File: {file}</translation>
    </message>
    <message>
        <source>ATTENTION: the previous file is damaged; what could be read was brought back, but other sales may be missing. Check the paper receipts.</source>
        <translation>PERHATIAN: file sebelumnya rusak; yang masih terbaca sudah dikembalikan, tetapi penjualan lain mungkin hilang. Periksa struk kertas.</translation>
    </message>
    <message>
        <source>ATTENTION: records of the previous file that could not be brought back ({count}): {details}. Enter them again from the paper receipts.</source>
        <translation>PERHATIAN: catatan di file sebelumnya yang tidak bisa dikembalikan ({count}): {details}. Catat ulang dari struk kertas.</translation>
    </message>
    <message>
        <source>ATTENTION: {count} stock changes of the previous file are not in this backup ({kinds}); record them again.</source>
        <translation>PERHATIAN: {count} perubahan stok di file sebelumnya tidak ada di cadangan ini ({kinds}); catat ulang.</translation>
    </message>
    <message>
        <source>Restored {file}: {sales} transactions, last receipt {receipt}.</source>
        <translation>{file} dipulihkan: {sales} transaksi, struk terakhir {receipt}.</translation>
    </message>
    <message>
        <source>Brought back from the previous file: {count} transactions made after this backup ({receipts}).</source>
        <translation>Dikembalikan dari file sebelumnya: {count} transaksi sesudah cadangan ini ({receipts}).</translation>
    </message>
    <message>
        <source>Brought back from the previous file: the voids of {count} sales ({receipts}).</source>
        <translation>Dikembalikan dari file sebelumnya: pembatalan {count} penjualan ({receipts}).</translation>
    </message>
    <message>
        <source>Brought back from the previous file: {count} fair-day openings/closings.</source>
        <translation>Dikembalikan dari file sebelumnya: {count} catatan buka/tutup hari.</translation>
    </message>
    <message>
        <source>Brought back from the previous file: the user accounts its transactions need ({users}), with the same PINs.</source>
        <translation>Dikembalikan dari file sebelumnya: akun pengguna yang diperlukan transaksinya ({users}), dengan PIN yang sama.</translation>
    </message>
    <message>
        <source>Receipt numbers now continue under till code {till} (was {old}), so that no receipt number is ever issued twice.</source>
        <translation>Nomor struk kini berlanjut dengan kode kasir {till} (sebelumnya {old}), agar tidak ada nomor struk yang terpakai dua kali.</translation>
    </message>
    <message>
        <source>The previous file is kept as {file}.</source>
        <translation>File sebelumnya disimpan sebagai {file}.</translation>
    </message>
    <message>
        <source>ATTENTION: the previous file could not be read, so sales after receipt {receipt} may be missing. Check the paper receipts.</source>
        <translation>PERHATIAN: file sebelumnya tidak terbaca, jadi penjualan sesudah struk {receipt} mungkin hilang. Periksa struk kertas.</translation>
    </message>
    <message>
        <source>Backup written: {file}</source>
        <translation>Cadangan ditulis: {file}</translation>
    </message>
    <message>
        <source>No backup was written.</source>
        <translation>Tidak ada cadangan yang ditulis.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Cadangkan sekarang</translation>
    </message>
    <message>
        <source>Backups of this database, newest first:</source>
        <translation>Cadangan database ini, terbaru di atas:</translation>
    </message>
    <message>
        <source>Check selected backup</source>
        <translation>Periksa cadangan terpilih</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih file…</translation>
    </message>
    <message>
        <source>Restoring replaces the database with the backup and starts the till again; the current file is kept aside. Sales made after the backup are not in it.</source>
        <translation>Pemulihan mengganti database dengan cadangan dan memulai ulang kasir; file yang sekarang disimpan terpisah. Penjualan sesudah cadangan dibuat tidak ada di dalamnya.</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Pulihkan cadangan ini</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Cadangan otomatis</translation>
    </message>
    <message>
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <source>none: only the folder beside the database</source>
        <translation>tidak ada: hanya folder di samping database</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Pilih folder…</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <source>Back up after every … sales (0 = off)</source>
        <translation>Cadangkan setiap … penjualan (0 = mati)</translation>
    </message>
    <message>
        <source>Backups kept in each folder</source>
        <translation>Jumlah cadangan disimpan per folder</translation>
    </message>
    <message>
        <source>Second folder (USB stick)</source>
        <translation>Folder kedua (USB)</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>Pengaturan cadangan disimpan.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sedang mencadangkan…</translation>
    </message>
    <message>
        <source>Select a backup in the list first.</source>
        <translation>Pilih dulu cadangan di daftar.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Pilih cadangan</translation>
    </message>
    <message>
        <source>boothpos backups (*.db);;All files (*)</source>
        <translation>Cadangan boothpos (*.db);;Semua file (*)</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>Folder cadangan kedua</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <source>Taken</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
</context>
<context>
    <name>CartTableModel</name>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total baris</translation>
    </message>
    <message>
        <source>Barcode {code}</source>
        <translation>Barcode {code}</translation>
    </message>
    <message>
        <source>Only {n} in stock according to the ledger</source>
        <translation>Stok menurut catatan hanya {n}</translation>
    </message>
    <message>
        <source>Type a number to change the quantity; + and - step it</source>
        <translation>Ketik angka untuk mengubah jumlah; + dan - menambah/mengurangi</translation>
    </message>
    <message>
        <source>Rupiah off the whole line</source>
        <translation>Potongan rupiah untuk seluruh baris</translation>
    </message>
</context>
<context>
    <name>CatalogProblemsDialog</name>
    <message>
        <source>Catalog not imported</source>
        <translation>Katalog tidak diimpor</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; was not imported: {count} problem(s) found. Nothing was changed. Correct these cells in the spreadsheet and import it again.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; tidak diimpor: ditemukan {count} masalah. Tidak ada yang diubah. Perbaiki sel-sel ini di spreadsheet, lalu impor lagi.</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Salin daftar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>CatalogProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
</context>
<context>
    <name>CloseDayDialog</name>
    <message>
        <source>Close the fair day</source>
        <translation>Tutup hari pameran</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Hari</translation>
    </message>
    <message>
        <source>Type the number of each note and coin; Enter moves down. Enter on “Close the day” confirms, Esc cancels. Nothing is saved before that.</source>
        <translation>Ketik jumlah lembar uang kertas dan keping koin; Enter pindah ke bawah. Enter pada “Tutup hari” menutup hari, Esc membatalkan. Belum ada yang disimpan sebelum itu.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Tutup hari</translation>
    </message>
    <message>
        <source>Note / coin</source>
        <translation>Uang kertas / koin</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Counted in the drawer</source>
        <translation>Total uang di laci</translation>
    </message>
    <message>
        <source>Sales (receipts)</source>
        <translation>Penjualan (struk)</translation>
    </message>
    <message>
        <source>Net sales, all methods</source>
        <translation>Penjualan bersih, semua metode</translation>
    </message>
    <message>
        <source>Cash taken, after change and refunds</source>
        <translation>Tunai diterima, setelah kembalian dan refund</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Modal awal kas</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Kas seharusnya</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Kas dihitung</translation>
    </message>
    <message>
        <source>Difference (counted − expected)</source>
        <translation>Selisih (dihitung − seharusnya)</translation>
    </message>
    <message>
        <source>Non-cash: check against the EDC and QRIS terminals</source>
        <translation>Non-tunai: cocokkan dengan mesin EDC dan QRIS</translation>
    </message>
    <message>
        <source>Print the Z report</source>
        <translation>Cetak Laporan Z</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>This day is already closed (Z-{z}). Only an administrator can reopen it.</source>
        <translation>Hari tersebut sudah ditutup (Z-{z}). Hanya administrator yang dapat membukanya kembali.</translation>
    </message>
    <message>
        <source>The day is open; opening float {float}.</source>
        <translation>Hari sedang dibuka; modal awal kas {float}.</translation>
    </message>
    <message>
        <source>Nobody opened this day: it has no sales and closes with a zero report.</source>
        <translation>Hari tersebut belum dibuka: belum ada penjualan, sehingga ditutup dengan laporan bernilai nol.</translation>
    </message>
    <message>
        <source>The drawer matches the records.</source>
        <translation>Kas di laci cocok dengan catatan.</translation>
    </message>
    <message>
        <source>More cash than expected.</source>
        <translation>Kas LEBIH dari yang seharusnya.</translation>
    </message>
    <message>
        <source>Cash is short.</source>
        <translation>Kas KURANG dari yang seharusnya.</translation>
    </message>
    <message>
        <source>Closing gives this day the Z report number Z-{z}.</source>
        <translation>Penutupan ini mencatat Laporan Z nomor Z-{z}.</translation>
    </message>
    <message>
        <source>Close the day · Z-{z}</source>
        <translation>Tutup hari · Z-{z}</translation>
    </message>
    <message>
        <source>Fair day {n} ({day}) is closed: Z-{z}</source>
        <translation>Hari pameran ke-{n} ({day}) sudah ditutup: Z-{z}</translation>
    </message>
    <message>
        <source>{day} is closed: Z-{z}</source>
        <translation>{day} sudah ditutup: Z-{z}</translation>
    </message>
    <message>
        <source>Expected {expected}, counted {counted}, difference {difference}.
Sales on this day are now refused; an administrator can reopen it from Reports.</source>
        <translation>Kas seharusnya {expected}, dihitung {counted}, selisih {difference}.
Penjualan pada hari tersebut sekarang ditolak; administrator dapat membukanya kembali dari Laporan.</translation>
    </message>
    <message>
        <source>Saving the Z report…</source>
        <translation>Menyimpan Laporan Z…</translation>
    </message>
    <message>
        <source>Z report saved as {file}</source>
        <translation>Laporan Z disimpan sebagai {file}</translation>
    </message>
    <message>
        <source>Z report Z-{z}</source>
        <translation>Laporan Z-{z}</translation>
    </message>
    <message>
        <source>Z report saved as {file}; sent to the printer.</source>
        <translation>Laporan Z disimpan sebagai {file}; sudah dikirim ke printer.</translation>
    </message>
    <message>
        <source>note or coin</source>
        <translation>kertas atau koin</translation>
    </message>
    <message>
        <source>coin</source>
        <translation>koin</translation>
    </message>
    <message>
        <source>note</source>
        <translation>kertas</translation>
    </message>
    <message>
        <source>Day {n} · {date}</source>
        <translation>Hari ke-{n} · {date}</translation>
    </message>
    <message>
        <source>{date} (outside the fair)</source>
        <translation>{date} (di luar hari pameran)</translation>
    </message>
    <message>
        <source>closed (Z-{z})</source>
        <translation>ditutup (Z-{z})</translation>
    </message>
    <message>
        <source>open</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>not opened</source>
        <translation>belum dibuka</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display — {event}</source>
        <translation>Layar pelanggan — {event}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>Yang harus dibayar</translation>
    </message>
    <message>
        <source>Scan with any QRIS app and type the amount {amount}</source>
        <translation>Pindai dengan aplikasi QRIS apa saja dan ketik nominal {amount}</translation>
    </message>
    <message>
        <source>Scan with any QRIS app: the amount is filled in</source>
        <translation>Pindai dengan aplikasi QRIS apa saja: nominal sudah terisi</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Kembalian {amount}</translation>
    </message>
    <message>
        <source>Paid {amount}</source>
        <translation>Dibayar {amount}</translation>
    </message>
</context>
<context>
    <name>FairDayController</name>
    <message>
        <source>The Z report could not be saved: {reason}</source>
        <translation>Laporan Z tidak dapat disimpan: {reason}</translation>
    </message>
    <message>
        <source>{what} could not be printed: {reason}</source>
        <translation>{what} tidak dapat dicetak: {reason}</translation>
    </message>
    <message>
        <source>{what} sent to the printer.</source>
        <translation>{what} sudah dikirim ke printer.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>boothpos — first start</source>
        <translation>boothpos — mulai pertama</translation>
    </message>
    <message>
        <source>Welcome to boothpos</source>
        <translation>Selamat datang di boothpos</translation>
    </message>
    <message>
        <source>There is no event database yet at
{path}

Try the app on the demo event, or start your own event.</source>
        <translation>Belum ada database acara di
{path}

Coba aplikasi dengan acara demo, atau mulai acara Anda sendiri.</translation>
    </message>
    <message>
        <source>Open the demo event (INACRAFT 2024)</source>
        <translation>Buka acara demo (INACRAFT 2024)</translation>
    </message>
    <message>
        <source>Demo users: kasir / 1111, supervisor / 5555, admin / 9999</source>
        <translation>Pengguna demo: kasir / 1111, supervisor / 5555, admin / 9999</translation>
    </message>
    <message>
        <source>For example: INACRAFT 2025</source>
        <translation>Contoh: INACRAFT 2025</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <source>optional: .xlsx or .csv</source>
        <translation>opsional: .xlsx atau .csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Pilih file…</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Nama acara</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>First fair day</source>
        <translation>Hari pertama pameran</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>Jumlah hari</translation>
    </message>
    <message>
        <source>Admin PIN (4–8 digits)</source>
        <translation>PIN admin (4–8 angka)</translation>
    </message>
    <message>
        <source>Admin PIN again</source>
        <translation>Ulangi PIN admin</translation>
    </message>
    <message>
        <source>Cashier PIN (user kasir)</source>
        <translation>PIN kasir (pengguna kasir)</translation>
    </message>
    <message>
        <source>Cashier PIN again</source>
        <translation>Ulangi PIN kasir</translation>
    </message>
    <message>
        <source>Catalog file</source>
        <translation>File katalog</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>Buat acara</translation>
    </message>
    <message>
        <source>Start a new event</source>
        <translation>Mulai acara baru</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Catalog (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>Katalog (*.xlsx *.xls *.ods *.csv);;Semua file (*)</translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>Receipt {receipt} could not be made: {reason}</source>
        <translation>Struk {receipt} tidak dapat dibuat: {reason}</translation>
    </message>
    <message>
        <source>Receipt {receipt} sent again to the printer.</source>
        <translation>Struk {receipt} dikirim ulang ke printer.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Belum ada yang masuk.</translation>
    </message>
    <message>
        <source>Sale {receipt} ({total}) is voided; the goods are back in stock.</source>
        <translation>Penjualan {receipt} ({total}) dibatalkan; barang kembali ke stok.</translation>
    </message>
    <message>
        <source>Refund {receipt} recorded: {amount} back to the customer.</source>
        <translation>Refund {receipt} dicatat: {amount} dikembalikan ke pembeli.</translation>
    </message>
    <message>
        <source>Refund {receipt} is saved, but its receipt failed: {reason}. Reprint it from this list.</source>
        <translation>Refund {receipt} sudah tersimpan, tetapi struknya gagal: {reason}. Cetak ulang dari daftar ini.</translation>
    </message>
    <message>
        <source>Receipt {receipt} printed.</source>
        <translation>Struk {receipt} sudah dicetak.</translation>
    </message>
    <message>
        <source>Printer problem with receipt {receipt}: {reason}. The sale is saved; reprint it when the printer is ready.</source>
        <translation>Masalah printer pada struk {receipt}: {reason}. Penjualan sudah tersimpan; cetak ulang saat printer siap.</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>Sales history</source>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Search receipt no. (all days)</source>
        <translation>Cari nomor struk (semua hari)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Kembali ke penjualan</translation>
    </message>
    <message>
        <source>Void the whole sale {receipt} of {total}? The goods go back in stock. A supervisor approves with their PIN.</source>
        <translation>Batalkan seluruh penjualan {receipt} senilai {total}? Barang kembali ke stok. Supervisor menyetujui dengan PIN.</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Batalkan penjualan</translation>
    </message>
    <message>
        <source>Refund {amount} from receipt {receipt} ({method}). A supervisor approves with their PIN.</source>
        <translation>Refund {amount} dari struk {receipt} ({method}). Supervisor menyetujui dengan PIN.</translation>
    </message>
    <message>
        <source>Approve refund</source>
        <translation>Setujui refund</translation>
    </message>
    <message>
        <source>A refund cannot be voided.</source>
        <translation>Refund tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>This sale is already voided.</source>
        <translation>Penjualan ini sudah dibatalkan.</translation>
    </message>
    <message>
        <source>Only today&apos;s sales can be voided; use Refund for an earlier day.</source>
        <translation>Hanya penjualan hari ini yang bisa dibatalkan; gunakan Refund untuk hari sebelumnya.</translation>
    </message>
    <message>
        <source>This sale already has a refund; it cannot be voided.</source>
        <translation>Penjualan ini sudah ada refund-nya; tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>A refund cannot be refunded.</source>
        <translation>Refund tidak dapat di-refund lagi.</translation>
    </message>
    <message>
        <source>This sale is voided; there is nothing to refund.</source>
        <translation>Penjualan ini sudah dibatalkan; tidak ada yang bisa di-refund.</translation>
    </message>
    <message>
        <source>Everything on this receipt has already been refunded.</source>
        <translation>Semua barang di struk ini sudah di-refund.</translation>
    </message>
    <message>
        <source>{count} · {total}</source>
        <translation>{count} · {total}</translation>
    </message>
    <message>
        <source>{n} receipt</source>
        <translation>{n} struk</translation>
    </message>
    <message>
        <source>{n} receipts</source>
        <translation>{n} struk</translation>
    </message>
    <message>
        <source>Approved by {name}</source>
        <translation>Disetujui oleh {name}</translation>
    </message>
    <message>
        <source>Refunded so far: {items}, {amount}</source>
        <translation>Sudah di-refund: {items}, {amount}</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n} barang</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} barang</translation>
    </message>
    <message>
        <source>No sale selected</source>
        <translation>Belum ada penjualan dipilih</translation>
    </message>
    <message>
        <source>Choose a sale in the list.</source>
        <translation>Pilih penjualan di daftar.</translation>
    </message>
    <message>
        <source>{time} · cashier {cashier}</source>
        <translation>{time} · kasir {cashier}</translation>
    </message>
    <message>
        <source>Refund of receipt {receipt}: {reason}</source>
        <translation>Refund dari struk {receipt}: {reason}</translation>
    </message>
    <message>
        <source>Voided at {time}: {reason}</source>
        <translation>Dibatalkan {time}: {reason}</translation>
    </message>
    <message>
        <source>Refund: {payments}</source>
        <translation>Refund: {payments}</translation>
    </message>
    <message>
        <source>Paid: {payments}</source>
        <translation>Dibayar: {payments}</translation>
    </message>
    <message>
        <source>Change: {change}</source>
        <translation>Kembalian: {change}</translation>
    </message>
</context>
<context>
    <name>HubStatus</name>
    <message>
        <source>Hub: connecting…</source>
        <translation>Hub: menghubungkan…</translation>
    </message>
    <message>
        <source>Hub: not syncing ({reason})</source>
        <translation>Hub: tidak sinkron ({reason})</translation>
    </message>
    <message>
        <source>Hub: offline since {time} · {n} waiting</source>
        <translation>Hub: terputus sejak {time} · {n} menunggu</translation>
    </message>
    <message>
        <source>Hub: {n} waiting</source>
        <translation>Hub: {n} menunggu</translation>
    </message>
    <message>
        <source>Hub: synced {time}</source>
        <translation>Hub: sinkron {time}</translation>
    </message>
    <message>
        <source>{n} parked</source>
        <translation>{n} ditahan</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Receive goods from a partner</source>
        <translation>Terima barang dari mitra</translation>
    </message>
    <message>
        <source>Choose the partner, then scan each item (or type the quantity on its row). The partner signs the printed intake receipt.</source>
        <translation>Pilih mitra, lalu scan setiap barang (atau ketik jumlahnya di barisnya). Mitra menandatangani tanda terima barang yang dicetak.</translation>
    </message>
    <message>
        <source>For example: second delivery</source>
        <translation>Contoh: kiriman kedua</translation>
    </message>
</context>
<context>
    <name>InventoryController</name>
    <message>
        <source>Only a supervisor or an administrator can change products.</source>
        <translation>Hanya supervisor atau admin yang dapat mengubah produk.</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Tidak diubah: {reason}</translation>
    </message>
    <message>
        <source>Price of {name} changed from {old} to {new}.</source>
        <translation>Harga {name} diubah dari {old} menjadi {new}.</translation>
    </message>
    <message>
        <source>Product renamed from “{old}” to “{new}”.</source>
        <translation>Nama produk diubah dari “{old}” menjadi “{new}”.</translation>
    </message>
    <message>
        <source>Category of {name} is now “{new}”.</source>
        <translation>Kategori {name} sekarang “{new}”.</translation>
    </message>
    <message>
        <source>Intake {number} saved: {qty} items from {partner}.</source>
        <translation>Penerimaan {number} tersimpan: {qty} barang dari {partner}.</translation>
    </message>
    <message>
        <source>Return {number} saved: {qty} items back to {partner}.</source>
        <translation>Pengembalian {number} tersimpan: {qty} barang kembali ke {partner}.</translation>
    </message>
    <message>
        <source>Adjustment {number} saved: {name} {before} → {after}.</source>
        <translation>Penyesuaian {number} tersimpan: {name} {before} → {after}.</translation>
    </message>
    <message>
        <source>The sheet could not be made: {reason}</source>
        <translation>Lembar dokumennya tidak dapat dibuat: {reason}</translation>
    </message>
    <message>
        <source>Sheet {file} saved and sent to the printer.</source>
        <translation>Lembar {file} tersimpan dan dikirim ke printer.</translation>
    </message>
    <message>
        <source>Sheet saved: {path}</source>
        <translation>Lembar tersimpan: {path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Printer problem with {number}: {reason}. The sheet is saved in {path}.</source>
        <translation>Masalah printer untuk {number}: {reason}. Lembarnya tersimpan di {path}.</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <source>Stock &amp; labels</source>
        <translation>Stok &amp; label</translation>
    </message>
    <message>
        <source>Search name, barcode, category or partner</source>
        <translation>Cari nama, barcode, kategori atau mitra</translation>
    </message>
    <message>
        <source>Only low or negative stock</source>
        <translation>Hanya stok menipis atau minus</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Receive goods</source>
        <translation>Terima barang</translation>
    </message>
    <message>
        <source>Count / adjust</source>
        <translation>Hitung / sesuaikan</translation>
    </message>
    <message>
        <source>Return to partner</source>
        <translation>Retur ke mitra</translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation>Label…</translation>
    </message>
    <message>
        <source>Import catalog…</source>
        <translation>Impor katalog…</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Kembali ke penjualan</translation>
    </message>
    <message>
        <source>F2 edit the name, category or price in the selected cell · Ctrl+F search · select several rows for their labels</source>
        <translation>F2 ubah nama, kategori atau harga di sel terpilih · Ctrl+F cari · pilih beberapa baris untuk labelnya</translation>
    </message>
    <message>
        <source>Return goods to a partner</source>
        <translation>Kembalikan barang ke mitra</translation>
    </message>
    <message>
        <source>Choose a product in the list first, then press {key}.</source>
        <translation>Pilih produk di daftar dulu, lalu tekan {key}.</translation>
    </message>
    <message>
        <source>Count or adjust stock</source>
        <translation>Hitung atau sesuaikan stok</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can import a catalog.</source>
        <translation>Hanya supervisor atau admin yang dapat mengimpor katalog.</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>Impor katalog</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Catalog not imported: {reason}</source>
        <translation>Katalog tidak diimpor: {reason}</translation>
    </message>
    <message>
        <source>{file}: the catalog is already up to date; nothing changed.</source>
        <translation>{file}: katalog sudah mutakhir; tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>{file} imported: {partners_added} partner(s) added, {partners_updated} updated; {products_added} product(s) added, {products_updated} updated, {unchanged} unchanged; {moves} stock intake(s) recorded.</source>
        <translation>{file} diimpor: {partners_added} mitra ditambahkan, {partners_updated} diperbarui; {products_added} produk ditambahkan, {products_updated} diperbarui, {unchanged} tetap; {moves} penerimaan stok dicatat.</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Semua mitra</translation>
    </message>
    <message>
        <source>{count} · {items} on hand · {low} low or out</source>
        <translation>{count} · {items} di booth · {low} menipis atau habis</translation>
    </message>
    <message>
        <source>{n} product</source>
        <translation>{n} produk</translation>
    </message>
    <message>
        <source>{n} products</source>
        <translation>{n} produk</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n} barang</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} barang</translation>
    </message>
    <message>
        <source>{n} negative: count them</source>
        <translation>{n} minus: hitung ulang</translation>
    </message>
    <message>
        <source>This needs a supervisor: they approve with their PIN.</source>
        <translation>Ini perlu persetujuan supervisor dengan PIN-nya.</translation>
    </message>
    <message>
        <source>{file} was not imported ({count} problem(s)); nothing was changed.</source>
        <translation>{file} tidak diimpor ({count} masalah); tidak ada yang diubah.</translation>
    </message>
</context>
<context>
    <name>InventoryTableModel</name>
    <message>
        <source>Negative: count it</source>
        <translation>Minus: hitung ulang</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Habis</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Menipis</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aman</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Disesuaikan</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Stok</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Received from the partner (intake)</source>
        <translation>Diterima dari mitra (penerimaan barang)</translation>
    </message>
    <message>
        <source>Sold, less voids and restocked refunds</source>
        <translation>Terjual, dikurangi pembatalan dan refund yang kembali ke stok</translation>
    </message>
    <message>
        <source>Handed back to the partner</source>
        <translation>Dikembalikan ke mitra</translation>
    </message>
    <message>
        <source>Corrections after a count (damaged, lost, miscount)</source>
        <translation>Koreksi setelah penghitungan (rusak, hilang, salah hitung)</translation>
    </message>
    <message>
        <source>At the booth now, from the stock ledger</source>
        <translation>Yang ada di booth sekarang, menurut catatan stok</translation>
    </message>
    <message>
        <source>More was sold than the books say was received: count the goods and record an adjustment.</source>
        <translation>Terjual lebih banyak daripada yang tercatat diterima: hitung barangnya lalu catat penyesuaian.</translation>
    </message>
    <message>
        <source>F2 or double-click to edit</source>
        <translation>F2 atau klik dua kali untuk mengubah</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Attendant</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <source>Debit card</source>
        <translation>Kartu debit</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Kartu kredit</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Transfer bank</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>Print barcode labels</source>
        <translation>Cetak label barcode</translation>
    </message>
    <message>
        <source>The {n} product(s) selected in the list</source>
        <translation>{n} produk yang dipilih di daftar</translation>
    </message>
    <message>
        <source>Products of</source>
        <translation>Produk dari</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Semua mitra</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Copies of each product</source>
        <translation>Salinan per produk</translation>
    </message>
    <message>
        <source>One per item in stock</source>
        <translation>Satu per barang di stok</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Jumlah label</translation>
    </message>
    <message>
        <source>Draw label outlines (a test print on plain paper to check the offset)</source>
        <translation>Gambar garis tepi label (cetak uji di kertas biasa untuk memeriksa geseran)</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>Lembar label</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Tata letak</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>Mulai di label</translation>
    </message>
    <message>
        <source>right</source>
        <translation>kanan</translation>
    </message>
    <message>
        <source>down</source>
        <translation>bawah</translation>
    </message>
    <message>
        <source>Print offset</source>
        <translation>Geser cetak</translation>
    </message>
    <message>
        <source>Kept for this layout on every till of the event. Negative: left / up.</source>
        <translation>Disimpan untuk tata letak ini di semua kasir acara ini. Negatif: ke kiri / ke atas.</translation>
    </message>
    <message>
        <source>the default system printer</source>
        <translation>printer sistem bawaan</translation>
    </message>
    <message>
        <source>Print on {printer}</source>
        <translation>Cetak ke {printer}</translation>
    </message>
    <message>
        <source>Print (no system printer is set: PDF only)</source>
        <translation>Cetak (printer sistem belum diatur: hanya PDF)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Making the labels…</source>
        <translation>Membuat label…</translation>
    </message>
    <message>
        <source>of {count} on the sheet (skip labels already used)</source>
        <translation>dari {count} di lembar (lewati label yang sudah terpakai)</translation>
    </message>
    <message>
        <source>a label roll prints one label per page</source>
        <translation>rol label mencetak satu label per halaman</translation>
    </message>
    <message>
        <source>{labels} label(s) on {pages} A4 sheet(s)</source>
        <translation>{labels} label di {pages} lembar A4</translation>
    </message>
    <message>
        <source>{labels} label(s) on the roll</source>
        <translation>{labels} label di rol</translation>
    </message>
    <message>
        <source>Saved {labels} label(s), {pages} page(s): {path}</source>
        <translation>Tersimpan {labels} label, {pages} halaman: {path}</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Dikirim ke printer.</translation>
    </message>
    <message>
        <source>The labels could not be made: {reason}</source>
        <translation>Label tidak dapat dibuat: {reason}</translation>
    </message>
    <message>
        <source>Printer problem: {reason}. The PDF is saved: {path}</source>
        <translation>Masalah printer: {reason}. PDF-nya tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>LoginController</name>
    <message>
        <source>Type your PIN, then press Enter.</source>
        <translation>Ketik PIN Anda, lalu tekan Enter.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Type your PIN and press Enter</source>
        <translation>Ketik PIN lalu tekan Enter</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Memeriksa database…</translation>
    </message>
    <message>
        <source>Your PIN signs you in under your own name</source>
        <translation>PIN Anda memasukkan Anda dengan nama Anda sendiri</translation>
    </message>
    <message>
        <source>UMK partner? Scan your partner card or press:</source>
        <translation>Mitra UMK? Pindai kartu mitra Anda atau tekan:</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Partners: see your own sales</source>
        <translation>Mitra: lihat penjualan Anda sendiri</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Printer not ready ({reason}); receipts are saved as PDF only.</source>
        <translation>Printer belum siap ({reason}); struk hanya disimpan sebagai PDF.</translation>
    </message>
    <message>
        <source>{date} · outside the fair days</source>
        <translation>{date} · di luar hari pameran</translation>
    </message>
    <message>
        <source>Fair day {n} of {days} · {date}</source>
        <translation>Hari ke-{n} dari {days} · {date}</translation>
    </message>
    <message>
        <source>Sales history</source>
        <translation>Riwayat penjualan</translation>
    </message>
    <message>
        <source>Sign out / switch cashier</source>
        <translation>Keluar / ganti kasir</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Utama</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Layar pelanggan</translation>
    </message>
    <message>
        <source>Esc goes back to the sale.</source>
        <translation>Esc kembali ke penjualan.</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Belum ada yang masuk</translation>
    </message>
    <message>
        <source>Cashier: {name} ({role})</source>
        <translation>Kasir: {name} ({role})</translation>
    </message>
    <message>
        <source>Stock &amp;&amp; labels</source>
        <translation>Stok &amp;&amp; label</translation>
    </message>
    <message>
        <source>Stock, intake, returns, catalog and labels</source>
        <translation>Stok, penerimaan, pengembalian, katalog dan label</translation>
    </message>
    <message>
        <source>Import catalog…</source>
        <translation>Impor katalog…</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>Cetak label…</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Kembali ke penjualan</translation>
    </message>
    <message>
        <source>Backups and restore…</source>
        <translation>Cadangan dan pemulihan…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Catatan audit…</translation>
    </message>
    <message>
        <source>Partner PINs and cards…</source>
        <translation>PIN dan kartu mitra…</translation>
    </message>
    <message>
        <source>Booth QRIS…</source>
        <translation>QRIS booth…</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Day reports, settlements, exports; open and close the fair day</source>
        <translation>Laporan harian, rekap mitra, ekspor; buka dan tutup hari pameran</translation>
    </message>
    <message>
        <source>Open the fair day…</source>
        <translation>Buka hari pameran…</translation>
    </message>
    <message>
        <source>Close the fair day…</source>
        <translation>Tutup hari pameran…</translation>
    </message>
    <message>
        <source>Reopen a closed day…</source>
        <translation>Buka kembali hari yang sudah ditutup…</translation>
    </message>
    <message>
        <source>Sale {receipt} saved.</source>
        <translation>Penjualan {receipt} tersimpan.</translation>
    </message>
</context>
<context>
    <name>OpenDayDialog</name>
    <message>
        <source>Open the fair day</source>
        <translation>Buka hari pameran</translation>
    </message>
    <message>
        <source>Count the change money put in the drawer before the first sale. Without this, the first sale opens the day with a float of Rp 0.</source>
        <translation>Hitung uang kembalian yang dimasukkan ke laci sebelum penjualan pertama. Tanpa ini, penjualan pertama membuka hari dengan modal awal Rp 0.</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Modal awal kas</translation>
    </message>
    <message>
        <source>Open the day</source>
        <translation>Buka hari</translation>
    </message>
    <message>
        <source>for example 500.000</source>
        <translation>misalnya 500.000</translation>
    </message>
</context>
<context>
    <name>PartnerAdminDialog</name>
    <message>
        <source>Save partner cards</source>
        <translation>Simpan kartu mitra</translation>
    </message>
    <message>
        <source>Partner PINs and cards</source>
        <translation>PIN dan kartu mitra</translation>
    </message>
    <message>
        <source>Partners check their own sales on the sign-in screen (“Partner”, F3, or a scan of their card) with a PIN set here. Cards carry no PIN.</source>
        <translation>Mitra mengecek penjualannya sendiri di layar masuk (“Mitra”, F3, atau pindai kartunya) dengan PIN yang diatur di sini. Kartu tidak memuat PIN.</translation>
    </message>
    <message>
        <source>empty: a random 6-digit PIN</source>
        <translation>kosong: PIN acak 6 angka</translation>
    </message>
    <message>
        <source>Set / reset PIN</source>
        <translation>Atur / ganti PIN</translation>
    </message>
    <message>
        <source>Save cards of the selected…</source>
        <translation>Simpan kartu mitra terpilih…</translation>
    </message>
    <message>
        <source>Save cards of all partners…</source>
        <translation>Simpan kartu semua mitra…</translation>
    </message>
    <message>
        <source>New PIN for the selected partner:</source>
        <translation>PIN baru untuk mitra terpilih:</translation>
    </message>
    <message>
        <source>Select one partner to set a PIN.</source>
        <translation>Pilih satu mitra untuk diatur PIN-nya.</translation>
    </message>
    <message>
        <source>A new PIN was set for {code}.</source>
        <translation>PIN baru sudah diatur untuk {code}.</translation>
    </message>
    <message>
        <source>Select the partners whose cards you want.</source>
        <translation>Pilih mitra yang kartunya ingin dicetak.</translation>
    </message>
    <message>
        <source>Saved {n} partner card(s): {path}</source>
        <translation>{n} kartu mitra tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>PartnerDashboardView</name>
    <message>
        <source>Print slip</source>
        <translation>Cetak slip</translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation>Selesai (Esc)</translation>
    </message>
    <message>
        <source>Sold so far</source>
        <translation>Terjual s.d. kini</translation>
    </message>
    <message>
        <source>Due to you so far</source>
        <translation>Hak Anda s.d. kini</translation>
    </message>
    <message>
        <source>Still at the booth</source>
        <translation>Stok masih di booth</translation>
    </message>
    <message>
        <source>pieces of your goods</source>
        <translation>pcs barang Anda</translation>
    </message>
    <message>
        <source>Each fair day</source>
        <translation>Per hari pameran</translation>
    </message>
    <message>
        <source>Each product (so far)</source>
        <translation>Per produk (s.d. kini)</translation>
    </message>
    <message>
        <source>Figures as of {time}</source>
        <translation>Angka per {time}</translation>
    </message>
    <message>
        <source>other tills as of {time}</source>
        <translation>kasir lain per {time}</translation>
    </message>
    <message>
        <source>Today · day {n} · {date}</source>
        <translation>Hari ini · hari ke-{n} · {date}</translation>
    </message>
    <message>
        <source>Today · {date}</source>
        <translation>Hari ini · {date}</translation>
    </message>
    <message>
        <source>{n} piece sold today</source>
        <translation>{n} pcs terjual hari ini</translation>
    </message>
    <message>
        <source>{n} pieces sold today</source>
        <translation>{n} pcs terjual hari ini</translation>
    </message>
    <message>
        <source>{n} piece sold since {date}</source>
        <translation>{n} pcs terjual sejak {date}</translation>
    </message>
    <message>
        <source>{n} pieces sold since {date}</source>
        <translation>{n} pcs terjual sejak {date}</translation>
    </message>
    <message>
        <source>net sales minus booth commission {rate} ({amount})</source>
        <translation>penjualan bersih dikurangi komisi booth {rate} ({amount})</translation>
    </message>
    <message>
        <source>Provisional figures; the final payment follows the signed settlement sheet. Press Esc or “Done” when you are finished; this screen also closes by itself after {seconds} seconds without a touch.</source>
        <translation>Angka sementara; pembayaran final mengikuti lembar rekap yang ditandatangani. Tekan Esc atau “Selesai” bila sudah; layar ini juga tertutup sendiri setelah {seconds} detik tanpa sentuhan.</translation>
    </message>
</context>
<context>
    <name>PartnerDaysModel</name>
    <message>
        <source>Fair day</source>
        <translation>Hari pameran</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Penjualan bersih</translation>
    </message>
    <message>
        <source>Day {n} · {date}</source>
        <translation>Hari ke-{n} · {date}</translation>
    </message>
</context>
<context>
    <name>PartnerProductsModel</name>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Penjualan bersih</translation>
    </message>
    <message>
        <source>At the booth</source>
        <translation>Stok di booth</translation>
    </message>
</context>
<context>
    <name>PartnerScreen</name>
    <message>
        <source>Your slip has been printed.</source>
        <translation>Slip Anda sudah dicetak.</translation>
    </message>
    <message>
        <source>The slip could not be printed: {reason}. Ask the booth staff.</source>
        <translation>Slip tidak bisa dicetak: {reason}. Silakan minta bantuan petugas booth.</translation>
    </message>
    <message>
        <source>Printing your slip…</source>
        <translation>Slip Anda sedang dicetak…</translation>
    </message>
</context>
<context>
    <name>PartnerSignIn</name>
    <message>
        <source>Partner: see your sales</source>
        <translation>Mitra: lihat penjualan Anda</translation>
    </message>
    <message>
        <source>Scan your partner card or type your partner code, then type your PIN.</source>
        <translation>Pindai kartu mitra Anda atau ketik kode mitra, lalu ketik PIN Anda.</translation>
    </message>
    <message>
        <source>Partner code</source>
        <translation>Kode mitra</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Show my sales</source>
        <translation>Lihat penjualan saya</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
</context>
<context>
    <name>PartnerTotalsModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Kotor</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Bersih</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>Komisi</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Dibayarkan</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>Sisa stok</translation>
    </message>
    <message>
        <source>Pieces still at the booth at the end of the period</source>
        <translation>Barang yang masih ada di booth pada akhir periode</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>Total to pay</source>
        <translation>Total bayar</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>Sisa tagihan</translation>
    </message>
    <message>
        <source>Part payments taken; Del removes the selected one</source>
        <translation>Pembayaran sebagian yang diterima; Del menghapus yang dipilih</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>Uang diterima</translation>
    </message>
    <message>
        <source>Reference (optional)</source>
        <translation>Referensi (opsional)</translation>
    </message>
    <message>
        <source>Approval code, last 4 digits, …</source>
        <translation>Kode approval, 4 angka terakhir, …</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <source>Enter completes the sale · a non-cash amount below the total is taken as a part payment · Ctrl+Enter adds any part payment · Esc cancels</source>
        <translation>Enter menyelesaikan penjualan · jumlah non-tunai di bawah total dicatat sebagai bayar sebagian · Ctrl+Enter menambah bayar sebagian · Esc batal</translation>
    </message>
    <message>
        <source>Add part payment (Ctrl+Enter)</source>
        <translation>Tambah bayar sebagian (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Complete sale (Enter)</source>
        <translation>Selesaikan penjualan (Enter)</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>Uang pas</translation>
    </message>
    <message>
        <source>Still due after this</source>
        <translation>Sisa tagihan setelah ini</translation>
    </message>
    <message>
        <source>Add payment (Enter)</source>
        <translation>Tambah pembayaran (Enter)</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Kurang</translation>
    </message>
    <message>
        <source>The sale was not recorded: {reason}</source>
        <translation>Penjualan tidak tercatat: {reason}</translation>
    </message>
</context>
<context>
    <name>PaymentLinesModel</name>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referensi</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Page {n} of {pages}</source>
        <translation>Halaman {n} dari {pages}</translation>
    </message>
</context>
<context>
    <name>PinShownDialog</name>
    <message>
        <source>New partner PIN</source>
        <translation>PIN mitra baru</translation>
    </message>
    <message>
        <source>PIN of {name} ({code})</source>
        <translation>PIN untuk {name} ({code})</translation>
    </message>
    <message>
        <source>Tell the partner this PIN now, or write it down for them. It is shown only this once: it is stored encrypted and cannot be looked up later (set a new one if it is lost).</source>
        <translation>Beri tahu mitra PIN ini sekarang, atau tuliskan untuknya. PIN hanya ditampilkan sekali ini: disimpan terenkripsi dan tidak bisa dilihat lagi (atur PIN baru bila lupa).</translation>
    </message>
</context>
<context>
    <name>PinStatusModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>set</source>
        <translation>sudah</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>belum</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>terkunci s.d. {time}</translation>
    </message>
    <message>
        <source>{n} wrong PIN(s)</source>
        <translation>{n} kali PIN salah</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>siap</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <source>Find a product</source>
        <translation>Cari produk</translation>
    </message>
    <message>
        <source>Product name, partner name or code, or barcode</source>
        <translation>Nama produk, nama atau kode mitra, atau barcode</translation>
    </message>
    <message>
        <source>Type to search.</source>
        <translation>Ketik untuk mencari.</translation>
    </message>
    <message>
        <source>↑/↓ choose · Enter add to cart · Esc close</source>
        <translation>↑/↓ pilih · Enter masukkan ke keranjang · Esc tutup</translation>
    </message>
    <message>
        <source>No product matches &apos;{text}&apos;.</source>
        <translation>Tidak ada produk yang cocok dengan &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>{n} products found.</source>
        <translation>{n} produk ditemukan.</translation>
    </message>
    <message>
        <source>{n} product found.</source>
        <translation>{n} produk ditemukan.</translation>
    </message>
</context>
<context>
    <name>ProductSearchModel</name>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
</context>
<context>
    <name>ProductTotalsModel</name>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Bersih</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>Sisa stok</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Kembalikan bawaan</translation>
    </message>
</context>
<context>
    <name>QrisPanel</name>
    <message>
        <source>Scan to pay with QRIS</source>
        <translation>Pindai untuk membayar dengan QRIS</translation>
    </message>
    <message>
        <source>Show the static code</source>
        <translation>Tampilkan kode statis</translation>
    </message>
    <message>
        <source>No booth QRIS is set: show the printed QRIS sticker (Admin → Booth QRIS…)</source>
        <translation>QRIS booth belum diatur: tunjukkan stiker QRIS cetak (Admin → QRIS booth…)</translation>
    </message>
    <message>
        <source>Press Enter when the payment is received</source>
        <translation>Tekan Enter bila pembayaran sudah diterima</translation>
    </message>
    <message>
        <source>Show the code with the amount</source>
        <translation>Tampilkan kode dengan nominal</translation>
    </message>
    <message>
        <source>Static code: the customer types {amount}. Press Enter when received</source>
        <translation>Kode statis: pembeli mengetik {amount}. Tekan Enter bila sudah diterima</translation>
    </message>
    <message>
        <source>Waiting for the payment… Press Enter when it is received</source>
        <translation>Menunggu pembayaran… Tekan Enter bila sudah diterima</translation>
    </message>
    <message>
        <source>Type the amount to show its code</source>
        <translation>Ketik nominal untuk menampilkan kodenya</translation>
    </message>
</context>
<context>
    <name>QrisSettingsDialog</name>
    <message>
        <source>Booth QRIS</source>
        <translation>QRIS booth</translation>
    </message>
    <message>
        <source>Scan the booth&apos;s QRIS sticker with the 2D scanner, or paste its payload, then Enter. Or pick a photo of the sticker.</source>
        <translation>Pindai stiker QRIS booth dengan pemindai 2D, atau tempel isinya, lalu Enter. Atau pilih foto stiker.</translation>
    </message>
    <message>
        <source>000201010211…</source>
        <translation>000201010211…</translation>
    </message>
    <message>
        <source>Pick an image…</source>
        <translation>Pilih gambar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No booth QRIS is set yet.</source>
        <translation>QRIS booth belum diatur.</translation>
    </message>
    <message>
        <source>{name}, {city} · NMID {nmid}</source>
        <translation>{name}, {city} · NMID {nmid}</translation>
    </message>
    <message>
        <source>Photo of the QRIS sticker</source>
        <translation>Foto stiker QRIS</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Not stored: {reason}</source>
        <translation>Tidak disimpan: {reason}</translation>
    </message>
    <message>
        <source>Stored. QRIS payments now show the code with the amount.</source>
        <translation>Disimpan. Pembayaran QRIS kini menampilkan kode dengan nominal.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>boothpos — damaged database</source>
        <translation>boothpos — database rusak</translation>
    </message>
    <message>
        <source>The event database is damaged</source>
        <translation>Database acara rusak</translation>
    </message>
    <message>
        <source>Do not sell with this file. Restore a backup: the damaged file is kept aside, and sales made after the backup must be entered again from the paper receipts.</source>
        <translation>Jangan berjualan dengan file ini. Pulihkan cadangan: file yang rusak disimpan terpisah, dan penjualan sesudah cadangan dibuat harus dicatat ulang dari struk kertas.</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Pulihkan cadangan ini</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih file…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>No good backup was found beside the database. Choose a backup file, for example from the USB stick.</source>
        <translation>Tidak ada cadangan yang baik di samping database. Pilih file cadangan, misalnya dari USB.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}</source>
        <translation>Cadangan tidak bisa dipulihkan: {reason}</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Pilih cadangan</translation>
    </message>
    <message>
        <source>boothpos backups (*.db);;All files (*)</source>
        <translation>Cadangan boothpos (*.db);;Semua file (*)</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund from receipt {receipt}</source>
        <translation>Refund dari struk {receipt}</translation>
    </message>
    <message>
        <source>How many of each item does the customer bring back?</source>
        <translation>Berapa banyak tiap barang yang dikembalikan pembeli?</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <source>Can refund</source>
        <translation>Bisa di-refund</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Everything left</source>
        <translation>Semua yang tersisa</translation>
    </message>
    <message>
        <source>Put the goods back in stock</source>
        <translation>Kembalikan barang ke stok</translation>
    </message>
    <message>
        <source>Money back by</source>
        <translation>Uang dikembalikan lewat</translation>
    </message>
    <message>
        <source>Refund total</source>
        <translation>Total refund</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ReopenDayDialog</name>
    <message>
        <source>Reopen a closed day</source>
        <translation>Buka kembali hari yang sudah ditutup</translation>
    </message>
    <message>
        <source>The day takes sales and changes again. Closing it again gives it a new Z number; the old Z report stays on record.</source>
        <translation>Hari tersebut kembali menerima penjualan dan perubahan. Jika ditutup lagi, hari itu mendapat nomor Z baru; Laporan Z yang lama tetap tercatat.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Reopen the day</source>
        <translation>Buka kembali</translation>
    </message>
    <message>
        <source>for example: a sale was rung up after closing</source>
        <translation>misalnya: ada penjualan yang dicatat setelah tutup</translation>
    </message>
</context>
<context>
    <name>ReportsController</name>
    <message>
        <source>Net sales by day</source>
        <translation>Penjualan bersih per hari</translation>
    </message>
    <message>
        <source>Net sales by product</source>
        <translation>Penjualan bersih per produk</translation>
    </message>
    <message>
        <source>Top partners by net sales</source>
        <translation>Mitra dengan penjualan bersih terbesar</translation>
    </message>
    <message>
        <source>The day report and the partner day sheet are for one day: choose a day.</source>
        <translation>Laporan harian dan lembar harian mitra dibuat untuk satu hari: pilih satu hari.</translation>
    </message>
    <message>
        <source>Choose a partner for the partner day sheet.</source>
        <translation>Pilih mitra untuk lembar harian mitra.</translation>
    </message>
    <message>
        <source>Partner day sheet {code} · {day}</source>
        <translation>Lembar harian mitra {code} · {day}</translation>
    </message>
    <message>
        <source>all partners</source>
        <translation>semua mitra</translation>
    </message>
    <message>
        <source>Settlement {who} · {period}</source>
        <translation>Rekap mitra {who} · {period}</translation>
    </message>
    <message>
        <source>Booth summary · {period}</source>
        <translation>Rekap booth · {period}</translation>
    </message>
    <message>
        <source>Z report Z-{z} · {day}</source>
        <translation>Laporan Z-{z} · {day}</translation>
    </message>
    <message>
        <source>X report (day still open) · {day}</source>
        <translation>Laporan X (hari masih dibuka) · {day}</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>dokumen</translation>
    </message>
    <message>
        <source>{what} could not be shown: {reason}</source>
        <translation>{what} tidak dapat ditampilkan: {reason}</translation>
    </message>
    <message>
        <source>{what} saved as {file}.</source>
        <translation>{what} disimpan sebagai {file}.</translation>
    </message>
    <message>
        <source>{what} could not be saved: {reason}</source>
        <translation>{what} tidak dapat disimpan: {reason}</translation>
    </message>
    <message>
        <source>{what} could not be printed: {reason}</source>
        <translation>{what} tidak dapat dicetak: {reason}</translation>
    </message>
    <message>
        <source>{what} sent to the printer.</source>
        <translation>{what} sudah dikirim ke printer.</translation>
    </message>
    <message>
        <source>Printing {what}…</source>
        <translation>Mencetak {what}…</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {file}.</source>
        <translation>{rows} baris diekspor ke {file}.</translation>
    </message>
    <message>
        <source>The export could not be written: {reason}</source>
        <translation>File ekspor tidak dapat ditulis: {reason}</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>One &amp;day</source>
        <translation>Satu &amp;hari</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>&amp;Whole event</source>
        <translation>&amp;Seluruh pameran</translation>
    </message>
    <message>
        <source>P&amp;artner</source>
        <translation>&amp;Mitra</translation>
    </message>
    <message>
        <source>GROSS SALES</source>
        <translation>PENJUALAN KOTOR</translation>
    </message>
    <message>
        <source>DISCOUNTS</source>
        <translation>DISKON</translation>
    </message>
    <message>
        <source>REFUNDS</source>
        <translation>REFUND</translation>
    </message>
    <message>
        <source>NET SALES</source>
        <translation>PENJUALAN BERSIH</translation>
    </message>
    <message>
        <source>BOOTH COMMISSION</source>
        <translation>KOMISI BOOTH</translation>
    </message>
    <message>
        <source>PAYOUT TO PARTNERS</source>
        <translation>DIBAYARKAN KE MITRA</translation>
    </message>
    <message>
        <source>Payments (whole booth)</source>
        <translation>Pembayaran (seluruh booth)</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Modal awal kas</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Kas seharusnya</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Kas dihitung</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Day report (Z / X)</source>
        <translation>Laporan harian (Z / X)</translation>
    </message>
    <message>
        <source>Partner day sheet</source>
        <translation>Lembar harian mitra</translation>
    </message>
    <message>
        <source>Final settlement (partner sheets)</source>
        <translation>Rekap akhir mitra (lembar per mitra)</translation>
    </message>
    <message>
        <source>Booth summary (all partners)</source>
        <translation>Rekap booth (semua mitra)</translation>
    </message>
    <message>
        <source>D&amp;ocument</source>
        <translation>D&amp;okumen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Settlement per partner</source>
        <translation>Rekap per mitra</translation>
    </message>
    <message>
        <source>Stock per product</source>
        <translation>Stok per produk</translation>
    </message>
    <message>
        <source>Sales lines</source>
        <translation>Baris penjualan</translation>
    </message>
    <message>
        <source>Export XLSX / CSV…</source>
        <translation>Ekspor XLSX / CSV…</translation>
    </message>
    <message>
        <source>Open day…</source>
        <translation>Buka hari…</translation>
    </message>
    <message>
        <source>Close day…</source>
        <translation>Tutup hari…</translation>
    </message>
    <message>
        <source>Reopen day…</source>
        <translation>Buka kembali hari…</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Kembali ke penjualan</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;kspor</translation>
    </message>
    <message>
        <source>F5 preview · Ctrl+PgDown / Ctrl+PgUp next / previous page · Ctrl+S save PDF · Ctrl+P print · Ctrl+E export · F4 close the day · Esc back to sale</source>
        <translation>F5 pratinjau · Ctrl+PgDown / Ctrl+PgUp halaman berikut / sebelumnya · Ctrl+S simpan PDF · Ctrl+P cetak · Ctrl+E ekspor · F4 tutup hari · Esc kembali ke penjualan</translation>
    </message>
    <message>
        <source>{n} sale</source>
        <translation>{n} penjualan</translation>
    </message>
    <message>
        <source>{n} sales</source>
        <translation>{n} penjualan</translation>
    </message>
    <message>
        <source>{n} voided</source>
        <translation>{n} dibatalkan</translation>
    </message>
    <message>
        <source>{n} refund</source>
        <translation>{n} refund</translation>
    </message>
    <message>
        <source>{n} refunds</source>
        <translation>{n} refund</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Semua mitra</translation>
    </message>
    <message>
        <source>Making {what}…</source>
        <translation>Menyiapkan {what}…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Simpan laporan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, comma separated (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV, dipisah koma (*.csv)</translation>
    </message>
    <message>
        <source>Fair day {day} is open.</source>
        <translation>Hari pameran {day} sudah dibuka.</translation>
    </message>
    <message>
        <source>Fair day {day} is open again; sales and changes are allowed.</source>
        <translation>Hari pameran {day} dibuka kembali; penjualan dan perubahan diizinkan lagi.</translation>
    </message>
    <message>
        <source>Only an administrator can reopen a day.</source>
        <translation>Hanya administrator yang dapat membuka kembali hari yang sudah ditutup.</translation>
    </message>
    <message>
        <source>Press F5 to preview: {what}</source>
        <translation>Tekan F5 untuk pratinjau: {what}</translation>
    </message>
    <message>
        <source>No sales in this choice yet.</source>
        <translation>Belum ada penjualan untuk pilihan ini.</translation>
    </message>
    <message>
        <source>not counted yet</source>
        <translation>belum dihitung</translation>
    </message>
    <message>
        <source>Fair day {n} of {days} · {date}</source>
        <translation>Hari ke-{n} dari {days} · {date}</translation>
    </message>
    <message>
        <source>{date} (outside the fair days)</source>
        <translation>{date} (di luar hari pameran)</translation>
    </message>
    <message>
        <source>closed (Z-{z}) by {who}</source>
        <translation>ditutup (Z-{z}) oleh {who}</translation>
    </message>
    <message>
        <source>open: the X report may still grow</source>
        <translation>masih dibuka: angka Laporan X masih bisa bertambah</translation>
    </message>
    <message>
        <source>not opened</source>
        <translation>belum dibuka</translation>
    </message>
    <message>
        <source>Whole event · {span}</source>
        <translation>Seluruh pameran · {span}</translation>
    </message>
    <message>
        <source>Period {span}</source>
        <translation>Periode {span}</translation>
    </message>
    <message>
        <source>{closed} of {days} fair days closed</source>
        <translation>{closed} dari {days} hari pameran sudah ditutup</translation>
    </message>
    <message>
        <source>{code} {name}, commission {rate}</source>
        <translation>{code} {name}, komisi {rate}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return goods to a partner</source>
        <translation>Kembalikan barang ke mitra</translation>
    </message>
    <message>
        <source>Choose the partner and how many of each product go back (at most what is on hand). The partner signs the printed return sheet.</source>
        <translation>Pilih mitra dan berapa banyak tiap produk yang dikembalikan (paling banyak sejumlah stok). Mitra menandatangani berita acara pengembalian yang dicetak.</translation>
    </message>
    <message>
        <source>For example: end of the fair</source>
        <translation>Contoh: pameran selesai</translation>
    </message>
    <message>
        <source>Everything on hand</source>
        <translation>Semua stok</translation>
    </message>
</context>
<context>
    <name>SaleController</name>
    <message>
        <source>Your unpaid cart is back ({count} pcs).</source>
        <translation>Keranjang Anda yang belum dibayar kembali ({count} pcs).</translation>
    </message>
    <message>
        <source>The cart is empty: scan a product first.</source>
        <translation>Keranjang kosong: scan produk dulu.</translation>
    </message>
    <message>
        <source>Select a line of the cart first.</source>
        <translation>Pilih baris keranjang dulu.</translation>
    </message>
    <message>
        <source>The cart is empty: scan a product before paying.</source>
        <translation>Keranjang kosong: scan produk sebelum bayar.</translation>
    </message>
    <message>
        <source>Nobody is signed in: sign in before taking payment.</source>
        <translation>Belum ada yang masuk: masuk dulu sebelum menerima pembayaran.</translation>
    </message>
    <message>
        <source>{reason}. Only an administrator can reopen the day (Reports, F11).</source>
        <translation>{reason}. Hanya administrator yang dapat membuka kembali hari tersebut (Laporan, F11).</translation>
    </message>
    <message>
        <source>Sale {receipt} is saved, but its receipt could not be made: {reason}</source>
        <translation>Penjualan {receipt} sudah tersimpan, tetapi struknya tidak dapat dibuat: {reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Receipt {receipt} could not be reprinted: {reason}</source>
        <translation>Struk {receipt} tidak dapat dicetak ulang: {reason}</translation>
    </message>
    <message>
        <source>Reprinting receipt {receipt} (saved as {file}).</source>
        <translation>Mencetak ulang struk {receipt} (disimpan sebagai {file}).</translation>
    </message>
    <message>
        <source>Printer problem: receipt {receipt} is saved but was not printed ({reason}).</source>
        <translation>Masalah printer: struk {receipt} tersimpan tetapi tidak tercetak ({reason}).</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Receipt {receipt} printed.</source>
        <translation>Struk {receipt} sudah dicetak.</translation>
    </message>
</context>
<context>
    <name>SaleLinesModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>SaleScreen</name>
    <message>
        <source>Nobody signed in</source>
        <translation>Belum ada yang masuk</translation>
    </message>
    <message>
        <source>Scan a barcode or type a code, then Enter</source>
        <translation>Scan barcode atau ketik kode, lalu Enter</translation>
    </message>
    <message>
        <source>Enter add · *3 set quantity · + / − quantity · Del remove line · F2 search · F12 pay</source>
        <translation>Enter tambah · *3 atur jumlah · + / − jumlah · Del hapus baris · F2 cari · F12 bayar</translation>
    </message>
    <message>
        <source>ITEMS</source>
        <translation>BARANG</translation>
    </message>
    <message>
        <source>DISCOUNTS</source>
        <translation>DISKON</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Pay  (F12)</source>
        <translation>Bayar  (F12)</translation>
    </message>
    <message>
        <source>Find product  (F2)</source>
        <translation>Cari produk  (F2)</translation>
    </message>
    <message>
        <source>Remove line  (Del)</source>
        <translation>Hapus baris  (Del)</translation>
    </message>
    <message>
        <source>LAST SALE</source>
        <translation>PENJUALAN TERAKHIR</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Kasir: {name}</translation>
    </message>
    <message>
        <source>Scanned {code}: {reason}.</source>
        <translation>Dipindai {code}: {reason}.</translation>
    </message>
    <message>
        <source>Scanned {name}: added to the cart; the total is now {total}.</source>
        <translation>Dipindai {name}: masuk ke keranjang; total sekarang {total}.</translation>
    </message>
    <message>
        <source>Nothing was paid.</source>
        <translation>Belum ada yang dibayar.</translation>
    </message>
    <message>
        <source>{receipt}
Total {total}
Paid {paid}</source>
        <translation>{receipt}
Total {total}
Dibayar {paid}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Kembalian {amount}</translation>
    </message>
    <message>
        <source>{items} pcs · {lines}</source>
        <translation>{items} pcs · {lines}</translation>
    </message>
    <message>
        <source>{n} line</source>
        <translation>{n} baris</translation>
    </message>
    <message>
        <source>{n} lines</source>
        <translation>{n} baris</translation>
    </message>
    <message>
        <source>Payments stopped</source>
        <translation>Pembayaran dihentikan</translation>
    </message>
    <message>
        <source>Day closed</source>
        <translation>Hari ditutup</translation>
    </message>
</context>
<context>
    <name>SalesTableModel</name>
    <message>
        <source>Receipt no.</source>
        <translation>No. struk</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Refund of {receipt}</source>
        <translation>Refund dari {receipt}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>{mm} mm</source>
        <translation>{mm} mm</translation>
    </message>
    <message>
        <source>PDF only (no printer)</source>
        <translation>Hanya PDF (tanpa printer)</translation>
    </message>
    <message>
        <source>Receipt printer (ESC/POS)</source>
        <translation>Printer struk (ESC/POS)</translation>
    </message>
    <message>
        <source>System printer</source>
        <translation>Printer sistem</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Receipts are always saved as PDF too, so any receipt can be printed again from the sales history.</source>
        <translation>Struk selalu disimpan juga sebagai PDF, jadi struk mana pun bisa dicetak ulang dari riwayat penjualan.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Receipt width</source>
        <translation>Lebar struk</translation>
    </message>
    <message>
        <source>Print receipts on</source>
        <translation>Cetak struk ke</translation>
    </message>
    <message>
        <source>Address of the booth hub (HOST:PORT), e.g. after its laptop got a new IP</source>
        <translation>Alamat hub booth (HOST:PORT), mis. setelah laptopnya mendapat IP baru</translation>
    </message>
    <message>
        <source>Booth hub</source>
        <translation>Hub booth</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Fill in where the receipt printer is connected.</source>
        <translation>Isi di mana printer struk tersambung.</translation>
    </message>
    <message>
        <source>default printer</source>
        <translation>printer bawaan</translation>
    </message>
    <message>
        <source>usb:0416:5011, network:192.168.1.50, file:/dev/usb/lp0</source>
        <translation>usb:0416:5011, network:192.168.1.50, file:/dev/usb/lp0</translation>
    </message>
</context>
<context>
    <name>StockDialogs</name>
    <message>
        <source>the default system printer</source>
        <translation>printer sistem bawaan</translation>
    </message>
    <message>
        <source>Print the sheet on {printer}</source>
        <translation>Cetak lembarnya ke {printer}</translation>
    </message>
    <message>
        <source>Print the sheet (no system printer is set: saved as PDF only)</source>
        <translation>Cetak lembarnya (printer sistem belum diatur: hanya disimpan sebagai PDF)</translation>
    </message>
</context>
<context>
    <name>StockLinesDialog</name>
    <message>
        <source>Scan or type a product code, then Enter: +1</source>
        <translation>Scan atau ketik kode produk, lalu Enter: +1</translation>
    </message>
    <message>
        <source>Clear quantities</source>
        <translation>Kosongkan jumlah</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Choose the partner.</source>
        <translation>Pilih mitranya.</translation>
    </message>
    <message>
        <source>{name} belongs to partner {code}, not to this one. Save this partner&apos;s document first, then scan the other partner&apos;s goods.</source>
        <translation>{name} milik mitra {code}, bukan mitra ini. Simpan dulu dokumen mitra ini, lalu scan barang mitra yang lain.</translation>
    </message>
    <message>
        <source>{n} product</source>
        <translation>{n} produk</translation>
    </message>
    <message>
        <source>{n} products</source>
        <translation>{n} produk</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n} barang</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} barang</translation>
    </message>
</context>
<context>
    <name>StockLinesModel</name>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Stok</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>More than is on hand ({on_hand}).</source>
        <translation>Lebih dari stok yang ada ({on_hand}).</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>For example: wrong item scanned</source>
        <translation>Contoh: salah scan barang</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN supervisor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose the supervisor.</source>
        <translation>Pilih supervisor.</translation>
    </message>
    <message>
        <source>The supervisor types their PIN.</source>
        <translation>Supervisor mengetik PIN-nya.</translation>
    </message>
    <message>
        <source>Type the reason, then press Enter.</source>
        <translation>Ketik alasannya, lalu tekan Enter.</translation>
    </message>
</context>
<context>
    <name>_DayDialog</name>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
</context>
<context>
    <name>banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
</context>
</TS>
