/*
** src/transfer/export.c — a query's records to XLSX, CSV or JSON, and the
** import template. Columns follow the declaration: 所属部门, 状态, then the
** fields by their Chinese labels; values as a clerk reads them (enum labels,
** 是/否, a reference by its code or title), so an export can be edited and
** imported again.
*/
#include "transfer/transfer.h"
#include "base/utf8.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>
#include <pthread.h>

static const char *cell_text(Ctx *c, const Rec *r, const Field *f){
  const char *z = rec_val(r, f->zName);
  if( z==0 ) return "";
  if( f->eType==FT_REF ) return rec_ref_text(c, f, z, 1);   /* as the importer accepts it back */
  return rec_display(c, r, f);
}

/* A column's header: the label, with its unit for money ("减免费用（元）";
** the importer reads it back without the unit). */
static const char *head_label(Ctx *c, const Field *f){
  return f->eType==FT_MONEY ? arena_printf(c->pArena, "%s（元）", f->zLabel) : f->zLabel;
}

typedef struct ExportJob {
  Ctx *c;
  const Kind *k;
  const char *zFormat;
  XlsxOut *pX;
  IoBuf csv;
  FILE *pOut;
  long long nRow;
  int bPublic;
  const char **azDept;        /* department names by id, loaded once */
  i64 nDept;
  int bStream;                /* pOut is a download as it is written: smaller flushes */
} ExportJob;

/* Every department's name, indexed by id (ids are small and dense). */
static void load_dept_names(ExportJob *j){
  Stmt q;
  i64 nMax = 0;
  if( db_prepare(j->c->pDb, &q, "SELECT COALESCE(MAX(id),0) FROM dept")==DB_OK ){
    if( db_step(&q)==DB_ROW ) nMax = db_column_int64(&q, 0);
    db_finalize(&q);
  }
  j->nDept = nMax+1;
  j->azDept = arena_alloc(j->c->pArena, sizeof(char*)*(size_t)j->nDept);
  if( db_prepare(j->c->pDb, &q, "SELECT id, name FROM dept")==DB_OK ){
    while( db_step(&q)==DB_ROW ){
      i64 id = db_column_int64(&q, 0);
      if( id>=0 && id<j->nDept ) j->azDept[id] = arena_strdup(j->c->pArena, db_column_text(&q, 1));
    }
    db_finalize(&q);
  }
}

static int export_row(void *p, Rec *r){
  ExportJob *j = p;
  Ctx *c = j->c;
  const Kind *k = j->k;
  j->nRow++;
  if( strcmp(j->zFormat, "json")==0 ){
    fputs(j->nRow>1 ? ",\n" : "\n", j->pOut);
    const char *zJson = rec_json(c, r);     /* the audit log's form: bytes as stored */
    size_t n = strlen(zJson);
    if( utf8_repair_needed(zJson, n, 0, 0) ){
      /* stored before input was checked: U+FFFD, so the file stays UTF-8
      ** (every byte JSON's syntax uses is ASCII, which repair never touches) */
      Buf fix;
      buf_init(&fix);
      utf8_repair(&fix, zJson, n, 0, 0);
      fputs(buf_cstr(&fix), j->pOut);
      buf_free(&fix);
    }else{
      fputs(zJson, j->pOut);
    }
    return 0;
  }
  const State *s = k->aState ? kind_state(k, r->zState) : 0;
  const char *zDept = r->iDept>=0 && r->iDept<j->nDept && j->azDept[r->iDept] ? j->azDept[r->iDept] : "";
  /* a kind without declared states stores "active": its 状态 column is left
  ** empty, so the export imports back as it is */
  const char *zState = s ? s->zLabel : k->aState ? r->zState : "";
  if( j->pX ){
    int iRow = (int)j->nRow;
    xlsx_out_int(j->pX, iRow, 0, r->id);
    xlsx_out_str(j->pX, iRow, 1, zDept);
    xlsx_out_str(j->pX, iRow, 2, zState);
    int iCol = 3;
    for(const Field *f=k->aField; f->zName; f++){
      if( j->bPublic && !(f->flags & F_PUBLIC) ) continue;
      const char *z = rec_val(r, f->zName);
      if( z && f->eType==FT_INT ) xlsx_out_int(j->pX, iRow, iCol, atoll(z));
      else if( z && f->eType==FT_DATE ) xlsx_out_date(j->pX, iRow, iCol, z);
      else xlsx_out_str(j->pX, iRow, iCol, cell_text(c, r, f));
      iCol++;
    }
  }else{
    char zId[24];
    snprintf(zId, sizeof zId, "%lld", (long long)r->id);
    csv_put_field(&j->csv, zId, 0);
    csv_put_field(&j->csv, zDept, 0);
    csv_put_field(&j->csv, zState, 0);
    for(const Field *f=k->aField; f->zName; f++){
      if( j->bPublic && !(f->flags & F_PUBLIC) ) continue;
      csv_put_field(&j->csv, cell_text(c, r, f), f[1].zName==0);
    }
    if( j->csv.n > (j->bStream ? (64u<<10) : (1u<<20)) ){
      if( fwrite(j->csv.z, 1, j->csv.n, j->pOut)!=j->csv.n ) return 1;   /* a streamed download cancelled: stop */
      j->csv.n = 0;
    }
  }
  /* Rows are allocated from the arena: keep it from growing with the export. */
  return 0;
}

/* The export's first column, the record's number in fazhi: 编号, or
** 系统编号 for a kind with a field of its own named 编号 (事件编号 …). */
const char *export_id_header(const Kind *k){
  for(const Field *f=k->aField; f->zName; f++) if( strcmp(f->zLabel, "编号")==0 ) return "系统编号";
  return "编号";
}

static int export_run(Ctx *c, const Query *q, const char *zFormat, const char *zPath, FILE *pTo, long long *pnRows);

int export_query(Ctx *c, const Query *q, const char *zFormat, const char *zPath, long long *pnRows){
  return export_run(c, q, zFormat, zPath, 0, pnRows);
}

/* zPath's file, or (csv, json) pTo as it is: the streamed download. */
static int export_run(Ctx *c, const Query *q, const char *zFormat, const char *zPath, FILE *pTo, long long *pnRows){
  ExportJob j;
  memset(&j, 0, sizeof j);
  j.bStream = pTo!=0;
  j.c = c;
  j.k = q->pKind;
  j.zFormat = zFormat;
  j.bPublic = (c->pActor->mRole & R_PUBLIC)!=0;
  load_dept_names(&j);
  const Kind *k = q->pKind;
  int nCol = 3;
  for(const Field *f=k->aField; f->zName; f++) if( !j.bPublic || (f->flags & F_PUBLIC) ) nCol++;
  const char **azHead = arena_alloc(c->pArena, sizeof(char*)*(size_t)nCol);
  azHead[0] = export_id_header(k); azHead[1] = "所属部门"; azHead[2] = "状态";
  int n = 3;
  for(const Field *f=k->aField; f->zName; f++) if( !j.bPublic || (f->flags & F_PUBLIC) ) azHead[n++] = head_label(c, f);
  int rc;
  if( strcmp(zFormat, "xlsx")==0 ){
    j.pX = xlsx_out_open(zPath, k->zLabel, 1);
    if( j.pX==0 ) return err_internal(c, "cannot create %s", zPath);
    xlsx_out_header(j.pX, nCol, azHead, 0);
    rc = rec_scan(c, q, export_row, &j);
    if( xlsx_out_close(j.pX) && rc==FZ_OK ) rc = err_internal(c, "xlsx write failed: %s", zPath);
  }else if( strcmp(zFormat, "csv")==0 || strcmp(zFormat, "json")==0 ){
    j.pOut = pTo ? pTo : fopen(zPath, "wb");
    if( j.pOut==0 ) return err_internal(c, "cannot create %s", zPath);
    if( zFormat[0]=='c' ){
      csv_put_bom(&j.csv);
      for(int i=0; i<nCol; i++) csv_put_field(&j.csv, azHead[i], i==nCol-1);
    }else{
      fputs("[", j.pOut);
    }
    rc = rec_scan(c, q, export_row, &j);
    if( zFormat[0]=='c' ) fwrite(j.csv.z, 1, j.csv.n, j.pOut);
    else fputs("\n]\n", j.pOut);
    io_buf_free(&j.csv);
    if( (pTo ? fflush(j.pOut) : fclose(j.pOut)) && rc==FZ_OK ) rc = err_internal(c, "write failed: %s", zPath ? zPath : "(stream)");
  }else{
    err_add(c, 0, 0, "不支持的导出格式“%s”（应为 xlsx、csv 或 json）", zFormat);
    return FZ_INVALID;
  }
  if( pnRows ) *pnRows = j.nRow;
  return rc;
}

int export_template(Ctx *c, const Kind *k, const char *zPath){
  XlsxOut *x = xlsx_out_open(zPath, k->zLabel, 0);
  if( x==0 ) return err_internal(c, "cannot create %s", zPath);
  int nCol = 2 + kind_nfield(k);
  const char **azHead = arena_alloc(c->pArena, sizeof(char*)*(size_t)nCol);
  azHead[0] = "所属部门*";
  azHead[1] = "状态";
  int i = 2;
  for(const Field *f=k->aField; f->zName; f++){
    if( f->flags & F_AUTO ) continue;
    azHead[i++] = (f->flags & F_REQ) ? arena_printf(c->pArena, "%s*", head_label(c, f)) : head_label(c, f);
  }
  nCol = i;
  xlsx_out_header(x, nCol, azHead, 0);
  const int nLast = 5000;
  /* departments the user may import for */
  {
    Stmt q;
    const char *az[512];
    int n = 0;
    if( db_prepare(c->pDb, &q, "SELECT name FROM dept WHERE " SQL_IN_SCOPE("path", 1, 2) " ORDER BY path")==DB_OK ){
      db_bind_scope(&q, 1, 2, c->pActor->zDeptPath);
      while( db_step(&q)==DB_ROW && n<512 ) az[n++] = arena_strdup(c->pArena, db_column_text(&q, 0));
      db_finalize(&q);
    }
    if( n ) xlsx_out_dropdown(x, 0, n, az, nLast);
  }
  if( k->aState ){
    const char *az[32];
    int n = 0;
    for(const State *s=k->aState; s->zId && n<32; s++) az[n++] = s->zLabel;
    xlsx_out_dropdown(x, 1, n, az, nLast);
  }
  i = 2;
  for(const Field *f=k->aField; f->zName; f++){
    if( f->flags & F_AUTO ) continue;
    i++;
    if( f->eType==FT_ENUM ){
      const char *az[64];
      int n = 0;
      for(const EnumVal *e=f->aEnum; e->zId && n<64; e++) az[n++] = e->zLabel;
      xlsx_out_dropdown(x, i-1, n, az, nLast);
    }else if( f->eType==FT_BOOL ){
      const char *az[2] = { "是", "否" };
      xlsx_out_dropdown(x, i-1, 2, az, nLast);
    }
  }
  return xlsx_out_close(x) ? err_internal(c, "xlsx write failed") : FZ_OK;
}

/* ---- a CSV download that starts at once --------------------------------- */

/* What the export thread needs of the request, copied: the request's
** memory is gone once its answer has begun. */
typedef struct StreamJob {
  Arena a;                    /* everything below */
  char *zDb;                  /* the database, opened anew by the thread */
  Actor actor;                /* whose scope */
  Query q;
  int fd;                     /* the pipe's write end */
} StreamJob;

static const char *cp(Arena *a, const char *z){ return z ? arena_strdup(a, z) : 0; }

static void *stream_main(void *pArg){
  StreamJob *s = pArg;
  char zErr[300];
  FILE *pOut = fdopen(s->fd, "wb");
  Db *pDb = pOut ? store_connect(s->zDb, zErr, sizeof zErr) : 0;
  if( pDb ){
    Arena a;
    arena_init(&a);
    Ctx c;
    ctx_init(&c, pDb, &a, &s->actor);        /* the same "today" as the request's (FAZHI_TODAY, the zone) */
    i64 nCommit = 0;
    long long n = 0;
    /* one snapshot, as the request's own GET would read */
    if( ctx_unit_begin(&c, 1, &nCommit)==0 ){
      if( export_run(&c, &s->q, "csv", 0, pOut, &n) ) fputs("\n导出中断：读取数据出错，此文件不完整\n", pOut);
      ctx_unit_end(&c, 1, nCommit);
    }
    arena_free(&a);
    db_close(pDb);
  }else if( pOut ){
    fprintf(pOut, "导出失败：%s\n", zErr);
  }
  if( pOut ) fclose(pOut); else close(s->fd);
  arena_free(&s->a);
  free(s);
  return 0;
}

int export_stream_csv(Ctx *c, const Query *q, const char *zDb, int *pFd){
  int aFd[2];
  if( pipe(aFd) ) return err_internal(c, "export_stream_csv: pipe failed");
  StreamJob *s = calloc(1, sizeof *s);
  if( s==0 ){ close(aFd[0]); close(aFd[1]); return err_internal(c, "export_stream_csv: out of memory"); }
  arena_init(&s->a);
  Arena *a = &s->a;
  s->zDb = arena_strdup(a, zDb);
  s->actor = *c->pActor;
  s->actor.zLogin = cp(a, c->pActor->zLogin);
  s->actor.zName = cp(a, c->pActor->zName);
  s->actor.zDeptPath = cp(a, c->pActor->zDeptPath);
  s->q = *q;
  s->q.zState = cp(a, q->zState);
  s->q.zSort = cp(a, q->zSort);
  int nField = kind_nfield(q->pKind);
  const char **az = arena_alloc(a, sizeof(char*)*(size_t)(nField+1));
  for(int i=0; i<nField; i++) az[i] = q->azFilter ? cp(a, q->azFilter[i]) : 0;
  s->q.azFilter = az;
  /* the date ranges and the ticked ids too: a client that leaves frees the request's arena */
  const char **azF = arena_alloc(a, sizeof(char*)*(size_t)(nField+1));
  const char **azT = arena_alloc(a, sizeof(char*)*(size_t)(nField+1));
  for(int i=0; i<nField; i++){
    azF[i] = q->azFrom ? cp(a, q->azFrom[i]) : 0;
    azT[i] = q->azTo ? cp(a, q->azTo[i]) : 0;
  }
  s->q.azFrom = azF;
  s->q.azTo = azT;
  if( q->nId>0 ){
    i64 *aId = arena_alloc(a, sizeof(i64)*(size_t)q->nId);
    memcpy(aId, q->aId, sizeof(i64)*(size_t)q->nId);
    s->q.aId = aId;
  }
  s->q.nSize = 0;
  s->q.bTransient = 1;
  s->fd = aFd[1];
  pthread_t t;
  pthread_attr_t at;
  pthread_attr_init(&at);
  pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
  int rc = pthread_create(&t, &at, stream_main, s);
  pthread_attr_destroy(&at);
  if( rc ){
    close(aFd[0]); close(aFd[1]);
    arena_free(&s->a);
    free(s);
    return err_internal(c, "export_stream_csv: no thread");
  }
  *pFd = aFd[0];
  return FZ_OK;
}
