/*
** src/draw/draw.c — a plan's draw against the database: fix the pools
** (名录) and publish their digest, draw from the source's value, write a
** 检查记录 per entity drawn, and verify a stored draw.
**
** Entity pool: the county's active entities (the plan's county, so a
** province database draws county by county), filtered by the plan's
** industry and town, less those that have reached their yearly limit of
** inspections (listed as "held" in the pool, so the holding back is
** public too). Inspector pool: active 行政执法证 holders of the plan's
** department and its joint partners whose certificate is valid on the
** day the pools are fixed.
*/
#include "draw/draw.h"
#include "engine/record.h"
#include "audit/audit.h"
#include "base/sha256.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const Kind kind_inspection_plan, kind_inspection;

typedef struct PoolEnt { const char *zRisk, *zCode, *zName; i64 id; } PoolEnt;
typedef struct PoolOff { const char *zCert, *zName, *zDept, *zRecuse; } PoolOff;

static int cmp_ent(const void *a, const void *b){
  const PoolEnt *x = a, *y = b;
  int c = strcmp(x->zRisk, y->zRisk);
  return c ? c : strcmp(x->zCode, y->zCode);
}
static int cmp_off(const void *a, const void *b){
  return strcmp(((const PoolOff*)a)->zCert, ((const PoolOff*)b)->zCert);
}

/* Text for one TAB-separated field: tabs and line breaks become spaces. */
static const char *flat(Arena *a, const char *z){
  char *p = arena_strdup(a, z ? z : "");
  for(char *q=p; *q; q++) if( *q=='\t' || *q=='\n' || *q=='\r' ) *q = ' ';
  return p;
}
/* A list as typed (lines, commas, 、: 回避对象, 联合部门) → "a,b". */
static const char *code_list(Arena *a, const char *z){
  Buf b;
  buf_init(&b);
  const char *p = z ? z : "";
  while( *p ){
    size_t n = 0;
    while( p[n] && !strchr(" \t\r\n,;", p[n]) && strncmp(p+n, "、", 3) && strncmp(p+n, "，", 3) && strncmp(p+n, "；", 3) ) n++;
    if( n ){
      if( b.n ) buf_putc(&b, ',');
      buf_append(&b, p, n);
      p += n;
    }else{
      p += (*p & 0x80) ? 3 : 1;
    }
  }
  const char *zOut = arena_strdup(a, b.n ? buf_cstr(&b) : "");
  buf_free(&b);
  return zOut;
}

/* The county's path ("/7/", or "/30/7/" in a city) of a department path. */
static const char *county_path(Ctx *c, const char *zPath){
  const char *z = dept_unit_path(c->pDb, c->pArena, zPath, "county");
  if( z ) return z;
  const char *e = strchr(zPath+1, '/');
  return e ? arena_strndup(c->pArena, zPath, (size_t)(e-zPath)+1) : zPath;
}

static int load_plan(Ctx *c, i64 iPlan, Rec **ppPlan){
  int rc = rec_get(c, &kind_inspection_plan, iPlan, ppPlan);
  if( rc==FZ_NOTFOUND ) err_add(c, 0, 0, "抽查计划（ID %lld）不存在或不在您的数据范围内", (long long)iPlan);
  return rc;
}

/* Builds the pool text of a plan from the database, as of today. */
static int build_pool(Ctx *c, const Rec *pPlan, Buf *pOut, int *pnPool){
  Arena *a = c->pArena;
  const char *zPath = 0;
  i64 iDeptPlan = 0;
  if( dept_lookup(c, arena_printf(a, "%lld", (long long)pPlan->iDept), &iDeptPlan, &zPath) ){
    return err_internal(c, "draw: no department %lld", (long long)pPlan->iDept);
  }
  const char *zCounty = county_path(c, zPath);
  /* the inspecting departments: the plan's own and its partners */
  i64 aDept[32];
  int nDept = 0;
  aDept[nDept++] = pPlan->iDept;
  const char *zPartners = code_list(a, rec_val(pPlan, "partners"));
  if( zPartners[0] && strcmp(rec_val(pPlan, "joint") ? rec_val(pPlan, "joint") : "0", "1")!=0 ){
    err_add(c, 0, kind_field(&kind_inspection_plan, "joint"), "填写了联合部门，请将「联合抽查」选为“是”");
  }
  for(const char *p=zPartners; *p; ){
    const char *e = strchr(p, ',');
    const char *zName = e ? arena_strndup(a, p, (size_t)(e-p)) : p;
    i64 id;
    const char *zDp;
    if( dept_lookup(c, zName, &id, &zDp) || strncmp(zDp, zCounty, strlen(zCounty))!=0 ){
      err_add(c, 0, kind_field(&kind_inspection_plan, "partners"), "本县没有部门“%s”", zName);
    }else if( nDept<32 ){
      aDept[nDept++] = id;
    }
    p = e ? e+1 : p+strlen(p);
  }
  if( c->err.n ) return FZ_INVALID;

  const char *zInd = rec_val(pPlan, "industry"), *zTown = rec_val(pPlan, "town");
  char zY0[11], zY1[11];
  snprintf(zY0, sizeof zY0, "%.4s-01-01", c->zToday);
  snprintf(zY1, sizeof zY1, "%s", c->zToday);       /* inspected so far this year */
  Stmt q;
  if( db_prepare(c->pDb, &q,
      "SELECT e.id, e.credit_code, e.name, e.risk, e.yearly_limit,"
      " (SELECT COUNT(*) FROM inspection i WHERE i.enterprise_id=e.id AND i.assigned>=?3 AND i.assigned<=?4)"
      " FROM enterprise e WHERE e.state='active'"
      " AND " SQL_DEPT_IN_SCOPE("e.dept_id", 1, 2)
      " AND (?5='' OR e.industry=?5) AND (?6='' OR e.town=?6)") ){
    return err_internal(c, "draw entities: %s", db_errmsg(c->pDb));
  }
  db_bind_scope(&q, 1, 2, zCounty);
  db_bind_text(&q, 3, zY0);
  db_bind_text(&q, 4, zY1);
  db_bind_text(&q, 5, zInd ? zInd : "");
  db_bind_text(&q, 6, zTown ? zTown : "");
  int nEnt = 0, nAlloc = 0;
  PoolEnt *aEnt = 0;
  Buf held;
  buf_init(&held);
  while( db_step(&q)==DB_ROW ){
    i64 nLimit = db_column_int64(&q, 4), nDone = db_column_int64(&q, 5);
    if( nLimit>0 && nDone>=nLimit ){
      buf_raw_printf(&held, "held\t%s\t%lld\t%lld\n", flat(a, db_column_text(&q, 1)), (long long)nDone, (long long)nLimit);
      continue;
    }
    aEnt = arena_grow(a, aEnt, nEnt, &nAlloc, sizeof *aEnt);
    aEnt[nEnt++] = (PoolEnt){ arena_strdup(a, db_column_text(&q, 3)), flat(a, db_column_text(&q, 1)),
                              flat(a, db_column_text(&q, 2)), db_column_int64(&q, 0) };
  }
  db_finalize(&q);
  if( nEnt ) qsort(aEnt, (size_t)nEnt, sizeof aEnt[0], cmp_ent);

  if( db_prepare(c->pDb, &q,
      "SELECT o.cert_no, o.name, d.name, o.recuse, o.dept_id FROM officer o, dept d"
      " WHERE d.id=o.dept_id AND o.state='active' AND o.cert_type='enforce' AND o.expires>=?1") ){
    buf_free(&held);
    return err_internal(c, "draw officers: %s", db_errmsg(c->pDb));
  }
  db_bind_text(&q, 1, c->zToday);
  int nOff = 0, nOffAlloc = 0;
  PoolOff *aOff = 0;
  while( db_step(&q)==DB_ROW ){
    i64 iDept = db_column_int64(&q, 4);
    int bIn = 0;
    for(int i=0; i<nDept; i++) if( aDept[i]==iDept ) bIn = 1;
    if( !bIn ) continue;
    aOff = arena_grow(a, aOff, nOff, &nOffAlloc, sizeof *aOff);
    aOff[nOff++] = (PoolOff){ flat(a, db_column_text(&q, 0)), flat(a, db_column_text(&q, 1)),
                              flat(a, db_column_text(&q, 2)), code_list(a, db_column_text(&q, 3)) };
  }
  db_finalize(&q);
  if( nOff ) qsort(aOff, (size_t)nOff, sizeof aOff[0], cmp_off);

  int nTeam = atoi(rec_val(pPlan, "team_size") ? rec_val(pPlan, "team_size") : "2");
  if( nEnt==0 ) err_add(c, 0, 0, "按本计划的行业、乡镇条件，名录库中没有可抽取的检查对象");
  if( nOff<nTeam ){
    err_add(c, 0, 0, "检查人员名录只有%d名执法证有效的在岗人员，少于每户%d人；请先在“行政执法人员”中登记", nOff, nTeam);
  }
  if( c->err.n ){ buf_free(&held); return FZ_INVALID; }

  buf_puts(pOut, DRAW_POOL_MAGIC "\n");
  buf_raw_printf(pOut, "plan\t%s\n", flat(a, rec_val(pPlan, "plan_no")));
  buf_raw_printf(pOut, "ratio\t%s\t%s\t%s\t%s\n", rec_val(pPlan, "ratio_a"), rec_val(pPlan, "ratio_b"),
                 rec_val(pPlan, "ratio_c"), rec_val(pPlan, "ratio_d"));
  buf_raw_printf(pOut, "team\t%d\n", nTeam);
  buf_puts(pOut, "source\t"); buf_puts(pOut, flat(a, rec_val(pPlan, "source"))); buf_putc(pOut, '\n');
  for(int i=0; i<nEnt; i++){
    buf_raw_printf(pOut, "entity\t%s\t", aEnt[i].zRisk);
    buf_puts(pOut, aEnt[i].zCode); buf_putc(pOut, '\t');
    buf_puts(pOut, aEnt[i].zName); buf_putc(pOut, '\n');
  }
  for(int i=0; i<nOff; i++){
    buf_puts(pOut, "officer\t");
    buf_puts(pOut, aOff[i].zCert); buf_putc(pOut, '\t');
    buf_puts(pOut, aOff[i].zName); buf_putc(pOut, '\t');
    buf_puts(pOut, aOff[i].zDept); buf_putc(pOut, '\t');
    buf_puts(pOut, aOff[i].zRecuse); buf_putc(pOut, '\n');
  }
  if( held.n ) buf_append(pOut, held.z, held.n);
  buf_free(&held);
  *pnPool = nEnt;
  return FZ_OK;
}

static const char *sha_hex(Arena *a, const char *z){
  unsigned char h[32];
  char zHex[65];
  sha256(z, strlen(z), h);
  sha256_hex(h, zHex);
  return arena_strdup(a, zHex);
}

static void set_val(Ctx *c, Rec *r, const char *zField, const char *zVal){
  const Field *f = kind_field(r->pKind, zField);
  r->azVal[f - r->pKind->aField] = arena_strdup(c->pArena, zVal);
}

int draw_load(Ctx *c, i64 iPlan, DrawRow *p){
  memset(p, 0, sizeof *p);
  Stmt q;
  if( db_prepare(c->pDb, &q, "SELECT fixed_at, fixed_by, pool, pool_sha256, drawn_at, drawn_by,"
                             " draw_values, draw_key, result FROM draw WHERE plan_id=?1") ){
    return err_internal(c, "draw_load: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, iPlan);
  int rc = FZ_NOTFOUND;
  if( db_step(&q)==DB_ROW ){
    Arena *a = c->pArena;
    p->iPlan = iPlan;
    p->zFixedAt = arena_strdup(a, db_column_text(&q, 0));
    p->zFixedBy = arena_strdup(a, db_column_text(&q, 1));
    p->zPool = arena_strdup(a, db_column_text(&q, 2));
    p->zPoolSha = arena_strdup(a, db_column_text(&q, 3));
    if( !db_column_is_null(&q, 4) ){
      p->zDrawnAt = arena_strdup(a, db_column_text(&q, 4));
      p->zDrawnBy = arena_strdup(a, db_column_text(&q, 5));
      p->zValues = arena_strdup(a, db_column_text(&q, 6));
      p->zKey = arena_strdup(a, db_column_text(&q, 7));
      p->zResult = arena_strdup(a, db_column_text(&q, 8));
    }
    rc = FZ_OK;
  }
  db_finalize(&q);
  return rc;
}

int draw_fix(Ctx *c, i64 iPlan){
  Rec *pPlan;
  int rc = load_plan(c, iPlan, &pPlan);
  if( rc ) return rc;
  if( strcmp(pPlan->zState, "draft")!=0 ){
    err_add(c, 0, 0, "只有草拟状态的计划可以固定名录（当前：%s）", kind_state(pPlan->pKind, pPlan->zState)->zLabel);
    return FZ_CONFLICT;
  }
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  /* the pools must be public before the source's value can be known */
  const char *zPlanned = rec_val(pPlan, "planned");
  if( zPlanned && strcmp(c->zToday, zPlanned)>0 ){
    err_add(c, 0, kind_field(&kind_inspection_plan, "planned"),
            "计划抽取日期（%s）已过：名录应在抽取之前固定并公布，请先修改计划抽取日期", zPlanned);
    return FZ_CONFLICT;
  }
  Buf pool;
  buf_init(&pool);
  int nPool = 0;
  if( db_begin_write(c->pDb) ){ buf_free(&pool); return err_internal(c, "draw_fix: %s", db_errmsg(c->pDb)); }
  rc = build_pool(c, pPlan, &pool, &nPool);
  if( rc ) goto fail;
  const char *zPool = buf_cstr(&pool), *zSha = sha_hex(c->pArena, zPool);
  const char *zNow = rec_now_iso(c);
  Stmt q;
  if( db_prepare(c->pDb, &q, "INSERT INTO draw(plan_id, fixed_at, fixed_by, pool, pool_sha256) VALUES(?1,?2,?3,?4,?5)") ) goto db_fail;
  db_bind_int64(&q, 1, iPlan);
  db_bind_text(&q, 2, zNow);
  db_bind_text(&q, 3, c->pActor->zLogin ? c->pActor->zLogin : "");
  db_bind_text(&q, 4, zPool);
  db_bind_text(&q, 5, zSha);
  int src = db_step(&q);
  db_finalize(&q);
  if( src==DB_CONSTRAINT ){                /* fixed meanwhile by another request */
    err_add(c, 0, 0, "本计划的名录已经固定");
    rc = FZ_CONFLICT;
    goto fail;
  }
  if( src!=DB_DONE ) goto db_fail;
  if( audit_rows_log(c, "pool", "draw", arena_printf(c->pArena, "%lld", (long long)iPlan), iPlan, "") ) goto db_fail;
  Rec *pNew = rec_copy(c, pPlan);
  pNew->zState = "fixed";
  set_val(c, pNew, "pool_size", arena_printf(c->pArena, "%d", nPool));
  set_val(c, pNew, "pool_sha256", zSha);
  rc = rec_apply(c, pPlan, pNew, "fix");
  if( rc ) goto fail;
  if( db_commit(c->pDb) ) goto db_fail;
  buf_free(&pool);
  return FZ_OK;
db_fail:
  rc = err_internal(c, "draw_fix: %s", db_errmsg(c->pDb));
fail:
  db_rollback(c->pDb);
  buf_free(&pool);
  return rc;
}

/* Field iWant (0 is the tag) of the pool line tagged zTag whose key field
** (entity: 2, the code; officer: 1, the certificate) is zCode; "" if none. */
static const char *pool_lookup(Arena *a, const char *zPool, const char *zTag, const char *zCode, int iWant){
  int iKey = strcmp(zTag, "entity")==0 ? 2 : 1;
  size_t nTag = strlen(zTag);
  for(const char *p=zPool; *p; ){
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e-p) : strlen(p);
    if( n>nTag && memcmp(p, zTag, nTag)==0 && p[nTag]=='\t' ){
      const char *az[6];
      size_t an[6];
      int nf = 0;
      for(const char *f=p; nf<6; ){
        const char *t = memchr(f, '\t', (size_t)(p+n-f));
        az[nf] = f;
        an[nf++] = t ? (size_t)(t-f) : (size_t)(p+n-f);
        if( !t ) break;
        f = t+1;
      }
      if( nf>iKey && nf>iWant && an[iKey]==strlen(zCode) && memcmp(az[iKey], zCode, an[iKey])==0 ){
        return arena_strndup(a, az[iWant], an[iWant]);
      }
    }
    p += n + (e ? 1 : 0);
  }
  return "";
}

/* "王某（ZF001）、李某（ZF002）" for the certificates "ZF001,ZF002" of a
** result line, with the names the pool gave them. */
static const char *team_text(Arena *a, const char *zPool, const char *zCerts){
  Buf who;
  buf_init(&who);
  char *z = arena_strdup(a, zCerts);
  for(char *t=z; *t; ){
    char *comma = strchr(t, ',');
    if( comma ) *comma = 0;
    if( who.n ) buf_puts(&who, "、");
    buf_puts(&who, pool_lookup(a, zPool, "officer", t, 2));
    buf_puts(&who, "（"); buf_puts(&who, t); buf_puts(&who, "）");
    t = comma ? comma+1 : t+strlen(t);
  }
  const char *zOut = arena_strdup(a, who.n ? buf_cstr(&who) : "");
  buf_free(&who);
  return zOut;
}

int draw_run(Ctx *c, i64 iPlan, const char *zValues){
  Rec *pPlan;
  int rc = load_plan(c, iPlan, &pPlan);
  if( rc ) return rc;
  if( strcmp(pPlan->zState, "fixed")!=0 ){
    err_add(c, 0, 0, strcmp(pPlan->zState, "draft")==0 ? "请先固定并公布名录，再抽取"
                                                         : "本计划已经抽取过，不能重新抽取");
    return FZ_CONFLICT;
  }
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  const char *zPlanned = rec_val(pPlan, "planned");
  if( zPlanned && strcmp(c->zToday, zPlanned)<0 ){
    err_add(c, 0, 0, "未到计划抽取日期（%s）：随机源的号码公布后才能抽取", zPlanned);
    return FZ_CONFLICT;
  }
  DrawRow d;
  if( (rc = draw_load(c, iPlan, &d))!=FZ_OK ) return rc==FZ_NOTFOUND ? err_internal(c, "draw_run: plan %lld fixed without pool", (long long)iPlan) : rc;
  Buf key, res;
  buf_init(&key);
  buf_init(&res);
  char zErr[300];
  if( draw_key(zValues, &key, zErr, sizeof zErr) ){
    err_add(c, 0, 0, "%s", zErr);
    rc = FZ_INVALID;
    goto out;
  }
  if( draw_compute(c->pArena, d.zPool, buf_cstr(&key), &res, zErr, sizeof zErr) ){
    err_add(c, 0, 0, "%s", zErr);
    rc = FZ_INVALID;
    goto out;
  }
  const char *zNow = rec_now_iso(c);
  if( db_begin_write(c->pDb) ) goto db_fail;
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)iPlan);
  const char *zBefore = audit_rows(c, "draw", zKey);
  if( zBefore==0 ) goto db_fail_rb;
  Stmt q;
  if( db_prepare(c->pDb, &q, "UPDATE draw SET drawn_at=?2, drawn_by=?3, draw_values=?4, draw_key=?5, result=?6"
                             " WHERE plan_id=?1 AND drawn_at IS NULL RETURNING plan_id") ) goto db_fail_rb;
  db_bind_int64(&q, 1, iPlan);
  db_bind_text(&q, 2, zNow);
  db_bind_text(&q, 3, c->pActor->zLogin ? c->pActor->zLogin : "");
  db_bind_text(&q, 4, zValues);
  db_bind_text(&q, 5, buf_cstr(&key));
  db_bind_text(&q, 6, buf_cstr(&res));
  int src = db_step(&q);
  db_finalize(&q);
  if( src==DB_DONE ){                      /* drawn meanwhile by another request */
    err_add(c, 0, 0, "本计划已经抽取过，不能重新抽取");
    rc = FZ_CONFLICT;
    goto rb;
  }
  if( src!=DB_ROW ) goto db_fail_rb;
  if( audit_rows_log(c, "draw", "draw", zKey, iPlan, zBefore) ) goto db_fail_rb;
  /* one 检查记录 per entity drawn */
  int nDrawn = 0;
  const char *zPlanNo = rec_val(pPlan, "plan_no");
  for(const char *p=buf_cstr(&res); *p; ){
    const char *e = strchr(p, '\n');
    char *zLine = arena_strndup(c->pArena, p, (size_t)(e-p));
    p = e+1;
    char *zCerts = strchr(zLine, '\t');
    *zCerts++ = 0;
    /* the plan's county's entity: another county may list one under the same code */
    i64 iEnt = rec_id_by_value_in(c, kind_find("enterprise"), kind_field(kind_find("enterprise"), "credit_code"), zLine, 0,
                                  dept_unit_id(c, pPlan->iDept));
    Rec *r = rec_new(c, &kind_inspection);
    r->iDept = pPlan->iDept;
    set_val(c, r, "insp_no", arena_printf(c->pArena, "%s-%03d", zPlanNo, ++nDrawn));
    set_val(c, r, "enterprise_id", arena_printf(c->pArena, "%lld", (long long)iEnt));
    set_val(c, r, "way", "random");
    set_val(c, r, "plan_id", arena_printf(c->pArena, "%lld", (long long)iPlan));
    set_val(c, r, "item", rec_val(pPlan, "item"));
    set_val(c, r, "inspectors", team_text(c->pArena, d.zPool, zCerts));
    set_val(c, r, "assigned", c->zToday);
    if( iEnt==0 ){
      err_add(c, 0, 0, "名录中的检查对象%s已不在名录库中，无法下达检查任务", zLine);
      rc = FZ_CONFLICT;
      goto rb;
    }
    /* the draw applied the rules itself: its own department's item, a
    ** team of officers valid today (a joint plan's partners' too), the
    ** yearly cap held back from the pool (rules.c) */
    int bTrusted = c->bTrusted;
    c->bTrusted = 1;
    rc = rec_insert(c, r);
    c->bTrusted = bTrusted;
    if( rc!=FZ_OK ) goto rb;
  }
  Rec *pNew = rec_copy(c, pPlan);
  pNew->zState = "drawn";
  set_val(c, pNew, "drawn", arena_printf(c->pArena, "%d", nDrawn));
  set_val(c, pNew, "draw_key", buf_cstr(&key));
  if( (rc = rec_apply(c, pPlan, pNew, "draw"))!=FZ_OK ) goto rb;
  if( db_commit(c->pDb) ) goto db_fail;
  rc = FZ_OK;
  goto out;
db_fail_rb:
db_fail:
  rc = err_internal(c, "draw_run: %s", db_errmsg(c->pDb));
rb:
  db_rollback(c->pDb);
out:
  buf_free(&key);
  buf_free(&res);
  return rc;
}

int draw_verify(Ctx *c, i64 iPlan){
  Rec *pPlan;
  int rc = load_plan(c, iPlan, &pPlan);
  if( rc ) return rc;
  DrawRow d;
  rc = draw_load(c, iPlan, &d);
  if( rc==FZ_NOTFOUND ){ err_add(c, 0, 0, "本计划尚未固定名录，没有可复核的抽取"); return FZ_NOTFOUND; }
  if( rc ) return rc;
  int nErr0 = c->err.n;
  const char *zSha = sha_hex(c->pArena, d.zPool);
  if( strcmp(zSha, d.zPoolSha)!=0 ) err_add(c, 0, 0, "名录内容的SHA-256（%s）与公布的摘要（%s）不一致", zSha, d.zPoolSha);
  const char *zPlanSha = rec_val(pPlan, "pool_sha256");
  if( !zPlanSha || strcmp(zPlanSha, d.zPoolSha)!=0 ) err_add(c, 0, 0, "计划记录中的名录摘要与抽取记录不一致");
  /* the plan as shown beside the draw must say what the pool says */
  {
    Arena *a = c->pArena;
    const char *azLine[] = {
      arena_printf(a, "\nratio\t%s\t%s\t%s\t%s\n", rec_val(pPlan, "ratio_a"), rec_val(pPlan, "ratio_b"),
                   rec_val(pPlan, "ratio_c"), rec_val(pPlan, "ratio_d")),
      arena_printf(a, "\nteam\t%s\n", rec_val(pPlan, "team_size")),
      arena_printf(a, "\nsource\t%s\n", flat(a, rec_val(pPlan, "source"))),
      arena_printf(a, "\nplan\t%s\n", flat(a, rec_val(pPlan, "plan_no"))),
    };
    for(int i=0; i<4; i++){
      if( strstr(d.zPool, azLine[i])==0 ){ err_add(c, 0, 0, "计划的抽取比例、每户人数、随机源或编号在名录固定后被修改，与公布的名录不一致"); break; }
    }
  }
  if( d.zResult ){
    Buf key, res;
    buf_init(&key);
    buf_init(&res);
    char zErr[300];
    if( draw_key(d.zValues, &key, zErr, sizeof zErr) ) err_add(c, 0, 0, "随机数无法解析：%s", zErr);
    else if( strcmp(buf_cstr(&key), d.zKey)!=0 ) err_add(c, 0, 0, "随机数“%s”对应的关键字串与记录的（%s）不一致", d.zValues, d.zKey);
    else if( draw_compute(c->pArena, d.zPool, d.zKey, &res, zErr, sizeof zErr) ) err_add(c, 0, 0, "重算失败：%s", zErr);
    else if( strcmp(buf_cstr(&res), d.zResult)!=0 ) err_add(c, 0, 0, "按公布的名录和随机数重算的结果与记录的抽取结果不一致");
    buf_free(&key);
    buf_free(&res);
    /* the 检查记录 the draw wrote: one per entity drawn, in order, with
    ** the inspectors drawn for it; none added, dropped or changed */
    Stmt q;
    if( db_prepare(c->pDb, &q, "SELECT e.credit_code, i.inspectors FROM inspection i, enterprise e"
                               " WHERE i.plan_id=?1 AND i.way='random' AND e.id=i.enterprise_id ORDER BY i.id") ){
      return err_internal(c, "draw_verify: %s", db_errmsg(c->pDb));
    }
    db_bind_int64(&q, 1, iPlan);
    Buf got, want;
    buf_init(&got);
    buf_init(&want);
    while( db_step(&q)==DB_ROW ){
      buf_puts(&got, db_column_text(&q, 0)); buf_putc(&got, '\t');
      buf_puts(&got, db_column_text(&q, 1)); buf_putc(&got, '\n');
    }
    db_finalize(&q);
    int bBad = 0;
    for(const char *p=d.zResult; *p; ){
      const char *t = strchr(p, '\t'), *e = strchr(p, '\n');
      if( t==0 || e==0 || t>e ){ bBad = 1; break; }
      buf_append(&want, p, (size_t)(t-p));
      buf_putc(&want, '\t');
      buf_puts(&want, team_text(c->pArena, d.zPool, arena_strndup(c->pArena, t+1, (size_t)(e-t-1))));
      buf_putc(&want, '\n');
      p = e+1;
    }
    if( bBad ){
      err_add(c, 0, 0, "记录的抽取结果格式不正确");
    }else if( strcmp(got.n ? buf_cstr(&got) : "", want.n ? buf_cstr(&want) : "")!=0 ){
      err_add(c, 0, 0, "本计划的双随机检查记录与抽取结果不一致（检查对象或检查人员被增删或更换）");
    }
    buf_free(&got);
    buf_free(&want);
    const char *zPlanKey = rec_val(pPlan, "draw_key");
    if( !zPlanKey || strcmp(zPlanKey, d.zKey)!=0 ) err_add(c, 0, 0, "计划记录中的随机数关键字串与抽取记录不一致");
    const char *zN = rec_val(pPlan, "drawn");
    int nLines = 0;
    for(const char *p=d.zResult; (p=strchr(p, '\n'))!=0; p++) nLines++;
    if( !zN || atoi(zN)!=nLines ) err_add(c, 0, 0, "计划记录中的抽中数与抽取结果不一致");
  }
  return c->err.n>nErr0 ? FZ_CONFLICT : FZ_OK;
}

int draw_view(Ctx *c, i64 iPlan, DrawView *v){
  memset(v, 0, sizeof *v);
  int rc = draw_load(c, iPlan, &v->row);
  if( rc ) return rc;
  Arena *a = c->pArena;
  for(const char *p=v->row.zPool; *p; ){
    const char *e = strchr(p, '\n');
    if( strncmp(p, "entity\t", 7)==0 ) v->nEntity++;
    else if( strncmp(p, "officer\t", 8)==0 ) v->nOfficer++;
    else if( strncmp(p, "held\t", 5)==0 ) v->nHeld++;
    p = e ? e+1 : p+strlen(p);
  }
  if( v->row.zResult==0 ) return FZ_OK;
  for(const char *p=v->row.zResult; (p=strchr(p, '\n'))!=0; p++) v->nPick++;
  v->aPick = arena_alloc(a, sizeof(DrawPick)*(size_t)(v->nPick+1));
  int i = 0;
  for(const char *p=v->row.zResult; *p && i<v->nPick; i++){
    const char *e = strchr(p, '\n');
    char *zLine = arena_strndup(a, p, (size_t)(e-p));
    p = e+1;
    char *zCerts = strchr(zLine, '\t');
    if( zCerts==0 ) break;
    *zCerts++ = 0;
    DrawPick *k = &v->aPick[i];
    k->zCode = zLine;
    k->zRisk = pool_lookup(a, v->row.zPool, "entity", zLine, 1);
    k->zName = pool_lookup(a, v->row.zPool, "entity", zLine, 3);
    for(char *t=zCerts; *t && k->nTeam<8; ){
      char *comma = strchr(t, ',');
      if( comma ) *comma = 0;
      k->azCert[k->nTeam] = t;
      k->azName[k->nTeam] = pool_lookup(a, v->row.zPool, "officer", t, 2);
      k->nTeam++;
      t = comma ? comma+1 : t+strlen(t);
    }
  }
  return FZ_OK;
}

int draw_verify_all(Ctx *c, int *pnDraws){
  Stmt q;
  *pnDraws = 0;
  if( db_prepare(c->pDb, &q, "SELECT plan_id FROM draw ORDER BY plan_id") ) return err_internal(c, "draw_verify_all: %s", db_errmsg(c->pDb));
  i64 aId[1024];
  int n = 0, rc = FZ_OK;
  while( 1 ){
    /* in batches: draw_verify runs its own statements */
    n = 0;
    while( n<1024 && db_step(&q)==DB_ROW ) aId[n++] = db_column_int64(&q, 0);
    for(int i=0; i<n; i++){
      int n0 = c->err.n;
      int r = draw_verify(c, aId[i]);
      if( r==FZ_INTERNAL ){ db_finalize(&q); return r; }
      for(int j=n0; j<c->err.n; j++){
        c->err.a[j].zMsg = arena_printf(c->pErrArena, "抽查计划（ID %lld）：%s", (long long)aId[i], c->err.a[j].zMsg);
      }
      if( r ) rc = FZ_CONFLICT;
      (*pnDraws)++;
    }
    if( n<1024 ) break;
  }
  db_finalize(&q);
  return rc;
}
