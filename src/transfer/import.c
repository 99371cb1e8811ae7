/*
** src/transfer/import.c — rows of a CSV/XLSX table into records, all or
** nothing.
**
** Headers are matched to fields by Chinese label or field id ("所属部门"
** and "状态" are the built-in columns). Every row is parsed and checked;
** every error names its row, column and reason. Rows are inserted in one
** transaction while no error has been seen; the first error stops the
** writing (the transaction will be rolled back) but checking goes on to the
** last row, so the user gets the whole list at once.
**
** Speed: a file is parsed on a second thread while its first rows are
** already checked and written (RowSrc); department names, referenced
** records and values of unique columns are cached in hash maps, ids are assigned here, and the audit log gets one
** "import" entry per 10,000 records: a header line naming the columns, then
** each record as a JSON array on its own line — the whole content, in half
** the bytes of one object per record, so `fazhi check` still sees every
** record's logged state. With COPY (PostgreSQL) the entries are kept in
** memory (about 100 bytes a record) and written after the last row, in the
** same transaction: one COPY then streams every row without a stop, where
** an entry written between rows ended the COPY and left the server
** waiting. Without COPY each entry is written when it is whole.
*/
#include "transfer/transfer.h"
#include "audit/audit.h"
#include "base/strmap.h"
#include "io/table.h"
#include "base/progress.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

#define AUDIT_CHUNK 10000

static const Field field_state = { "state", "状态", FT_TEXT };

typedef struct ImpCol { const Field *pField; int bDept; int bState; int bIgnore; } ImpCol;
typedef struct Imp {
  Ctx *c;
  int64_t *aRefHit;          /* per field: id found by imp_get in this row, 0 if none */
  const Kind *k;
  const IoRow *pRow;
  int *aFieldCol;            /* field index -> column, -1 if absent */
  int iDeptCol, iStateCol;
  StrMap dept;               /* name or id -> dept id (-1: unknown, -2: out of scope) */
  StrMap *aRef;              /* per field (REF only): text -> id */
  StrMap *aSeen;             /* per field (UNIQUE only): value -> row, for rows not written */
  i64 iFirstId;              /* id given to the first row this import wrote */
  int *aRowOfId;             /* row number of each written id (id - iFirstId) */
  int nRowOfId, nRowOfIdAlloc;
} Imp;

/* Errors for the unique columns of a row that will not be written; its
** values are remembered so the rows after it are checked against it too. */
static void unique_check(Imp *m, Rec *r, int iRow){
  Ctx *c = m->c;
  const Kind *k = m->k;
  for(int i=0; k->aField[i].zName; i++){
    const Field *f = &k->aField[i];
    const char *z = r->azVal[i];
    if( !(f->flags & F_UNIQUE) || z==0 ) continue;
    int64_t iPrev;
    const char *zVer = rec_version(r);
    const char *zKey = zVer ? arena_printf(c->pArena, "%s\x1f%s", zVer, z) : z;
    if( strmap_add(&m->aSeen[i], zKey, iRow, &iPrev) ){
      err_add(c, iRow, f, "“%s”与第%lld行重复", z, (long long)iPrev);
      continue;
    }
    i64 id = rec_id_unique(c, r, f, 0);
    if( id && id>=m->iFirstId && id-m->iFirstId < m->nRowOfId ){
      err_add(c, iRow, f, "“%s”与第%d行重复", z, m->aRowOfId[id-m->iFirstId]);
    }else if( id ){
      err_add(c, iRow, f, "“%s”已存在，不能重复", z);
    }
  }
}

static const char *imp_get(void *p, const Field *f){
  Imp *m = p;
  if( f==&field_dept ) return 0;     /* handled by the importer's cache */
  int i = (int)(f - m->k->aField);
  int iCol = m->aFieldCol[i];
  if( iCol<0 ) return 0;
  const char *z = io_cell(m->pRow, iCol);
  if( f->eType==FT_REF ){
    m->aRefHit[i] = 0;
    if( z[0] && strmap_get(&m->aRef[i], z, &m->aRefHit[i]) ){
      return 0;     /* resolved before: the importer fills it in from its cache */
    }
  }
  return z;
}

/* Header text without surrounding blanks and the marks templates add. */
static char *clean_header(Arena *a, const char *z){
  while( *z==' ' || *z=='*' ) z++;
  char *s = arena_strdup(a, z);
  size_t n = strlen(s);
  while( n>0 && (s[n-1]==' ' || s[n-1]=='*') ) s[--n] = 0;
  const char *aSuffix[] = { "（必填）", "(必填)", 0 };
  for(int i=0; aSuffix[i]; i++){
    size_t m = strlen(aSuffix[i]);
    if( n>m && strcmp(s+n-m, aSuffix[i])==0 ){ s[n-m] = 0; n -= m; }
  }
  return s;
}

/* A money column as exports and templates head it: the label and "（元）". */
static int money_header(const Field *f, const char *z){
  size_t n = strlen(f->zLabel);
  return f->eType==FT_MONEY && strncmp(z, f->zLabel, n)==0 && (strcmp(z+n, "（元）")==0 || strcmp(z+n, "(元)")==0);
}

static int map_header(Imp *m, const IoRow *pHead){
  Ctx *c = m->c;
  const Kind *k = m->k;
  int nField = kind_nfield(k);
  m->aFieldCol = arena_alloc(c->pArena, sizeof(int)*(size_t)nField);
  for(int i=0; i<nField; i++) m->aFieldCol[i] = -1;
  m->iDeptCol = m->iStateCol = -1;
  for(int j=0; j<pHead->nCell; j++){
    char *z = clean_header(c->pArena, pHead->azCell[j]);
    if( z[0]==0 ) continue;
    if( strcmp(z, "所属部门")==0 || strcmp(z, "部门")==0 || strcmp(z, "dept_id")==0 || strcmp(z, "dept")==0 ){
      m->iDeptCol = j; continue;
    }
    if( strcmp(z, "状态")==0 || strcmp(z, "state")==0 ){ m->iStateCol = j; continue; }
    if( strcmp(z, export_id_header(k))==0 || strcmp(z, "ID")==0 || strcmp(z, "id")==0 || strcmp(z, "序号")==0 ){
      continue;   /* exports carry it (编号 or 系统编号; ID before 2026-12); new records get new ids */
    }
    int bFound = 0;
    for(int i=0; i<nField; i++){
      const Field *f = &k->aField[i];
      if( strcmp(z, f->zLabel)==0 || strcmp(z, f->zName)==0 || money_header(f, z) ){
        bFound = 1;
        if( f->flags & F_AUTO ) break;   /* an export's column the system sets: ignored */
        if( m->aFieldCol[i]>=0 ){
          err_add(c, pHead->iRow, f, "列重复出现（第%d列和第%d列）", m->aFieldCol[i]+1, j+1);
        }
        m->aFieldCol[i] = j;
        break;
      }
    }
    if( !bFound ) err_add(c, pHead->iRow, 0, "无法识别的列“%s”（第%d列）；可用的列名见导入模板", z, j+1);
  }
  if( m->iDeptCol<0 ) err_add(c, pHead->iRow, &field_dept, "缺少必填列");
  for(int i=0; i<nField; i++){
    if( (k->aField[i].flags & F_REQ) && m->aFieldCol[i]<0 ) err_add(c, pHead->iRow, &k->aField[i], "缺少必填列");
  }
  return c->err.n ? FZ_INVALID : FZ_OK;
}

/* Department by name or id, cached; scope checked once per name. */
static i64 imp_dept(Imp *m, const char *z, int iRow){
  Ctx *c = m->c;
  int64_t v;
  if( z[0]==0 ){ err_add(c, iRow, &field_dept, "不能为空"); return 0; }
  if( !strmap_get(&m->dept, z, &v) ){
    i64 id;
    const char *zPath;
    if( dept_lookup(c, z, &id, &zPath) ) v = -1;
    else if( strncmp(zPath, c->pActor->zDeptPath, strlen(c->pActor->zDeptPath))!=0 ) v = -2;
    else v = id;
    strmap_set(&m->dept, z, v);
  }
  if( v==-1 ){ err_add(c, iRow, &field_dept, "未知部门“%s”", z); return 0; }
  if( v==-2 ){ err_add(c, iRow, &field_dept, "无权为“%s”导入数据", z); return 0; }
  return v;
}

/* Where the rows come from: a table already read, or a file still being
** read on a second thread (import_file), so that parsing the file overlaps
** checking and writing its first rows. A stream ends (src_end) before
** anything is committed: only then is it known whether the file was read
** to its end. Afterwards the source is the whole table. */
typedef struct RowSrc {
  const IoTable *pT;         /* rows to read, or NULL while pS is open */
  IoStream *pS;
  IoTable t;                 /* the stream's table once it has ended */
  int nErr0;                 /* errors before the import began */
  int rcRead;                /* the stream's reader failed: its message is the one error */
  char zErr[300];
} RowSrc;

/* Row i into *pBuf (or the table's own row), NULL past the last row. */
static const IoRow *src_row(RowSrc *s, int i, IoRow *pBuf){
  if( s->pS ) return io_stream_row(s->pS, i, pBuf) ? pBuf : 0;
  return i<s->pT->nRow ? &s->pT->aRow[i] : 0;
}

/* Data rows read so far (the reader may be ahead of the checking). */
static long long src_read(RowSrc *s){
  int n = s->pS ? io_stream_count(s->pS) : s->pT->nRow;
  return n>1 ? n-1 : 0;
}

/* Waits for the whole file. Non-zero when it could not be read: then the
** reader's message replaces every error the rows got. Idempotent. */
static int src_end(Ctx *c, RowSrc *s){
  if( s->pS ){
    s->rcRead = io_stream_close(s->pS, &s->t, s->zErr, sizeof s->zErr);
    s->pS = 0;
    s->pT = &s->t;
    if( s->rcRead ){
      c->err.n = s->nErr0;
      err_add(c, 0, 0, "%s", s->zErr);
    }
  }
  return s->rcRead;
}

/* The import's audit entries, one after another in one buffer: each is
** the header line, then a line per record, and ends in a NUL. */
typedef struct AuditChunks {
  Buf lines;
  size_t *aStart;            /* where each entry begins in lines */
  int n, nAlloc;
  int nRec;                  /* records in the last entry */
} AuditChunks;

/* Returns 1 when the record began a new entry (the one before is whole). */
static int chunk_record(AuditChunks *p, Arena *a, const Kind *k, Rec *r, int *aAllCol, int nField){
  int bNew = p->nRec==AUDIT_CHUNK || p->n==0;
  if( bNew ){
    if( p->n ) buf_putc(&p->lines, 0);
    p->aStart = arena_grow(a, p->aStart, p->n, &p->nAlloc, sizeof(size_t));
    p->aStart[p->n++] = p->lines.n;
    p->nRec = 0;
    rec_json_header(k, &p->lines);
  }
  buf_putc(&p->lines, '\n');
  rec_json_row(r, aAllCol, nField, &p->lines);
  p->nRec++;
  return bNew;
}
/* The first n entries (each ends in its NUL) into the log. */
/* Each entry's rec_id is the highest id it holds (its last line's): the
** log's high-water mark of the kind's ids, which audit_next_id keeps new
** rows above. */
static int entries_write(Ctx *c, const Kind *k, const AuditChunks *p, int n){
  for(int i=0; i<n; i++){
    const char *z = p->lines.z + p->aStart[i];
    const char *zLast = strrchr(z, '\n');
    i64 iLast = zLast && zLast[1]=='[' ? atoll(zLast+2) : 0;
    if( audit_append(c, "import", k->zName, iLast, "", z) ) return 1;
  }
  return 0;
}
/* Without COPY (SQLite) an entry between rows costs nothing: the whole
** entries are written at once and only the one being filled is kept. */
static int chunks_write_whole(Ctx *c, const Kind *k, AuditChunks *p){
  if( p->n<2 ) return 0;
  if( entries_write(c, k, p, p->n-1) ) return 1;
  size_t iLast = p->aStart[p->n-1];
  memmove(p->lines.z, p->lines.z + iLast, p->lines.n - iLast);
  p->lines.n -= iLast;
  p->aStart[0] = 0;
  p->n = 1;
  return 0;
}
/* All entries, the last one ended here. */
static int chunks_write(Ctx *c, const Kind *k, AuditChunks *p){
  if( p->n==0 ) return 0;
  buf_putc(&p->lines, 0);
  return entries_write(c, k, p, p->n);
}

/* A batched backend reported a duplicate only when the batch was sent:
** the import is rolled back and read again without writing, which names
** the rows. */
#define IMPORT_RECHECK 1000

/* One pass over the rows. bWrite: write rows until the first bad one (the
** UNIQUE index finds duplicates); else only check every row. */
static int import_pass(Ctx *c, const Kind *k, RowSrc *pSrc, int *pnImported, int bWrite){
  Imp m;
  memset(&m, 0, sizeof m);
  m.c = c;
  m.k = k;
  *pnImported = 0;
  if( !actor_can_write(c->pActor) ){ err_add(c, 0, 0, "当前账号不能导入数据"); return FZ_FORBIDDEN; }
  IoRow aFirst[2], rowBuf;
  const IoRow *pHead = src_row(pSrc, 0, &aFirst[0]);
  const IoRow *pRow = pHead ? src_row(pSrc, 1, &aFirst[1]) : 0;
  if( pRow==0 ){
    if( src_end(c, pSrc) ) return FZ_INVALID;
    err_add(c, 0, 0, pHead ? "文件只有表头，没有数据行" : "文件是空的：没有表头行");
    return FZ_INVALID;
  }
  if( map_header(&m, pHead) ){
    src_end(c, pSrc);               /* a file that breaks off later says so instead */
    return FZ_INVALID;
  }
  int nField = kind_nfield(k);
  m.aRef = arena_alloc(c->pArena, sizeof(StrMap)*(size_t)nField);
  m.aSeen = arena_alloc(c->pArena, sizeof(StrMap)*(size_t)nField);
  m.aRefHit = arena_alloc(c->pArena, sizeof(int64_t)*(size_t)nField);
  int *aAllCol = arena_alloc(c->pArena, sizeof(int)*(size_t)(nField+1));
  for(int i=0; i<nField; i++) aAllCol[i] = i;
  for(int i=0; i<nField; i++){ strmap_init(&m.aRef[i]); strmap_init(&m.aSeen[i]); }
  strmap_init(&m.dept);

  Arena *pMain = c->pArena;
  Arena rowArena;
  arena_init(&rowArena);
  AuditChunks chunks;
  memset(&chunks, 0, sizeof chunks);
  buf_init(&chunks.lines);
  Bulk ins;
  int bWriting = bWrite, bInTxn = 0, bStmt = 0, rc = FZ_OK;
  i64 iNextId = 1;
  StrMap limitMap;             /* the YearLimit's count of this import's rows (rules.c) */
  strmap_init(&limitMap);
  db_bulk_mode(c->pDb, 1);
  if( db_begin_write(c->pDb) ) goto db_fail;
  bInTxn = 1;
  iNextId = audit_next_id(c->pDb, k->zName, k->zName);   /* never an id deleted behind fazhi's back */
  if( iNextId==0 ) goto db_fail;
  if( rec_bulk_begin(c, k, &ins) ) goto db_fail;
  bStmt = 1;
  m.iFirstId = iNextId;
  c->pImportLimit = &limitMap;
  c->iImportFirstId = iNextId;
  const char *zNow = rec_now_iso(c);
  Progress *pg = c->pProgress;             /* counted on from where this import began */
  long long nBaseRead = pg ? pg->nRead : 0, nBaseChecked = pg ? pg->nChecked : 0, nBaseWritten = pg ? pg->nWritten : 0;
  long long nChecked = 0;
  for(int iR=2; pRow; pRow = src_row(pSrc, iR++, &rowBuf)){
    if( pg ){                              /* the rows before this one are checked (and written, while writing) */
      pg->nRead = nBaseRead + src_read(pSrc);
      pg->nChecked = nBaseChecked + nChecked++;
      pg->nWritten = nBaseWritten + *pnImported;
      progress_tick(pg);
    }
    /* skip rows with nothing in them (Excel leaves formatted blank rows) */
    int bBlank = 1;
    for(int j=0; j<pRow->nCell && bBlank; j++) if( pRow->azCell[j][0] ) bBlank = 0;
    if( bBlank ) continue;
    arena_free(&rowArena);
    arena_init(&rowArena);
    c->pArena = &rowArena;
    m.pRow = pRow;
    int nErr0 = c->err.n;
    Rec *r = rec_new(c, k);
    r->iDept = imp_dept(&m, m.iDeptCol>=0 ? io_cell(pRow, m.iDeptCol) : "", pRow->iRow);
    if( m.iStateCol>=0 && io_cell(pRow, m.iStateCol)[0]
     && !(k->aState==0 && strcmp(io_cell(pRow, m.iStateCol), "active")==0) ){   /* exports before 2026-12 */
      const char *z = io_cell(pRow, m.iStateCol);
      const State *s = 0;
      if( k->aState ) for(const State *t=k->aState; t->zId; t++) if( strcmp(t->zId, z)==0 || strcmp(t->zLabel, z)==0 ) s = t;
      if( s ) r->zState = s->zId;
      else err_add(c, pRow->iRow, &field_state, "未知状态“%s”", z);
    }
    rec_from_input(c, r, pRow->iRow, imp_get, &m);
    /* references: fill from the cache, or remember the new resolution */
    for(int i=0; i<nField; i++){
      const Field *f = &k->aField[i];
      if( f->eType!=FT_REF || m.aFieldCol[i]<0 ) continue;
      const char *zIn = io_cell(pRow, m.aFieldCol[i]);
      if( r->azVal[i]==0 && m.aRefHit[i] ){
        r->azVal[i] = arena_printf(c->pArena, "%lld", (long long)m.aRefHit[i]);
      }else if( r->azVal[i] ){
        strmap_add(&m.aRef[i], zIn, atoll(r->azVal[i]), 0);
      }
    }
    rec_check_local(c, r, pRow->iRow);
    rec_check_rules(c, r, 0, pRow->iRow);   /* what the form and the API are held to (rules.c) */
    if( c->err.n==nErr0 ) rec_rules_count(c, r);   /* a yearly cap counts this import's rows too */
    /* Unique columns. While rows are being written, the UNIQUE index finds
    ** duplicates (of the database and of earlier rows alike) for free; once
    ** writing has stopped, later rows are checked against the database
    ** (which holds the rows written so far) and against each other. */
    if( !bWriting ){
      unique_check(&m, r, pRow->iRow);
    }else if( c->err.n>nErr0 ){
      bWriting = 0;                       /* this row stops the writing: it is checked like the rest */
      int src = db_bulk_flush(&ins);      /* rows still batched go to the database first */
      if( src==DB_CONSTRAINT ){ c->pArena = pMain; goto recheck; }
      if( src ){ c->pArena = pMain; goto db_fail; }
      unique_check(&m, r, pRow->iRow);
    }
    if( !bWriting ){ c->pArena = pMain; continue; }
    r->id = iNextId++;
    r->zCreated = r->zUpdated = zNow;
    r->iUnit = dept_unit_id(c, r->iDept);
    int src = rec_bulk_add(&ins, r);    /* values live in rowArena until after the step */
    if( src==DB_CONSTRAINT && ins.bCopy ){ c->pArena = pMain; goto recheck; }
    if( src==DB_CONSTRAINT ){
      unique_check(&m, r, pRow->iRow);
      if( c->err.n==nErr0 ) err_add(c, pRow->iRow, 0, "与已有记录冲突");
      bWriting = 0;
      c->pArena = pMain;
      continue;
    }
    if( src!=DB_OK ){ c->pArena = pMain; goto db_fail; }
    m.aRowOfId = fz_grow(m.aRowOfId, m.nRowOfId, &m.nRowOfIdAlloc, sizeof *m.aRowOfId);
    m.aRowOfId[m.nRowOfId++] = pRow->iRow;
    int bNewEntry = chunk_record(&chunks, pMain, k, r, aAllCol, nField);
    (*pnImported)++;
    c->pArena = pMain;
    if( bNewEntry && !ins.bCopy && chunks_write_whole(c, k, &chunks) ) goto db_fail;
  }
  c->pArena = pMain;
  if( pg ){
    pg->nRead = nBaseRead + src_read(pSrc);
    pg->nChecked = nBaseChecked + nChecked;
    pg->nWritten = nBaseWritten + *pnImported;
  }
  if( src_end(c, pSrc) ){             /* the file broke off: nothing of it is kept */
    if( bStmt ) db_bulk_abort(&ins);
    bStmt = 0;
  }
  if( bStmt ){
    int src = c->err.n ? (db_bulk_abort(&ins), DB_OK) : db_bulk_end(&ins);
    bStmt = 0;
    if( src==DB_CONSTRAINT ) goto recheck;
    if( src ) goto db_fail;
  }
  if( !bWrite && c->err.n==0 ) err_add(c, 0, 0, "与已有记录冲突");
  if( c->err.n ){
    db_rollback(c->pDb);
    *pnImported = 0;
    rc = FZ_INVALID;
    goto done;
  }
  if( chunks_write(c, k, &chunks) ) goto db_fail;
  db_sync_ids(c->pDb, k->zName);
  if( db_commit(c->pDb) ) goto db_fail;
  /* Fresh statistics after a big load, so counts pick the right index. */
  if( *pnImported >= 10000 ) db_refresh_stats(c->pDb, k->zName);
  goto done;

recheck:
  if( bStmt ) db_bulk_abort(&ins);
  db_rollback(c->pDb);
  *pnImported = 0;
  rc = IMPORT_RECHECK;
  goto done;

db_fail:
  c->pArena = pMain;
  rc = err_internal(c, "import %s: %s", k->zName, db_errmsg(c->pDb));
  if( bStmt ) db_bulk_abort(&ins);
  if( bInTxn ) db_rollback(c->pDb);
  *pnImported = 0;
done:
  if( src_end(c, pSrc) ) rc = FZ_INVALID;
  db_bulk_mode(c->pDb, 0);
  arena_free(&rowArena);
  buf_free(&chunks.lines);
  strmap_free(&m.dept);
  strmap_free(&limitMap);
  c->pImportLimit = 0;
  free(m.aRowOfId);
  for(int i=0; i<nField; i++){ strmap_free(&m.aRef[i]); strmap_free(&m.aSeen[i]); }
  return rc;
}

/* Both passes over one source; it has ended when this returns. The
** progress (c->pProgress) counts the second pass from where the first
** began, and nothing written when nothing was kept. */
static int import_rows(Ctx *c, const Kind *k, RowSrc *pSrc, int *pnImported){
  pSrc->nErr0 = c->err.n;
  Progress *pg = c->pProgress, base = pg ? *pg : (Progress){ 0 };
  int rc = import_pass(c, k, pSrc, pnImported, 1);
  if( rc==IMPORT_RECHECK ){
    c->err.n = pSrc->nErr0;  /* the second reading states every error once */
    if( pg ){ pg->nRead = base.nRead; pg->nChecked = base.nChecked; pg->nWritten = base.nWritten; }
    rc = import_pass(c, k, pSrc, pnImported, 0);
  }
  if( src_end(c, pSrc) ) rc = FZ_INVALID;
  if( pg && rc ) pg->nWritten = base.nWritten;   /* all or nothing: none of it stays */
  return rc;
}

int import_table(Ctx *c, const Kind *k, const IoTable *pT, int *pnImported){
  RowSrc src;
  memset(&src, 0, sizeof src);
  src.pT = pT;
  return import_rows(c, k, &src, pnImported);
}

/* The file is parsed on a second thread while its rows are checked and
** written (see RowSrc). */
int import_file(Ctx *c, const Kind *k, const char *zPath, int *pnImported){
  RowSrc src;
  memset(&src, 0, sizeof src);
  src.pS = io_stream_open(zPath);
  int rc = import_rows(c, k, &src, pnImported);
  io_table_free(&src.t);
  return rc;
}
