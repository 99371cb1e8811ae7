/*
** src/io/xlsx_write.c — tables out as .xlsx, through libxlsxwriter.
**
** One visible sheet with a bold, frozen header row; string cells only
** through worksheet_write_string (never worksheet_write_formula: user text
** starting with "=" must stay text, STYLE.md escaping table); integers and
** dates as real numbers so Excel sorts and filters them; fitted column
** widths; drop-down lists (data validation) for import templates.
**
** Not here: what goes in the cells (src/report/, src/web/ export handlers),
** and reading .xlsx (xlsx_read.c).
**
** Two libxlsxwriter 1.1.4 facts shape this file:
**  - An inline validation list is copied into a 255+3 byte buffer while its
**    limit is checked in characters, so 100 Chinese characters overflow the
**    heap (seen: "buffer overflow detected"). Inline lists are therefore
**    used only when the joined list is <= 255 BYTES; longer lists go to a
**    hidden sheet, which is also what Excel needs beyond 255 characters.
**  - A list-formula validation (the hidden-sheet case) leaks its formula
**    string inside the library (copied twice, freed once): ~30 bytes per
**    drop-down per export. Harmless; LSan runs suppress that frame.
**  - In constant-memory mode each row is flushed when a later row is
**    started, so the hidden sheet's values are written at close, row by
**    row across all lists. Column widths are kept in memory by the library
**    and may be set at close too, after the widest value is known.
*/
#include "io/table.h"
#include "base/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define XO_MAX_COLS     16384          /* Excel's last column */
#define XO_MAX_ROWS     1048576        /* Excel's last row */
#define XO_MAX_STR      32767          /* Excel's cell limit, in characters */
#define XO_MIN_WIDTH    8.0            /* fitted widths, Excel character units */
#define XO_MAX_WIDTH    50.0
#define XO_LIST_SHEET   "下拉选项"      /* hidden sheet holding long drop-down lists */

/* One drop-down list stored on the hidden sheet, in column iListCol. */
typedef struct XlsxList {
  int nVal;                /* values in azVal */
  char **azVal;            /* copies, freed at close */
} XlsxList;

struct XlsxOut {
  lxw_workbook *pWb;       /* the workbook being written */
  lxw_worksheet *pWs;      /* the visible sheet */
  lxw_worksheet *pLists;   /* hidden list sheet, made on first need */
  lxw_format *pBold;       /* header cells */
  lxw_format *pDate;       /* yyyy-mm-dd */
  lxw_format *pDateTime;   /* yyyy-mm-dd hh:mm:ss */
  lxw_format *apNum[7];    /* numbers with 1..6 decimals shown, made on first use */
  char *zPath;             /* output file, removed if the export fails */
  char *zSheet;            /* visible sheet's name (after sanitising) */
  const char *zListSheet;  /* name of the hidden list sheet */
  int nColWidth;           /* entries in aWidth/aFixed */
  double *aWidth;          /* widest text seen per column (CJK = 2) */
  unsigned char *aFixed;   /* 1: aWidth[i] was given by the caller */
  int nList;               /* lists on the hidden sheet */
  XlsxList *aList;
  int rc;                  /* first failure (lxw_error), sticky */
};

static void *xo_realloc(void *p, size_t n){
  void *pNew = realloc(p, n ? n : 1);
  if( pNew==0 ) abort();
  return pNew;
}
static char *xo_strdup(const char *z){
  size_t n = strlen(z) + 1;
  return memcpy(xo_realloc(0, n), z, n);
}

static void xo_fail(XlsxOut *p, lxw_error e){
  if( e!=LXW_NO_ERROR && p->rc==0 ) p->rc = (int)e;
}

/* Display width of UTF-8 text in Excel character units: ASCII 1, other
** characters (Chinese in practice) 2; newlines start over. */
static double xo_text_width(const char *z){
  double w = 0, wMax = 0;
  for(; *z; z++){
    unsigned char c = (unsigned char)*z;
    if( c=='\n' ){ if( w>wMax ) wMax = w; w = 0; }
    else if( c<0x80 ) w += 1;
    else if( c>=0xC0 ) w += 2;
  }
  return w>wMax ? w : wMax;
}

static void xo_note_width(XlsxOut *p, int iCol, double w){
  if( iCol>=p->nColWidth ){
    int nNew = p->nColWidth ? p->nColWidth : 16;
    while( nNew<=iCol ) nNew *= 2;
    p->aWidth = xo_realloc(p->aWidth, sizeof(double)*(size_t)nNew);
    p->aFixed = xo_realloc(p->aFixed, (size_t)nNew);
    memset(p->aWidth+p->nColWidth, 0, sizeof(double)*(size_t)(nNew-p->nColWidth));
    memset(p->aFixed+p->nColWidth, 0, (size_t)(nNew-p->nColWidth));
    p->nColWidth = nNew;
  }
  if( !p->aFixed[iCol] && w>p->aWidth[iCol] ) p->aWidth[iCol] = w;
}

static int xo_cell_ok(XlsxOut *p, int iRow, int iCol){
  if( p==0 ) return 0;
  if( iRow<0 || iRow>=XO_MAX_ROWS || iCol<0 || iCol>=XO_MAX_COLS ){
    xo_fail(p, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
    return 0;
  }
  return 1;
}

/*
** Sheet names may not hold []:*?/\ and are at most 31 characters; a
** department name like "综合科/法制科" is made legal rather than dropped.
*/
static char *xo_sheet_name(const char *zIn){
  IoBuf b = {0};
  int nChar = 0;
  Buf fix;                       /* a name stored before input was checked: U+FFFD for bad bytes */
  buf_init(&fix);
  utf8_repair(&fix, zIn ? zIn : "", zIn ? strlen(zIn) : 0, 0, 1);
  io_buf_append(&b, "", 0);
  for(const char *z = buf_cstr(&fix); *z && nChar<31; ){
    int n = 1;
    unsigned char c = (unsigned char)*z;
    if( c>=0xF0 ) n = 4; else if( c>=0xE0 ) n = 3; else if( c>=0xC0 ) n = 2;
    if( strchr("[]:*?/\\", *z) || c<0x20 ) io_buf_append(&b, "_", 1);
    else io_buf_append(&b, z, strnlen(z, (size_t)n));
    z += strnlen(z, (size_t)n);
    nChar++;
  }
  buf_free(&fix);
  /* Excel also refuses a leading or trailing apostrophe, and an empty name. */
  if( b.n==0 || b.z[0]=='\'' || b.z[b.n-1]=='\'' ){
    b.n = 0;
    io_buf_append(&b, "Sheet1", 6);
  }
  return b.z;
}

XlsxOut *xlsx_out_open(const char *zPath, const char *zSheet, int bConstantMemory){
  lxw_workbook_options opt;
  XlsxOut *p;
  memset(&opt, 0, sizeof(opt));
  opt.constant_memory = bConstantMemory ? LXW_TRUE : LXW_FALSE;
  p = xo_realloc(0, sizeof(*p));
  memset(p, 0, sizeof(*p));
  p->pWb = workbook_new_opt(zPath, &opt);
  if( p->pWb==0 ){ free(p); return 0; }
  p->zPath = xo_strdup(zPath);
  p->zSheet = xo_sheet_name(zSheet);
  p->zListSheet = strcmp(p->zSheet, XO_LIST_SHEET)==0 ? XO_LIST_SHEET "2" : XO_LIST_SHEET;
  p->pWs = workbook_add_worksheet(p->pWb, p->zSheet);
  if( p->pWs==0 ) p->pWs = workbook_add_worksheet(p->pWb, 0);
  if( p->pWs==0 ) xo_fail(p, LXW_ERROR_MEMORY_MALLOC_FAILED);
  p->pBold = workbook_add_format(p->pWb);
  format_set_bold(p->pBold);
  p->pDate = workbook_add_format(p->pWb);
  format_set_num_format(p->pDate, "yyyy-mm-dd");
  p->pDateTime = workbook_add_format(p->pWb);
  format_set_num_format(p->pDateTime, "yyyy-mm-dd hh:mm:ss");
  return p;
}

void xlsx_out_header(XlsxOut *p, int nCol, const char *const *azLabel, const double *aWidth){
  if( p==0 || p->pWs==0 || nCol<=0 ) return;
  if( nCol>XO_MAX_COLS ) nCol = XO_MAX_COLS;
  for(int i=0; i<nCol; i++){
    const char *z = azLabel && azLabel[i] ? azLabel[i] : "";
    if( aWidth && aWidth[i]>0 ){
      xo_note_width(p, i, 0);
      p->aFixed[i] = 1;
      p->aWidth[i] = aWidth[i];
    }
    xlsx_out_str(p, 0, i, z);                  /* row 0 is written bold */
  }
  worksheet_freeze_panes(p->pWs, 1, 0);
}

/*
** z with every ill-formed UTF-8 sequence, and every character XML 1.0
** forbids (controls other than tab, LF and CR; U+FFFE, U+FFFF) or
** Unicode calls a noncharacter, replaced by U+FFFD, in a new malloc'd
** string. Input is checked (src/base/utf8.h), but a value stored before
** that would make the sheet XML ill-formed and Excel would refuse the
** whole file ("发现不可读取的内容").
*/
static char *xo_utf8_fix(const char *z, size_t n){
  Buf b;
  buf_init(&b);
  utf8_repair(&b, z, n, UTF8_TAB|UTF8_LF|UTF8_CR, 1);
  return buf_detach(&b, 0);
}

/*
** Write text. Excel refuses cells over 32767 characters, so longer text is
** cut on a character boundary rather than the whole cell being lost.
*/
void xlsx_out_str(XlsxOut *p, int iRow, int iCol, const char *z){
  size_t nChar = 0, i = 0, n;
  char *zCut = 0;
  if( !xo_cell_ok(p, iRow, iCol) || p->pWs==0 || z==0 || z[0]==0 ) return;
  n = strlen(z);
  if( utf8_repair_needed(z, n, UTF8_TAB|UTF8_LF|UTF8_CR, 1) ) z = zCut = xo_utf8_fix(z, n);
  for(; z[i]; i++){
    if( ((unsigned char)z[i] & 0xC0)!=0x80 && ++nChar>XO_MAX_STR ) break;
  }
  if( z[i] ){
    char *zShort = xo_realloc(0, i+1);
    memcpy(zShort, z, i);
    zShort[i] = 0;
    free(zCut);
    z = zCut = zShort;
  }
  xo_fail(p, worksheet_write_string(p->pWs, (lxw_row_t)iRow, (lxw_col_t)iCol, z,
                                    iRow==0 ? p->pBold : 0));
  xo_note_width(p, iCol, xo_text_width(z));
  free(zCut);
}

void xlsx_out_num(XlsxOut *p, int iRow, int iCol, double v, int nDecimals){
  if( !xo_cell_ok(p, iRow, iCol) || p->pWs==0 ) return;
  lxw_format *f = 0;
  if( nDecimals>0 && nDecimals<=6 ){
    if( p->apNum[nDecimals]==0 ){
      static const char *const azFmt[] = { "0", "0.0", "0.00", "0.000", "0.0000", "0.00000", "0.000000" };
      p->apNum[nDecimals] = workbook_add_format(p->pWb);
      format_set_num_format(p->apNum[nDecimals], azFmt[nDecimals]);
    }
    f = p->apNum[nDecimals];
  }
  xo_fail(p, worksheet_write_number(p->pWs, (lxw_row_t)iRow, (lxw_col_t)iCol, v, f));
  char z[40];
  snprintf(z, sizeof z, "%.*f", nDecimals, v);
  xo_note_width(p, iCol, xo_text_width(z));
}

void xlsx_out_int(XlsxOut *p, int iRow, int iCol, long long v){
  char zNum[32];
  if( !xo_cell_ok(p, iRow, iCol) || p->pWs==0 ) return;
  snprintf(zNum, sizeof(zNum), "%lld", v);
  /* Excel keeps 15 significant digits: beyond that a number would be
  ** shown rounded (an ID like 110101199001011234 as 1.10101E+17), so
  ** such values go out as text with every digit intact. */
  if( v>-1000000000000000LL && v<1000000000000000LL ){
    xo_fail(p, worksheet_write_number(p->pWs, (lxw_row_t)iRow, (lxw_col_t)iCol,
                                      (double)v, 0));
    xo_note_width(p, iCol, (double)strlen(zNum));
  }else{
    xlsx_out_str(p, iRow, iCol, zNum);
  }
}

/* Parse n digits at z; -1 if any is not a digit. */
static int xo_digits(const char *z, int n){
  int v = 0;
  for(int i=0; i<n; i++){
    if( z[i]<'0' || z[i]>'9' ) return -1;
    v = v*10 + (z[i]-'0');
  }
  return v;
}

void xlsx_out_date(XlsxOut *p, int iRow, int iCol, const char *zYmd){
  static const int aDays[] = { 31,29,31,30,31,30,31,31,30,31,30,31 };
  lxw_datetime dt;
  size_t n;
  int bTime = 0;
  if( !xo_cell_ok(p, iRow, iCol) || p->pWs==0 || zYmd==0 ) return;
  n = strlen(zYmd);
  memset(&dt, 0, sizeof(dt));
  if( (n==10 || n==19) && zYmd[4]=='-' && zYmd[7]=='-' ){
    dt.year = xo_digits(zYmd, 4);
    dt.month = xo_digits(zYmd+5, 2);
    dt.day = xo_digits(zYmd+8, 2);
    if( n==19 && (zYmd[10]==' ' || zYmd[10]=='T') && zYmd[13]==':' && zYmd[16]==':' ){
      dt.hour = xo_digits(zYmd+11, 2);
      dt.min = xo_digits(zYmd+14, 2);
      dt.sec = xo_digits(zYmd+17, 2);
      bTime = 1;
    }else if( n==19 ){
      dt.year = -1;
    }
  }else{
    dt.year = -1;
  }
  /* Excel's calendar starts in 1900; a day like 02-30 is refused here so
  ** the cell keeps the clerk's text instead of rolling into March. */
  if( dt.year<1900 || dt.year>9999 || dt.month<1 || dt.month>12 || dt.day<1
   || dt.day>aDays[dt.month-1]
   || (dt.month==2 && dt.day==29 && !((dt.year%4==0 && dt.year%100!=0) || dt.year%400==0))
   || dt.hour<0 || dt.hour>23 || dt.min<0 || dt.min>59 || dt.sec<0 || dt.sec>59 ){
    xlsx_out_str(p, iRow, iCol, zYmd);
    return;
  }
  xo_fail(p, worksheet_write_datetime(p->pWs, (lxw_row_t)iRow, (lxw_col_t)iCol, &dt,
                                      bTime ? p->pDateTime : p->pDate));
  xo_note_width(p, iCol, bTime ? 19 : 10);
}

/* "A", "B", ... "Z", "AA" for column iCol (0-based) into z[8]. */
static void xo_col_name(int iCol, char *z){
  char zRev[8];
  int n = 0;
  iCol++;
  while( iCol>0 && n<7 ){
    zRev[n++] = (char)('A' + (iCol-1)%26);
    iCol = (iCol-1)/26;
  }
  for(int i=0; i<n; i++) z[i] = zRev[n-1-i];
  z[n] = 0;
}

void xlsx_out_dropdown(XlsxOut *p, int iCol, int nVal, const char *const *azVal,
                       int nLastRow){
  lxw_data_validation dv;
  size_t nJoin = 0;
  int bInline = 1;
  char zFormula[128];
  char **azList = 0;

  if( !xo_cell_ok(p, 1, iCol) || p->pWs==0 || nVal<=0 || azVal==0 ) return;
  if( nLastRow<1 ) nLastRow = 1000;
  if( nLastRow>XO_MAX_ROWS-1 ) nLastRow = XO_MAX_ROWS-1;
  /* libxlsxwriter counts the inline list with a uint8_t: keep it short. */
  if( nVal>=255 ) bInline = 0;
  for(int i=0; i<nVal && bInline; i++){
    const char *z = azVal[i] ? azVal[i] : "";
    nJoin += strlen(z) + (i>0);
    /* A comma would split the value; a quote would end the list string. */
    if( z[0]==0 || strpbrk(z, ",\"") ) bInline = 0;
  }
  if( nJoin>255 ) bInline = 0;

  memset(&dv, 0, sizeof(dv));
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.error_title = "输入值无效";
  dv.error_message = "请从下拉列表中选择。";
  if( bInline ){
    azList = xo_realloc(0, sizeof(char*)*(size_t)(nVal+1));
    for(int i=0; i<nVal; i++) azList[i] = (char*)azVal[i];   /* the library copies */
    azList[nVal] = 0;
    dv.value_list = azList;
  }else{
    char zCol[8];
    XlsxList *pList;
    if( p->pLists==0 ){
      p->pLists = workbook_add_worksheet(p->pWb, p->zListSheet);
      if( p->pLists==0 ){ xo_fail(p, LXW_ERROR_MEMORY_MALLOC_FAILED); return; }
      worksheet_hide(p->pLists);
    }
    if( p->nList>=XO_MAX_COLS ){ xo_fail(p, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE); return; }
    if( nVal>XO_MAX_ROWS ) nVal = XO_MAX_ROWS;
    p->aList = xo_realloc(p->aList, sizeof(XlsxList)*(size_t)(p->nList+1));
    pList = &p->aList[p->nList];
    pList->nVal = nVal;
    pList->azVal = xo_realloc(0, sizeof(char*)*(size_t)nVal);
    for(int i=0; i<nVal; i++) pList->azVal[i] = xo_strdup(azVal[i] ? azVal[i] : "");
    xo_col_name(p->nList, zCol);
    snprintf(zFormula, sizeof(zFormula), "='%s'!$%s$1:$%s$%d",
             p->zListSheet, zCol, zCol, nVal);
    p->nList++;
    dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    dv.value_formula = zFormula;
  }
  /* A template column should be wide enough to show its choices. */
  for(int i=0; i<nVal; i++) xo_note_width(p, iCol, xo_text_width(azVal[i] ? azVal[i] : ""));
  xo_fail(p, worksheet_data_validation_range(p->pWs, 1, (lxw_col_t)iCol,
                                             (lxw_row_t)nLastRow, (lxw_col_t)iCol, &dv));
  free(azList);
}

/* The current sheet's column widths, fitted to what was written. */
static void xo_apply_widths(XlsxOut *p){
  if( p->pWs==0 ) return;
  for(int i=0; i<p->nColWidth; i++){
    double w = p->aWidth[i];
    if( w<=0 ) continue;                       /* never written: default width */
    if( !p->aFixed[i] ){
      w += 2;                                  /* room for the filter arrow */
      if( w<XO_MIN_WIDTH ) w = XO_MIN_WIDTH;
      if( w>XO_MAX_WIDTH ) w = XO_MAX_WIDTH;
    }
    xo_fail(p, worksheet_set_column(p->pWs, (lxw_col_t)i, (lxw_col_t)i, w, 0));
  }
}

void xlsx_out_sheet(XlsxOut *p, const char *zName){
  if( p==0 || p->pWb==0 ) return;
  xo_apply_widths(p);
  for(int i=0; i<p->nColWidth; i++){ p->aWidth[i] = 0; p->aFixed[i] = 0; }
  char *z = xo_sheet_name(zName);
  p->pWs = workbook_add_worksheet(p->pWb, z);
  free(z);
  if( p->pWs==0 ) xo_fail(p, LXW_ERROR_MEMORY_MALLOC_FAILED);
}

int xlsx_out_close(XlsxOut *p){
  int nMax = 0, rc;
  lxw_error e;
  if( p==0 ) return 1;
  xo_apply_widths(p);
  for(int k=0; k<p->nList; k++) if( p->aList[k].nVal>nMax ) nMax = p->aList[k].nVal;
  for(int iRow=0; iRow<nMax && p->pLists; iRow++){
    for(int k=0; k<p->nList; k++){
      if( iRow<p->aList[k].nVal && p->aList[k].azVal[iRow][0] ){
        xo_fail(p, worksheet_write_string(p->pLists, (lxw_row_t)iRow, (lxw_col_t)k,
                                          p->aList[k].azVal[iRow], 0));
      }
    }
  }
  e = workbook_close(p->pWb);
  xo_fail(p, e);
  rc = p->rc;
  /* A half-written or incomplete export is worse than none. */
  if( rc && p->zPath ) unlink(p->zPath);
  for(int k=0; k<p->nList; k++){
    for(int i=0; i<p->aList[k].nVal; i++) free(p->aList[k].azVal[i]);
    free(p->aList[k].azVal);
  }
  free(p->aList);
  free(p->aWidth);
  free(p->aFixed);
  free(p->zPath);
  free(p->zSheet);
  free(p);
  return rc;
}
