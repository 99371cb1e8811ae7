/*
** src/audit/guard.c — the tables besides records that decide who sees what
** and what a report says, and how their rows are logged and checked.
**
** aGuard[] declares each guarded table: its columns (key columns first),
** the rows it does not guard (derived caches) and, for a table whose rows
** own rows of another (a report version its paragraphs, a baseline its
** figures), a pseudo-column holding those as text. From the declaration:
**
**   a row's canonical line  "KEY\t{"col":value,…}" — KEY is the key
**       columns' values joined by "/", the JSON object has every declared
**       column in declared order (integers as numbers, NULL as null);
**   an audit entry          kind "@TABLE", before and after the lines of
**       the rows the change touched (before: their state before, after:
**       their state now; a row in before and not in after was deleted);
**   the check               every row of the table must equal the last
**       line logged for its key (only the columns that line names: a
**       column added later is compared from the row's next change on),
**       no logged row may be missing, no row may be unlogged.
**
** Sessions and failed-login counters are volatile and not guarded. A new
** column of a guarded table is one line in its column list below; a new
** write path calls audit_rows() before its change and audit_rows_log()
** after it, inside its write transaction.
*/
#include "audit/audit.h"
#include "engine/setting.h"
#include "base/json.h"
#include "base/strmap.h"
#include "base/sha256.h"
#include <cjson/cJSON.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

typedef struct GuardCol {
  const char *zName;          /* column name */
  int eForm;                  /* how it is logged: GC_TEXT, GC_INT (a number), GC_DIGEST */
  int bKey;                   /* part of the key (key columns come first) */
} GuardCol;
#define GC_TEXT   0
#define GC_INT    1
#define GC_DIGEST 2           /* its SHA-256 only: a password hash stays out of the log */

typedef struct Guard {
  const char *zTable;                        /* table name; audit kind is "@" + it */
  const char *zLabel;                        /* Chinese name for check's messages */
  const GuardCol *aCol;                      /* columns compared, ended by { 0 } */
  int (*xSkip)(const char *zKey);            /* 1 for a key not guarded (a derived cache), or 0 */
  const char *zShow;                         /* column named beside the key in check's messages, or 0 */
  const char *zExtra;                        /* pseudo-column filled by xExtra, or 0 */
  int (*xExtra)(Db*, Stmt *pRow, Buf*);      /* the owned rows of another table, as text */
} Guard;

/* Paragraphs of a report version (row column 0 is its id), one a line. */
static int extra_paras(Db *pDb, Stmt *pRow, Buf *pOut){
  Stmt q;
  if( db_prepare(pDb, &q, "SELECT pos, btype, tpl, pkey, pstate FROM report_para"
                          " WHERE version_id=?1 ORDER BY pos") ) return 1;
  db_bind_int64(&q, 1, db_column_int64(pRow, 0));
  while( db_step(&q)==DB_ROW ){
    buf_raw_printf(pOut, "%lld", (long long)db_column_int64(&q, 0));
    for(int i=1; i<5; i++){ buf_putc(pOut, '\t'); buf_puts(pOut, db_column_text(&q, i)); }
    buf_putc(pOut, '\n');
  }
  db_finalize(&q);
  return 0;
}
/* Figures of a baseline (row columns 0, 1: dept_id, year), one a line. */
static int extra_figs(Db *pDb, Stmt *pRow, Buf *pOut){
  Stmt q;
  if( db_prepare(pDb, &q, "SELECT kind, ind, value, label, sentence FROM baseline_fig"
                          " WHERE dept_id=?1 AND year=?2 ORDER BY kind, ind") ) return 1;
  db_bind_int64(&q, 1, db_column_int64(pRow, 0));
  db_bind_int64(&q, 2, db_column_int64(pRow, 1));
  while( db_step(&q)==DB_ROW ){
    for(int i=0; i<5; i++){ if( i ) buf_putc(pOut, '\t'); buf_puts(pOut, db_column_text(&q, i)); }
    buf_putc(pOut, '\n');
  }
  db_finalize(&q);
  return 0;
}

static const GuardCol aUserCol[] = {
  { "id", 1, 1 }, { "login", 0, 0 }, { "name", 0, 0 }, { "role", 0, 0 }, { "dept_id", 1, 0 },
  { "pw_hash", GC_DIGEST, 0 },
  { "disabled", 1, 0 },
  { "pw_temp", 1, 0 },                 /* a one-time password, to be changed at first login */
  { "created_at", 0, 0 },
  { 0 }
};
static const GuardCol aDeptCol[] = {
  { "id", 1, 1 }, { "parent_id", 1, 0 }, { "name", 0, 0 }, { "dtype", 0, 0 }, { "path", 0, 0 },
  { "sort_no", 1, 0 }, { "disabled", 1, 0 }, { 0 }
};
static const GuardCol aSettingCol[] = { { "name", 0, 1 }, { "value", 0, 0 }, { 0 } };
/* The internal settings of aSetting[] (engine/setting.c): a digest of the
** built-in calendar, rewritten at start-up (cal_fingerprint); the key's
** boundary (key.c), written with the key (audit_key_from). */
static int setting_skip(const char *zName){
  const Setting *s = setting_find(zName);
  return s && s->eWho==SET_INTERNAL;
}
static const GuardCol aHolidayCol[] = { { "day", 0, 1 }, { "dkind", 0, 0 }, { "name", 0, 0 }, { 0 } };
/* 年度安排已完整登记 (engine/holiday.c, holiday_mark) */
static const GuardCol aHolidayYearCol[] = {
  { "year", 1, 1 }, { "notice", 0, 0 }, { "marked_by", 0, 0 }, { "marked_at", 0, 0 }, { 0 }
};
static const GuardCol aReportCol[] = {
  { "id", 1, 1 }, { "dept_id", 1, 0 }, { "year", 1, 0 }, { "no", 1, 0 }, { "based_on", 1, 0 },
  { "created_at", 0, 0 }, { "created_by", 0, 0 }, { "frozen_at", 0, 0 }, { "frozen_by", 0, 0 },
  { "frozen_doc", 0, 0 }, { 0 }
};
static const GuardCol aBaselineCol[] = {
  { "dept_id", 1, 1 }, { "year", 1, 1 }, { "imported_at", 0, 0 }, { "imported_by", 0, 0 },
  { "text", 0, 0 }, { 0 }
};
static const GuardCol aDrawCol[] = {
  { "plan_id", 1, 1 }, { "fixed_at", 0, 0 }, { "fixed_by", 0, 0 }, { "pool", 0, 0 },
  { "pool_sha256", 0, 0 }, { "drawn_at", 0, 0 }, { "drawn_by", 0, 0 }, { "draw_values", 0, 0 },
  { "draw_key", 0, 0 }, { "result", 0, 0 }, { 0 }
};

static const GuardCol aKindDefCol[] = {
  { "id", 1, 1 }, { "name", 0, 0 }, { "version", 1, 0 }, { "owner_id", 1, 0 }, { "def", 0, 0 },
  { "created_by", 0, 0 }, { "created_at", 0, 0 }, { 0 }
};

/* 地方规定 (engine/prule.c) */
static const GuardCol aPruleCol[] = {
  { "id", 1, 1 }, { "kind", 0, 0 }, { "deadline", 0, 0 }, { "unit_id", 1, 0 }, { "level", 0, 0 },
  { "length", 1, 0 }, { "punit", 0, 0 }, { "basis", 0, 0 }, { "valid_from", 0, 0 }, { "valid_to", 0, 0 },
  { "created_by", 0, 0 }, { "created_at", 0, 0 }, { 0 }
};

static const Guard aGuard[] = {
  { "users",           "用户",       aUserCol,     0,             "login", 0,       0 },
  { "dept",            "部门",       aDeptCol,     0,             "name",  0,       0 },
  { "setting",         "设置",       aSettingCol,  setting_skip,  0,       0,       0 },
  { "holiday",         "节假日",     aHolidayCol,  0,             0,       0,       0 },
  { "holiday_year",    "节假日年度完整标记", aHolidayYearCol, 0,     0,       0,       0 },
  { "report_version",  "报告版本",   aReportCol,   0,             0,       "paras", extra_paras },
  { "baseline_report", "比较基准",   aBaselineCol, 0,             0,       "figs",  extra_figs },
  { "draw",            "双随机抽取", aDrawCol,     0,             0,       0,       0 },
  { "kind_def",        "自定义台账定义（kind_def）", aKindDefCol, 0,   "name",  0,       0 },
  { "period_rule",     "期限规则（地方规定）", aPruleCol, 0,            "basis", 0,       0 },
};
#define N_GUARD ((int)(sizeof aGuard/sizeof aGuard[0]))

const char *audit_object_label(const char *zKind){
  if( zKind==0 || zKind[0]!='@' ) return zKind ? zKind : "";
  for(int i=0; i<N_GUARD; i++) if( strcmp(aGuard[i].zTable, zKind+1)==0 ) return aGuard[i].zLabel;
  return zKind;
}

static const Guard *guard_find(const char *zTable){
  for(int i=0; i<N_GUARD; i++) if( strcmp(aGuard[i].zTable, zTable)==0 ) return &aGuard[i];
  return 0;
}

/* SELECT cols FROM table WHERE (?1='' OR key=?1) ORDER BY keys */
static void guard_sql(const Guard *g, SqlBuf *b){
  sql_lit(b, "SELECT ");
  for(int i=0; g->aCol[i].zName; i++){
    if( i ) sql_lit(b, ", ");
    sql_ident(b, g->aCol[i].zName);
  }
  sql_lit(b, " FROM ");
  sql_ident(b, g->zTable);
  sql_lit(b, " WHERE (?1='' OR ");
  for(int i=0; g->aCol[i].bKey; i++){
    if( i ) sql_lit(b, "||'/'||");
    if( g->aCol[i].eForm==GC_INT ){ sql_lit(b, "CAST("); sql_ident(b, g->aCol[i].zName); sql_lit(b, " AS TEXT)"); }
    else sql_ident(b, g->aCol[i].zName);
  }
  sql_lit(b, "=?1) ORDER BY ");
  for(int i=0; g->aCol[i].bKey; i++){
    if( i ) sql_lit(b, ", ");
    sql_ident(b, g->aCol[i].zName);
  }
}

/* Appends the canonical lines of g's rows with key zKey ('' every row). */
static int guard_lines(Db *pDb, const Guard *g, const char *zKey, Buf *pOut){
  SqlBuf b;
  Stmt q;
  sqlbuf_init(&b);
  guard_sql(g, &b);
  int rc = db_prepare_buf(pDb, &q, &b);
  sqlbuf_free(&b);
  if( rc ) return 1;
  db_bind_text(&q, 1, zKey);
  Buf k, e;
  buf_init(&k);
  buf_init(&e);
  while( (rc = db_step(&q))==DB_ROW ){
    buf_reset(&k);
    for(int i=0; g->aCol[i].bKey; i++){
      if( i ) buf_putc(&k, '/');
      buf_puts(&k, db_column_text(&q, i));
    }
    if( g->xSkip && g->xSkip(buf_cstr(&k)) ) continue;
    buf_puts(pOut, buf_cstr(&k));
    buf_putc(pOut, '\t');
    Json j;
    json_init(&j, pOut);
    json_obj_begin(&j);
    for(int i=0; g->aCol[i].zName; i++){
      json_key(&j, g->aCol[i].zName);
      if( db_column_is_null(&q, i) ) json_null(&j);
      else if( g->aCol[i].eForm==GC_INT ) json_int(&j, db_column_int64(&q, i));
      else if( g->aCol[i].eForm==GC_DIGEST ){
        unsigned char h[32];
        char zHex[65];
        const char *z = db_column_text(&q, i);
        sha256(z, strlen(z), h);
        sha256_hex(h, zHex);
        json_str(&j, zHex);
      }
      else json_str(&j, db_column_text(&q, i));
    }
    if( g->xExtra ){
      buf_reset(&e);
      if( g->xExtra(pDb, &q, &e) ){ rc = DB_ERROR; break; }
      json_kstr(&j, g->zExtra, buf_cstr(&e));
    }
    json_obj_end(&j);
    buf_putc(pOut, '\n');
  }
  db_finalize(&q);
  buf_free(&k);
  buf_free(&e);
  return rc==DB_DONE ? 0 : 1;
}

const char *audit_rows(Ctx *c, const char *zTable, const char *zKey){
  const Guard *g = guard_find(zTable);
  if( g==0 ) return 0;
  Buf b;
  buf_init(&b);
  if( guard_lines(c->pDb, g, zKey ? zKey : "", &b) ){ buf_free(&b); return 0; }
  const char *z = arena_strdup(c->pArena, buf_cstr(&b));
  buf_free(&b);
  return z;
}

/* The key of a canonical line: up to its tab. */
static size_t line_key(const char *z, size_t n){
  const char *t = memchr(z, '\t', n);
  return t ? (size_t)(t-z) : n;
}

int audit_rows_log(Ctx *c, const char *zAction, const char *zTable, const char *zKey, i64 iRec,
                   const char *zBefore){
  const Guard *g = guard_find(zTable);
  if( g==0 || zBefore==0 ) return 1;
  Buf now, outB, outA;
  buf_init(&now);
  buf_init(&outB);
  buf_init(&outA);
  if( guard_lines(c->pDb, g, zKey ? zKey : "", &now) ){ buf_free(&now); return 1; }
  /* index the lines before by key */
  StrMap mB, mA;
  strmap_init(&mB);
  strmap_init(&mA);
  const char *zNow = buf_cstr(&now);
  for(const char *s=zBefore; *s; ){
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e-s) : strlen(s);
    char *zK = arena_strndup(c->pArena, s, line_key(s, n));
    strmap_set(&mB, zK, (int64_t)(s-zBefore));
    s += n + (e ? 1 : 0);
  }
  for(const char *s=zNow; *s; ){
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e-s) : strlen(s);
    char *zK = arena_strndup(c->pArena, s, line_key(s, n));
    strmap_set(&mA, zK, 1);
    int64_t iOld;
    int bSame = 0;
    if( strmap_get(&mB, zK, &iOld) ){
      const char *o = zBefore + iOld;
      const char *oe = strchr(o, '\n');
      size_t no = oe ? (size_t)(oe-o) : strlen(o);
      bSame = no==n && memcmp(o, s, n)==0;
      if( !bSame ){ buf_append(&outB, o, no); buf_putc(&outB, '\n'); }
    }
    if( !bSame ){ buf_append(&outA, s, n); buf_putc(&outA, '\n'); }
    s += n + (e ? 1 : 0);
  }
  /* rows gone: in before, not now */
  for(const char *s=zBefore; *s; ){
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e-s) : strlen(s);
    char *zK = arena_strndup(c->pArena, s, line_key(s, n));
    if( !strmap_get(&mA, zK, 0) ){ buf_append(&outB, s, n); buf_putc(&outB, '\n'); }
    s += n + (e ? 1 : 0);
  }
  int rc = 0;
  if( outA.n || outB.n ){
    rc = audit_append(c, zAction, arena_printf(c->pArena, "@%s", zTable), iRec, buf_cstr(&outB), buf_cstr(&outA));
  }
  strmap_free(&mB);
  strmap_free(&mA);
  buf_free(&now);
  buf_free(&outB);
  buf_free(&outA);
  return rc;
}

int audit_rows_snapshot(Ctx *c, const char *zAction){
  for(int i=0; i<N_GUARD; i++){
    if( audit_rows_log(c, zAction, aGuard[i].zTable, "", 0, "") ) return 1;
  }
  return 0;
}

const char **audit_rows_begin(Ctx *c){
  const char **az = arena_alloc(c->pArena, sizeof(char*)*N_GUARD);
  for(int i=0; i<N_GUARD; i++){
    az[i] = audit_rows(c, aGuard[i].zTable, "");
    if( az[i]==0 ) return 0;
  }
  return az;
}
int audit_rows_end(Ctx *c, const char *zAction, const char **azBefore){
  for(int i=0; i<N_GUARD; i++){
    if( audit_rows_log(c, zAction, aGuard[i].zTable, "", 0, azBefore[i]) ) return 1;
  }
  return 0;
}

/* ---- checking ---------------------------------------------------------- */

static const char *row_name(const Guard*, const char*, int, const char*, char*, size_t);

struct GuardState {
  StrMap map;                 /* "table\tkey" -> index in az */
  char **az;                  /* last logged JSON; NULL: deleted */
  char **azKey;               /* "table\tkey" of each */
  unsigned char *aSeen;
  int n, nAlloc;              /* entries, and the capacity of az, azKey and aSeen */
};

GuardState *guard_state_new(void){
  GuardState *p = calloc(1, sizeof *p);
  if( p==0 ) abort();
  strmap_init(&p->map);
  return p;
}
void guard_state_free(GuardState *p){
  if( p==0 ) return;
  for(int i=0; i<p->n; i++){ free(p->az[i]); free(p->azKey[i]); }
  free(p->az);
  free(p->azKey);
  free(p->aSeen);
  strmap_free(&p->map);
  free(p);
}

static void state_set(GuardState *p, const char *zTable, const char *zLine, size_t n, int bDelete){
  size_t nk = line_key(zLine, n);
  char zK[600];
  snprintf(zK, sizeof zK, "%s\t%.*s", zTable, (int)nk, zLine);
  int64_t i;
  if( !strmap_get(&p->map, zK, &i) ){
    if( p->n==p->nAlloc ){          /* three arrays, one capacity */
      int nAz = p->nAlloc, nKey = p->nAlloc;
      p->az = fz_grow(p->az, p->n, &nAz, sizeof *p->az);
      p->azKey = fz_grow(p->azKey, p->n, &nKey, sizeof *p->azKey);
      p->aSeen = fz_grow(p->aSeen, p->n, &p->nAlloc, sizeof *p->aSeen);
    }
    i = (int64_t)p->n++;
    p->az[i] = 0;
    p->aSeen[i] = 0;
    p->azKey[i] = strdup(zK);
    if( p->azKey[i]==0 ) abort();
    strmap_set(&p->map, zK, i);
  }
  free(p->az[i]);
  p->az[i] = 0;
  if( !bDelete ){
    const char *zJson = zLine + nk + (nk<n ? 1 : 0);
    size_t nJ = n - (size_t)(zJson-zLine);
    p->az[i] = malloc(nJ+1);
    if( p->az[i]==0 ) abort();
    memcpy(p->az[i], zJson, nJ);
    p->az[i][nJ] = 0;
  }
}

/* The entry's before lines first (each row's state before it: marked
** gone), then its after lines. A row in after whose key is still live at
** that point was not in before: the entry created it, yet the log says a
** row with that key exists — it was deleted behind fazhi's back and its
** key (an id) handed out again. Reported (unless the line equals the
** logged one), then the new state recorded. */
void guard_state_entry(GuardState *p, const char *zKind, const char *zBefore, const char *zAfter,
                       AuditReport *pRep, i64 iEntry){
  const Guard *g;
  if( zKind[0]!='@' || (g = guard_find(zKind+1))==0 ) return;
  for(int pass=0; pass<2; pass++){
    const char *s = pass ? zAfter : zBefore;
    while( *s ){
      const char *e = strchr(s, '\n');
      size_t n = e ? (size_t)(e-s) : strlen(s);
      if( n && pass==1 && pRep ){
        size_t nk = line_key(s, n);
        char zK[600];
        int64_t i;
        snprintf(zK, sizeof zK, "%s\t%.*s", zKind+1, (int)nk, s);
        const char *zJson = s + nk + (nk<n ? 1 : 0);
        size_t nJ = n - (size_t)(zJson-s);
        /* the same line again (a snapshot taken inside the write it
        ** precedes holds the row already) restates, it does not create */
        if( strmap_get(&p->map, zK, &i) && p->az[i] && !(strlen(p->az[i])==nJ && memcmp(p->az[i], zJson, nJ)==0) ){
          char zName[300];
          row_name(g, s, (int)nk, p->az[i], zName, sizeof zName);
          audit_problem(pRep, "%s%s：编号（键）被重复使用，原行已被直接删除（审计日志第%lld条新建了同键的行）",
                        g->zLabel, zName, (long long)iEntry);
        }
      }
      if( n ) state_set(p, zKind+1, s, n, pass==0);
      s += n + (e ? 1 : 0);
    }
  }
}

/* Do the columns zLogged names have the values they have in zNow? */
static int same_logged(const char *zLogged, const char *zNow){
  if( strcmp(zLogged, zNow)==0 ) return 1;
  cJSON *a = cJSON_Parse(zLogged), *b = cJSON_Parse(zNow);
  int bSame = a && b && cJSON_IsObject(a);
  for(cJSON *x = a ? a->child : 0; x && bSame; x=x->next){
    cJSON *y = cJSON_GetObjectItemCaseSensitive(b, x->string);
    bSame = y && cJSON_Compare(x, y, 1);
  }
  cJSON_Delete(a);
  cJSON_Delete(b);
  return bSame;
}

/* How check's messages name a row: “KEY”, and its zShow column from the
** JSON (the row as it is, or as last logged) when it has one:
** 用户“5”（fuyi）. Arena-free: into zOut. */
static const char *row_name(const Guard *g, const char *zKey, int nKey, const char *zJson, char *zOut, size_t nOut){
  cJSON *j = g && g->zShow && zJson ? cJSON_Parse(zJson) : 0;
  const cJSON *v = j ? cJSON_GetObjectItemCaseSensitive(j, g->zShow) : 0;
  if( cJSON_IsString(v) ) snprintf(zOut, nOut, "“%.*s”（%s）", nKey, zKey, v->valuestring);
  else snprintf(zOut, nOut, "“%.*s”", nKey, zKey);
  cJSON_Delete(j);
  return zOut;
}

void guard_state_check(Db *pDb, GuardState *p, AuditReport *pRep){
  char zName[300];
  Buf b;
  buf_init(&b);
  for(int gi=0; gi<N_GUARD; gi++){
    const Guard *g = &aGuard[gi];
    buf_reset(&b);
    if( guard_lines(pDb, g, "", &b) ){
      audit_problem(pRep, "无法读取%s表：%s", g->zLabel, db_errmsg(pDb));
      continue;
    }
    for(const char *s=buf_cstr(&b); *s; ){
      const char *e = strchr(s, '\n');
      size_t n = e ? (size_t)(e-s) : strlen(s);
      size_t nk = line_key(s, n);
      char zK[600];
      snprintf(zK, sizeof zK, "%s\t%.*s", g->zTable, (int)nk, s);
      int64_t i;
      pRep->nGuarded++;
      char *zNow = strndup(s + nk + 1, n - nk - 1);
      if( zNow==0 ) abort();
      row_name(g, s, (int)nk, zNow, zName, sizeof zName);
      if( !strmap_get(&p->map, zK, &i) ){
        audit_problem(pRep, "%s%s没有任何审计记录（绕过系统写入）", g->zLabel, zName);
      }else{
        p->aSeen[i] = 1;
        if( p->az[i]==0 ){
          audit_problem(pRep, "%s%s在审计日志中已删除，但仍在表中", g->zLabel, zName);
        }else if( !same_logged(p->az[i], zNow) ){
          audit_problem(pRep, "%s%s与审计日志最后一次记载的内容不一致（被直接修改，或日志被删除）", g->zLabel, zName);
        }
      }
      free(zNow);
      s += n + (e ? 1 : 0);
    }
  }
  buf_free(&b);
  /* logged rows that are gone */
  for(int i=0; i<p->n; i++){
    if( p->aSeen[i] || p->az[i]==0 ) continue;
    const char *zK = p->azKey[i], *t = strchr(zK, '\t');
    const Guard *g = 0;
    for(int gi=0; gi<N_GUARD; gi++){
      if( t && strlen(aGuard[gi].zTable)==(size_t)(t-zK) && memcmp(aGuard[gi].zTable, zK, (size_t)(t-zK))==0 ) g = &aGuard[gi];
    }
    row_name(g, t ? t+1 : "", t ? (int)strlen(t+1) : 0, p->az[i], zName, sizeof zName);
    audit_problem(pRep, "%s%s在审计日志中存在，但已从表中消失（被直接删除）", g ? g->zLabel : zK, zName);
  }
}
