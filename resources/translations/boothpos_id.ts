<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <source>Catalog (*.xlsx *.csv);;All files (*)</source>
        <translation>Katalog (*.xlsx *.csv);;Semua file (*)</translation>
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
        <source>{count} receipts · {total}</source>
        <translation>{count} struk · {total}</translation>
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
        <source>Refunded so far: {items} item(s), {amount}</source>
        <translation>Sudah di-refund: {items} barang, {amount}</translation>
    </message>
    <message>
        <source>Voided at {time}: {reason}</source>
        <translation>Dibatalkan {time}: {reason}</translation>
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
    <name>LoginController</name>
    <message>
        <source>Choose your name in the list first.</source>
        <translation>Pilih nama Anda di daftar dulu.</translation>
    </message>
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
        <source>↑ ↓ choose another name</source>
        <translation>↑ ↓ pilih nama lain</translation>
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
        <source>Nobody signed in</source>
        <translation>Belum ada yang masuk</translation>
    </message>
    <message>
        <source>Cashier: {name} ({role})</source>
        <translation>Kasir: {name} ({role})</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Kembali ke penjualan</translation>
    </message>
    <message>
        <source>Sale {receipt} saved.</source>
        <translation>Penjualan {receipt} tersimpan.</translation>
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
    <name>SaleController</name>
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
        <source>{items} pcs · {lines} lines</source>
        <translation>{items} pcs · {lines} baris</translation>
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
    <name>banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
</context>
</TS>
