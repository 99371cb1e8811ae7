/*
** src/io/csv.c — CSV bytes <-> IoTable, and the IoTable container itself.
**
** Reading. The whole file is in memory (io_read_file caps it at
** IO_MAX_FILE), so parsing is a loop over a buffer with no per-cell
** syscall and no per-cell copy: fields are unquoted in place and the
** table keeps the (decoded) file text, its rows pointing into it; each
** row adds only its cell-pointer array, carved from 1 MiB chunks. The
** encoding is decided once for the whole file, before parsing:
**
**   1. UTF-16 (Excel's "Unicode 文本") is refused with advice: it has NULs.
**   2. A UTF-8 BOM is stripped; the rest must then be valid UTF-8.
**   3. Without a BOM, valid UTF-8 is used as is. Real GBK text is almost
**      never valid UTF-8, while UTF-8 text often *is* valid GB18030, so
**      UTF-8 must be tried first.
**   4. Otherwise the bytes are converted from GB18030 (superset of GBK and
**      GB2312) with iconv.
**   5. If both fail, the error names the record where the encoding that got
**      further failed: that is the likely encoding, and its first bad line
**      is the one the clerk must fix.
**
** Record numbers are counted on the raw bytes: " , CR and LF are ASCII in
** both encodings (GBK trail bytes are 0x40..0xFE), so quote-aware counting
** needs no decoding.
**
** RFC 4180 with Excel's leniency: fields may be quoted; "" is a quote
** inside quotes; CRLF, LF and a lone CR all end a record; newlines inside
** quotes belong to the cell (normalised to LF); text after a closing quote
** is kept literally ("ab"c -> abc), as Excel does. An unterminated quote is
** an error, because reading to end of file would silently swallow rows.
**
** This file also owns IoTable (rows, the shared row builder, the limits)
** and io_read_file(), which sniffs the format: CSV is the base format and
** the container's main user. Moving them to a src/io/table.c would need
** no change to table.h.
*/
#include "io/table.h"
#include "base/utf8.h"
#include "base/arena.h"
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* realloc or abort: allocation failure is not a user error (arena.h rule). */
static void *io_realloc(void *p, size_t n){
  void *pNew = realloc(p, n ? n : 1);
  if( pNew==0 ) abort();
  return pNew;
}

/*
** Format a message into zErr[0..nErr). When it does not fit, the cut is
** moved back to a UTF-8 boundary so the message stays valid UTF-8 (it goes
** into HTML and JSON).
*/
void io_err(char *zErr, int nErr, const char *zFmt, ...){
  va_list ap;
  int n;
  if( zErr==0 || nErr<=0 ) return;
  va_start(ap, zFmt);
  n = vsnprintf(zErr, (size_t)nErr, zFmt, ap);
  va_end(ap);
  if( n>=nErr ){
    size_t nLen = strlen(zErr);
    zErr[io_utf8_check(zErr, nLen)] = 0;
  }
}

size_t io_utf8_check(const char *zIn, size_t n){
  const unsigned char *z = (const unsigned char*)zIn;
  size_t i = 0;
  while( i<n ){
    unsigned c = z[i];
    if( c<0x80 ){
      /* ASCII fast path, 8 bytes at a time: most CSV bytes are digits,
      ** commas and dates. */
      while( i+8<=n ){
        uint64_t w;
        memcpy(&w, z+i, 8);
        if( w & 0x8080808080808080ULL ) break;
        i += 8;
      }
      while( i<n && z[i]<0x80 ) i++;
      continue;
    }
    unsigned cp;
    int len = utf8_decode(z+i, n-i, &cp);    /* RFC 3629's table, in src/base/utf8.c */
    if( len==0 ) return i;
    i += (size_t)len;
  }
  return n;
}

/************************************************************************
** IoBuf and the CSV writer
*/
void io_buf_append(IoBuf *p, const void *pData, size_t n){
  if( p->n+n+1 > p->nAlloc ){
    size_t nNew = p->nAlloc ? p->nAlloc*2 : 256;
    while( nNew < p->n+n+1 ) nNew *= 2;
    p->z = io_realloc(p->z, nNew);
    p->nAlloc = nNew;
  }
  if( n ) memcpy(p->z+p->n, pData, n);
  p->n += n;
  p->z[p->n] = 0;          /* always NUL-terminated, handy for tests and logs */
}

void io_buf_free(IoBuf *p){
  free(p->z);
  memset(p, 0, sizeof(*p));
}

void csv_put_bom(IoBuf *p){
  io_buf_append(p, "\xEF\xBB\xBF", 3);
}

void csv_put_field(IoBuf *p, const char *zCell, int bLast){
  const char *z = zCell ? zCell : "";
  size_t n = strlen(z);
  Buf fix;
  buf_init(&fix);
  if( io_utf8_check(z, n)!=n ){
    /* stored before input was checked: the file stays UTF-8 (U+FFFD instead) */
    utf8_repair(&fix, z, n, 0, 0);
    z = buf_cstr(&fix);
    n = fix.n;
  }
  /* OWASP's list: = + - @ start a formula in Excel, LibreOffice and WPS;
  ** a leading TAB or CR is stripped by some of them, exposing what follows. */
  int bGuard = n>0 && strchr("=+-@\t\r", z[0])!=0;
  int bQuote = strpbrk(z, ",\"\r\n")!=0;
  if( bQuote ) io_buf_append(p, "\"", 1);
  if( bGuard ) io_buf_append(p, "'", 1);
  if( bQuote ){
    const char *zQ;
    while( (zQ = strchr(z, '"'))!=0 ){
      io_buf_append(p, z, (size_t)(zQ-z)+1);
      io_buf_append(p, "\"", 1);
      z = zQ+1;
    }
    io_buf_append(p, z, strlen(z));
    io_buf_append(p, "\"", 1);
  }else{
    io_buf_append(p, z, n);
  }
  if( bLast ) io_buf_append(p, "\r\n", 2);
  else        io_buf_append(p, ",", 1);
  buf_free(&fix);
}

/************************************************************************
** IoTable and the row builder shared with xlsx_read.c
*/
const char *io_cell(const IoRow *pRow, int iCol){
  if( pRow==0 || iCol<0 || iCol>=pRow->nCell ) return "";
  return pRow->azCell[iCol];
}

/* A block of table memory. Rows are never freed one by one, so a bump
** allocator over 1 MiB chunks replaces a malloc per row; a CSV file's
** whole text is one (full) chunk too, since its cells point into it. */
struct IoChunk {
  IoChunk *pNext;          /* older chunk */
  size_t nUsed, nSize;     /* bytes used, and usable bytes after the header */
};
#define IO_CHUNK (1u<<20)
#define IO_CHUNK_DATA(p) ((char*)((p)+1))

/* A chunk with nSize usable bytes, not yet owned by any table. */
static IoChunk *io_chunk_new(size_t nSize){
  IoChunk *p = io_realloc(0, sizeof(IoChunk)+nSize);
  p->pNext = 0;
  p->nUsed = 0;
  p->nSize = nSize;
  return p;
}

/* Give chunk p (a file's text) to pT, to be freed by io_table_free(). */
static void io_table_adopt(IoTable *pT, IoChunk *p){
  p->nUsed = p->nSize;                 /* nothing is carved from it */
  p->pNext = pT->pChunk;
  pT->pChunk = p;
}

/* n bytes, 8-byte aligned, owned by pT until io_table_free(). */
static void *io_table_alloc(IoTable *pT, size_t n){
  IoChunk *p = pT->pChunk;
  n = (n+7) & ~(size_t)7;
  if( p==0 || p->nSize-p->nUsed < n ){
    /* A row bigger than a quarter chunk gets a chunk of its own, linked
    ** behind the current one so the current one keeps filling up. */
    int bOwn = n > IO_CHUNK/4;
    IoChunk *pNew = io_chunk_new(bOwn ? n : IO_CHUNK);
    if( bOwn && p ){
      pNew->pNext = p->pNext;
      p->pNext = pNew;
    }else{
      pNew->pNext = p;
      pT->pChunk = pNew;
    }
    p = pNew;
  }
  p->nUsed += n;
  return IO_CHUNK_DATA(p) + p->nUsed - n;
}

void io_table_free(IoTable *pT){
  if( pT==0 || pT->pStream ) return;
  while( pT->pChunk ){
    IoChunk *pNext = pT->pChunk->pNext;
    free(pT->pChunk);
    pT->pChunk = pNext;
  }
  free(pT->aRow);
  pT->aRow = 0;
  pT->nRow = 0;
  pT->nRowAlloc = 0;
}

void io_table_reset(IoTable *pT){
  memset(pT, 0, sizeof(*pT));
  pT->pStream = io_stream_of_thread();
}

void io_cells_append(IoCells *p, const char *z, size_t n){
  if( p->n+n+1 > p->nAlloc ){
    size_t nNew = p->nAlloc ? p->nAlloc*2 : 1024;
    while( nNew < p->n+n+1 ) nNew *= 2;
    p->z = io_realloc(p->z, nNew);
    p->nAlloc = nNew;
  }
  memcpy(p->z+p->n, z, n);
  p->n += n;
}

/*
** Finish the current cell. Past IO_MAX_COLS nothing is stored, so a line
** of a million commas costs no memory: empty cells there are trailing
** empties that would be trimmed anyway, and a non-empty one only sets
** bOver, which io_table_add_row() turns into an error naming the row.
*/
void io_cells_end_cell(IoCells *p){
  if( p->nCell>=IO_MAX_COLS ){
    if( p->n > p->iStart ) p->bOver = 1;
    p->n = p->iStart;
    return;
  }
  io_cells_append(p, "", 1);         /* the NUL */
  p->aOff[p->nCell++] = p->iStart;
  p->iStart = p->n;
}

void io_cells_free(IoCells *p){
  free(p->z);
  p->z = 0;
  p->n = p->nAlloc = p->iStart = 0;
  p->nCell = 0;
}

/*
** Copy the finished cells of p into a new row of pT numbered iRow, and
** reset p for the next row. Trailing empty cells are trimmed and a row with
** no non-empty cell is dropped. Returns non-zero with a message in zErr when
** a limit is exceeded; the caller then frees the table.
*/
int io_table_add_row(IoTable *pT, IoCells *p, int iRow, char *zErr, int nErr){
  int nCell = p->nCell;
  int rc = 0;
  if( p->bOver ){
    io_err(zErr, nErr, "第%d行：列数超过%d列，请删除多余的列后再导入", iRow, IO_MAX_COLS);
    rc = 1;
    goto done;
  }
  while( nCell>0 && p->z[p->aOff[nCell-1]]==0 ) nCell--;
  if( nCell==0 ) goto done;
  if( pT->nRow>=IO_MAX_ROWS ){
    io_err(zErr, nErr, "表格超过%d行，请拆分后分批导入", IO_MAX_ROWS);
    rc = 1;
    goto done;
  }
  if( p->nTotalCells+nCell > IO_MAX_CELLS ){
    io_err(zErr, nErr, "表格单元格总数超过%d个，请拆分后分批导入", IO_MAX_CELLS);
    rc = 1;
    goto done;
  }
  {
    size_t nPtr = (size_t)nCell*sizeof(char*);
    char **az;
    if( p->bInPlace ){
      /* The text already lives in the table (CSV): pointers only. */
      az = io_table_alloc(pT, nPtr);
      for(int i=0; i<nCell; i++) az[i] = p->z + p->aOff[i];
    }else{
      /* Text of the kept cells ends where the first trimmed cell begins. */
      size_t nText = nCell<p->nCell ? p->aOff[nCell] : p->iStart;
      char *zText;
      if( p->nTotalText+(long long)nText > (long long)IO_MAX_TEXT ){
        io_err(zErr, nErr, "表格内容超过%uMB，请拆分后分批导入", IO_MAX_TEXT>>20);
        rc = 1;
        goto done;
      }
      p->nTotalText += (long long)nText;
      az = io_table_alloc(pT, nPtr+nText);
      zText = (char*)az + nPtr;
      memcpy(zText, p->z, nText);
      for(int i=0; i<nCell; i++) az[i] = zText + p->aOff[i];
    }
    if( pT->pStream ) io_stream_lock(pT->pStream);
    pT->aRow = fz_grow(pT->aRow, pT->nRow, &pT->nRowAlloc, sizeof *pT->aRow);
    pT->aRow[pT->nRow].iRow = iRow;
    pT->aRow[pT->nRow].nCell = nCell;
    pT->aRow[pT->nRow].azCell = az;
    pT->nRow++;
    if( pT->pStream ) io_stream_unlock(pT->pStream);
    p->nTotalCells += nCell;
  }
done:
  if( !p->bInPlace ) p->n = p->iStart = 0;
  p->nCell = 0;
  p->bOver = 0;
  return rc;
}

/************************************************************************
** CSV reader
*/

/* 1-based record number of the record containing byte iOff of z. */
static int csv_record_at(const char *z, size_t n, size_t iOff){
  int iRec = 1, bQuote = 0;
  if( iOff>n ) iOff = n;
  for(size_t i=0; i<iOff; i++){
    char c = z[i];
    if( c=='"' ) bQuote = !bQuote;      /* "" toggles twice: harmless */
    else if( !bQuote ){
      if( c=='\n' ) iRec++;
      else if( c=='\r' && (i+1>=n || z[i+1]!='\n') ) iRec++;
    }
  }
  return iRec;
}

static char csv_sniff_delim(const char *z, size_t n);

/*
** The error for UTF-8 text with an ill-formed sequence at byte iBad: the
** row (as Excel numbers them), the column by its header (or its number
** when the header cell is itself not text) and which character of the cell,
** in the words the import uses for a bad value:
**   第3行「申请人」：含有无效字符（第2个字起的字节 ED A0 80 是代理码位U+D800，…）
** A table is always valid UTF-8, so the reader names the cell itself.
*/
static void csv_bad_cell(const char *z, size_t n, size_t iBad, char *zErr, int nErr){
  char cDelim = csv_sniff_delim(z, n);
  int iRec = 1, iCol = 0, bQuote = 0;
  size_t iCell = 0;
  for(size_t i=0; i<iBad; i++){
    char c = z[i];
    if( c=='"' ) bQuote = !bQuote;
    else if( bQuote ) continue;
    else if( c==cDelim ){ iCol++; iCell = i+1; }
    else if( c=='\n' || (c=='\r' && (i+1>=n || z[i+1]!='\n')) ){ iRec++; iCol = 0; iCell = i+1; }
  }
  /* the characters of the cell before the bad one (a quote that opens it is none) */
  int nBefore = 0;
  size_t i = iCell;
  if( i<iBad && z[i]=='"' ) i++;
  while( i<iBad ){
    unsigned cp;
    int len = utf8_decode((const unsigned char*)z+i, iBad-i, &cp);
    i += len>0 ? (size_t)len : 1;
    nBefore++;
  }
  /* the header of that column: record 1's cell iCol, unquoted */
  char zHead[100];
  size_t k = 0, nHead = 0;
  bQuote = 0;
  for(int j=0; j<iCol && k<n; ){
    char c = z[k++];
    if( c=='"' ) bQuote = !bQuote;
    else if( bQuote ) continue;
    else if( c==cDelim ) j++;
    else if( c=='\n' || c=='\r' ) k = n;       /* record 1 is shorter: no header */
  }
  bQuote = k<n && z[k]=='"';
  if( bQuote ) k++;
  while( k<n && nHead+1<sizeof zHead ){
    if( bQuote ? z[k]=='"' : (z[k]==cDelim || z[k]=='\r' || z[k]=='\n') ) break;
    zHead[nHead++] = z[k++];
  }
  zHead[nHead] = 0;
  if( iRec==1 || nHead==0 || io_utf8_check(zHead, nHead)!=nHead ){
    snprintf(zHead, sizeof zHead, "第%d列", iCol+1);
  }
  Utf8Bad b;
  char zWhy[200];
  utf8_check(z+iBad, n-iBad, ~0u, &b);
  b.iChar = nBefore + 1;
  io_err(zErr, nErr, "第%d行「%s」：含有%s", iRec, zHead, utf8_bad_text(&b, zWhy, sizeof zWhy));
}

/*
** Comma unless the first record has tabs and no comma outside quotes:
** Excel's "文本文件(制表符分隔)" is what clerks pick when CSV "looks wrong".
*/
static char csv_sniff_delim(const char *z, size_t n){
  int bQuote = 0, nTab = 0;
  for(size_t i=0; i<n; i++){
    char c = z[i];
    if( c=='"' ) bQuote = !bQuote;
    else if( bQuote ) continue;
    else if( c==',' ) return ',';
    else if( c=='\t' ) nTab++;
    else if( c=='\n' || c=='\r' ) break;
  }
  return nTab ? '\t' : ',';
}

/*
** Parse UTF-8 CSV text z[0..n) in place: unquoting only ever shortens a
** field, so each cell is rewritten where it stands and NUL-terminated over
** its delimiter (z[n] must be writable for the last one). The table must
** already own z; its rows point into it. See the header comment for the
** dialect.
*/
static int csv_parse_inplace(char *z, size_t n, IoTable *pT, char *zErr, int nErr){
  IoCells cells;
  unsigned char aStop[256];             /* bytes that end an unquoted run */
  char cDelim = csv_sniff_delim(z, n);
  size_t i = 0;
  int iRec = 0, rc = 0;

  memset(&cells, 0, sizeof(cells));
  cells.z = z;
  cells.bInPlace = 1;
  memset(aStop, 0, sizeof(aStop));
  aStop[(unsigned char)cDelim] = aStop['\r'] = aStop['\n'] = 1;
  while( i<n ){
    iRec++;
    for(;;){                            /* one field per iteration */
      size_t iCell = i;                 /* the cell's text will start here */
      size_t w = i;                     /* where the next text byte goes, <= i */
      char cEnd;
      if( i<n && z[i]=='"' ){
        i++;
        for(;;){
          size_t iRun = i;
          while( i<n && z[i]!='"' && z[i]!='\r' ) i++;
          memmove(z+w, z+iRun, i-iRun);
          w += i-iRun;
          if( i>=n ){
            io_err(zErr, nErr, "第%d行：引号未闭合（以双引号开头的单元格缺少结束的双引号）", iRec);
            rc = 1;
            goto done;
          }
          if( z[i]=='\r' ){             /* CRLF or lone CR inside quotes -> LF */
            z[w++] = '\n';
            i++;
            if( i<n && z[i]=='\n' ) i++;
          }else if( i+1<n && z[i+1]=='"' ){
            z[w++] = '"';
            i += 2;
          }else{
            i++;                        /* the closing quote */
            break;
          }
        }
      }
      /* Unquoted field, or Excel-style text after a closing quote. */
      if( w==i ){
        while( i<n && !aStop[(unsigned char)z[i]] ) i++;
        w = i;
      }else{
        while( i<n && !aStop[(unsigned char)z[i]] ) z[w++] = z[i++];
      }
      cEnd = i<n ? z[i] : 0;
      z[w] = 0;                         /* may overwrite z[i]: cEnd kept it */
      if( cells.nCell<IO_MAX_COLS ){
        cells.aOff[cells.nCell++] = iCell;
      }else if( w>iCell ){
        cells.bOver = 1;                /* see io_cells_end_cell() */
      }
      if( i<n ) i++;                    /* the delimiter, CR or LF */
      if( cEnd==cDelim ) continue;
      if( cEnd=='\r' && i<n && z[i]=='\n' ) i++;
      break;
    }
    rc = io_table_add_row(pT, &cells, iRec, zErr, nErr);
    if( rc ) goto done;
  }
done:
  /* An empty table holds no memory, so callers may skip io_table_free(). */
  if( rc || pT->nRow==0 ) io_table_free(pT);
  return rc;
}

/*
** Convert z[0..n) from GB18030 to UTF-8, into a new chunk holding the text
** and one spare byte. On success returns the chunk and sets *pnOut. On
** failure returns NULL with *piBad = offset of the first byte that does
** not convert, or (size_t)-1 if iconv itself is unavailable.
*/
static IoChunk *csv_from_gb18030(const char *z, size_t n, size_t *pnOut, size_t *piBad){
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  size_t nAlloc = n + n/2 + 16;        /* 2 bytes -> at most 3, 4 -> 4 */
  IoChunk *pOut;
  char *pIn = (char*)z, *zOut;
  size_t nIn = n, nLeft;

  if( cd==(iconv_t)-1 ){ *piBad = (size_t)-1; return 0; }
  pOut = io_chunk_new(nAlloc+1);
  zOut = IO_CHUNK_DATA(pOut);
  nLeft = nAlloc;
  while( nIn>0 ){
    if( iconv(cd, &pIn, &nIn, &zOut, &nLeft)!=(size_t)-1 ) continue;
    if( errno==E2BIG ){
      size_t nUsed = (size_t)(zOut - IO_CHUNK_DATA(pOut));
      nAlloc *= 2;
      pOut = io_realloc(pOut, sizeof(IoChunk)+nAlloc+1);
      pOut->nSize = nAlloc+1;
      zOut = IO_CHUNK_DATA(pOut) + nUsed;
      nLeft = nAlloc - nUsed;
      continue;
    }
    *piBad = (size_t)(pIn - z);        /* EILSEQ, or EINVAL: truncated at EOF */
    iconv_close(cd);
    free(pOut);
    return 0;
  }
  iconv_close(cd);
  *pnOut = (size_t)(zOut - IO_CHUNK_DATA(pOut));
  return pOut;
}

/*
** Decode and parse the n bytes of CSV in chunk pBuf (which has room for one
** more byte). Takes ownership of pBuf: it becomes the table's text, or is
** freed. Same contract as csv_parse_mem().
*/
static int csv_parse_chunk(IoChunk *pBuf, size_t n, IoTable *pT, char *zErr, int nErr){
  char *z = IO_CHUNK_DATA(pBuf);
  const unsigned char *u = (const unsigned char*)z;
  const char *zNul;
  int bBom = 0;
  size_t iBad;

  io_table_reset(pT);
  if( zErr && nErr>0 ) zErr[0] = 0;
  if( n>=2 && ((u[0]==0xFF && u[1]==0xFE) || (u[0]==0xFE && u[1]==0xFF)) ){
    goto utf16;
  }
  if( n>=3 && u[0]==0xEF && u[1]==0xBB && u[2]==0xBF ){
    z += 3;
    n -= 3;
    bBom = 1;
  }
  zNul = memchr(z, 0, n);
  if( zNul ){
    /* UTF-16 without BOM: ASCII there has a NUL in every other byte. */
    if( n>=4 && (z[0]==0 || z[1]==0) && (z[2]==0 || z[3]==0) ) goto utf16;
    io_err(zErr, nErr, "第%d行：含有空字符，这不是文本文件，请在Excel中另存为CSV后再导入",
           csv_record_at(z, n, (size_t)(zNul-z)));
    free(pBuf);
    return 1;
  }
  iBad = io_utf8_check(z, n);
  if( iBad==n ){
    io_table_adopt(pT, pBuf);
    return csv_parse_inplace(z, n, pT, zErr, nErr);
  }
  if( !bBom ){
    size_t nUtf8 = 0, iBadGb = 0;
    IoChunk *pUtf8 = csv_from_gb18030(z, n, &nUtf8, &iBadGb);
    if( pUtf8 ){
      free(pBuf);
      io_table_adopt(pT, pUtf8);
      return csv_parse_inplace(IO_CHUNK_DATA(pUtf8), nUtf8, pT, zErr, nErr);
    }
    if( iBadGb!=(size_t)-1 && iBadGb>iBad ){
      iBad = iBadGb;
    }else if( iBadGb!=(size_t)-1 && iBadGb<iBad ){
      bBom = 1;        /* read further as UTF-8 than as GB18030: UTF-8 with a bad cell */
    }
  }
  if( bBom ){
    /* UTF-8 (it says so, or it reads so) with a bad sequence: the cell */
    csv_bad_cell(z, n, iBad, zErr, nErr);
  }else{
    io_err(zErr, nErr, "第%d行：文件编码无法识别（应为UTF-8或GB18030/GBK）",
           csv_record_at(z, n, iBad));
  }
  free(pBuf);
  return 1;

utf16:
  io_err(zErr, nErr, "文件是UTF-16编码（Excel的“Unicode文本”），"
         "请在Excel中另存为“CSV UTF-8(逗号分隔)”后再导入");
  free(pBuf);
  return 1;
}

/* The caller's bytes are copied once (the parse works in place). */
int csv_parse_mem(const char *z, size_t n, IoTable *pT, char *zErr, int nErr){
  IoChunk *pBuf = io_chunk_new(n+1);
  if( n ) memcpy(IO_CHUNK_DATA(pBuf), z, n);
  return csv_parse_chunk(pBuf, n, pT, zErr, nErr);
}

/************************************************************************
** io_read_file: size cap, format sniffing, dispatch
*/
int io_read_file(const char *zPath, IoTable *pT, char *zErr, int nErr){
  static const unsigned char aOle[8] = { 0xD0,0xCF,0x11,0xE0,0xA1,0xB1,0x1A,0xE1 };
  unsigned char aHead[8];
  struct stat st;
  IoChunk *pBuf = 0;
  char *zBuf;
  size_t nBuf = 0, nSize;
  ssize_t nHead;
  int fd, rc = 1;

  io_table_reset(pT);
  if( zErr && nErr>0 ) zErr[0] = 0;
  fd = open(zPath, O_RDONLY|O_CLOEXEC);
  if( fd<0 ){
    io_err(zErr, nErr, "无法打开文件（%s）", strerror(errno));
    return 1;
  }
  if( fstat(fd, &st)!=0 || !S_ISREG(st.st_mode) ){
    io_err(zErr, nErr, "无法读取文件：不是普通文件");
    goto done;
  }
  if( (unsigned long long)st.st_size > IO_MAX_FILE ){
    io_err(zErr, nErr, "文件过大（超过%uMB），请拆分后分批导入", IO_MAX_FILE>>20);
    goto done;
  }
  /* Sniff the first bytes; only CSV is read whole here (libzip reads the
  ** xlsx itself, seeking to the parts it needs). */
  do{ nHead = pread(fd, aHead, sizeof(aHead), 0); }while( nHead<0 && errno==EINTR );
  if( nHead>=4 && memcmp(aHead, "PK\3\4", 4)==0 ){
    close(fd);
    return xlsx_read_file(zPath, pT, zErr, nErr);
  }
  if( nHead==8 && memcmp(aHead, aOle, 8)==0 ){
    io_err(zErr, nErr, "这是旧版Excel（.xls）文件或设置了密码的Excel文件，"
           "请在Excel中另存为.xlsx（不设密码）或CSV后再导入");
    goto done;
  }
  nSize = (size_t)st.st_size;
  /* One extra byte: a file that grew since fstat is noticed, not cut
  ** (and the in-place CSV parse needs it for the last NUL). */
  pBuf = io_chunk_new(nSize+1);
  zBuf = IO_CHUNK_DATA(pBuf);
  while( nBuf<nSize+1 ){
    ssize_t got = read(fd, zBuf+nBuf, nSize+1-nBuf);
    if( got<0 && errno==EINTR ) continue;
    if( got<0 ){
      io_err(zErr, nErr, "读取文件失败（%s）", strerror(errno));
      goto done;
    }
    if( got==0 ) break;
    nBuf += (size_t)got;
  }
  if( nBuf>nSize ){
    io_err(zErr, nErr, "文件在读取过程中被修改，请重新上传");
    goto done;
  }
  rc = csv_parse_chunk(pBuf, nBuf, pT, zErr, nErr);
  pBuf = 0;                             /* now the table's, or freed */
done:
  free(pBuf);
  if( fd>=0 ) close(fd);
  return rc;
}
