/*
** src/io/xlsx_read.c — the first worksheet of an .xlsx file as an IoTable.
**
** Not a general spreadsheet library: only what an import needs. The parts
** are found the way Excel finds them (OPC relationships):
**
**   _rels/.rels            -> the workbook part (default xl/workbook.xml)
**   xl/workbook.xml        -> date1904, and the r:id of the FIRST <sheet>
**                             (tab order; hidden or not)
**   xl/_rels/workbook.xml.rels -> that sheet's part, sharedStrings, styles
**   xl/sharedStrings.xml   -> every <si>, rich-text runs <r><t> joined,
**                             phonetic runs <rPh> skipped
**   xl/styles.xml          -> cellXfs[i].numFmtId -> "is this a date?"
**   the sheet              -> <row r=><c r= t= s=><v>|<is> ...
**
** Every part is streamed from libzip into libxml2's xmlTextReader, so
** memory is the table plus the shared strings, never a DOM. Cell values:
** t="s" shared string, "inlineStr" <is> text, "str"/"e" the cached text,
** "b" TRUE/FALSE, "d" ISO date, "n" (or none) a number: through the cell's
** number format a date ("YYYY-MM-DD"), time ("HH:MM:SS") or date-time,
** otherwise integral numbers without ".0" and others to 15 significant
** digits, as Excel shows them. Formulas (<f>) are ignored: only the cached
** result is read, nothing is ever evaluated.
**
** Hostile input. A part may claim any uncompressed size and lie about it,
** so the limit IO_MAX_ENTRY is checked both against zip_stat and against
** the bytes actually inflated. A DTD is refused outright (no entity games).
** Rows, columns and total cells are bounded by the row builder in csv.c.
** Any malformed structure ends in a clean error, never a partial table.
**
** Threads: libxml2 wants xmlInitParser() called once from the main thread
** before worker threads parse; we call it here too (idempotent), but
** main() should call it at startup.
*/
#include "io/table.h"
#include "base/arena.h"
#include <libxml/xmlreader.h>
#include <math.h>                 /* isfinite only: no -lm needed */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <zip.h>

/* What a number format displays. */
enum { NF_NUMBER, NF_DATE, NF_DATETIME, NF_TIME };

/* Cell types, from <c t="...">. */
enum { CT_N, CT_S, CT_STR, CT_INLINE, CT_B, CT_E, CT_D };

/* Why streaming a part stopped. */
enum { PART_OK, PART_TOOBIG, PART_ZIP };

#define XLSX_MAX_ENTRIES  10000    /* zip entries; real workbooks have dozens */
#define XLSX_MAX_RELS     10000    /* relationships kept from one .rels part */
#define XLSX_MAX_XF       65536    /* cellXfs kept (Excel's own limit is 64000) */
#define XLSX_MAX_NUMFMT   4096     /* custom number formats kept */
#define XLSX_MAX_ROW      1048576  /* Excel's last row */
#define XLSX_MAX_COL      16384    /* Excel's last column, XFD */

/* One zip entry being streamed into libxml2. */
typedef struct XlsxPart {
  zip_file_t *pFile;       /* open entry */
  zip_uint64_t nRead;      /* inflated bytes delivered so far */
  int eErr;                /* PART_* */
} XlsxPart;

/* One <Relationship> of a .rels part. */
typedef struct XlsxRel {
  char *zId;               /* Id="rId1" */
  char *zType;             /* Type="http://.../worksheet" */
  char *zTarget;           /* Target="worksheets/sheet1.xml" */
} XlsxRel;
typedef struct XlsxRels { XlsxRel *a; int n, nAlloc; } XlsxRels;

/* State of one xlsx_read_file() call. */
typedef struct Xlsx {
  zip_t *pZip;             /* the open package */
  char *zErr; int nErr;    /* caller's message buffer */
  int rc;                  /* non-zero once an error is in zErr */
  IoBuf sst;               /* shared strings, back to back, NUL-terminated */
  size_t *aSst;            /* offset of string i in sst.z */
  int nSst, nSstAlloc;     /* strings in aSst, and its capacity */
  unsigned char *aXf;      /* NF_* for each cellXfs index */
  int nXf;                 /* entries in aXf */
  int b1904;               /* workbookPr date1904: serial 0 = 1904-01-01 */
} Xlsx;

static void *xlsx_realloc(void *p, size_t n){
  void *pNew = realloc(p, n ? n : 1);
  if( pNew==0 ) abort();
  return pNew;
}
static char *xlsx_strdup(const char *z){
  size_t n = strlen(z) + 1;
  return memcpy(xlsx_realloc(0, n), z, n);
}

/************************************************************************
** Streaming a zip entry into an xmlTextReader
*/

/* xmlInputReadCallback: inflate the next bytes, enforcing IO_MAX_ENTRY on
** what is really produced (the size in the zip directory can lie). */
static int xlsx_part_read(void *pCtx, char *zBuf, int nBuf){
  XlsxPart *pPart = pCtx;
  zip_int64_t n;
  if( pPart->eErr ) return -1;
  n = zip_fread(pPart->pFile, zBuf, (zip_uint64_t)nBuf);
  if( n<0 ){ pPart->eErr = PART_ZIP; return -1; }
  pPart->nRead += (zip_uint64_t)n;
  if( pPart->nRead > IO_MAX_ENTRY ){ pPart->eErr = PART_TOOBIG; return -1; }
  return (int)n;
}

/* libxml2 prints parse errors to stderr by default; a fuzzed upload must
** not fill the server log. Our own message says what went wrong. */
static void xlsx_xml_quiet(void *pArg, const char *zMsg, xmlParserSeverities eSev,
                           xmlTextReaderLocatorPtr pLoc){
  (void)pArg; (void)zMsg; (void)eSev; (void)pLoc;
}

static void xlsx_too_big(Xlsx *p, const char *zName){
  io_err(p->zErr, p->nErr, "xlsx文件中的%s解压后超过%uMB，拒绝读取"
         "（文件可能已损坏，或是恶意构造的压缩包）", zName, IO_MAX_ENTRY>>20);
  p->rc = 1;
}

/*
** Open part zName as an XML reader. Returns NULL when the part is absent
** (an error only if bRequired) or cannot be opened (error set).
** Close with xlsx_close_part().
*/
static xmlTextReaderPtr xlsx_open_part(Xlsx *p, const char *zName, XlsxPart *pPart,
                                       int bRequired){
  zip_int64_t iEntry;
  zip_stat_t st;
  xmlTextReaderPtr r;

  memset(pPart, 0, sizeof(*pPart));
  iEntry = zip_name_locate(p->pZip, zName, ZIP_FL_NOCASE);   /* OPC names are case-insensitive */
  if( iEntry<0 ){
    if( bRequired ){
      io_err(p->zErr, p->nErr, "不是有效的xlsx文件：缺少%s", zName);
      p->rc = 1;
    }
    return 0;
  }
  zip_stat_init(&st);
  if( zip_stat_index(p->pZip, (zip_uint64_t)iEntry, 0, &st)!=0 ){
    io_err(p->zErr, p->nErr, "xlsx文件已损坏：无法读取%s", zName);
    p->rc = 1;
    return 0;
  }
  if( (st.valid & ZIP_STAT_SIZE) && st.size>IO_MAX_ENTRY ){
    xlsx_too_big(p, zName);
    return 0;
  }
  pPart->pFile = zip_fopen_index(p->pZip, (zip_uint64_t)iEntry, 0);
  if( pPart->pFile==0 ){
    io_err(p->zErr, p->nErr, "xlsx文件已损坏或已加密：无法读取%s", zName);
    p->rc = 1;
    return 0;
  }
  /* No XML_PARSE_NOENT (never substitute entities), no XML_PARSE_HUGE
  ** (keep libxml2's own size limits), no network. */
  r = xmlReaderForIO(xlsx_part_read, 0, pPart, 0, 0,
                     XML_PARSE_NONET|XML_PARSE_NOERROR|XML_PARSE_NOWARNING);
  if( r==0 ){
    if( pPart->eErr==PART_TOOBIG ) xlsx_too_big(p, zName);
    else{
      io_err(p->zErr, p->nErr, "xlsx文件已损坏：无法读取%s", zName);
      p->rc = 1;
    }
    zip_fclose(pPart->pFile);
    pPart->pFile = 0;
    return 0;
  }
  xmlTextReaderSetErrorHandler(r, xlsx_xml_quiet, 0);
  return r;
}

static void xlsx_close_part(xmlTextReaderPtr r, XlsxPart *pPart){
  if( r ) xmlFreeTextReader(r);
  if( pPart->pFile ) zip_fclose(pPart->pFile);
  pPart->pFile = 0;
}

/*
** Advance r. Returns 1 on a node, 0 at the end of the document, -1 on
** error with the message set. iRow > 0 names the Excel row reached, so a
** clerk can find a damaged spot.
*/
static int xlsx_next(Xlsx *p, xmlTextReaderPtr r, XlsxPart *pPart, const char *zName,
                     int iRow){
  int rc = xmlTextReaderRead(r);
  if( rc==1 ){
    if( xmlTextReaderNodeType(r)!=XML_READER_TYPE_DOCUMENT_TYPE ) return 1;
    io_err(p->zErr, p->nErr, "不是有效的xlsx文件：%s含有DTD声明", zName);
  }else if( rc==0 ){
    return 0;
  }else if( pPart->eErr==PART_TOOBIG ){
    xlsx_too_big(p, zName);
  }else if( pPart->eErr==PART_ZIP ){
    io_err(p->zErr, p->nErr, "xlsx文件已损坏：%s解压失败", zName);
  }else if( iRow>0 ){
    io_err(p->zErr, p->nErr, "不是有效的xlsx文件：%s格式错误（第%d行附近）", zName, iRow);
  }else{
    io_err(p->zErr, p->nErr, "不是有效的xlsx文件：%s格式错误", zName);
  }
  p->rc = 1;
  return -1;
}

/* Step through the attributes of the current element: 1 with name/value,
** or 0 after the last one (the reader is back on the element). */
static int xlsx_attr_next(xmlTextReaderPtr r, const char **pzName, const char **pzVal){
  while( xmlTextReaderMoveToNextAttribute(r)==1 ){
    const xmlChar *zN = xmlTextReaderConstLocalName(r);
    const xmlChar *zV = xmlTextReaderConstValue(r);
    if( zN && zV ){
      *pzName = (const char*)zN;
      *pzVal = (const char*)zV;
      return 1;
    }
  }
  xmlTextReaderMoveToElement(r);
  return 0;
}

/* Local name of the current node ("" if none): prefixes such as <x:row>
** from some generators do not matter. */
static const char *xlsx_name(xmlTextReaderPtr r){
  const xmlChar *z = xmlTextReaderConstLocalName(r);
  return z ? (const char*)z : "";
}

/* Strict non-negative decimal that fits an int, else -1. */
static int xlsx_uint(const char *z){
  long long v = 0;
  int n = 0;
  while( *z==' ' ) z++;
  for(; z[n]>='0' && z[n]<='9'; n++){
    v = v*10 + (z[n]-'0');
    if( v>INT32_MAX ) return -1;
  }
  while( z[n]==' ' ) n++;
  return (n>0 && z[n]==0 && z[0]!=' ') ? (int)v : -1;
}

/************************************************************************
** Relationships and part names
*/
static void xlsx_rels_free(XlsxRels *pRels){
  for(int i=0; i<pRels->n; i++){
    free(pRels->a[i].zId);
    free(pRels->a[i].zType);
    free(pRels->a[i].zTarget);
  }
  free(pRels->a);
  memset(pRels, 0, sizeof(*pRels));
}

/* Read the .rels part zName into pRels. A missing part is not an error. */
static int xlsx_read_rels(Xlsx *p, const char *zName, XlsxRels *pRels){
  XlsxPart part;
  xmlTextReaderPtr r = xlsx_open_part(p, zName, &part, 0);
  int rc;
  if( r==0 ) return p->rc;
  while( (rc = xlsx_next(p, r, &part, zName, 0))==1 ){
    const char *zN, *zV, *zId = 0, *zType = 0, *zTarget = 0;
    char *zIdCopy = 0, *zTypeCopy = 0;
    if( xmlTextReaderNodeType(r)!=XML_READER_TYPE_ELEMENT ) continue;
    if( strcmp(xlsx_name(r), "Relationship")!=0 ) continue;
    if( pRels->n>=XLSX_MAX_RELS ) continue;
    /* Attribute values are only valid until the next move: copy them. */
    while( xlsx_attr_next(r, &zN, &zV) ){
      if( strcmp(zN, "Id")==0 && !zIdCopy ) zId = zIdCopy = xlsx_strdup(zV);
      else if( strcmp(zN, "Type")==0 && !zTypeCopy ) zType = zTypeCopy = xlsx_strdup(zV);
      else if( strcmp(zN, "Target")==0 && !zTarget ) zTarget = xlsx_strdup(zV);
    }
    if( zId==0 || zType==0 || zTarget==0 ){
      free(zIdCopy); free(zTypeCopy); free((char*)zTarget);
      continue;
    }
    pRels->a = fz_grow(pRels->a, pRels->n, &pRels->nAlloc, sizeof *pRels->a);
    pRels->a[pRels->n].zId = zIdCopy;
    pRels->a[pRels->n].zType = zTypeCopy;
    pRels->a[pRels->n].zTarget = (char*)zTarget;
    pRels->n++;
  }
  xlsx_close_part(r, &part);
  return rc<0 ? 1 : 0;
}

/* The relationship whose Type ends with zSuffix (e.g. "/styles"), or NULL. */
static const XlsxRel *xlsx_rel_by_type(const XlsxRels *pRels, const char *zSuffix){
  size_t nSuffix = strlen(zSuffix);
  for(int i=0; i<pRels->n; i++){
    size_t n = strlen(pRels->a[i].zType);
    if( n>=nSuffix && strcmp(pRels->a[i].zType+n-nSuffix, zSuffix)==0 ) return &pRels->a[i];
  }
  return 0;
}

/*
** Part name of zTarget relative to the folder of part zSource (OPC rules:
** a leading "/" is from the package root; "." and ".." segments resolve).
** Returns malloc'd memory; caller frees.
*/
static char *xlsx_resolve(const char *zSource, const char *zTarget){
  IoBuf b = {0};
  io_buf_append(&b, "", 0);
  if( zTarget[0]=='/' ){
    zTarget++;
  }else{
    const char *zSlash = strrchr(zSource, '/');
    if( zSlash ) io_buf_append(&b, zSource, (size_t)(zSlash-zSource)+1);
  }
  while( *zTarget ){
    const char *zEnd = strchr(zTarget, '/');
    size_t nSeg = zEnd ? (size_t)(zEnd-zTarget) : strlen(zTarget);
    if( nSeg==2 && zTarget[0]=='.' && zTarget[1]=='.' ){
      if( b.n>0 ) b.n--;                           /* the trailing '/' */
      while( b.n>0 && b.z[b.n-1]!='/' ) b.n--;
      b.z[b.n] = 0;
    }else if( nSeg>0 && !(nSeg==1 && zTarget[0]=='.') ){
      io_buf_append(&b, zTarget, nSeg);
      if( zEnd ) io_buf_append(&b, "/", 1);
    }
    zTarget += nSeg;
    if( *zTarget=='/' ) zTarget++;
  }
  return b.z;
}

/* "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". Caller frees. */
static char *xlsx_rels_name(const char *zPart){
  IoBuf b = {0};
  const char *zSlash = strrchr(zPart, '/');
  const char *zBase = zSlash ? zSlash+1 : zPart;
  io_buf_append(&b, zPart, (size_t)(zBase-zPart));
  io_buf_append(&b, "_rels/", 6);
  io_buf_append(&b, zBase, strlen(zBase));
  io_buf_append(&b, ".rels", 5);
  return b.z;
}

/************************************************************************
** Workbook: date system and the first sheet
*/
static int xlsx_read_workbook(Xlsx *p, const char *zName, char **pzRid){
  XlsxPart part;
  xmlTextReaderPtr r = xlsx_open_part(p, zName, &part, 1);
  int rc;
  *pzRid = 0;
  if( r==0 ) return 1;
  while( (rc = xlsx_next(p, r, &part, zName, 0))==1 ){
    const char *zN, *zV, *zEl;
    int eType = xmlTextReaderNodeType(r);
    if( eType==XML_READER_TYPE_END_ELEMENT && strcmp(xlsx_name(r), "sheets")==0 ) break;
    if( eType!=XML_READER_TYPE_ELEMENT ) continue;
    zEl = xlsx_name(r);
    if( strcmp(zEl, "workbookPr")==0 ){
      while( xlsx_attr_next(r, &zN, &zV) ){
        if( strcmp(zN, "date1904")==0 ) p->b1904 = strcmp(zV, "1")==0 || strcmp(zV, "true")==0;
      }
    }else if( strcmp(zEl, "sheet")==0 && *pzRid==0 ){
      /* r:id; "sheetId" is a different local name, so no clash. */
      while( xlsx_attr_next(r, &zN, &zV) ){
        if( strcmp(zN, "id")==0 && *pzRid==0 ) *pzRid = xlsx_strdup(zV);
      }
    }
  }
  xlsx_close_part(r, &part);
  if( rc<0 ){ free(*pzRid); *pzRid = 0; return 1; }
  if( *pzRid==0 ){
    io_err(p->zErr, p->nErr, "不是有效的xlsx文件：工作簿中没有工作表");
    p->rc = 1;
    return 1;
  }
  return 0;
}

/************************************************************************
** Shared strings
*/

/* Decode Excel's _xHHHH_ escapes in place (Excel writes control characters
** such as CR that way; "_x005F_" is a literal "_"). U+0000 cannot be in a
** C string: it becomes the bytes C0 80 (its overlong form), which the text
** check refuses as 空字符, naming row and field, instead of the value being
** cut or the character silently dropped. A lone surrogate stays as text.
** Returns the new length. */
static size_t xlsx_unescape(char *z, size_t n){
  size_t i = 0, j = 0;
  if( n<7 || memmem(z, n, "_x", 2)==0 ) return n;
  while( i<n ){
    if( z[i]=='_' && i+6<n && z[i+1]=='x' && z[i+6]=='_' ){
      unsigned cp = 0;
      int k;
      for(k=2; k<6; k++){
        char c = z[i+k];
        if( c>='0' && c<='9' ) cp = cp*16 + (unsigned)(c-'0');
        else if( c>='A' && c<='F' ) cp = cp*16 + (unsigned)(c-'A'+10);
        else if( c>='a' && c<='f' ) cp = cp*16 + (unsigned)(c-'a'+10);
        else break;
      }
      if( k==6 && (cp<0xD800 || cp>0xDFFF) ){
        i += 7;
        if( cp==0 ){ z[j++] = (char)0xC0; z[j++] = (char)0x80; continue; }
        if( cp<0x80 ){
          z[j++] = (char)cp;
        }else if( cp<0x800 ){
          z[j++] = (char)(0xC0 | (cp>>6));
          z[j++] = (char)(0x80 | (cp & 0x3F));
        }else{
          z[j++] = (char)(0xE0 | (cp>>12));
          z[j++] = (char)(0x80 | ((cp>>6) & 0x3F));
          z[j++] = (char)(0x80 | (cp & 0x3F));
        }
        continue;
      }
    }
    z[j++] = z[i++];
  }
  return j;
}

/* Is the current node text that belongs to the element being collected? */
static int xlsx_is_text(int eType){
  return eType==XML_READER_TYPE_TEXT || eType==XML_READER_TYPE_CDATA
      || eType==XML_READER_TYPE_SIGNIFICANT_WHITESPACE
      || eType==XML_READER_TYPE_WHITESPACE;
}

static void xlsx_sst_push(Xlsx *p, size_t iStart){
  p->sst.n = iStart + xlsx_unescape(p->sst.z+iStart, p->sst.n-iStart);
  io_buf_append(&p->sst, "", 1);
  p->aSst = fz_grow(p->aSst, p->nSst, &p->nSstAlloc, sizeof *p->aSst);
  p->aSst[p->nSst++] = iStart;
}

static int xlsx_read_sst(Xlsx *p, const char *zName){
  XlsxPart part;
  xmlTextReaderPtr r = xlsx_open_part(p, zName, &part, 1);
  int rc, bInSi = 0, bInT = 0, bInRPh = 0;
  size_t iStart = 0;
  if( r==0 ) return 1;
  io_buf_append(&p->sst, "", 0);               /* sst.z is never NULL */
  while( (rc = xlsx_next(p, r, &part, zName, 0))==1 ){
    int eType = xmlTextReaderNodeType(r);
    if( eType==XML_READER_TYPE_ELEMENT ){
      const char *zEl = xlsx_name(r);
      int bEmpty = xmlTextReaderIsEmptyElement(r)==1;
      if( strcmp(zEl, "si")==0 ){
        if( p->nSst>=INT32_MAX/2 ) continue;
        iStart = p->sst.n;
        if( bEmpty ) xlsx_sst_push(p, iStart);
        else bInSi = 1;
      }else if( bInSi && !bEmpty ){
        if( strcmp(zEl, "t")==0 && !bInRPh ) bInT = 1;
        else if( strcmp(zEl, "rPh")==0 ) bInRPh = 1;   /* phonetic guide: not cell text */
      }
    }else if( eType==XML_READER_TYPE_END_ELEMENT ){
      const char *zEl = xlsx_name(r);
      if( strcmp(zEl, "t")==0 ) bInT = 0;
      else if( strcmp(zEl, "rPh")==0 ) bInRPh = 0;
      else if( strcmp(zEl, "si")==0 && bInSi ){
        xlsx_sst_push(p, iStart);
        bInSi = bInT = bInRPh = 0;
      }
    }else if( bInT && xlsx_is_text(eType) ){
      const char *z = (const char*)xmlTextReaderConstValue(r);
      if( z ) io_buf_append(&p->sst, z, strlen(z));
    }
  }
  xlsx_close_part(r, &part);
  return rc<0;
}

/************************************************************************
** Styles: which cell formats show dates
*/

/* Built-in number formats (ECMA-376 18.8.30 plus the zh-CN ids 27..58). */
static int xlsx_builtin_kind(int id){
  if( (id>=14 && id<=17) || (id>=27 && id<=31) || id==36
   || (id>=50 && id<=54) || id==57 || id==58 ) return NF_DATE;
  if( id==22 ) return NF_DATETIME;
  /* 18..21 h:mm etc., 32..35 and 55..56 h"时"mm"分", 45 mm:ss, 47 mmss.0.
  ** 46 is [h]:mm:ss, an elapsed duration: left as a number, like custom
  ** formats with [h]. */
  if( (id>=18 && id<=21) || (id>=32 && id<=35) || id==45 || id==47
   || id==55 || id==56 ) return NF_TIME;
  return NF_NUMBER;
}

/*
** Classify a custom format code by its first section: quoted text, \x and
** _x and *x escapes and [..] (colour, locale, condition) are skipped; [h] [m]
** [s] mean an elapsed duration, shown as a number. y or d make a date (a
** date-time if h or s also appear); h or s alone a time; m alone a month
** ("m月", "mmm"), so a date; anything else a number.
*/
static int xlsx_custom_kind(const char *z){
  int bY = 0, bD = 0, bM = 0, bH = 0, bS = 0;
  for(size_t i=0; z[i] && z[i]!=';'; i++){
    char c = z[i];
    if( c=='"' ){
      while( z[i+1] && z[i+1]!='"' ) i++;
      if( z[i+1] ) i++;
      continue;
    }
    if( c=='\\' || c=='_' || c=='*' ){
      if( z[i+1] ) i++;
      continue;
    }
    if( c=='[' ){
      size_t j = i+1;
      int bElapsed = 1;
      while( z[j] && z[j]!=']' ){
        char d = (char)(z[j] | 0x20);
        if( d!='h' && d!='m' && d!='s' ) bElapsed = 0;
        j++;
      }
      if( bElapsed && j>i+1 ) return NF_NUMBER;
      if( z[j]==0 ) break;
      i = j;
      continue;
    }
    if( (c=='a' || c=='A') && (strncasecmp(z+i, "am/pm", 5)==0 || strncasecmp(z+i, "a/p", 3)==0) ){
      bH = 1;
      i += z[i+1]=='/' ? 2 : 4;
      continue;
    }
    switch( c | 0x20 ){
      case 'y': bY = 1; break;
      case 'd': bD = 1; break;
      case 'm': bM = 1; break;
      case 'h': bH = 1; break;
      case 's': bS = 1; break;
    }
  }
  if( bY || bD ) return (bH || bS) ? NF_DATETIME : NF_DATE;
  if( bH || bS ) return NF_TIME;
  if( bM ) return NF_DATE;
  return NF_NUMBER;
}

static int xlsx_read_styles(Xlsx *p, const char *zName){
  XlsxPart part;
  xmlTextReaderPtr r = xlsx_open_part(p, zName, &part, 0);
  int aFmtId[XLSX_MAX_NUMFMT];
  unsigned char aFmtKind[XLSX_MAX_NUMFMT];
  int nFmt = 0, rc, bInXfs = 0, iXfsDepth = 0;
  int *aXfFmt = 0, nXfAlloc = 0;

  if( r==0 ) return p->rc;
  while( (rc = xlsx_next(p, r, &part, zName, 0))==1 ){
    int eType = xmlTextReaderNodeType(r);
    const char *zEl, *zN, *zV;
    if( eType==XML_READER_TYPE_END_ELEMENT ){
      if( strcmp(xlsx_name(r), "cellXfs")==0 ) break;   /* numFmts come earlier */
      continue;
    }
    if( eType!=XML_READER_TYPE_ELEMENT ) continue;
    zEl = xlsx_name(r);
    if( strcmp(zEl, "numFmt")==0 && nFmt<XLSX_MAX_NUMFMT ){
      int id = -1, eKind = NF_NUMBER;
      while( xlsx_attr_next(r, &zN, &zV) ){
        if( strcmp(zN, "numFmtId")==0 ) id = xlsx_uint(zV);
        else if( strcmp(zN, "formatCode")==0 ) eKind = xlsx_custom_kind(zV);
      }
      if( id>=0 ){
        aFmtId[nFmt] = id;
        aFmtKind[nFmt] = (unsigned char)eKind;
        nFmt++;
      }
    }else if( strcmp(zEl, "cellXfs")==0 ){
      if( xmlTextReaderIsEmptyElement(r)==1 ) break;
      bInXfs = 1;
      iXfsDepth = xmlTextReaderDepth(r);
    }else if( bInXfs && strcmp(zEl, "xf")==0 && xmlTextReaderDepth(r)==iXfsDepth+1
           && p->nXf<XLSX_MAX_XF ){
      int id = 0;
      while( xlsx_attr_next(r, &zN, &zV) ){
        if( strcmp(zN, "numFmtId")==0 ) id = xlsx_uint(zV);
      }
      aXfFmt = fz_grow(aXfFmt, p->nXf, &nXfAlloc, sizeof *aXfFmt);
      aXfFmt[p->nXf++] = id;
    }
  }
  xlsx_close_part(r, &part);
  if( rc>=0 && p->nXf>0 ){
    p->aXf = xlsx_realloc(0, (size_t)p->nXf);
    for(int i=0; i<p->nXf; i++){
      int id = aXfFmt[i], eKind = -1;
      /* A workbook may redefine a built-in id; its own definition wins. */
      for(int k=0; k<nFmt && eKind<0; k++){
        if( aFmtId[k]==id ) eKind = aFmtKind[k];
      }
      p->aXf[i] = (unsigned char)(eKind>=0 ? eKind : xlsx_builtin_kind(id));
    }
  }
  if( rc<0 ) p->nXf = 0;
  free(aXfFmt);
  return rc<0;
}

/************************************************************************
** Cell values
*/

/* Proleptic Gregorian date of day z counted from 1970-01-01
** (the well-known era/day-of-era method, valid for any z). */
static void xlsx_civil(long long z, int *pY, int *pM, int *pD){
  long long era, y;
  unsigned doe, yoe, doy, mp;
  z += 719468;
  era = (z>=0 ? z : z-146096) / 146097;
  doe = (unsigned)(z - era*146097);
  yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365;
  y = (long long)yoe + era*400;
  doy = doe - (365*yoe + yoe/4 - yoe/100);
  mp = (5*doy + 2)/153;
  *pD = (int)(doy - (153*mp + 2)/5 + 1);
  *pM = (int)(mp<10 ? mp+3 : mp-9);
  *pY = (int)(y + (*pM<=2));
}

/*
** Excel serial r shown through a format of kind eKind, into zOut[64].
** Returns 0 (caller shows the plain number) outside 1900-01-01..9999-12-31:
** Excel itself shows ##### there.
*/
static int xlsx_serial_text(double r, int eKind, int b1904, char *zOut){
  long long nSec, nDay, nUnix;
  int iSec, y, m, d;
  if( !(r>=0.0 && r<2958466.0) ) return 0;
  nSec = (long long)(r*86400.0 + 0.5);      /* r >= 0: round to the second */
  nDay = nSec/86400;
  iSec = (int)(nSec%86400);
  if( eKind==NF_TIME ){
    snprintf(zOut, 64, "%02d:%02d:%02d", iSec/3600, iSec/60%60, iSec%60);
    return 1;
  }
  if( b1904 ){
    nUnix = nDay - 24107;                    /* 1904-01-01 is Unix day -24107 */
  }else{
    if( nDay<1 ) return 0;                   /* Excel's "1900-01-00" */
    if( nDay==60 ){                          /* Lotus' 1900-02-29, kept by Excel */
      memcpy(zOut, "1900-02-29", 11);
      return 1;
    }
    nUnix = nDay - (nDay<60 ? 25568 : 25569);   /* serial 25569 = 1970-01-01 */
  }
  xlsx_civil(nUnix, &y, &m, &d);
  if( y>9999 ) return 0;
  if( eKind==NF_DATETIME && iSec!=0 ){
    snprintf(zOut, 64, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d,
             iSec/3600, iSec/60%60, iSec%60);
  }else{
    snprintf(zOut, 64, "%04d-%02d-%02d", y, m, d);
  }
  return 1;
}

/*
** The display text of a finished cell. zVal is the collected <v> or <is>
** text (NUL-terminated, nVal bytes, may be modified). Sets *pz and *pn to the
** text, which may point into zVal, zNum[64] or the shared strings. Returns
** non-zero on an invalid shared-string index (error set).
*/
static int xlsx_cell_text(Xlsx *p, int eType, int iStyle, char *zVal, size_t nVal,
                          char *zNum, int iRow, const char **pz, size_t *pn){
  *pz = zVal;
  *pn = nVal;
  if( nVal==0 ) return 0;
  switch( eType ){
    case CT_S: {
      int i = xlsx_uint(zVal);
      if( i<0 || i>=p->nSst ){
        io_err(p->zErr, p->nErr, "不是有效的xlsx文件：第%d行引用了不存在的共享字符串", iRow);
        p->rc = 1;
        return 1;
      }
      *pz = p->sst.z + p->aSst[i];
      *pn = strlen(*pz);
      return 0;
    }
    case CT_INLINE:
    case CT_STR:
      *pn = xlsx_unescape(zVal, nVal);
      zVal[*pn] = 0;
      return 0;
    case CT_E:
      return 0;
    case CT_B:
      *pz = (strcmp(zVal, "1")==0 || strcmp(zVal, "true")==0) ? "TRUE" : "FALSE";
      *pn = strlen(*pz);
      return 0;
    case CT_D: {
      /* ISO 8601: "2024-03-05" or "2024-03-05T13:30:00[.000][Z]". */
      if( nVal>=10 && zVal[4]=='-' && zVal[7]=='-' ){
        if( nVal>=19 && zVal[10]=='T' && strncmp(zVal+11, "00:00:00", 8)!=0 ){
          zVal[10] = ' ';
          *pn = 19;
        }else{
          *pn = 10;
        }
        zVal[*pn] = 0;
      }
      return 0;
    }
    default: {
      char *zEnd;
      double r = strtod(zVal, &zEnd);     /* fazhi never calls setlocale(): "." */
      int eKind = (iStyle>=0 && iStyle<p->nXf) ? p->aXf[iStyle] : NF_NUMBER;
      while( *zEnd==' ' ) zEnd++;
      if( zEnd==zVal || *zEnd!=0 || !isfinite(r) ) return 0;   /* not a number: as is */
      if( eKind!=NF_NUMBER && xlsx_serial_text(r, eKind, p->b1904, zNum) ){
        /* date, time or date-time */
      }else if( r>-1e15 && r<1e15 && (double)(long long)r==r ){
        snprintf(zNum, 64, "%lld", (long long)r);
      }else{
        snprintf(zNum, 64, "%.15g", r);   /* Excel shows 15 significant digits */
      }
      *pz = zNum;
      *pn = strlen(zNum);
      return 0;
    }
  }
}

/* Column (0-based) of an A1 reference such as "B12", or -1. */
static int xlsx_ref_col(const char *z){
  int iCol = 0, n = 0;
  for(;;){
    char c = z[n];
    if( c>='a' && c<='z' ) c = (char)(c - 'a' + 'A');
    if( c<'A' || c>'Z' ) break;
    iCol = iCol*26 + (c-'A'+1);
    if( ++n>3 ) return -1;
  }
  if( n==0 || iCol>XLSX_MAX_COL || z[n]<'1' || z[n]>'9' ) return -1;
  while( z[n]>='0' && z[n]<='9' ) n++;
  return z[n]==0 ? iCol-1 : -1;
}

/************************************************************************
** The worksheet
*/
static int xlsx_read_sheet(Xlsx *p, const char *zName, IoTable *pT){
  XlsxPart part;
  xmlTextReaderPtr r = xlsx_open_part(p, zName, &part, 1);
  IoCells cells;
  IoBuf val = {0};                  /* text of the current <v> or <is> */
  char zNum[64];
  int rc = 0, bInData = 0, bInRow = 0, bInCell = 0, bInV = 0, bInT = 0, bInRPh = 0;
  int iRow = 0, nRowEl = 0, iNextCol = 0, iCol = 0, eType = CT_N, iStyle = 0;

  if( r==0 ) return 1;
  memset(&cells, 0, sizeof(cells));
  io_buf_append(&val, "", 0);
  while( (rc = xlsx_next(p, r, &part, zName, iRow))==1 ){
    int eNode = xmlTextReaderNodeType(r);
    if( eNode==XML_READER_TYPE_ELEMENT ){
      const char *zEl = xlsx_name(r), *zN, *zV;
      int bEmpty = xmlTextReaderIsEmptyElement(r)==1;
      if( !bInData ){
        if( strcmp(zEl, "sheetData")==0 ){
          if( bEmpty ) break;
          bInData = 1;
        }
        continue;
      }
      if( strcmp(zEl, "row")==0 ){
        int iNew = iRow+1;           /* r= is optional: then the next row */
        while( xlsx_attr_next(r, &zN, &zV) ){
          if( strcmp(zN, "r")==0 ) iNew = xlsx_uint(zV);
        }
        if( iNew<=iRow || iNew>XLSX_MAX_ROW ){
          io_err(p->zErr, p->nErr, "不是有效的xlsx文件：第%d行之后的行号无效", iRow);
          p->rc = 1;
          break;
        }
        if( ++nRowEl>IO_MAX_ROWS ){
          io_err(p->zErr, p->nErr, "表格超过%d行，请拆分后分批导入", IO_MAX_ROWS);
          p->rc = 1;
          break;
        }
        iRow = iNew;
        iNextCol = 0;
        bInRow = !bEmpty;            /* <row/> has no cells and no end tag */
      }else if( bInRow && strcmp(zEl, "c")==0 ){
        iCol = iNextCol;             /* r= is optional: then the next column */
        eType = CT_N;
        iStyle = 0;
        while( xlsx_attr_next(r, &zN, &zV) ){
          if( strcmp(zN, "r")==0 ){
            iCol = xlsx_ref_col(zV);
          }else if( strcmp(zN, "t")==0 ){
            if( strcmp(zV, "s")==0 ) eType = CT_S;
            else if( strcmp(zV, "str")==0 ) eType = CT_STR;
            else if( strcmp(zV, "inlineStr")==0 ) eType = CT_INLINE;
            else if( strcmp(zV, "b")==0 ) eType = CT_B;
            else if( strcmp(zV, "e")==0 ) eType = CT_E;
            else if( strcmp(zV, "d")==0 ) eType = CT_D;
          }else if( strcmp(zN, "s")==0 ){
            iStyle = xlsx_uint(zV);
          }
        }
        /* Cells must come left to right, as Excel writes them. */
        if( iCol<iNextCol || iCol>=XLSX_MAX_COL ){
          io_err(p->zErr, p->nErr, "不是有效的xlsx文件：第%d行的单元格位置无效", iRow);
          p->rc = 1;
          break;
        }
        iNextCol = iCol+1;
        val.n = 0;
        val.z[0] = 0;
        bInCell = !bEmpty;           /* <c r="B2" s="3"/>: formatted but empty */
      }else if( bInCell && !bEmpty ){
        if( strcmp(zEl, "v")==0 ) bInV = 1;
        else if( strcmp(zEl, "t")==0 && !bInRPh ) bInT = 1;
        else if( strcmp(zEl, "rPh")==0 ) bInRPh = 1;
      }
    }else if( eNode==XML_READER_TYPE_END_ELEMENT ){
      const char *zEl = xlsx_name(r);
      if( !bInData ) continue;
      if( strcmp(zEl, "v")==0 ) bInV = 0;
      else if( strcmp(zEl, "t")==0 ) bInT = 0;
      else if( strcmp(zEl, "rPh")==0 ) bInRPh = 0;
      else if( strcmp(zEl, "c")==0 && bInCell ){
        const char *z;
        size_t n;
        bInCell = bInV = bInT = bInRPh = 0;
        if( xlsx_cell_text(p, eType, iStyle, val.z, val.n, zNum, iRow, &z, &n) ) break;
        if( n==0 ) continue;
        if( iCol>=IO_MAX_COLS ){
          cells.bOver = 1;           /* io_table_add_row() reports it */
          continue;
        }
        while( cells.nCell<iCol ) io_cells_end_cell(&cells);   /* gaps -> "" */
        io_cells_append(&cells, z, n);
        io_cells_end_cell(&cells);
      }else if( strcmp(zEl, "row")==0 && bInRow ){
        bInRow = 0;
        if( io_table_add_row(pT, &cells, iRow, p->zErr, p->nErr) ){
          p->rc = 1;
          break;
        }
      }else if( strcmp(zEl, "sheetData")==0 ){
        break;                       /* merged cells, filters etc. follow: not needed */
      }
    }else if( (bInV || bInT) && xlsx_is_text(eNode) ){
      const char *z = (const char*)xmlTextReaderConstValue(r);
      if( z ) io_buf_append(&val, z, strlen(z));
    }
  }
  xlsx_close_part(r, &part);
  io_cells_free(&cells);
  io_buf_free(&val);
  /* Every failure above set p->rc; rc==1 here only means "stopped early". */
  return p->rc!=0 || rc<0;
}

/************************************************************************
** Entry point
*/
int xlsx_read_file(const char *zPath, IoTable *pT, char *zErr, int nErr){
  Xlsx x;
  XlsxRels pkg = {0}, wb = {0};
  char *zWb = 0, *zWbRels = 0, *zRid = 0, *zSheet = 0, *zSst = 0, *zStyles = 0;
  const XlsxRel *pRel;
  struct stat st;
  int ze = 0;

  memset(&x, 0, sizeof(x));
  io_table_reset(pT);
  x.zErr = zErr;
  x.nErr = nErr;
  if( zErr && nErr>0 ) zErr[0] = 0;
  if( stat(zPath, &st)==0 && (unsigned long long)st.st_size > IO_MAX_FILE ){
    io_err(zErr, nErr, "文件过大（超过%uMB），请拆分后分批导入", IO_MAX_FILE>>20);
    return 1;
  }
  xmlInitParser();
  x.pZip = zip_open(zPath, ZIP_RDONLY, &ze);
  if( x.pZip==0 ){
    if( ze==ZIP_ER_OPEN || ze==ZIP_ER_NOENT || ze==ZIP_ER_READ ){
      io_err(zErr, nErr, "无法打开文件");
    }else{
      io_err(zErr, nErr, "不是有效的xlsx文件：压缩包结构损坏");
    }
    return 1;
  }
  if( zip_get_num_entries(x.pZip, 0) > XLSX_MAX_ENTRIES ){
    io_err(zErr, nErr, "不是有效的xlsx文件：压缩包内文件过多");
    x.rc = 1;
    goto done;
  }

  /* Package relationships name the workbook part; Excel always uses
  ** xl/workbook.xml, which is also the fallback. */
  if( xlsx_read_rels(&x, "_rels/.rels", &pkg) ) goto done;
  pRel = xlsx_rel_by_type(&pkg, "/officeDocument");
  zWb = xlsx_resolve("", pRel ? pRel->zTarget : "xl/workbook.xml");
  if( xlsx_read_workbook(&x, zWb, &zRid) ) goto done;

  zWbRels = xlsx_rels_name(zWb);
  if( xlsx_read_rels(&x, zWbRels, &wb) ) goto done;
  for(int i=0; i<wb.n && zSheet==0; i++){
    if( strcmp(wb.a[i].zId, zRid)!=0 ) continue;
    if( xlsx_rel_by_type(&(XlsxRels){ &wb.a[i], 1 }, "/worksheet")==0 ){
      io_err(zErr, nErr, "第一个工作表不是数据表（可能是图表），请把数据放在第一个工作表");
      x.rc = 1;
      goto done;
    }
    zSheet = xlsx_resolve(zWb, wb.a[i].zTarget);
  }
  if( zSheet==0 ){
    io_err(zErr, nErr, "不是有效的xlsx文件：找不到第一个工作表");
    x.rc = 1;
    goto done;
  }
  if( (pRel = xlsx_rel_by_type(&wb, "/sharedStrings"))!=0 ){
    zSst = xlsx_resolve(zWb, pRel->zTarget);
    if( xlsx_read_sst(&x, zSst) ) goto done;
  }
  if( (pRel = xlsx_rel_by_type(&wb, "/styles"))!=0 ){
    zStyles = xlsx_resolve(zWb, pRel->zTarget);
    if( xlsx_read_styles(&x, zStyles) ) goto done;
  }
  if( xlsx_read_sheet(&x, zSheet, pT) ) x.rc = 1;

done:
  if( x.rc ){
    io_table_free(pT);
    if( zErr && nErr>0 && zErr[0]==0 ) io_err(zErr, nErr, "不是有效的xlsx文件");
  }
  xlsx_rels_free(&pkg);
  xlsx_rels_free(&wb);
  free(zWb); free(zWbRels); free(zRid); free(zSheet); free(zSst); free(zStyles);
  io_buf_free(&x.sst);
  free(x.aSst);
  free(x.aXf);
  zip_discard(x.pZip);
  return x.rc;
}
