/*
** tests/unit/t_io.c — unit tests for src/io: CSV and xlsx in, CSV and xlsx out.
**
** Every fixture is made here, in a mkdtemp() directory removed at exit:
** CSV text in UTF-8 (with and without BOM) and the same text converted to
** GB18030 with iconv; .xlsx files written by xlsx_write.c and read back by
** xlsx_read.c; hand-made .xlsx packages (built with libzip) for what our
** writer never produces (rich text, date1904, custom date formats, odd
** relationships); and damaged copies for the fuzz smoke tests, which must
** only ever end in a clean error (run them under ASan: make san).
*/
#include "io/table.h"
#include "t.h"
#include <ftw.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

/*
** libxlsxwriter 1.1.4 (Debian 12) copies value_formula twice for a
** LXW_VALIDATION_TYPE_LIST_FORMULA validation and frees one copy: about
** 30 bytes per drop-down that points at the hidden list sheet. Not ours to
** fix. The library has no frame pointers, so LSan's stack ends at the
** library's lxw_strdup(): suppress that frame (fazhi never calls it).
*/
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void){
  return "leak:lxw_strdup\n";
}

/************************************************************************
** Helpers
*/
static char t_zDir[64];

static int t_rm_one(const char *zPath, const struct stat *pSt, int eFlag, struct FTW *pFtw){
  (void)pSt; (void)eFlag; (void)pFtw;
  return remove(zPath);
}
static void t_cleanup(void){
  if( t_zDir[0] ) nftw(t_zDir, t_rm_one, 8, FTW_DEPTH|FTW_PHYS);
}

/* Path of zName in the test directory, made on first use. The result is
** a static buffer; four rotate, so a few paths can be held at once. */
static const char *t_path(const char *zName){
  static char azBuf[4][256];
  static int i;
  if( t_zDir[0]==0 ){
    memcpy(t_zDir, "/tmp/t_io.XXXXXX", 17);
    if( mkdtemp(t_zDir)==0 ){ perror("mkdtemp"); exit(1); }
    atexit(t_cleanup);
  }
  i = (i+1)%4;
  snprintf(azBuf[i], sizeof(azBuf[i]), "%s/%s", t_zDir, zName);
  return azBuf[i];
}

static void t_write(const char *zPath, const void *p, size_t n){
  FILE *f = fopen(zPath, "wb");
  if( f==0 ){ perror(zPath); exit(1); }
  if( n && fwrite(p, 1, n, f)!=n ){ perror(zPath); exit(1); }
  fclose(f);
}

static char *t_read(const char *zPath, size_t *pn){
  FILE *f = fopen(zPath, "rb");
  char *z;
  long n;
  if( f==0 ) return 0;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n+1);
  if( fread(z, 1, (size_t)n, f)!=(size_t)n ){ fclose(f); free(z); return 0; }
  z[n] = 0;
  fclose(f);
  *pn = (size_t)n;
  return z;
}

/* zUtf8 converted to GB18030 by iconv; caller frees. */
static char *t_gb18030(const char *zUtf8, size_t *pn){
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  size_t nIn = strlen(zUtf8), nOut = nIn*2+16, nLeft = nOut;
  char *zOut = malloc(nOut), *pIn = (char*)zUtf8, *pOut = zOut;
  if( cd==(iconv_t)-1 || iconv(cd, &pIn, &nIn, &pOut, &nLeft)==(size_t)-1 ){
    perror("iconv");
    exit(1);
  }
  iconv_close(cd);
  *pn = nOut - nLeft;
  return zOut;
}

/* Contents of entry zName of the zip at zPath, NUL-terminated; caller
** frees. NULL if absent. */
static char *t_zip_entry(const char *zPath, const char *zName){
  zip_t *z = zip_open(zPath, ZIP_RDONLY, 0);
  zip_stat_t st;
  zip_file_t *f;
  char *zOut = 0;
  if( z==0 ) return 0;
  if( zip_stat(z, zName, 0, &st)==0 && (f = zip_fopen(z, zName, 0))!=0 ){
    zOut = calloc(1, (size_t)st.size+1);
    if( zip_fread(f, zOut, st.size)!=(zip_int64_t)st.size ){ free(zOut); zOut = 0; }
    zip_fclose(f);
  }
  zip_discard(z);
  return zOut;
}

/* Write a zip at zPath from azEntry[] = { name, content, name, content, ...,
** NULL }; bStore: no compression. */
static void t_make_zip_n(const char *zPath, char **azEntry, const size_t *anLen, int bStore){
  int err = 0;
  zip_t *z;
  remove(zPath);
  z = zip_open(zPath, ZIP_CREATE|ZIP_TRUNCATE, &err);
  if( z==0 ){ fprintf(stderr, "zip_open %s: %d\n", zPath, err); exit(1); }
  for(int i=0; azEntry[i]; i+=2){
    size_t n = anLen ? anLen[i/2] : strlen(azEntry[i+1]);
    zip_source_t *src = zip_source_buffer(z, azEntry[i+1], n, 0);
    zip_int64_t idx = zip_file_add(z, azEntry[i], src, ZIP_FL_OVERWRITE);
    if( idx<0 ){ fprintf(stderr, "zip_file_add %s\n", azEntry[i]); exit(1); }
    if( bStore ) zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
  }
  if( zip_close(z)!=0 ){ fprintf(stderr, "zip_close %s\n", zPath); exit(1); }
}
static void t_make_zip(const char *zPath, const char **azEntry){
  t_make_zip_n(zPath, (char**)azEntry, 0, 0);
}

static int t_contains(const char *z, const char *zSub){
  return z && zSub && strstr(z, zSub)!=0;
}

/* The checks every successful read must pass, whatever the input. */
static void t_table_sane(const IoTable *pT){
  int iPrev = 0;
  for(int i=0; i<pT->nRow; i++){
    const IoRow *pRow = &pT->aRow[i];
    T_CHECK( pRow->iRow>iPrev );
    T_CHECK( pRow->nCell>=1 && pRow->nCell<=IO_MAX_COLS );
    T_CHECK( pRow->azCell[pRow->nCell-1][0]!=0 );       /* trailing empties trimmed */
    for(int k=0; k<pRow->nCell; k++){
      T_CHECK( pRow->azCell[k]!=0 );
      T_CHECK( io_utf8_check(pRow->azCell[k], strlen(pRow->azCell[k]))==strlen(pRow->azCell[k]) );
    }
    iPrev = pRow->iRow;
  }
}

/* xorshift64*: reproducible randomness for the fuzz loops. Build with
** -DT_IO_SEED=n to fuzz with another seed. */
#ifndef T_IO_SEED
# define T_IO_SEED 0x9E3779B97F4A7C15ULL
#endif
static uint64_t t_rand_state = T_IO_SEED;
static uint32_t t_rand(void){
  t_rand_state ^= t_rand_state >> 12;
  t_rand_state ^= t_rand_state << 25;
  t_rand_state ^= t_rand_state >> 27;
  return (uint32_t)((t_rand_state * 2685821657736338717ULL) >> 32);
}

/************************************************************************
** CSV reading
*/
static const char zSample[] =
  "案号,当事人,收到日期,备注\r\n"
  "（2024）复字第1号,张三,2024-03-05,\"有逗号,也有\"\"引号\"\"\"\r\n"
  "（2024）复字第2号,李四,2024-03-06,\"第一行\r\n第二行\"\r\n"
  "（2024）复字第3号,王五,2024-03-07,\r\n";

static void t_check_sample(const IoTable *pT){
  T_EQ_INT(pT->nRow, 4);
  if( pT->nRow!=4 ) return;
  T_EQ_INT(pT->aRow[0].nCell, 4);
  T_EQ_STR(pT->aRow[0].azCell[0], "案号");
  T_EQ_STR(pT->aRow[0].azCell[3], "备注");
  T_EQ_INT(pT->aRow[1].iRow, 2);
  T_EQ_STR(pT->aRow[1].azCell[0], "（2024）复字第1号");
  T_EQ_STR(pT->aRow[1].azCell[3], "有逗号,也有\"引号\"");
  T_EQ_STR(pT->aRow[2].azCell[3], "第一行\n第二行");        /* CRLF in quotes -> LF */
  T_EQ_INT(pT->aRow[3].iRow, 4);
  T_EQ_INT(pT->aRow[3].nCell, 3);                           /* trailing empty trimmed */
  T_EQ_STR(io_cell(&pT->aRow[3], 3), "");
  T_EQ_STR(io_cell(&pT->aRow[3], 99), "");
  t_table_sane(pT);
}

static void test_csv_utf8_bom(void){
  char zBuf[1024], zErr[256];
  IoTable t;
  size_t n = strlen(zSample);
  memcpy(zBuf, "\xEF\xBB\xBF", 3);
  memcpy(zBuf+3, zSample, n);
  T_EQ_INT(csv_parse_mem(zBuf, n+3, &t, zErr, sizeof(zErr)), 0);
  t_check_sample(&t);
  io_table_free(&t);
  /* Without the BOM: the same table. */
  T_EQ_INT(csv_parse_mem(zSample, n, &t, zErr, sizeof(zErr)), 0);
  t_check_sample(&t);
  io_table_free(&t);
  T_EQ_INT(t.nRow, 0);
  io_table_free(&t);                                        /* twice is harmless */
}

static void test_csv_gb18030(void){
  char zErr[256];
  IoTable t;
  size_t n;
  char *zGb = t_gb18030(zSample, &n);
  T_CHECK( io_utf8_check(zGb, n)!=n );                      /* really not UTF-8 */
  T_EQ_INT(csv_parse_mem(zGb, n, &t, zErr, sizeof(zErr)), 0);
  t_check_sample(&t);
  io_table_free(&t);
  /* The same through a file and io_read_file(). */
  t_write(t_path("gbk.csv"), zGb, n);
  T_EQ_INT(io_read_file(t_path("gbk.csv"), &t, zErr, sizeof(zErr)), 0);
  t_check_sample(&t);
  io_table_free(&t);
  free(zGb);
  /* A GB18030-only character (U+20000, a 4-byte sequence) survives. */
  zGb = t_gb18030("名称\n\xF0\xA0\x80\x80字\n", &n);
  T_EQ_INT(csv_parse_mem(zGb, n, &t, zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 2);
  if( t.nRow==2 ) T_EQ_STR(t.aRow[1].azCell[0], "\xF0\xA0\x80\x80字");
  io_table_free(&t);
  free(zGb);
}

static void test_csv_dialect(void){
  static const char z[] =
    "a,b,c\n"                       /* 1: LF */
    "1,\"x,y\",\"he said \"\"hi\"\"\"\r\n"   /* 2: CRLF */
    "\n"                            /* 3: blank: dropped */
    ",,\n"                          /* 4: all empty: dropped */
    "\"multi\nline\nrecord\",2,3\n" /* 5: spans three lines */
    "\"ab\"cd,e\"f,\r"              /* 6: text after a closing quote; quote inside; lone CR */
    "x,,z,,,\n"                     /* 7: gap kept, trailing trimmed */
    "\"\",\"\"\"\",last";           /* 8: no final newline */
  char zErr[256];
  IoTable t;
  T_EQ_INT(csv_parse_mem(z, strlen(z), &t, zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 6);
  if( t.nRow==6 ){
    T_EQ_STR(t.aRow[1].azCell[1], "x,y");
    T_EQ_STR(t.aRow[1].azCell[2], "he said \"hi\"");
    T_EQ_INT(t.aRow[2].iRow, 5);
    T_EQ_STR(t.aRow[2].azCell[0], "multi\nline\nrecord");
    T_EQ_INT(t.aRow[3].iRow, 6);
    T_EQ_STR(t.aRow[3].azCell[0], "abcd");
    T_EQ_STR(t.aRow[3].azCell[1], "e\"f");
    T_EQ_INT(t.aRow[3].nCell, 2);
    T_EQ_INT(t.aRow[4].iRow, 7);
    T_EQ_INT(t.aRow[4].nCell, 3);
    T_EQ_STR(t.aRow[4].azCell[1], "");
    T_EQ_STR(t.aRow[4].azCell[2], "z");
    T_EQ_INT(t.aRow[5].iRow, 8);
    T_EQ_STR(t.aRow[5].azCell[0], "");
    T_EQ_STR(t.aRow[5].azCell[1], "\"");
    T_EQ_STR(t.aRow[5].azCell[2], "last");
  }
  t_table_sane(&t);
  io_table_free(&t);

  /* Excel's tab-separated text is recognised by its first line. */
  T_EQ_INT(csv_parse_mem("姓名\t年龄\n张三\t3,0\n", strlen("姓名\t年龄\n张三\t3,0\n"), &t,
                         zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 2);
  if( t.nRow==2 ) T_EQ_STR(t.aRow[1].azCell[1], "3,0");
  io_table_free(&t);

  /* Empty input: an empty table, not an error. */
  T_EQ_INT(csv_parse_mem("", 0, &t, zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 0);
  T_EQ_INT(csv_parse_mem("\xEF\xBB\xBF\r\n,\r\n", 8, &t, zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 0);
}

static void test_csv_bad_encoding(void){
  char zErr[256];
  IoTable t;
  size_t n;
  char *zGb;
  /* 0xFF is invalid in UTF-8 and in GB18030. */
  static const char zBoth[] = "a,b\n1,2\n3,4\n5,6\n\"x\ny\",8\n9,10\nbad\xFF\xFE,1\n";
  T_CHECK( csv_parse_mem(zBoth, strlen(zBoth), &t, zErr, sizeof(zErr))!=0 );
  /* Record 7 (physical line 8: record 5 spans two lines), as Excel numbers it. */
  T_EQ_STR(zErr, "第7行：文件编码无法识别（应为UTF-8或GB18030/GBK）");
  T_EQ_INT(t.nRow, 0);

  /* Real GBK text, broken on record 4: named by the encoding that got further. */
  zGb = t_gb18030("名称,数量\n苹果,1\n香蕉,2\n", &n);
  {
    char zBuf[256];
    memcpy(zBuf, zGb, n);
    memcpy(zBuf+n, "\x80\x80坏,3\n", 8);
    T_CHECK( csv_parse_mem(zBuf, n+8, &t, zErr, sizeof(zErr))!=0 );
    T_CHECK( t_contains(zErr, "第4行") );
  }
  free(zGb);

  /* A BOM promises UTF-8: GBK bytes after it are an error on their line. */
  {
    static const char zBom[] = "\xEF\xBB\xBF" "名称\n好\n\xC4\xE3\xBA\xC3\n";
    T_CHECK( csv_parse_mem(zBom, strlen(zBom), &t, zErr, sizeof(zErr))!=0 );
    T_CHECK( t_contains(zErr, "第3行") );
    /* named as the import names a bad value: row, column by its header, which character */
    T_EQ_STR(zErr, "第3行「名称」：含有无效字符（第1个字起的字节 C4 不是有效的UTF-8编码）");
    static const char zSur[] = "\xEF\xBB\xBF" "案号,\"所属,部门\",申请人\r\nA,\"B,\"\"x\",王某\r\nA2,B,\"张\xED\xA0\x80某\"\r\n";
    T_CHECK( csv_parse_mem(zSur, strlen(zSur), &t, zErr, sizeof(zErr))!=0 );
    T_EQ_STR(zErr, "第3行「申请人」：含有无效字符（第2个字起的字节 ED A0 80 是代理码位U+D800，不是有效的UTF-8编码）");
  }

  /* Overlong and surrogate UTF-8 are invalid too (and 0xC0 is not GB18030). */
  T_CHECK( io_utf8_check("\xC0\xAF", 2)==0 );
  T_CHECK( io_utf8_check("\xED\xA0\x80", 3)==0 );
  T_CHECK( io_utf8_check("\xF4\x90\x80\x80", 4)==0 );
  T_CHECK( io_utf8_check("ok\xE4\xB8", 5)==2 );            /* truncated at the end */
  T_CHECK( io_utf8_check("\xE4\xB8\xAD\xF0\x9F\x98\x80", 7)==7 );
}

static void test_csv_errors(void){
  char zErr[256];
  IoTable t;
  static const char zQuote[] = "a,b\n1,2\n3,\"never closed\n4,5\n";
  static const char zUtf16[] = "\xFF\xFE" "a\0,\0b\0";
  static const char zNul[] = "a,b\nx\0y,1\n";
  T_CHECK( csv_parse_mem(zQuote, strlen(zQuote), &t, zErr, sizeof(zErr))!=0 );
  T_CHECK( t_contains(zErr, "第3行：引号未闭合") );
  T_EQ_INT(t.nRow, 0);
  T_CHECK( csv_parse_mem(zUtf16, sizeof(zUtf16)-1, &t, zErr, sizeof(zErr))!=0 );
  T_CHECK( t_contains(zErr, "UTF-16") );
  T_CHECK( csv_parse_mem("a\0b\0", 4, &t, zErr, sizeof(zErr))!=0 );   /* UTF-16 without BOM */
  T_CHECK( t_contains(zErr, "UTF-16") );
  T_CHECK( csv_parse_mem(zNul, sizeof(zNul)-1, &t, zErr, sizeof(zErr))!=0 );
  T_CHECK( t_contains(zErr, "第2行") );
  /* A tiny message buffer still gets valid, NUL-terminated UTF-8. */
  {
    char zSmall[8];
    T_CHECK( csv_parse_mem(zQuote, strlen(zQuote), &t, zSmall, sizeof(zSmall))!=0 );
    T_CHECK( strlen(zSmall)<sizeof(zSmall) );
    T_CHECK( io_utf8_check(zSmall, strlen(zSmall))==strlen(zSmall) );
    T_CHECK( t_contains(zSmall, "第3") );
  }
}

static void test_csv_limits(void){
  char zErr[256];
  IoTable t;
  IoBuf b = {0};
  /* 200 columns are fine; a value in column 201 is refused with its row. */
  io_buf_append(&b, "h\n", 2);
  for(int i=0; i<200; i++) io_buf_append(&b, i ? ",v" : "v", i ? 2 : 1);
  io_buf_append(&b, "\n", 1);
  T_EQ_INT(csv_parse_mem(b.z, b.n, &t, zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 2);
  if( t.nRow==2 ) T_EQ_INT(t.aRow[1].nCell, 200);
  io_table_free(&t);
  /* Thousands of trailing empty cells cost nothing and are trimmed. */
  for(int i=0; i<5000; i++) io_buf_append(&b, ",", 1);
  io_buf_append(&b, "\n", 1);
  T_EQ_INT(csv_parse_mem(b.z, b.n, &t, zErr, sizeof(zErr)), 0);
  io_table_free(&t);
  io_buf_append(&b, "x", 1);
  for(int i=0; i<200; i++) io_buf_append(&b, ",", 1);
  io_buf_append(&b, "y\n", 2);
  T_CHECK( csv_parse_mem(b.z, b.n, &t, zErr, sizeof(zErr))!=0 );
  T_EQ_STR(zErr, "第4行：列数超过200列，请删除多余的列后再导入");
  io_buf_free(&b);

  /* Rows: IO_MAX_ROWS kept rows, then a clear refusal. */
  {
    size_t n = (size_t)(IO_MAX_ROWS+1)*2;
    char *z = malloc(n);
    for(size_t i=0; i<n; i+=2){ z[i] = '1'; z[i+1] = '\n'; }
    T_CHECK( csv_parse_mem(z, n, &t, zErr, sizeof(zErr))!=0 );
    T_CHECK( t_contains(zErr, "2000000行") );
    T_EQ_INT(t.nRow, 0);
    T_EQ_INT(csv_parse_mem(z, n-2, &t, zErr, sizeof(zErr)), 0);
    T_EQ_INT(t.nRow, IO_MAX_ROWS);
    if( t.nRow==IO_MAX_ROWS ) T_EQ_INT(t.aRow[IO_MAX_ROWS-1].iRow, IO_MAX_ROWS);
    io_table_free(&t);
    free(z);
  }
}

/************************************************************************
** CSV writing
*/
static void test_csv_writer(void){
  IoBuf b = {0};
  IoTable t;
  char zErr[256];
  static const char *const az[] = {
    "plain", "a,b", "say \"hi\"", "two\nlines", "=SUM(A1:A9)", "+1", "-5", "@cmd",
    "\tx", "中文", "", 0
  };
  int n = 12;
  csv_put_bom(&b);
  for(int i=0; i<n; i++) csv_put_field(&b, az[i], i==n-1);
  T_EQ_STR(b.z, "\xEF\xBB\xBF" "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
                "'=SUM(A1:A9),'+1,'-5,'@cmd,'\tx,中文,,\r\n");
  /* The guard goes inside the quotes when the field needs both. */
  csv_put_field(&b, "=1,2", 1);
  T_CHECK( t_contains(b.z, "\r\n\"'=1,2\"\r\n") );
  /* What we write, we read back (less the guard quote). */
  T_EQ_INT(csv_parse_mem(b.z, b.n, &t, zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 2);
  if( t.nRow==2 ){
    T_EQ_INT(t.aRow[0].nCell, 10);
    T_EQ_STR(t.aRow[0].azCell[1], "a,b");
    T_EQ_STR(t.aRow[0].azCell[2], "say \"hi\"");
    T_EQ_STR(t.aRow[0].azCell[3], "two\nlines");
    T_EQ_STR(t.aRow[0].azCell[4], "'=SUM(A1:A9)");
    T_EQ_STR(t.aRow[1].azCell[0], "'=1,2");
  }
  io_table_free(&t);
  io_buf_free(&b);
}

/************************************************************************
** XLSX writing and reading back
*/
static const char *const azHead[] = { "案号", "当事人", "金额", "收到日期", "备注", "其他" };

static void t_write_sample_xlsx(const char *zPath, int bConstMem){
  XlsxOut *p = xlsx_out_open(zPath, "行政复议/2024", bConstMem);
  T_CHECK( p!=0 );
  xlsx_out_header(p, 6, azHead, 0);
  xlsx_out_str(p, 1, 0, "（2024）复字第1号");
  xlsx_out_str(p, 1, 1, "张三");
  xlsx_out_int(p, 1, 2, 1200);
  xlsx_out_date(p, 1, 3, "2024-03-05");
  xlsx_out_str(p, 1, 4, "=1+1");                 /* must stay text */
  xlsx_out_str(p, 1, 5, "x");
  xlsx_out_str(p, 2, 0, "A&B<C>\"'");
  xlsx_out_int(p, 2, 2, -7);                     /* column 1 left empty */
  xlsx_out_date(p, 2, 3, "2024-02-30");          /* not a date: kept as text */
  xlsx_out_str(p, 2, 4, "line1\nline2");
  /* Excel row 4 (iRow 3) left empty entirely. */
  xlsx_out_str(p, 4, 0, "  spaced  ");
  xlsx_out_int(p, 4, 2, 123456789012345678LL);   /* beyond 15 digits: text */
  xlsx_out_date(p, 4, 3, "2024-03-05 13:30:00");
  T_EQ_INT(xlsx_out_close(p), 0);
}

static void t_check_sample_xlsx(const IoTable *pT){
  T_EQ_INT(pT->nRow, 4);
  if( pT->nRow!=4 ) return;
  T_EQ_INT(pT->aRow[0].iRow, 1);
  T_EQ_INT(pT->aRow[0].nCell, 6);
  T_EQ_STR(pT->aRow[0].azCell[0], "案号");
  T_EQ_STR(pT->aRow[0].azCell[5], "其他");
  T_EQ_INT(pT->aRow[1].iRow, 2);
  T_EQ_STR(pT->aRow[1].azCell[0], "（2024）复字第1号");
  T_EQ_STR(pT->aRow[1].azCell[2], "1200");
  T_EQ_STR(pT->aRow[1].azCell[3], "2024-03-05");
  T_EQ_STR(pT->aRow[1].azCell[4], "=1+1");
  T_EQ_INT(pT->aRow[2].iRow, 3);
  T_EQ_INT(pT->aRow[2].nCell, 5);
  T_EQ_STR(pT->aRow[2].azCell[0], "A&B<C>\"'");
  T_EQ_STR(pT->aRow[2].azCell[1], "");            /* the gap */
  T_EQ_STR(pT->aRow[2].azCell[2], "-7");
  T_EQ_STR(pT->aRow[2].azCell[3], "2024-02-30");
  T_EQ_STR(pT->aRow[2].azCell[4], "line1\nline2");
  T_EQ_INT(pT->aRow[3].iRow, 5);                  /* Excel's row number, after the gap */
  T_EQ_INT(pT->aRow[3].nCell, 4);
  T_EQ_STR(pT->aRow[3].azCell[0], "  spaced  ");
  T_EQ_STR(pT->aRow[3].azCell[2], "123456789012345678");
  T_EQ_STR(pT->aRow[3].azCell[3], "2024-03-05 13:30:00");
  t_table_sane(pT);
}

static void test_xlsx_roundtrip(void){
  char zErr[256];
  IoTable t;
  for(int bConstMem=0; bConstMem<2; bConstMem++){
    const char *zPath = t_path(bConstMem ? "rt_cm.xlsx" : "rt.xlsx");
    char *zSheet, *zWb;
    t_write_sample_xlsx(zPath, bConstMem);
    T_EQ_INT(xlsx_read_file(zPath, &t, zErr, sizeof(zErr)), 0);
    t_check_sample_xlsx(&t);
    io_table_free(&t);
    T_EQ_INT(io_read_file(zPath, &t, zErr, sizeof(zErr)), 0);   /* sniffed as xlsx */
    t_check_sample_xlsx(&t);
    io_table_free(&t);

    zSheet = t_zip_entry(zPath, "xl/worksheets/sheet1.xml");
    zWb = t_zip_entry(zPath, "xl/workbook.xml");
    T_CHECK( zSheet!=0 && zWb!=0 );
    /* Constant memory writes inline strings, the default shared strings:
    ** both paths of the reader were exercised above. */
    T_EQ_INT(t_contains(zSheet, "inlineStr"), bConstMem);
    T_CHECK( !t_contains(zSheet, "<f>") );                      /* no formulas, ever */
    T_CHECK( t_contains(zSheet, "<pane ySplit=\"1\"") );         /* frozen header */
    T_CHECK( t_contains(zSheet, "<cols>") );                     /* fitted widths */
    T_CHECK( t_contains(zWb, "name=\"行政复议_2024\"") );        /* "/" made legal */
    free(zSheet);
    free(zWb);
  }
  /* An export that cannot be written reports it. */
  {
    XlsxOut *p = xlsx_out_open("/nonexistent-dir/x.xlsx", "s", 0);
    xlsx_out_str(p, 1, 0, "x");
    T_CHECK( xlsx_out_close(p)!=0 );
    T_CHECK( xlsx_out_close(0)!=0 );
    xlsx_out_str(0, 1, 1, "ignored");
  }
  /* Constant memory: a row written after a later one is lost, and said so. */
  {
    const char *zPath = t_path("order.xlsx");
    XlsxOut *p = xlsx_out_open(zPath, "s", 1);
    xlsx_out_str(p, 5, 0, "later");
    xlsx_out_str(p, 2, 0, "earlier");
    T_CHECK( xlsx_out_close(p)!=0 );
    T_CHECK( access(zPath, F_OK)!=0 );                          /* not left half-done */
  }
}

static void test_xlsx_dropdown(void){
  const char *zPath = t_path("dropdown.xlsx");
  static const char *const azShort[] = { "是", "否" };
  static const char *const azComma[] = { "a,b", "c" };
  const char *azLong[60];
  char azBuf[60][32];
  char *zSheet, *zWb, *zList;
  char zErr[256];
  IoTable t;
  size_t nJoin = 0;
  for(int i=0; i<60; i++){
    snprintf(azBuf[i], sizeof(azBuf[i]), "某某县某某局%02d", i);   /* 20 bytes each */
    azLong[i] = azBuf[i];
    nJoin += strlen(azBuf[i]) + 1;
  }
  T_CHECK( nJoin>255 );
  {
    XlsxOut *p = xlsx_out_open(zPath, "模板", 0);
    xlsx_out_header(p, 3, azHead, (const double[]){ 20, 0, 12 });
    xlsx_out_dropdown(p, 0, 2, azShort, 100);
    xlsx_out_dropdown(p, 1, 60, azLong, 100);
    xlsx_out_dropdown(p, 2, 2, azComma, 0);
    T_EQ_INT(xlsx_out_close(p), 0);
  }
  zSheet = t_zip_entry(zPath, "xl/worksheets/sheet1.xml");
  zWb = t_zip_entry(zPath, "xl/workbook.xml");
  zList = t_zip_entry(zPath, "xl/worksheets/sheet2.xml");
  T_CHECK( zSheet && zWb && zList );
  T_CHECK( t_contains(zSheet, "sqref=\"A2:A101\"") );          /* data rows 1..100 */
  T_CHECK( t_contains(zSheet, "<formula1>\"是,否\"</formula1>") );
  T_CHECK( t_contains(zSheet, "sqref=\"B2:B101\"") );
  T_CHECK( t_contains(zSheet, "<formula1>'下拉选项'!$A$1:$A$60</formula1>") );
  T_CHECK( t_contains(zSheet, "sqref=\"C2:C1001\"") );         /* default 1000 rows */
  T_CHECK( t_contains(zSheet, "<formula1>'下拉选项'!$B$1:$B$2</formula1>") );
  T_CHECK( t_contains(zSheet, "width=\"20") );                 /* fixed width kept */
  T_CHECK( t_contains(zWb, "name=\"下拉选项\"") && t_contains(zWb, "state=\"hidden\"") );
  T_CHECK( t_contains(zList, "某某县某某局59") || t_contains(zList, "<c r=\"A60\"") );
  free(zSheet);
  free(zWb);
  free(zList);
  /* The visible sheet comes first, so the reader takes it, not the lists. */
  T_EQ_INT(xlsx_read_file(zPath, &t, zErr, sizeof(zErr)), 0);
  T_EQ_INT(t.nRow, 1);
  if( t.nRow==1 ) T_EQ_STR(t.aRow[0].azCell[0], "案号");
  io_table_free(&t);
}

/************************************************************************
** Hand-made packages: what other writers (Excel, WPS) produce
*/
static const char zCT[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
static const char zPkgRels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char zWbRels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/../worksheets/data.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "</Relationships>";
/* The first sheet in tab order is rId7 (data.xml), not sheet1.xml. */
static const char zWorkbookA[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<workbookPr";
static const char zWorkbookB[] =
  "/><sheets>"
  "<sheet name=\"数据\" sheetId=\"3\" r:id=\"rId7\"/>"
  "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId2\"/>"
  "</sheets></workbook>";
static const char zSst[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">"
  "<si><t>姓名</t></si>"
  "<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space=\"preserve\"> 文本</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh></si>"
  "<si><t>a_x000D_b_x005F_x0041_</t></si>"
  "<si/>"
  "</sst>";
static const char zStyles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<numFmts count=\"4\">"
  "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
  "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
  "<numFmt numFmtId=\"166\" formatCode=\"[$-804]h:mm;@\"/>"
  "<numFmt numFmtId=\"167\" formatCode=\"0.00_);[Red]\\(0.00\\)\"/>"
  "</numFmts>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"   /* not cellXfs: ignored */
  "<cellXfs count=\"8\">"
  "<xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\"/>"
  "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"><alignment/></xf><xf numFmtId=\"22\"/>"
  "<xf numFmtId=\"167\"/><xf numFmtId=\"31\"/>"
  "</cellXfs></styleSheet>";
static const char zData[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<x:dimension ref=\"A1:H10\"/><x:sheetData>"
  "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B2\" t=\"s\"><x:v>1</x:v></x:c>"
     "<x:c r=\"C2\" t=\"s\"><x:v>2</x:v></x:c><x:c t=\"s\"><x:v>3</x:v></x:c>"
     "<x:c r=\"E2\" t=\"inlineStr\"><x:is><x:r><x:t>内</x:t></x:r><x:r><x:t>联</x:t></x:r></x:is></x:c></x:row>"
  "<x:row r=\"3\" spans=\"1:8\"><x:c r=\"A3\" s=\"1\"><x:v>45000</x:v></x:c>"
     "<x:c r=\"B3\" s=\"2\"><x:v>45000</x:v></x:c><x:c r=\"C3\" s=\"3\"><x:v>1.5</x:v></x:c>"
     "<x:c r=\"D3\" s=\"4\"><x:v>0.5</x:v></x:c><x:c r=\"E3\" s=\"5\"><x:v>45000.5</x:v></x:c>"
     "<x:c r=\"F3\" s=\"6\"><x:v>12.0</x:v></x:c><x:c r=\"G3\" s=\"7\"><x:v>45000</x:v></x:c>"
     "<x:c r=\"H3\" s=\"5\"><x:v>45000</x:v></x:c></x:row>"
  "<x:row r=\"4\"><x:c r=\"A4\" t=\"b\"><x:v>1</x:v></x:c><x:c r=\"B4\" t=\"e\"><x:v>#N/A</x:v></x:c>"
     "<x:c r=\"C4\" t=\"str\"><x:f>A1&amp;B1</x:f><x:v>公式结果</x:v></x:c>"
     "<x:c r=\"D4\"><x:v>0.30000000000000004</x:v></x:c><x:c r=\"E4\"><x:v>1E+20</x:v></x:c>"
     "<x:c r=\"F4\" t=\"d\"><x:v>2024-01-02T00:00:00</x:v></x:c>"
     "<x:c r=\"G4\" t=\"d\"><x:v>2024-01-02T08:15:00Z</x:v></x:c><x:c r=\"H4\"><x:v>-0</x:v></x:c></x:row>"
  "<x:row r=\"7\"><x:c r=\"A7\" s=\"1\"/><x:c r=\"XFD7\" s=\"1\"/></x:row>"   /* formatted, empty */
  "<x:row r=\"10\"><x:c r=\"C10\"><x:v>3</x:v></x:c><x:c r=\"Z10\" s=\"1\"/></x:row>"
  "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:B1\"/></x:mergeCells>"
  "</x:worksheet>";
static const char zSheet1[] =
  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>";

static void t_make_handmade(const char *zPath, const char *zWbPr, const char *zSheetXml){
  char zWb[2048];
  snprintf(zWb, sizeof(zWb), "%s%s%s", zWorkbookA, zWbPr, zWorkbookB);
  const char *az[] = {
    "[Content_Types].xml", zCT, "_rels/.rels", zPkgRels, "xl/workbook.xml", zWb,
    "xl/_rels/workbook.xml.rels", zWbRels, "xl/sharedStrings.xml", zSst,
    "xl/styles.xml", zStyles, "xl/worksheets/sheet1.xml", zSheet1,
    "xl/worksheets/data.xml", zSheetXml, 0
  };
  t_make_zip(zPath, az);
}

static void test_xlsx_handmade(void){
  const char *zPath = t_path("hand.xlsx");
  char zErr[256];
  IoTable t;
  t_make_handmade(zPath, "", zData);
  T_EQ_INT(xlsx_read_file(zPath, &t, zErr, sizeof(zErr)), 0);
  T_EQ_STR(zErr, "");
  T_EQ_INT(t.nRow, 4);
  if( t.nRow==4 ){
    const IoRow *r = t.aRow;
    T_EQ_INT(r[0].iRow, 2);
    T_EQ_STR(r[0].azCell[0], "姓名");
    T_EQ_STR(r[0].azCell[1], "富 文本");                    /* runs joined, phonetic skipped */
    T_EQ_STR(r[0].azCell[2], "a\rb_x0041_");                /* _x000D_ = CR, _x005F_ = "_" */
    T_EQ_STR(r[0].azCell[3], "");                           /* <si/>, cell without r= */
    T_EQ_STR(r[0].azCell[4], "内联");
    T_EQ_INT(r[1].iRow, 3);
    T_EQ_STR(r[1].azCell[0], "2023-03-15");                 /* built-in 14 */
    T_EQ_STR(r[1].azCell[1], "2023-03-15");                 /* yyyy"年"m"月"d"日" */
    T_EQ_STR(r[1].azCell[2], "1.5");                        /* [h]: a duration, a number */
    T_EQ_STR(r[1].azCell[3], "12:00:00");                   /* time only */
    T_EQ_STR(r[1].azCell[4], "2023-03-15 12:00:00");        /* built-in 22 */
    T_EQ_STR(r[1].azCell[5], "12");                         /* no ".0" */
    T_EQ_STR(r[1].azCell[6], "2023-03-15");                 /* zh-CN built-in 31 */
    T_EQ_STR(r[1].azCell[7], "2023-03-15");                 /* date-time, midnight */
    T_EQ_INT(r[2].iRow, 4);
    T_EQ_STR(r[2].azCell[0], "TRUE");
    T_EQ_STR(r[2].azCell[1], "#N/A");
    T_EQ_STR(r[2].azCell[2], "公式结果");                   /* cached value, formula ignored */
    T_EQ_STR(r[2].azCell[3], "0.3");
    T_EQ_STR(r[2].azCell[4], "1e+20");
    T_EQ_STR(r[2].azCell[5], "2024-01-02");
    T_EQ_STR(r[2].azCell[6], "2024-01-02 08:15:00");
    T_EQ_STR(r[2].azCell[7], "0");
    T_EQ_INT(r[3].iRow, 10);                                /* row 7 only formatted: dropped */
    T_EQ_INT(r[3].nCell, 3);
    T_EQ_STR(r[3].azCell[0], "");
    T_EQ_STR(r[3].azCell[2], "3");
  }
  t_table_sane(&t);
  io_table_free(&t);

  /* date1904: serial 45000 is four years and a day later. */
  t_make_handmade(zPath, " date1904=\"1\"", zData);
  T_EQ_INT(xlsx_read_file(zPath, &t, zErr, sizeof(zErr)), 0);
  if( t.nRow>=2 ) T_EQ_STR(t.aRow[1].azCell[0], "2027-03-16");
  io_table_free(&t);
}

static void test_xlsx_errors(void){
  const char *zPath = t_path("bad.xlsx");
  char zErr[256];
  IoTable t;

  /* Not a zip at all, though it starts like one. */
  t_write(zPath, "PK\3\4 this is not a zip file at all", 35);
  T_CHECK( io_read_file(zPath, &t, zErr, sizeof(zErr))!=0 );
  T_CHECK( t_contains(zErr, "不是有效的xlsx文件") );

  /* A zip without a workbook. */
  {
    const char *az[] = { "hello.txt", "hi", 0 };
    t_make_zip(zPath, az);
    T_CHECK( io_read_file(zPath, &t, zErr, sizeof(zErr))!=0 );
    T_EQ_STR(zErr, "不是有效的xlsx文件：缺少xl/workbook.xml");
  }

  /* Old .xls (OLE compound file). */
  t_write(zPath, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13);
  T_CHECK( io_read_file(zPath, &t, zErr, sizeof(zErr))!=0 );
  T_CHECK( t_contains(zErr, ".xls") );

  /* Missing file. */
  T_CHECK( io_read_file(t_path("no-such-file.csv"), &t, zErr, sizeof(zErr))!=0 );
  T_CHECK( t_contains(zErr, "无法打开文件") );

  /* A DTD is refused: no entity expansion games. */
  {
    static const char zDtd[] =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row>"
      "</sheetData></worksheet>";
    t_make_handmade(zPath, "", zDtd);
    T_CHECK( xlsx_read_file(zPath, &t, zErr, sizeof(zErr))!=0 );
    T_CHECK( t_contains(zErr, "DTD") );
    T_EQ_INT(t.nRow, 0);
  }

  /* Column 201 with a value: refused, naming Excel's row. */
  {
    static const char zWide[] =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
      "<row r=\"9\"><c r=\"A9\"><v>1</v></c><c r=\"GS9\"><v>2</v></c></row></sheetData></worksheet>";
    t_make_handmade(zPath, "", zWide);
    T_CHECK( xlsx_read_file(zPath, &t, zErr, sizeof(zErr))!=0 );
    T_EQ_STR(zErr, "第9行：列数超过200列，请删除多余的列后再导入");
  }

  /* Shared string index out of range; cells out of order; bad row numbers. */
  {
    static const char *const azBad[] = {
      "<worksheet><sheetData><row r=\"5\"><c r=\"A5\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
      "<worksheet><sheetData><row r=\"5\"><c r=\"B5\"><v>1</v></c><c r=\"A5\"><v>2</v></c></row></sheetData></worksheet>",
      "<worksheet><sheetData><row r=\"5\"/><row r=\"3\"/></sheetData></worksheet>",
      "<worksheet><sheetData><row r=\"5\"><c r=\"A5\"><v>1</v></c></row><row r=\"6\"><c",
    };
    static const char *const azMsg[] = { "第5行", "第5行", "第5行", "格式错误" };
    for(int i=0; i<4; i++){
      t_make_handmade(zPath, "", azBad[i]);
      T_CHECK( xlsx_read_file(zPath, &t, zErr, sizeof(zErr))!=0 );
      T_CHECK( t_contains(zErr, azMsg[i]) );
      T_EQ_INT(t.nRow, 0);
    }
  }

  /* Zip bomb: a part that claims 300 MiB uncompressed is not even opened.
  ** The size is patched in the central directory, where libzip reads it. */
  {
    size_t n;
    char *z;
    int bPatched = 0;
    t_make_handmade(zPath, "", zData);
    z = t_read(zPath, &n);
    for(size_t i=0; z && i+46<n; i++){
      if( memcmp(z+i, "PK\1\2", 4)!=0 ) continue;
      unsigned nName = (unsigned char)z[i+28] | (unsigned)(unsigned char)z[i+29]<<8;
      if( nName==22 && i+46+nName<=n && memcmp(z+i+46, "xl/worksheets/data.xml", 22)==0 ){
        uint32_t nBig = 300u<<20;
        for(int k=0; k<4; k++) z[i+24+k] = (char)((nBig>>(8*k)) & 0xFF);
        bPatched = 1;
      }
    }
    T_CHECK( bPatched );
    t_write(zPath, z, n);
    free(z);
    T_CHECK( xlsx_read_file(zPath, &t, zErr, sizeof(zErr))!=0 );
    T_CHECK( t_contains(zErr, "解压后超过256MB") );
  }
}

/************************************************************************
** Fuzz smoke tests: random and damaged input ends in a clean error or a
** sane table, never a crash (the point is running them under ASan).
*/
static void t_check_result(int rc, const IoTable *pT, const char *zErr){
  if( rc ){
    T_CHECK( zErr[0]!=0 );
    T_CHECK( io_utf8_check(zErr, strlen(zErr))==strlen(zErr) );
    T_EQ_INT(pT->nRow, 0);
  }else{
    t_table_sane(pT);
  }
}

static void test_fuzz_csv(void){
  static const char *const azPiece[] = {
    ",", "\"", "\"\"", "\r", "\n", "\r\n", "a", "中", "\xFF", "\x80", "\xE4", "\t",
    "\xEF\xBB\xBF", "\0", "\xC4\xE3", "=1", " "
  };
  char zErr[128];
  char zBuf[512];
  IoTable t;
  for(int iter=0; iter<2000; iter++){
    size_t n = t_rand()%sizeof(zBuf);
    int rc;
    if( iter%2 ){
      for(size_t i=0; i<n; i++) zBuf[i] = (char)t_rand();
    }else{
      size_t i = 0;
      while( i<n ){
        const char *zP = azPiece[t_rand()%(sizeof(azPiece)/sizeof(azPiece[0]))];
        size_t nP = zP[0] ? strlen(zP) : 1;
        if( i+nP>n ) break;
        memcpy(zBuf+i, zP, nP);
        i += nP;
      }
      n = i;
    }
    {
      /* An exact-size heap copy, so ASan sees any read past the end. */
      char *zCopy = malloc(n ? n : 1);
      memcpy(zCopy, zBuf, n);
      rc = csv_parse_mem(zCopy, n, &t, zErr, sizeof(zErr));
      t_check_result(rc, &t, zErr);
      io_table_free(&t);
      free(zCopy);
    }
  }
}

/* Mutate z[0..*pn) in place (buffer has room for nMax bytes). */
static void t_mutate(char *z, size_t *pn, size_t nMax){
  size_t n = *pn;
  int nEdit = 1 + (int)(t_rand()%4);
  for(int e=0; e<nEdit && n>0; e++){
    size_t i = t_rand()%n;
    switch( t_rand()%6 ){
      case 0: z[i] = (char)t_rand(); break;                       /* flip */
      case 1: n = i; break;                                       /* truncate */
      case 2: z[i] = "<>\"/=&0123456789"[t_rand()%16]; break;     /* XML-ish */
      case 3: {                                                   /* duplicate a slice */
        size_t nSlice = t_rand()%64, j = t_rand()%n;
        if( j+nSlice>n ) nSlice = n-j;
        if( n+nSlice<=nMax ){
          memmove(z+i+nSlice, z+i, n-i);
          memmove(z+i, z+j+(j>=i ? nSlice : 0), nSlice);
          n += nSlice;
        }
        break;
      }
      case 4: {                                                   /* digits -> big number */
        static const char zBig[] = "99999999999";
        if( z[i]>='0' && z[i]<='9' && n+10<=nMax ){
          memmove(z+i+10, z+i, n-i);
          memcpy(z+i, zBig, 10);
          n += 10;
        }
        break;
      }
      default: {                                                  /* delete a slice */
        size_t nDel = t_rand()%32;
        if( i+nDel>n ) nDel = n-i;
        memmove(z+i, z+i+nDel, n-i-nDel);
        n -= nDel;
      }
    }
  }
  *pn = n;
}

static void test_fuzz_xlsx(void){
  const char *zReal = t_path("fuzz_src.xlsx");
  const char *zBad = t_path("fuzz.xlsx");
  static const char *const azPart[] = {
    "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml"
  };
  enum { N_PART = 8 };
  char *azData[N_PART];
  size_t anLen[N_PART];
  char zErr[128];
  IoTable t;
  size_t nFile;
  char *zFile;

  /* A real workbook with shared strings, dates, a gap and a list sheet. */
  {
    XlsxOut *p = xlsx_out_open(zReal, "数据", 0);
    const char *azVal[40];
    char azBuf[40][24];
    xlsx_out_header(p, 6, azHead, 0);
    for(int i=1; i<=30; i++){
      char zNum[32];
      snprintf(zNum, sizeof(zNum), "（2024）第%d号", i);
      xlsx_out_str(p, i, 0, zNum);
      xlsx_out_str(p, i, 1, i%3 ? "张三" : "李四");
      xlsx_out_int(p, i, 2, i*100);
      xlsx_out_date(p, i, 3, "2024-03-05");
      if( i%4 ) xlsx_out_str(p, i, 5, "备注&<>");
    }
    for(int i=0; i<40; i++){
      snprintf(azBuf[i], sizeof(azBuf[i]), "选项%02d号值", i);
      azVal[i] = azBuf[i];
    }
    xlsx_out_dropdown(p, 1, 40, azVal, 100);
    T_EQ_INT(xlsx_out_close(p), 0);
    T_EQ_INT(xlsx_read_file(zReal, &t, zErr, sizeof(zErr)), 0);
    T_EQ_INT(t.nRow, 31);
    io_table_free(&t);
  }
  zFile = t_read(zReal, &nFile);
  T_CHECK( zFile!=0 );
  if( zFile==0 ) return;
  for(int i=0; i<N_PART; i++){
    azData[i] = t_zip_entry(zReal, azPart[i]);
    T_CHECK( azData[i]!=0 );
    if( azData[i]==0 ) return;
    anLen[i] = strlen(azData[i]);
  }

  /* 1. Truncated and byte-flipped copies of the file itself. */
  for(int iter=0; iter<400; iter++){
    char *z = malloc(nFile);
    size_t n = nFile;
    int rc;
    memcpy(z, zFile, nFile);
    if( iter%2 ) n = t_rand()%nFile;
    else for(int k=0; k<1+iter%8; k++) z[t_rand()%nFile] = (char)t_rand();
    t_write(zBad, z, n);
    free(z);
    rc = io_read_file(zBad, &t, zErr, sizeof(zErr));
    t_check_result(rc, &t, zErr);
    io_table_free(&t);
  }

  /* 2. Valid zips whose XML parts are damaged, so the XML paths are hit. */
  for(int iter=0; iter<1200; iter++){
    char *azEntry[2*N_PART+1];
    size_t anEntry[N_PART];
    char *zMut;
    int iPart = 2 + (int)(t_rand()%(N_PART-2));        /* workbook .. sheets */
    size_t nMax = anLen[iPart] + 4096, n = anLen[iPart];
    int rc;
    zMut = malloc(nMax);
    memcpy(zMut, azData[iPart], n);
    t_mutate(zMut, &n, nMax);
    for(int i=0; i<N_PART; i++){
      azEntry[2*i] = (char*)azPart[i];
      azEntry[2*i+1] = i==iPart ? zMut : azData[i];
      anEntry[i] = i==iPart ? n : anLen[i];
    }
    azEntry[2*N_PART] = 0;
    t_make_zip_n(zBad, azEntry, anEntry, 1);
    rc = xlsx_read_file(zBad, &t, zErr, sizeof(zErr));
    t_check_result(rc, &t, zErr);
    io_table_free(&t);
    free(zMut);
  }
  for(int i=0; i<N_PART; i++) free(azData[i]);
  free(zFile);
}

/* Rows read through a stream of zPath are the rows io_read_file() reads of
** zRef (the same file, or the whole of a file zPath is cut from), in order;
** io_stream_close() reports what io_read_file(zPath) does. */
static void t_stream_same(const char *zPath, const char *zRef){
  IoTable whole, ref, streamed;
  char zErr[300], zErr2[300];
  int rcWhole = io_read_file(zPath, &whole, zErr, sizeof zErr);
  int rcRef = io_read_file(zRef, &ref, zErr2, sizeof zErr2);
  IoStream *s = io_stream_open(zPath);
  IoRow row;
  int i = 0, nBad = 0;
  while( io_stream_row(s, i, &row) ){
    if( rcRef || i>=ref.nRow || row.iRow!=ref.aRow[i].iRow || row.nCell!=ref.aRow[i].nCell ){
      nBad++;
    }else{
      for(int j=0; j<row.nCell; j++) if( strcmp(row.azCell[j], ref.aRow[i].azCell[j]) ) nBad++;
    }
    i++;
  }
  T_EQ_INT(nBad, 0);
  int rc = io_stream_close(s, &streamed, zErr2, sizeof zErr2);
  T_EQ_INT(rc!=0, rcWhole!=0);
  if( rcWhole ){
    T_EQ_STR(zErr2, zErr);
    T_EQ_INT(streamed.nRow, 0);
  }else{
    T_EQ_INT(i, whole.nRow);
    T_EQ_INT(streamed.nRow, whole.nRow);
    t_table_sane(&streamed);
  }
  io_table_free(&streamed);
  io_table_free(&whole);
  io_table_free(&ref);
}

static void test_stream(void){
  /* big enough that the consumer catches up with the reader thread */
  IoBuf b = {0};
  csv_put_bom(&b);
  csv_put_field(&b, "所属部门", 0); csv_put_field(&b, "编号", 0); csv_put_field(&b, "备注", 1);
  for(int i=1; i<=200000; i++){
    char z[32];
    snprintf(z, sizeof z, "NO%06d", i);
    csv_put_field(&b, i%3 ? "城关镇" : "县市场监管局", 0);
    csv_put_field(&b, z, 0);
    csv_put_field(&b, i%1000==0 ? "多行\n“引号”, 逗号" : "", 1);
  }
  t_write(t_path("stream.csv"), b.z, b.n);
  t_stream_same(t_path("stream.csv"), t_path("stream.csv"));
  /* the same file cut inside a quoted cell: rows flow, then the error */
  const char *zCut = strstr(b.z + b.n - 200000, "多行");
  T_CHECK( zCut!=0 );
  if( zCut ){
    t_write(t_path("stream-cut.csv"), b.z, (size_t)(zCut - b.z));
    t_stream_same(t_path("stream-cut.csv"), t_path("stream.csv"));
    T_CHECK( io_read_file(t_path("stream-cut.csv"), &(IoTable){0}, (char[300]){0}, 300)!=0 );
  }
  io_buf_free(&b);
  /* xlsx, a missing file, an empty file */
  t_write_sample_xlsx(t_path("stream.xlsx"), 0);
  t_stream_same(t_path("stream.xlsx"), t_path("stream.xlsx"));
  t_stream_same(t_path("no-such-file.csv"), t_path("no-such-file.csv"));
  t_write(t_path("empty.csv"), "", 0);
  t_stream_same(t_path("empty.csv"), t_path("empty.csv"));
}

static const TestCase aTest[] = {
  { "csv_utf8_bom",      test_csv_utf8_bom },
  { "csv_gb18030",       test_csv_gb18030 },
  { "csv_dialect",       test_csv_dialect },
  { "csv_bad_encoding",  test_csv_bad_encoding },
  { "csv_errors",        test_csv_errors },
  { "csv_limits",        test_csv_limits },
  { "csv_writer",        test_csv_writer },
  { "xlsx_roundtrip",    test_xlsx_roundtrip },
  { "xlsx_dropdown",     test_xlsx_dropdown },
  { "xlsx_handmade",     test_xlsx_handmade },
  { "xlsx_errors",       test_xlsx_errors },
  { "fuzz_csv",          test_fuzz_csv },
  { "fuzz_xlsx",         test_fuzz_xlsx },
  { "stream",            test_stream },
};

int main(int argc, char **argv){
  return t_main(argc, argv, aTest, T_COUNT(aTest));
}
