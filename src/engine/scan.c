/*
** src/engine/scan.c — 扫码入企: what the page behind an enterprise's QR code
** reads and writes. The enterprise's inspections this year (scan_visits),
** the registered items an inspector may log (scan_items) and the
** inspection logged from the page (scan_log). The rules a logged
** inspection must keep (a registered item of the inspector's department,
** two officers of it valid today, the yearly limit) are the engine's for
** every path: src/engine/rules.c, applied by rec_insert.
*/
#include "engine/query.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const Kind kind_inspection;

/* This year's inspections of the enterprise, newest first: those done
** (a drawn task not yet carried out is not announced to the enterprise),
** and its yearly limit. */
int scan_visits(Ctx *c, const Rec *pEnt, ScanView *v){
  Stmt q;
  if( db_prepare(c->pDb, &q,
      "SELECT i.assigned, d.name, i.way, it.name, i.result, i.state, i.inspectors FROM inspection i"
      " JOIN dept d ON d.id=i.dept_id LEFT JOIN inspection_item it ON it.id=i.item"
      " WHERE i.enterprise_id=?1 AND i.state='done' AND i.assigned>=?2 AND i.assigned<=?3 ORDER BY i.assigned DESC, i.id DESC") ){
    return err_internal(c, "scan_visits: %s", db_errmsg(c->pDb));
  }
  db_bind_int64(&q, 1, pEnt->id);
  db_bind_text(&q, 2, arena_printf(c->pArena, "%.4s-01-01", c->zToday));
  db_bind_text(&q, 3, arena_printf(c->pArena, "%.4s-12-31", c->zToday));
  const Field *fWay = kind_field(&kind_inspection, "way"), *fRes = kind_field(&kind_inspection, "result");
  int nAlloc = 0;
  while( db_step(&q)==DB_ROW ){
    v->aVisit = arena_grow(c->pArena, v->aVisit, v->nVisit, &nAlloc, sizeof(ScanVisit));
    ScanVisit *s = &v->aVisit[v->nVisit++];
    s->zDate = arena_strdup(c->pArena, db_column_text(&q, 0));
    s->zDept = arena_strdup(c->pArena, db_column_text(&q, 1));
    s->zWay = enum_label(fWay, db_column_text(&q, 2));
    s->zItem = arena_strdup(c->pArena, db_column_text(&q, 3));
    s->zResult = strcmp(db_column_text(&q, 5), "done")==0 ? enum_label(fRes, db_column_text(&q, 4)) : "待检查";
    s->zInspectors = arena_strdup(c->pArena, db_column_text(&q, 6));
  }
  db_finalize(&q);
  const char *zLimit = rec_val(pEnt, "yearly_limit");
  v->nLimit = zLimit ? atoi(zLimit) : 0;
  return FZ_OK;
}

/* The active registered items of the actor's department (and below),
** in item number order: the logging form's choices. */
int scan_items(Ctx *c, ScanView *v){
  const char *zPath = c->pActor->zDeptPath;
  Stmt q;
  if( db_prepare(c->pDb, &q, "SELECT it.id, it.name FROM inspection_item it, dept d"
                             " WHERE d.id=it.dept_id AND it.state='active' AND " SQL_IN_SCOPE("d.path", 1, 2) " ORDER BY it.item_no") ){
    return err_internal(c, "scan_items: %s", db_errmsg(c->pDb));
  }
  db_bind_scope(&q, 1, 2, zPath);
  int nAlloc = 0;
  while( db_step(&q)==DB_ROW ){
    v->aItem = arena_grow(c->pArena, v->aItem, v->nItem, &nAlloc, sizeof(ScanItem));
    v->aItem[v->nItem].id = db_column_int64(&q, 0);
    v->aItem[v->nItem].zName = arena_strdup(c->pArena, db_column_text(&q, 1));
    v->nItem++;
  }
  db_finalize(&q);
  return FZ_OK;
}

/* The on-duty (active) holders of a 行政执法证 in the actor's department
** and below, valid ones first, by name: the form's inspector choices. An
** expired certificate, or one who declared an interest in pEnt (回避对象
** lists its credit code), is listed as such (it cannot be chosen); the
** rules (src/engine/rules.c) still decide on submit. */
int scan_officers(Ctx *c, const Rec *pEnt, ScanView *v){
  const char *zPath = c->pActor->zDeptPath;
  Stmt q;
  if( db_prepare(c->pDb, &q, "SELECT o.cert_no, o.name, o.expires, o.recuse FROM officer o, dept d"
                             " WHERE d.id=o.dept_id AND o.state='active' AND o.cert_type='enforce' AND " SQL_IN_SCOPE("d.path", 1, 2)
                             " ORDER BY CASE WHEN o.expires>=?3 THEN 0 ELSE 1 END, o.name, o.cert_no") ){
    return err_internal(c, "scan_officers: %s", db_errmsg(c->pDb));
  }
  db_bind_scope(&q, 1, 2, zPath);
  db_bind_text(&q, 3, c->zToday);
  int nAlloc = 0;
  while( db_step(&q)==DB_ROW ){
    v->aOfficer = arena_grow(c->pArena, v->aOfficer, v->nOfficer, &nAlloc, sizeof(ScanOfficer));
    ScanOfficer *o = &v->aOfficer[v->nOfficer++];
    o->zCert = arena_strdup(c->pArena, db_column_text(&q, 0));
    o->zName = arena_strdup(c->pArena, db_column_text(&q, 1));
    o->zExpires = db_column_is_null(&q, 2) ? "" : arena_strdup(c->pArena, db_column_text(&q, 2));
    o->bExpired = strcmp(o->zExpires, c->zToday)<0;
    const char *zCode = rec_val(pEnt, "credit_code"), *zR = db_column_is_null(&q, 3) ? "" : db_column_text(&q, 3);
    size_t nCode = zCode ? strlen(zCode) : 0;
    for(const char *z=zR; nCode && *z; ){              /* a line each */
      size_t n = strcspn(z, "\r\n");
      while( n && (z[0]==' ' || z[0]=='\t') ){ z++; n--; }
      size_t m = n;
      while( m && (z[m-1]==' ' || z[m-1]=='\t') ) m--;
      if( m==nCode && memcmp(z, zCode, m)==0 ) o->bRecused = 1;
      z += n;
      z += strspn(z, "\r\n");
    }
  }
  db_finalize(&q);
  return FZ_OK;
}

/*
** An inspection of pEnt done today by the actor's department, logged from
** the page: xGet(pArg, zName) gives the form's item, result, plan_id,
** note, over_reason, cert1 and cert2. It is numbered SM<date>-<code>-<n>
** (n: this year's visits plus one), way=qr (Ctx.zVia "scan" may set it),
** inspectors "cert1、cert2". Returns rec_insert's code; user errors (a
** value that does not parse, the engine's rules) are in the context.
*/
int scan_log(Ctx *c, const Rec *pEnt, const char *(*xGet)(void*, const char*), void *pArg){
  ScanView v;
  memset(&v, 0, sizeof v);
  int rc = scan_visits(c, pEnt, &v);
  if( rc ) return rc;
  const char *zPlan = xGet(pArg, "plan_id"), *zResult = xGet(pArg, "result");
  const char *zNote = xGet(pArg, "note"), *zWhy = xGet(pArg, "over_reason");
  const char *zCert1 = xGet(pArg, "cert1"), *zCert2 = xGet(pArg, "cert2");
  Rec *p = rec_new(c, &kind_inspection);
  p->iDept = c->pActor->iDept;
  c->zVia = "scan";                      /* way=qr is this page's to set */
  p->zState = "done";
  char zDay[9];
  snprintf(zDay, sizeof zDay, "%.4s%.2s%.2s", c->zToday, c->zToday+5, c->zToday+8);
  const char *zCode = rec_val(pEnt, "credit_code");
  const char *azIn[][2] = {
    { "insp_no", arena_printf(c->pArena, "SM%s-%s-%d", zDay, zCode, v.nVisit+1) },
    { "enterprise_id", arena_printf(c->pArena, "%lld", (long long)pEnt->id) },
    { "way", "qr" },
    { "plan_id", zPlan && zPlan[0] ? zPlan : 0 },
    { "item", xGet(pArg, "item") },
    { "inspectors", arena_printf(c->pArena, "%s、%s", zCert1 ? zCert1 : "", zCert2 ? zCert2 : "") },
    { "assigned", c->zToday },
    { "checked", c->zToday },
    { "result", zResult && zResult[0] ? zResult : 0 },
    { "note", zNote && zNote[0] ? zNote : 0 },
    { "over_reason", zWhy && zWhy[0] ? zWhy : 0 },
  };
  for(size_t i=0; i<sizeof azIn/sizeof azIn[0]; i++){
    const char *zOut = 0;
    if( azIn[i][1]==0 ) continue;
    const Field *f = kind_field(&kind_inspection, azIn[i][0]);
    if( rec_parse_value(c, f, azIn[i][1], &zOut, 0)==0 ) p->azVal[f - kind_inspection.aField] = zOut;
  }
  return c->err.n ? FZ_INVALID : rec_insert(c, p);
}
