/*
** src/engine/rules.c — the rules that hold a record against other records,
** as its kind declares them: references to the record's own department's
** records (F_OWN), people named from a register (Roster), values only a
** mechanism's own page may set (EnumVal.zVia) and a yearly cap per
** referenced record (YearLimit).
**
** Every write applies them, whatever path it came by: rec_insert and
** rec_save (updates, transitions) call rec_check_rules inside their write
** transaction, so a cap counts what is committed; the importer calls it
** for each row. 2026-12-07: these lived in the 扫码入企 page only, so the
** form, the API and an import could record another department's item,
** free-text inspectors and way=qr (issue 13 §4; tests/http/130-rules.sh).
**
** A rule is checked where the write sets or changes what it is about (a
** new record: everything; an edit: the fields it changes, and all of them
** when the department changes), so a record the mechanism's own trusted
** code wrote (a draw's joint team of two departments) stays editable in
** its other fields. Ctx.bTrusted (the draw, the demo generator) skips
** them: that code applies the same rules itself.
*/
#include "engine/record.h"
#include "base/strmap.h"
#include <string.h>
#include <stdlib.h>

/* The pages a value may be reserved to (EnumVal.zVia), as users know them. */
static const struct { const char *zVia; const char *zLabel; } aVia[] = {
  { "scan", "扫描企业二维码打开的扫码入企页面" },
};

static const char *via_label(const char *zVia){
  for(size_t i=0; i<sizeof aVia/sizeof aVia[0]; i++) if( strcmp(aVia[i].zVia, zVia)==0 ) return aVia[i].zLabel;
  return zVia;
}

static int same(const char *a, const char *b){
  if( a==0 || b==0 ) return a==b;
  return strcmp(a, b)==0;
}

/* Field i is new or changed by this write (or the department moved). */
static int touched(const Rec *r, const Rec *pOld, int i){
  if( pOld==0 || pOld->iDept!=r->iDept ) return 1;
  return !same(r->azVal[i], pOld->azVal[i]);
}

/* Any of the comma-separated fields zList changed by this write. */
static int on_touched(const Rec *r, const Rec *pOld, const char *zList){
  const Kind *k = r->pKind;
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    size_t n = strlen(f->zName);
    for(const char *z=zList; z && *z; ){
      const char *e = strchr(z, ',');
      size_t m = e ? (size_t)(e-z) : strlen(z);
      if( m==n && memcmp(z, f->zName, n)==0 && touched(r, pOld, i) ) return 1;
      z = e ? e+1 : 0;
    }
  }
  return 0;
}

static const char *dept_path_of(Ctx *c, i64 iDept){
  Stmt q;
  const char *z = 0;
  if( db_prepare(c->pDb, &q, "SELECT path FROM dept WHERE id=?1") ) return 0;
  db_bind_int64(&q, 1, iDept);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z;
}

static int under(const char *zPath, const char *zTop){
  return zPath && zTop && strncmp(zPath, zTop, strlen(zTop))==0;
}

/* F_OWN: the referenced record is the record's department's (or below)
** and not in a final state. */
static void check_own(Ctx *c, const Rec *r, const Field *f, const char *zPath, int iRow){
  const Kind *kr = kind_find(f->zRef);
  const char *zId = rec_val(r, f->zName);
  SqlBuf b;
  Stmt q;
  const char *zRefPath = 0, *zState = 0;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT d.path, t.state FROM "); sql_ident(&b, kr->zName);
  sql_lit(&b, " t, dept d WHERE d.id=t.dept_id AND t.id=?1");
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    db_bind_int64(&q, 1, atoll(zId));
    if( db_step(&q)==DB_ROW ){
      zRefPath = arena_strdup(c->pArena, db_column_text(&q, 0));
      zState = arena_strdup(c->pArena, db_column_text(&q, 1));
    }
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  const State *s = zState ? kind_state(kr, zState) : 0;
  if( !under(zRefPath, zPath) ){
    /* says nothing of the record named: it may lie outside the actor's scope */
    err_add(c, iRow, f, "只能选择“%s”登记的%s；所选的不是本部门的，不能使用", dept_name(c, r->iDept), kr->zLabel);
  }else if( s && s->bFinal ){
    err_add(c, iRow, f, "所选%s的状态为“%s”，不能使用", kr->zLabel, s->zLabel);
  }
}

/* One key of a Roster field: "张三（41062010001）", "张三(…)" or the bare key. */
static const char *roster_key(Ctx *c, const char *zTok){
  const char *p = strstr(zTok, "（");
  size_t nOpen = 3;
  if( p==0 ){ p = strchr(zTok, '('); nOpen = 1; }
  if( p ){
    const char *s = p + nOpen;
    const char *e = strstr(s, "）");
    if( e==0 ) e = strchr(s, ')');
    if( e==0 ) e = s + strlen(s);
    return arena_strndup(c->pArena, s, (size_t)(e-s));
  }
  return zTok;
}

/* Splits on 、，,；; and line ends; blanks around a token are dropped. */
static int roster_split(Ctx *c, const char *z, const char **az, int nMax){
  int n = 0;
  while( *z && n<nMax ){
    const char *e = z;
    size_t nSep = 0;
    while( *e ){
      if( strncmp(e, "、", 3)==0 || strncmp(e, "，", 3)==0 || strncmp(e, "；", 3)==0 ){ nSep = 3; break; }
      if( *e==',' || *e==';' || *e=='\n' || *e=='\r' ){ nSep = 1; break; }
      e++;
    }
    const char *s = z;
    const char *t = e;
    while( s<t && (*s==' ' || *s=='\t') ) s++;
    while( t>s && (t[-1]==' ' || t[-1]=='\t') ) t--;
    if( t>s ) az[n++] = arena_strndup(c->pArena, s, (size_t)(t-s));
    z = *e ? e + nSep : e;
  }
  return n;
}

/* zList holds zItem as one of its lines (blanks around a line ignored). */
static int line_has(const char *zList, const char *zItem){
  size_t n = strlen(zItem);
  for(const char *p=zList; *p; ){
    while( *p==' ' || *p=='\t' || *p=='\r' || *p=='\n' ) p++;
    const char *e = p;
    while( *e && *e!='\n' && *e!='\r' ) e++;
    const char *t = e;
    while( t>p && (t[-1]==' ' || t[-1]=='\t') ) t--;
    if( (size_t)(t-p)==n && strncmp(p, zItem, n)==0 ) return 1;
    p = e;
  }
  return 0;
}

/* The first unique value (统一社会信用代码) of the record r's FT_REF field
** zField names: what a register's 回避对象 lists. NULL when none. */
static const char *against_code(Ctx *c, const Rec *r, const char *zField){
  const Field *f = kind_field(r->pKind, zField);
  const char *zId = rec_val(r, zField);
  if( f==0 || zId==0 ) return 0;
  const Kind *kr = kind_find(f->zRef);
  const Field *fu = 0;
  for(const Field *g=kr->aField; g->zName && !fu; g++) if( g->flags & F_UNIQUE ) fu = g;
  if( fu==0 ) return 0;
  SqlBuf b;
  Stmt q;
  const char *z = 0;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT "); sql_ident(&b, fu->zName); sql_lit(&b, " FROM "); sql_ident(&b, kr->zName);
  sql_lit(&b, " WHERE id=?1");
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    db_bind_int64(&q, 1, atoll(zId));
    if( db_step(&q)==DB_ROW && !db_column_is_null(&q, 0) ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  return z;
}

/* Roster: each person valid on the record's event date; the value is
** rewritten as "姓名（证号）、…". */
static void check_roster(Ctx *c, Rec *r, int i, const char *zPath, int iRow){
  const Field *f = &r->pKind->aField[i];
  const Roster *p = f->pRoster;
  const Kind *kr = kind_find(p->zKind);
  const char *zOn = 0;
  for(int j=0; j<p->aOn.n && zOn==0; j++) zOn = rec_val(r, p->aOn.az[j]);
  if( zOn==0 ) zOn = c->zToday;
  const char *zAgainst = p->zAgainst ? against_code(c, r, p->zAgainst) : 0;
  const char *az[32];
  int n = roster_split(c, r->azVal[i], az, 32);
  i64 iUnit = dept_unit_id(c, r->iDept);
  Buf out;
  buf_init(&out);
  int nOk = 0, nErr0 = c->err.n;
  const char *azKey[32];
  for(int j=0; j<n; j++){
    const char *zKey = roster_key(c, az[j]);
    azKey[j] = zKey;
    int bDup = 0;
    for(int k=0; k<j; k++) if( strcmp(azKey[k], zKey)==0 ) bDup = 1;
    if( bDup ){ err_add(c, iRow, f, "“%s”填写了两次：应当是%d名不同的人员", zKey, p->nMin); continue; }
    SqlBuf b;
    Stmt q;
    sqlbuf_init(&b);
    sql_lit(&b, "SELECT t."); sql_ident(&b, p->zName);
    sql_lit(&b, ", t."); sql_ident(&b, p->zUntil);
    sql_lit(&b, ", t.state, d.path");
    if( p->zEnumField ){ sql_lit(&b, ", t."); sql_ident(&b, p->zEnumField); }
    if( p->zRecuse ){ sql_lit(&b, ", t."); sql_ident(&b, p->zRecuse); }
    sql_lit(&b, " FROM "); sql_ident(&b, kr->zName);
    sql_lit(&b, " t, dept d WHERE d.id=t.dept_id AND t."); sql_ident(&b, p->zKey);
    sql_lit(&b, "=?1 AND t.unit_id=?2");
    const char *zName = 0, *zUntil = 0, *zState = 0, *zRefPath = 0, *zEnum = 0, *zRecuse = 0;
    int bFound = 0;
    if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
      db_bind_text(&q, 1, zKey);
      db_bind_int64(&q, 2, iUnit);
      if( db_step(&q)==DB_ROW ){
        bFound = 1;
        zName = arena_strdup(c->pArena, db_column_text(&q, 0));
        zUntil = db_column_is_null(&q, 1) ? "" : arena_strdup(c->pArena, db_column_text(&q, 1));
        zState = arena_strdup(c->pArena, db_column_text(&q, 2));
        zRefPath = arena_strdup(c->pArena, db_column_text(&q, 3));
        int iCol = 4;
        if( p->zEnumField ){ zEnum = db_column_is_null(&q, iCol) ? "" : arena_strdup(c->pArena, db_column_text(&q, iCol)); iCol++; }
        if( p->zRecuse && !db_column_is_null(&q, iCol) ) zRecuse = arena_strdup(c->pArena, db_column_text(&q, iCol));
      }
      db_finalize(&q);
    }
    sqlbuf_free(&b);
    const char *zWhy = 0;
    if( !bFound ) zWhy = arena_printf(c->pArena, "%s中没有此人", kr->zLabel);
    else if( p->bOwn && !under(zRefPath, zPath) ) zWhy = "不是本部门的人员";
    else if( p->aState.n && !namelist_has(&p->aState, zState) ){
      const State *s = kind_state(kr, zState);
      zWhy = arena_printf(c->pArena, "状态为“%s”", s ? s->zLabel : zState);
    }else if( p->zEnumField && strcmp(zEnum, p->zEnumValue)!=0 ){
      const Field *fe = kind_field(kr, p->zEnumField);
      const char *zL = fe ? enum_label(fe, p->zEnumValue) : 0;
      zWhy = arena_printf(c->pArena, "不持有%s", zL ? zL : p->zEnumValue);
    }else if( strcmp(zUntil, zOn)<0 ){
      const Field *fu = kind_field(kr, p->zUntil);
      zWhy = arena_printf(c->pArena, "%s为%s，%s时已过期", fu ? fu->zLabel : p->zUntil, zUntil, zOn);
    }
    if( zWhy ){ err_add(c, iRow, f, "“%s”不是%s（%s）", zKey, p->zWhat, zWhy); continue; }
    if( zRecuse && zAgainst && line_has(zRecuse, zAgainst) ){
      err_add(c, iRow, f, "“%s”已申报与%s有利害关系，应当回避", zKey, kind_field(r->pKind, p->zAgainst)->zLabel);
      continue;
    }
    if( out.n ) buf_puts(&out, "、");
    buf_puts(&out, zName);
    buf_puts(&out, "（");
    buf_puts(&out, zKey);
    buf_puts(&out, "）");
    nOk++;
  }
  if( c->err.n==nErr0 && nOk<p->nMin ){
    err_add(c, iRow, f, "至少需要%d名不同的%s，填写“姓名（证号）”或证号，用“、”分隔；实际%d名", p->nMin, p->zWhat, nOk);
  }
  if( c->err.n==nErr0 ) r->azVal[i] = arena_strdup(c->pArena, buf_cstr(&out));
  buf_free(&out);
}

/* YearLimit: the others of the year naming the same record, against its cap. */
static void check_limit(Ctx *c, const Rec *r, const Rec *pOld, int iRow){
  const Kind *k = r->pKind;
  const YearLimit *L = k->pLimit;
  const Field *fRef = kind_field(k, L->zRef), *fYear = kind_year_field(k), *fWhy = kind_field(k, L->zReason);
  int iRef = (int)(fRef - k->aField), iYear = (int)(fYear - k->aField);
  const char *zRef = r->azVal[iRef], *zDay = r->azVal[iYear];
  if( zRef==0 || zDay==0 || strlen(zDay)<4 ) return;
  int iWhy = (int)(fWhy - k->aField);
  /* an edit keeping the record, the year and the reason has nothing new to count */
  if( pOld && !touched(r, pOld, iRef) && !touched(r, pOld, iWhy)
      && pOld->azVal[iYear] && strncmp(pOld->azVal[iYear], zDay, 4)==0 ) return;
  const char *zWhy = rec_val(r, L->zReason);
  if( zWhy && zWhy[0] ) return;
  const Kind *kr = kind_find(fRef->zRef);
  SqlBuf b;
  Stmt q;
  i64 nMax = 0, nHave = 0;   /* the message names no record: the actor could name this one anyway */
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT "); sql_ident(&b, L->zMax); sql_lit(&b, " FROM "); sql_ident(&b, kr->zName);
  sql_lit(&b, " WHERE id=?1");
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    db_bind_int64(&q, 1, atoll(zRef));
    if( db_step(&q)==DB_ROW ) nMax = db_column_int64(&q, 0);
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  if( nMax<=0 ) return;
  sqlbuf_init(&b);
  sql_lit(&b, "SELECT COUNT(*) FROM "); sql_ident(&b, k->zName);
  sql_lit(&b, " WHERE "); sql_ident(&b, fRef->zName); sql_lit(&b, "=?1 AND ");
  sql_ident(&b, fYear->zName); sql_lit(&b, ">=?2 AND "); sql_ident(&b, fYear->zName);
  sql_lit(&b, "<=?3 AND id<>?4 AND id<?5");
  if( db_prepare_buf(c->pDb, &q, &b)==DB_OK ){
    db_bind_int64(&q, 1, atoll(zRef));
    db_bind_text(&q, 2, arena_printf(c->pArena, "%.4s-01-01", zDay));
    db_bind_text(&q, 3, arena_printf(c->pArena, "%.4s-12-31", zDay));
    db_bind_int64(&q, 4, r->id);
    db_bind_int64(&q, 5, c->pImportLimit ? c->iImportFirstId : (i64)1<<62);
    if( db_step(&q)==DB_ROW ) nHave = db_column_int64(&q, 0);
    db_finalize(&q);
  }
  sqlbuf_free(&b);
  /* an import's earlier rows: in its map, whether or not the database
  ** has them yet (PostgreSQL's COPY buffer, rows after writing stopped) */
  int64_t nPending = 0;
  if( c->pImportLimit && strmap_get(c->pImportLimit, arena_printf(c->pArena, "%s\t%.4s", zRef, zDay), &nPending) ){
    nHave += nPending;
  }
  if( nHave<nMax ) return;
  err_add(c, iRow, fWhy, "%s在%.4s年已有%lld条%s，达到年度上限%lld次（%s）；确需超过的，应当填写本项说明理由",
          fRef->zLabel, zDay, (long long)nHave, k->zLabel, (long long)nMax, L->zBasis);
}

/* The dates of a period's pauses (Deadline.aPause) in their order: the
** period's start, then the pause's first date, then its last. A date out
** of order would count days that never were; the message names both. */
static void check_pauses(Ctx *c, const Rec *r, const Rec *pOld, int iRow){
  const Kind *k = r->pKind;
  for(const Deadline *d=k->aDeadline; d && d->zName; d++){
    for(const Pause *p=d->aPause; p && p->zLabel; p++){
      const char *az[3] = { d->zStart, p->zFrom, p->zTo };
      int bTouched = 0;
      for(int j=0; j<3; j++){
        const Field *f = kind_field(k, az[j]);
        if( f && touched(r, pOld, (int)(f - k->aField)) ) bTouched = 1;
      }
      if( !bTouched ) continue;
      for(int j=1; j<3; j++){
        const Field *f = kind_field(k, az[j]);
        const char *zV = rec_val(r, az[j]);
        if( zV==0 || err_has(c, iRow, f->zName) ) continue;
        for(int m=j-1; m>=0; m--){
          const char *zE = rec_val(r, az[m]);
          if( zE==0 ) continue;
          if( strcmp(zV, zE)<0 ){
            err_add(c, iRow, f, "%s（%s）不得早于%s（%s）", f->zLabel, zV, kind_field(k, az[m])->zLabel, zE);
          }
          break;
        }
      }
    }
  }
}

void rec_rules_count(Ctx *c, const Rec *r){
  const YearLimit *L = r->pKind->pLimit;
  if( L==0 || c->pImportLimit==0 ) return;
  const char *zRef = rec_val(r, L->zRef);
  const Field *fYear = kind_year_field(r->pKind);
  const char *zDay = fYear ? rec_val(r, fYear->zName) : 0;
  if( zRef==0 || zDay==0 || strlen(zDay)<4 ) return;
  const char *zKey = arena_printf(c->pArena, "%s\t%.4s", zRef, zDay);
  int64_t n = 0;
  strmap_get(c->pImportLimit, zKey, &n);
  strmap_set(c->pImportLimit, zKey, n+1);
}

int rec_check_rules(Ctx *c, Rec *r, const Rec *pOld, int iRow){
  if( c->bTrusted ) return FZ_OK;
  const Kind *k = r->pKind;
  int nErr0 = c->err.n;
  /* a disabled (停用) department gets no new records; its own stay editable */
  if( r->iDept && (pOld==0 || pOld->iDept!=r->iDept) && dept_disabled(c, r->iDept) ){
    err_add(c, iRow, &field_dept, "“%s”已停用，不能再为它录入数据", dept_name(c, r->iDept));
  }
  const char *zPath = 0;
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    const char *zV = r->azVal[i];
    int bTouched = touched(r, pOld, i);
    if( f->pRoster && f->pRoster->zAgainst ){   /* another enterprise: recusals are checked anew */
      const Field *fa = kind_field(k, f->pRoster->zAgainst);
      if( fa && touched(r, pOld, (int)(fa - k->aField)) ) bTouched = 1;
    }
    if( f->pRoster && f->pRoster->zOn && !bTouched ){   /* another date: certificates valid on it? */
      bTouched = on_touched(r, pOld, f->pRoster->zOn);
    }
    if( zV==0 || err_has(c, iRow, f->zName) || !bTouched ) continue;
    if( f->eType==FT_ENUM ){
      for(const EnumVal *e=f->aEnum; e->zId; e++){
        if( strcmp(e->zId, zV)!=0 || e->zVia==0 ) continue;
        if( c->zVia==0 || strcmp(c->zVia, e->zVia)!=0 ){
          err_add(c, iRow, f, "“%s”只能在%s登记，不能在此录入或改为此项", e->zLabel, via_label(e->zVia));
        }
      }
    }
    if( (f->flags & F_OWN) || f->pRoster ){
      if( zPath==0 ) zPath = dept_path_of(c, r->iDept);
      if( zPath==0 ) continue;          /* no department: rec_check_local says so */
      if( f->flags & F_OWN ) check_own(c, r, f, zPath, iRow);
      if( f->pRoster ) check_roster(c, r, i, zPath, iRow);
    }
  }
  if( k->pLimit ) check_limit(c, r, pOld, iRow);
  check_pauses(c, r, pOld, iRow);
  return c->err.n>nErr0 ? FZ_INVALID : FZ_OK;
}
