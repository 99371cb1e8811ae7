/*
** src/engine/prule.c — 地方规定: the rows of period_rule that replace a
** declared period's length for one jurisdiction from a date (see
** prule.h), their snapshot in memory, their checks and their changes.
**
** The snapshot: every rule and the path of every unit (county, city,
** root), loaded at start and again when the change counter prule_gen
** moved (one row read per request, prule_refresh). A replaced snapshot
** stays allocated and linked from its successor: a request that began
** with it may still read it, and nothing is lost to the leak checker.
** deadline_eval (C) asks prule_for; the SQL path (indicator.c) asks
** prule_sql once per scope and period, so both count the same rule.
**
** Not here: the page (src/web/rules.c), the command (src/app/cmd_admin.c).
*/
#include "engine/prule.h"
#include "engine/setting.h"
#include "audit/audit.h"
#include "base/utf8.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

typedef struct PruleUnit { i64 id; const char *zPath; } PruleUnit;
typedef struct PruleSet {
  long long gen;           /* prule_gen when loaded */
  int nRule;
  PeriodRule *aRule;       /* by id */
  int nUnit;
  PruleUnit *aUnit;        /* by id */
  Arena arena;             /* everything above */
  struct PruleSet *pOld;   /* the set this one replaced (kept: see the header) */
} PruleSet;

/* Generation 0, no rules: what a database whose rules never changed
** holds (every change adds one to prule_gen), so such a database is not
** read at each request. */
static PruleSet emptySet = { 0, 0, 0, 0, 0, { 0 }, 0 };
static _Atomic(PruleSet*) pCurrent = &emptySet;
static pthread_mutex_t pruleLock = PTHREAD_MUTEX_INITIALIZER;

static int jur_holds(const PeriodRule *p, i64 iUnit, const char *zUnitPath){
  if( p->iJur==iUnit ) return 1;
  size_t n = strlen(p->zJurPath);
  return zUnitPath && n>0 && strncmp(zUnitPath, p->zJurPath, n)==0;
}

const PeriodRule *prule_pick(const PeriodRule *a, int n, const char *zKind, const char *zDeadline,
                             i64 iUnit, const char *zUnitPath, Day start){
  const PeriodRule *pBest = 0;
  size_t nBest = 0;
  for(int i=0; i<n; i++){
    const PeriodRule *p = &a[i];
    if( strcmp(p->zKind, zKind)!=0 || strcmp(p->zDeadline, zDeadline)!=0 ) continue;
    if( start < p->from || (p->to && start > p->to) ) continue;
    if( !jur_holds(p, iUnit, zUnitPath) ) continue;
    size_t nDepth = p->iJur==iUnit ? (size_t)-1 : strlen(p->zJurPath);   /* the unit's own rule is deepest */
    if( pBest==0 || nDepth>nBest ){ pBest = p; nBest = nDepth; }
  }
  return pBest;
}

static PeriodUnit punit_parse(const char *z){
  if( z==0 ) return 0;
  if( strcmp(z, "days")==0 ) return PU_DAYS;
  if( strcmp(z, "workdays")==0 ) return PU_WORKDAYS;
  if( strcmp(z, "months")==0 ) return PU_MONTHS;
  return 0;
}
static const char *punit_name(PeriodUnit e){
  return e==PU_WORKDAYS ? "workdays" : e==PU_MONTHS ? "months" : "days";
}

/* The change counter (0 when the row is missing); -1 on a database error. */
static long long gen_read(Db *p){
  Arena a;
  const char *z = 0;
  arena_init(&a);
  int rc = setting_read(p, &a, "prule_gen", &z);
  long long g = rc!=DB_OK ? -1 : z ? atoll(z) : 0;
  arena_free(&a);
  return g;
}

int prule_gen_bump(Db *p){
  long long g = gen_read(p);
  Stmt q;
  char z[24];
  if( g<0 ) return 1;
  snprintf(z, sizeof z, "%lld", g+1);
  if( db_exec(p, "DELETE FROM setting WHERE name='prule_gen'") ) return 1;
  if( db_prepare(p, &q, "INSERT INTO setting(name, value) VALUES('prule_gen', ?1)") ) return 1;
  db_bind_text(&q, 1, z);
  int rc = db_step(&q)!=DB_DONE;
  db_finalize(&q);
  return rc;
}

/* Reads the rules and units into a new set (at generation g). */
static int set_read(Db *p, long long g, PruleSet **ppOut){
  PruleSet *s = calloc(1, sizeof *s);
  if( s==0 ) abort();
  arena_init(&s->arena);
  s->gen = g;
  Stmt q;
  int rc, nAlloc = 0;
  if( (rc = db_prepare(p, &q, "SELECT r.id, r.kind, r.deadline, r.unit_id, r.level, r.length, r.punit, r.basis,"
                              " r.valid_from, r.valid_to, r.created_by, r.created_at,"
                              " COALESCE(d.path, ''), COALESCE(d.name, '')"
                              " FROM period_rule r LEFT JOIN dept d ON d.id=r.unit_id ORDER BY r.id")) ) goto fail;
  while( (rc = db_step(&q))==DB_ROW ){
    s->aRule = arena_grow(&s->arena, s->aRule, s->nRule, &nAlloc, sizeof *s->aRule);
    PeriodRule *r = &s->aRule[s->nRule++];
    memset(r, 0, sizeof *r);
    Arena *a = &s->arena;
    r->id = db_column_int64(&q, 0);
    r->zKind = arena_strdup(a, db_column_text(&q, 1));
    r->zDeadline = arena_strdup(a, db_column_text(&q, 2));
    r->iJur = db_column_int64(&q, 3);
    r->zLevel = arena_strdup(a, db_column_text(&q, 4));
    r->nLength = (int)db_column_int64(&q, 5);
    r->eUnit = punit_parse(db_column_text(&q, 6));
    if( r->eUnit==0 ) r->eUnit = PU_DAYS;          /* check reports a row changed behind fazhi's back */
    r->zBasis = arena_strdup(a, db_column_text(&q, 7));
    snprintf(r->zFrom, sizeof r->zFrom, "%s", db_column_text(&q, 8));
    if( !db_column_is_null(&q, 9) ) snprintf(r->zTo, sizeof r->zTo, "%s", db_column_text(&q, 9));
    if( day_parse(r->zFrom, &r->from) ) r->from = 0x7fffffff;   /* an unreadable date: never in force */
    if( r->zTo[0] && day_parse(r->zTo, &r->to) ) r->to = 0;
    r->zBy = arena_strdup(a, db_column_text(&q, 10));
    r->zAt = arena_strdup(a, db_column_text(&q, 11));
    r->zJurPath = arena_strdup(a, db_column_text(&q, 12));
    r->zJurName = arena_strdup(a, db_column_text(&q, 13));
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) goto fail;
  nAlloc = 0;
  if( (rc = db_prepare(p, &q, "SELECT id, path FROM dept WHERE dtype IN ('county','city') OR parent_id IS NULL ORDER BY id")) ) goto fail;
  while( (rc = db_step(&q))==DB_ROW ){
    s->aUnit = arena_grow(&s->arena, s->aUnit, s->nUnit, &nAlloc, sizeof *s->aUnit);
    s->aUnit[s->nUnit].id = db_column_int64(&q, 0);
    s->aUnit[s->nUnit].zPath = arena_strdup(&s->arena, db_column_text(&q, 1));
    s->nUnit++;
  }
  db_finalize(&q);
  if( rc!=DB_DONE ) goto fail;
  *ppOut = s;
  return 0;
fail:
  arena_free(&s->arena);
  free(s);
  return rc ? rc : 1;
}

int prule_load(Db *p){
  long long g = gen_read(p);
  if( g<0 ) return 1;
  PruleSet *s;
  int rc = set_read(p, g, &s);
  if( rc ) return rc;
  pthread_mutex_lock(&pruleLock);
  s->pOld = atomic_load(&pCurrent);
  atomic_store(&pCurrent, s);
  pthread_mutex_unlock(&pruleLock);
  return 0;
}

int prule_refresh(Ctx *c){
  long long g = gen_read(c->pDb);
  if( g<0 ) return 1;
  if( g==atomic_load(&pCurrent)->gen ) return 0;
  return prule_load(c->pDb);
}

/* The path of unit iUnit: from the set, else (a unit made since it was
** loaded) from the database; NULL when none. */
static const char *unit_path(Ctx *c, const PruleSet *s, i64 iUnit){
  int lo = 0, hi = s->nUnit-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( s->aUnit[mid].id==iUnit ) return s->aUnit[mid].zPath;
    if( s->aUnit[mid].id<iUnit ) lo = mid+1; else hi = mid-1;
  }
  Stmt q;
  const char *z = 0;
  if( db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1") ) return 0;
  db_bind_int64(&q, 1, iUnit);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z;
}

/* Does s hold any rule for kind k's period d? */
static int set_has(const PruleSet *s, const Kind *k, const Deadline *d){
  for(int i=0; i<s->nRule; i++){
    if( strcmp(s->aRule[i].zDeadline, d->zName)==0 && strcmp(s->aRule[i].zKind, k->zName)==0 ) return 1;
  }
  return 0;
}

const PeriodRule *prule_for(Ctx *c, const Rec *r, const Deadline *d){
  if( !d->bLocal ) return 0;
  const PruleSet *s = atomic_load(&pCurrent);
  if( s->nRule==0 || !set_has(s, r->pKind, d) ) return 0;
  const char *zStart = rec_val(r, d->zStart);
  Day start;
  if( zStart==0 || day_parse(zStart, &start) ) return 0;
  i64 iUnit = r->iUnit ? r->iUnit : r->iDept ? dept_unit_id(c, r->iDept) : 0;
  if( iUnit==0 ) return 0;
  return prule_pick(s->aRule, s->nRule, r->pKind->zName, d->zName, iUnit, unit_path(c, s, iUnit), start);
}

int prule_reach(const Kind *k, const Deadline *d){
  const PruleSet *s = atomic_load(&pCurrent);
  int nMax = 0;
  for(int i=0; d->bLocal && i<s->nRule; i++){
    const PeriodRule *p = &s->aRule[i];
    if( strcmp(p->zKind, k->zName)!=0 || strcmp(p->zDeadline, d->zName)!=0 ) continue;
    int n = p->nLength + (d->zExtFlag ? d->nExtension : 0);
    n = p->eUnit==PU_WORKDAYS ? n*2 + 14 : p->eUnit==PU_MONTHS ? n*31 + 7 : n + 14;
    if( n>nMax ) nMax = n;
  }
  return nMax;
}

const char *prule_length_text(Arena *a, int n, PeriodUnit e){
  return arena_printf(a, "%d%s", n, e==PU_WORKDAYS ? "个工作日" : e==PU_MONTHS ? "个月" : "日");
}

const char *prule_level_label(const char *zLevel){
  if( zLevel && strcmp(zLevel, "province")==0 ) return "省级规定";
  if( zLevel && strcmp(zLevel, "city")==0 ) return "市级规定";
  return "县级规定";
}

const char *prule_source(Arena *a, const Deadline *d, const PeriodRule *p){
  if( p==0 ) return arena_printf(a, "依据：%s（默认规定）", d->zBasis);
  if( p->zTo[0] ) return arena_printf(a, "依据：%s（%s，%s起施行，%s止）", p->zBasis, prule_level_label(p->zLevel), p->zFrom, p->zTo);
  return arena_printf(a, "依据：%s（%s，%s起施行）", p->zBasis, prule_level_label(p->zLevel), p->zFrom);
}

/* The path of dept iDept (0: NULL). */
static const char *dept_path_of(Ctx *c, i64 iDept){
  Stmt q;
  const char *z = 0;
  if( iDept==0 || db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1") ) return 0;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z;
}

static int path_prefix(const char *zPre, const char *z){
  return strncmp(z, zPre, strlen(zPre))==0;
}

void prule_sql(Ctx *c, const Kind *k, const Deadline *d, i64 iDept, PruleSql *p){
  memset(p, 0, sizeof *p);
  const PruleSet *s = atomic_load(&pCurrent);
  if( !d->bLocal || s->nRule==0 || !set_has(s, k, d) ) return;
  const char *zScope = dept_path_of(c, iDept);
  if( zScope==0 ) zScope = c->pActor && c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  /* the units whose records the scope may count: those inside it, and
  ** those above it (a bureau's records carry its county's unit_id) */
  i64 *aIn = arena_alloc(c->pArena, sizeof(i64)*(size_t)(s->nUnit+1));
  const char **azIn = arena_alloc(c->pArena, sizeof(char*)*(size_t)(s->nUnit+1));
  int nIn = 0;
  for(int i=0; i<s->nUnit; i++){
    const char *z = s->aUnit[i].zPath;
    if( path_prefix(zScope, z) || path_prefix(z, zScope) ){ aIn[nIn] = s->aUnit[i].id; azIn[nIn++] = z; }
  }
  /* deepest jurisdiction first: the CASE takes the first rule in force */
  int *aOrder = arena_alloc(c->pArena, sizeof(int)*(size_t)(s->nRule+1));
  int nOrder = 0;
  for(int i=0; i<s->nRule; i++){
    const PeriodRule *r = &s->aRule[i];
    if( strcmp(r->zKind, k->zName)!=0 || strcmp(r->zDeadline, d->zName)!=0 || r->zJurPath[0]==0 ) continue;
    int j = nOrder++;
    while( j>0 && strlen(s->aRule[aOrder[j-1]].zJurPath) < strlen(r->zJurPath) ){ aOrder[j] = aOrder[j-1]; j--; }
    aOrder[j] = i;
  }
  p->aCase = arena_alloc(c->pArena, sizeof(PruleCase)*(size_t)(nOrder+1));
  for(int o=0; o<nOrder; o++){
    const PeriodRule *r = &s->aRule[aOrder[o]];
    i64 *aU = arena_alloc(c->pArena, sizeof(i64)*(size_t)(nIn+1));
    int nU = 0;
    for(int i=0; i<nIn; i++) if( path_prefix(r->zJurPath, azIn[i]) ) aU[nU++] = aIn[i];
    if( nU==0 ) continue;
    if( r->eUnit!=d->eUnit ) p->bMixed = 1;
    PruleCase *x = &p->aCase[p->nCase++];
    x->nUnit = nU==nIn ? 0 : nU;      /* the whole scope: no test of unit_id */
    x->aUnit = aU;
    x->from = r->from;
    x->to = r->to;
    x->nLength = r->nLength;
  }
}

/* ---- changes ------------------------------------------------------------ */

static const Field fKind   = { "kind",     "台账",     FT_TEXT };
static const Field fDl     = { "deadline", "期限",     FT_TEXT };
static const Field fUnit   = { "unit",     "适用地区", FT_TEXT };
static const Field fLevel  = { "level",    "规定层级", FT_TEXT };
static const Field fLength = { "length",   "期限长度", FT_TEXT };
static const Field fPunit  = { "punit",    "计算单位", FT_TEXT };
static const Field fBasis  = { "basis",    "依据",     FT_TEXT };
static const Field fFrom   = { "from",     "施行日期", FT_TEXT };
static const Field fTo     = { "to",       "停止施行日期", FT_TEXT };
static const Field fId     = { "id",       "规则编号", FT_TEXT };

/* A unit of the tree (county, city, root) named by id or name, in the
** actor's scope: its id, path and dtype; else an error on fUnit. */
static int unit_find(Ctx *c, const char *zUnit, i64 *piUnit, const char **pzPath, const char **pzType){
  i64 iDept = 0;
  const char *zPath = 0;
  if( zUnit==0 || zUnit[0]==0 ){
    iDept = actor_unit(c->pActor);
    if( iDept==0 ){ err_add(c, 0, &fUnit, "请填写适用地区（县、市或省的名称）"); return 1; }
  }else if( dept_lookup(c, zUnit, &iDept, &zPath) ){
    err_add(c, 0, &fUnit, "没有“%s”这个单位", zUnit);
    return 1;
  }
  Stmt q;
  int bUnit = 0;
  if( db_prepare(c->pDb, &q, "SELECT path, dtype, parent_id IS NULL FROM dept WHERE id=?1") ) return 1;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ){
    zPath = arena_strdup(c->pArena, db_column_text(&q, 0));
    *pzType = arena_strdup(c->pArena, db_column_text(&q, 1));
    bUnit = strcmp(*pzType, "county")==0 || strcmp(*pzType, "city")==0 || db_column_int64(&q, 2)!=0;
  }
  db_finalize(&q);
  const char *zScope = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  if( zPath==0 || !path_prefix(zScope, zPath) ){
    err_add(c, 0, &fUnit, "没有“%s”这个单位", zUnit ? zUnit : "");   /* outside the scope: not revealed */
    return 1;
  }
  if( !bUnit ){
    err_add(c, 0, &fUnit, "“%s”不是县（区）、市或省：期限规则只能按县（区）、市、省设定", zUnit);
    return 1;
  }
  *piUnit = iDept;
  *pzPath = zPath;
  return 0;
}

static void now_utc(char z[32]){
  time_t t = time(0);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(z, 32, "%Y-%m-%d %H:%M:%S", &tm);
}

int prule_set(Ctx *c, const char *zKind, const char *zDeadline, const char *zUnit, const char *zLevel,
              const char *zLength, const char *zPunit, const char *zBasis, const char *zFrom, i64 *piId){
  *piId = 0;
  const Kind *k = zKind && zKind[0] ? kind_find(zKind) : 0;
  const Deadline *d = k ? kind_deadline(k, zDeadline) : 0;
  if( k==0 ) err_add(c, 0, &fKind, zKind && zKind[0] ? "没有“%s”这个台账" : "请选择台账%s", zKind ? zKind : "");
  else if( d==0 ) err_add(c, 0, &fDl, "“%s”没有“%s”这个期限", k->zLabel, zDeadline ? zDeadline : "");
  else if( !d->bLocal ){
    err_add(c, 0, &fDl, "“%s”的“%s”由法律、行政法规统一规定（%s），地方不能另行规定", k->zLabel, d->zLabel, d->zBasis);
  }
  i64 iUnit = 0;
  const char *zPath = 0, *zType = 0;
  unit_find(c, zUnit, &iUnit, &zPath, &zType);
  int bCounty = zType && strcmp(zType, "county")==0;
  if( zLevel==0 || zLevel[0]==0 ) zLevel = bCounty ? "county" : "city";
  if( strcmp(zLevel, "province")!=0 && strcmp(zLevel, "city")!=0 && strcmp(zLevel, "county")!=0 ){
    err_add(c, 0, &fLevel, "规定层级只能是 province（省级）、city（市级）或 county（县级）");
  }else if( zType && bCounty != (strcmp(zLevel, "county")==0) ){
    err_add(c, 0, &fLevel, bCounty ? "县（区）只能设定县级规定；省级、市级规定请在省、市设定"
                                   : "省、市设定的是省级或市级规定（县级规定请在县（区）设定）");
  }
  char *zEnd = 0;
  long n = zLength ? strtol(zLength, &zEnd, 10) : 0;
  if( zLength==0 || zLength[0]==0 || zEnd==0 || *zEnd || n<1 || n>PRULE_LEN_MAX ){
    err_add(c, 0, &fLength, "期限长度应为1至%d的整数，“%s”不是", PRULE_LEN_MAX, zLength ? zLength : "");
  }
  PeriodUnit eUnit = punit_parse(zPunit);
  if( eUnit==0 ) err_add(c, 0, &fPunit, "计算单位只能是 days（日）、workdays（工作日）或 months（月）");
  else if( d && d->bMinimum && eUnit==PU_MONTHS ) err_add(c, 0, &fPunit, "最短期间只能按日或工作日计算");
  if( zBasis==0 || zBasis[0]==0 ) err_add(c, 0, &fBasis, "请填写依据（文件名称和条款，如 某省行政规范性文件管理办法第二十条）");
  else if( rec_text_checked(c, &fBasis, zBasis, 0) && (utf8_chars(zBasis)>200 || strchr(zBasis, '\n')) ){
    err_add(c, 0, &fBasis, "依据应为一行、最多200个字");
  }
  Day from = 0;
  if( zFrom==0 || zFrom[0]==0 ) err_add(c, 0, &fFrom, "请填写施行日期");
  else if( day_parse(zFrom, &from) ) err_add(c, 0, &fFrom, "日期无效：“%s”（应为YYYY-MM-DD）", zFrom);
  if( c->err.n ) return FZ_INVALID;
  char zF[11];
  day_format(from, zF);
  /* the rules of the same period and unit: a later or same-day one is
  ** refused; one still in force from before ends the day before */
  Stmt q;
  i64 iPrev = 0;
  if( db_prepare(c->pDb, &q, "SELECT id, valid_from, valid_to FROM period_rule WHERE kind=?1 AND deadline=?2 AND unit_id=?3") ) return err_internal(c, "prule_set: %s", db_errmsg(c->pDb));
  db_bind_text(&q, 1, k->zName);
  db_bind_text(&q, 2, d->zName);
  db_bind_int64(&q, 3, iUnit);
  while( db_step(&q)==DB_ROW ){
    const char *zF0 = db_column_text(&q, 1), *zT0 = db_column_is_null(&q, 2) ? 0 : db_column_text(&q, 2);
    if( strcmp(zF0, zF)>=0 ){
      err_add(c, 0, &fFrom, "该地区已有自%s起施行的规定（编号%lld），新规定的施行日期应晚于它", zF0, (long long)db_column_int64(&q, 0));
    }else if( zT0==0 || strcmp(zT0, zF)>=0 ){
      iPrev = db_column_int64(&q, 0);
    }
  }
  db_finalize(&q);
  if( c->err.n ) return FZ_INVALID;
  char zAt[32];
  now_utc(zAt);
  pthread_mutex_lock(&pruleLock);
  int rc = db_begin_write(c->pDb)!=DB_OK;
  i64 id = rc ? 0 : audit_next_id(c->pDb, "period_rule", "@period_rule");
  if( id==0 ) rc = 1;
  if( rc==0 && iPrev ){
    const char *zKey = arena_printf(c->pArena, "%lld", (long long)iPrev);
    const char *zBefore = audit_rows(c, "period_rule", zKey);
    char zDay[11];
    day_format(from-1, zDay);
    rc = zBefore==0 || db_prepare(c->pDb, &q, "UPDATE period_rule SET valid_to=?2 WHERE id=?1")!=DB_OK;
    if( rc==0 ){
      db_bind_int64(&q, 1, iPrev);
      db_bind_text(&q, 2, zDay);
      rc = db_step(&q)!=DB_DONE;
      db_finalize(&q);
    }
    if( rc==0 ) rc = audit_rows_log(c, "period_rule_end", "period_rule", zKey, 0, zBefore);
  }
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)id);
  const char *zBefore = rc ? 0 : audit_rows(c, "period_rule", zKey);
  if( zBefore==0 ) rc = 1;
  if( rc==0 ){
    rc = db_prepare(c->pDb, &q, "INSERT INTO period_rule(id, kind, deadline, unit_id, level, length, punit, basis,"
                                " valid_from, valid_to, created_by, created_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,NULL,?10,?11)")!=DB_OK;
    if( rc==0 ){
      db_bind_int64(&q, 1, id);
      db_bind_text(&q, 2, k->zName);
      db_bind_text(&q, 3, d->zName);
      db_bind_int64(&q, 4, iUnit);
      db_bind_text(&q, 5, zLevel);
      db_bind_int64(&q, 6, n);
      db_bind_text(&q, 7, punit_name(eUnit));
      db_bind_text(&q, 8, zBasis);
      db_bind_text(&q, 9, zF);
      db_bind_text(&q, 10, c->pActor->zLogin ? c->pActor->zLogin : "(命令行)");
      db_bind_text(&q, 11, zAt);
      rc = db_step(&q)!=DB_DONE;
      db_finalize(&q);
    }
  }
  if( rc==0 ) rc = audit_rows_log(c, "period_rule_set", "period_rule", zKey, 0, zBefore);
  if( rc==0 ) rc = prule_gen_bump(c->pDb);
  if( rc==0 ) rc = db_commit(c->pDb)!=DB_OK;
  if( rc ) db_rollback(c->pDb);
  pthread_mutex_unlock(&pruleLock);
  if( rc ) return err_internal(c, "prule_set: %s", db_errmsg(c->pDb));
  prule_load(c->pDb);          /* this process at once; others at their next request */
  *piId = id;
  return FZ_OK;
}

int prule_end(Ctx *c, const char *zId, const char *zTo){
  char *zEnd = 0;
  long long id = zId ? strtoll(zId, &zEnd, 10) : 0;
  if( zId==0 || zEnd==0 || *zEnd || id<=0 ){ err_add(c, 0, &fId, "规则编号应为正整数"); return FZ_INVALID; }
  Stmt q;
  const char *zFrom = 0, *zTo0 = 0, *zPath = 0;
  if( db_prepare(c->pDb, &q, "SELECT r.valid_from, r.valid_to, d.path FROM period_rule r JOIN dept d ON d.id=r.unit_id WHERE r.id=?1") )
    return err_internal(c, "prule_end: %s", db_errmsg(c->pDb));
  db_bind_int64(&q, 1, id);
  if( db_step(&q)==DB_ROW ){
    zFrom = arena_strdup(c->pArena, db_column_text(&q, 0));
    zTo0 = db_column_is_null(&q, 1) ? 0 : arena_strdup(c->pArena, db_column_text(&q, 1));
    zPath = arena_strdup(c->pArena, db_column_text(&q, 2));
  }
  db_finalize(&q);
  const char *zScope = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  if( zFrom==0 || !path_prefix(zScope, zPath) ) return FZ_NOTFOUND;
  Day to;
  char zT[11];
  if( zTo==0 || zTo[0]==0 ) zTo = c->zToday;
  if( day_parse(zTo, &to) ){ err_add(c, 0, &fTo, "日期无效：“%s”（应为YYYY-MM-DD）", zTo); return FZ_INVALID; }
  day_format(to, zT);
  if( strcmp(zT, zFrom)<0 ){ err_add(c, 0, &fTo, "停止施行日期不能早于施行日期%s", zFrom); return FZ_INVALID; }
  /* once ended, a rule stays as it was: cases counted under it keep their dates */
  if( zTo0 ){ err_add(c, 0, &fTo, "该规定已于%s停止施行", zTo0); return FZ_INVALID; }
  const char *zKey = arena_printf(c->pArena, "%lld", id);
  pthread_mutex_lock(&pruleLock);
  int rc = db_begin_write(c->pDb)!=DB_OK;
  const char *zBefore = rc ? 0 : audit_rows(c, "period_rule", zKey);
  rc = zBefore==0 || db_prepare(c->pDb, &q, "UPDATE period_rule SET valid_to=?2 WHERE id=?1")!=DB_OK;
  if( rc==0 ){
    db_bind_int64(&q, 1, id);
    db_bind_text(&q, 2, zT);
    rc = db_step(&q)!=DB_DONE;
    db_finalize(&q);
  }
  if( rc==0 ) rc = audit_rows_log(c, "period_rule_end", "period_rule", zKey, 0, zBefore);
  if( rc==0 ) rc = prule_gen_bump(c->pDb);
  if( rc==0 ) rc = db_commit(c->pDb)!=DB_OK;
  if( rc ) db_rollback(c->pDb);
  pthread_mutex_unlock(&pruleLock);
  if( rc ) return err_internal(c, "prule_end: %s", db_errmsg(c->pDb));
  prule_load(c->pDb);
  return FZ_OK;
}

int prule_rows(Ctx *c, PruleRow **pa, int *pn){
  const PruleSet *s = atomic_load(&pCurrent);
  const char *zScope = c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  int nAlloc = 0;
  *pa = 0; *pn = 0;
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    if( k->aDeadline==0 ) continue;
    for(const Deadline *d=k->aDeadline; d->zName; d++){
      *pa = arena_grow(c->pArena, *pa, *pn, &nAlloc, sizeof **pa);
      PruleRow *w = &(*pa)[(*pn)++];
      memset(w, 0, sizeof *w);
      w->pKind = k;
      w->pDl = d;
      w->apRule = arena_alloc(c->pArena, sizeof(PeriodRule*)*(size_t)(s->nRule+1));
      w->abEdit = arena_alloc(c->pArena, sizeof(int)*(size_t)(s->nRule+1));
      for(int j=s->nRule-1; j>=0; j--){
        const PeriodRule *r = &s->aRule[j];
        if( strcmp(r->zKind, k->zName)!=0 || strcmp(r->zDeadline, d->zName)!=0 || r->zJurPath[0]==0 ) continue;
        int bBelow = path_prefix(zScope, r->zJurPath), bAbove = path_prefix(r->zJurPath, zScope);
        if( !bBelow && !bAbove ) continue;   /* another county's: not revealed */
        w->abEdit[w->nRule] = bBelow;
        w->apRule[w->nRule++] = r;
      }
    }
  }
  return FZ_OK;
}

int prule_units(Ctx *c, PruleUnitOpt **pa, int *pn){
  Stmt q;
  int rc, nAlloc = 0;
  *pa = 0; *pn = 0;
  if( (rc = db_prepare(c->pDb, &q, "SELECT id, name, dtype, parent_id IS NULL FROM dept"
                                   " WHERE (dtype IN ('county','city') OR parent_id IS NULL) AND " SQL_IN_SCOPE("path", 1, 2)
                                   " ORDER BY path")) ) return rc;
  db_bind_scope(&q, 1, 2, c->pActor->zDeptPath ? c->pActor->zDeptPath : "/");
  while( (rc = db_step(&q))==DB_ROW ){
    *pa = arena_grow(c->pArena, *pa, *pn, &nAlloc, sizeof **pa);
    PruleUnitOpt *o = &(*pa)[(*pn)++];
    o->id = db_column_int64(&q, 0);
    o->zName = arena_strdup(c->pArena, db_column_text(&q, 1));
    o->bCounty = strcmp(db_column_text(&q, 2), "county")==0;
    o->bRoot = db_column_int64(&q, 3)!=0;
  }
  db_finalize(&q);
  return rc==DB_DONE ? 0 : rc;
}
