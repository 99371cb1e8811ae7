/*
** src/io/table.h — the one public header of src/io: tables in and out.
**
** Clerks bring records as CSV (saved by Excel in China: UTF-8 with or
** without BOM, or GB18030/GBK) or as .xlsx; fazhi hands lists and import
** templates back as .xlsx (or CSV). Everything here is about bytes <-> a
** table of UTF-8 strings. What the cells mean (fields, dates, enums) is
** src/io/import.c's business, not this folder's.
**
**   csv.c         CSV reader + writer, encoding detection, the IoTable
**                 container both readers fill, and io_read_file()
**   xlsx_read.c   first worksheet of an .xlsx -> IoTable
**   xlsx_write.c  libxlsxwriter wrapper for exports and templates
**   stream.c      reading on a second thread, rows handed over as parsed
**
** Every reader either returns 0 with a filled table, or non-zero with a
** Chinese message in zErr (always NUL-terminated, cut on a UTF-8 boundary)
** and an empty table. Input size is bounded here (IO_MAX_*), so callers
** need no limits of their own beyond the upload cap.
*/
#ifndef FZ_IO_TABLE_H
#define FZ_IO_TABLE_H
#include <stddef.h>

/* Limits. They keep a hostile or broken upload from exhausting a county
** server: a zip bomb, a CSV of a million commas, an xlsx row with one cell
** in column 199 repeated two million times (gap filling multiplies memory). */
#define IO_MAX_FILE   (512u<<20)   /* bytes of one uploaded file */
#define IO_MAX_ENTRY  (256u<<20)   /* uncompressed bytes of one xlsx part */
#define IO_MAX_ROWS   2000000      /* kept rows in one table */
#define IO_MAX_COLS   200          /* cells in one row (after trimming trailing empties) */
#define IO_MAX_CELLS  50000000     /* cells in one table, all rows together */
#define IO_MAX_TEXT   (1u<<30)     /* bytes of cell text in one xlsx table: one
                                   ** shared string may be referenced by every
                                   ** cell, so text can outgrow the file */

/* A decoded table: rows of UTF-8 cells. All memory owned by the table.
**
** Rows whose cells are all empty are dropped (Excel emits them for merely
** formatted rows), and trailing empty cells are trimmed, so rows may have
** fewer cells than the header: read cells with io_cell(), which returns ""
** past the end. Gaps inside a row are "" (never NULL). */
typedef struct IoRow {
  int iRow;            /* 1-based row as the user sees it: CSV record number
                       ** (header = 1, quoted newlines do not count), or
                       ** Excel's row number for xlsx */
  int nCell;           /* cells in azCell, >= 1 */
  char **azCell;       /* NUL-terminated UTF-8, owned by the table (pChunk),
                       ** freed by io_table_free(); treat as read-only */
} IoRow;
typedef struct IoChunk IoChunk;
typedef struct IoStream IoStream;
typedef struct IoTable {
  int nRow;            /* rows in aRow */
  IoRow *aRow;         /* aRow[0] is the header row (first non-empty row) */
  IoChunk *pChunk;     /* private: the memory behind the rows (a CSV file's
                       ** decoded text, then 1 MiB blocks of cell arrays) */
  IoStream *pStream;   /* private: set while a reader thread fills the table
                       ** for a consumer (stream.c) */
  int nRowAlloc;       /* private: capacity of aRow (fz_grow) */
} IoTable;

/* Read a whole file. Sniffs: "PK\3\4" -> xlsx, an OLE header -> refused
** (.xls or encrypted xlsx), anything else -> CSV. Returns 0 on success;
** otherwise non-zero with a Chinese message in zErr, e.g.
** "第7行：文件编码无法识别（应为UTF-8或GB18030/GBK）". */
int  io_read_file(const char *zPath, IoTable *pT, char *zErr, int nErr);

/* Parse CSV bytes z[0..n) (need not be NUL-terminated). Encoding: a UTF-8
** BOM is stripped and the rest must be UTF-8; without a BOM, valid UTF-8 is
** taken as is, else the bytes are converted from GB18030 (a superset of GBK
** and GB2312). A first line with tabs and no commas is read tab-separated
** (Excel's "文本文件(制表符分隔)"). Same return convention as above. */
int  csv_parse_mem(const char *z, size_t n, IoTable *pT, char *zErr, int nErr);

/* Read the first worksheet (tab order) of an .xlsx. Shared, inline and rich
** strings, numbers (integral ones without ".0"), booleans as TRUE/FALSE,
** cached formula results (formulas themselves are never evaluated), and
** date-formatted numbers as "YYYY-MM-DD" (time-only formats as "HH:MM:SS",
** date-time formats with a non-zero time as "YYYY-MM-DD HH:MM:SS"). */
int  xlsx_read_file(const char *zPath, IoTable *pT, char *zErr, int nErr);

/* Leaves *pT empty; safe on an empty table. A table with nRow==0 (after
** success or failure) holds no memory. A table a stream is filling is left
** alone: its consumer may hold rows, so io_stream_close() frees it. */
void io_table_free(IoTable *pT);

/* Reading while the file is parsed. io_stream_open() starts a thread that
** runs io_read_file(); io_stream_row() hands over row i (0 = header) as
** soon as it is parsed, so the caller works on the first rows while the
** rest of the file is still being read (an import overlaps the parse with
** the database's work). Rows come in order; their cells stay valid until
** io_stream_close(). A reader that fails simply ends the rows early: only
** io_stream_close() tells success from failure, so a caller must not act
** on the rows (commit them) before it has asked. */
IoStream *io_stream_open(const char *zPath);
/* 1: row i copied into *pRow. 0: the file has no row i, or reading failed
** before it (the rows before a failure are handed over all the same). */
int io_stream_row(IoStream*, int i, IoRow *pRow);
/* Rows the reader has made so far (the header included): a progress count. */
int io_stream_count(IoStream*);
/* Waits for the reader to finish the file and frees the stream. Returns what io_read_file()
** returned: 0 with the whole table moved into *pT (which may be NULL to
** drop it), or non-zero with the Chinese message in zErr and *pT empty. */
int io_stream_close(IoStream*, IoTable *pT, char *zErr, int nErr);

/* Cell iCol of pRow, or "" if the row is shorter. Never NULL. */
const char *io_cell(const IoRow *pRow, int iCol);

/* Offset of the first byte of z[0..n) that is not part of valid UTF-8
** (overlongs, surrogates and code points above U+10FFFF are invalid), or n. */
size_t io_utf8_check(const char *z, size_t n);

/* A growable byte buffer. Zero-initialise; free with io_buf_free(). Memory
** is malloc'd; allocation failure aborts (house rule, see arena.h). */
typedef struct IoBuf { char *z; size_t n, nAlloc; } IoBuf;
void io_buf_append(IoBuf *p, const void *pData, size_t n);
void io_buf_free(IoBuf *p);

/* CSV writing. csv_put_bom() starts a file Excel in China opens as UTF-8
** (without it Excel assumes GBK and shows mojibake). csv_put_field()
** appends one field, quoted when it holds , " CR or LF, with a leading '
** when it starts with = + - @ TAB or CR (formula injection, STYLE.md), then
** "," or, when bLast, "\r\n". NULL is written as an empty field. */
void csv_put_bom(IoBuf *p);
void csv_put_field(IoBuf *p, const char *zCell, int bLast);

/* XLSX writing: one visible sheet, bold frozen header, strings only ever
** through worksheet_write_string (never formulas). In constant-memory mode
** (big exports) rows must be written in increasing order, header first;
** cells written out of order are lost and xlsx_out_close() reports it.
** All calls tolerate a NULL XlsxOut (from a failed open) and do nothing. */
typedef struct XlsxOut XlsxOut;
XlsxOut *xlsx_out_open(const char *zPath, const char *zSheet, int bConstantMemory);
/* Header labels in row 0, bold, frozen. aWidth[i] > 0 fixes column i's
** width in Excel character units; otherwise (or aWidth NULL) the width is
** fitted to the widest label or value written to the column (CJK = 2). */
void xlsx_out_header(XlsxOut*, int nCol, const char *const *azLabel, const double *aWidth);
void xlsx_out_str(XlsxOut*, int iRow, int iCol, const char *z);   /* iRow 0 = header, data from 1 */
void xlsx_out_int(XlsxOut*, int iRow, int iCol, long long v);
void xlsx_out_num(XlsxOut*, int iRow, int iCol, double v, int nDecimals);   /* shown with nDecimals */
/* A real Excel date (number with format yyyy-mm-dd) from "YYYY-MM-DD";
** anything that does not parse as a date is written as a string. */
void xlsx_out_date(XlsxOut*, int iRow, int iCol, const char *zYmd);
/* Drop-down list on column iCol for data rows 1..nLastRow (Excel rows
** 2..nLastRow+1; nLastRow < 1 means 1000). Short lists go inline in the
** validation; long ones (or values holding , or ") go to a hidden sheet
** "下拉选项" that the validation points at. Values are copied. */
void xlsx_out_dropdown(XlsxOut*, int iCol, int nVal, const char *const *azVal, int nLastRow);
int  xlsx_out_close(XlsxOut*);   /* 0 on success; frees */
/* Another visible sheet after the current one (not in constant-memory
** mode); the calls that follow write to it. */
void xlsx_out_sheet(XlsxOut*, const char *zName);

/*
** Internal to src/io: the row builder both readers share (defined in
** csv.c). The xlsx reader appends cell bytes to z, ends each cell with
** io_cells_end_cell() and the row with io_table_add_row(), which trims,
** drops empty rows, checks the limits and copies the row into the table.
** The CSV reader sets bInPlace, points z at the table's own text and
** records cell offsets itself; then only the pointer array is made.
*/
typedef struct IoCells {
  char *z; size_t n, nAlloc;       /* cell bytes, each finished cell NUL-terminated */
  size_t iStart;                   /* where the unfinished cell begins in z */
  size_t aOff[IO_MAX_COLS];        /* start of each finished cell in z */
  int nCell;                       /* finished cells, at most IO_MAX_COLS */
  int bOver;                       /* a non-empty cell came past IO_MAX_COLS */
  int bInPlace;                    /* z is the table's own text (CSV): rows point
                                   ** into it instead of copying */
  long long nTotalCells;           /* cells kept so far in the table */
  long long nTotalText;            /* bytes of text copied into the table so far */
} IoCells;
void io_cells_append(IoCells *p, const char *z, size_t n);
void io_cells_end_cell(IoCells *p);
int  io_table_add_row(IoTable *pT, IoCells *p, int iRow, char *zErr, int nErr);
void io_cells_free(IoCells *p);
/* Empties *pT for a reader to fill. On a stream's reader thread the table
** is that stream's (io_stream_of_thread(); NULL on any other thread). */
void io_table_reset(IoTable *pT);
IoStream *io_stream_of_thread(void);
/* The row builder's side of a stream (stream.c): io_stream_lock() before
** aRow/nRow change (growing aRow may move it), io_stream_unlock() publishes
** the new row. */
void io_stream_lock(IoStream*);
void io_stream_unlock(IoStream*);
void io_err(char *zErr, int nErr, const char *zFmt, ...) __attribute__((format(printf,3,4)));

#endif
