/*
** src/report/draft.c — the report as the clerk finishes it: stored,
** numbered versions of paragraphs whose figures stay live (tpl.c) until
** the version is frozen.
**
**   draft_create   a new version: drafted from the data, or a copy of one
**   draft_save     the clerk's wording, order and paragraphs (checked)
**   draft_freeze   writes the document out with every value; from then on
**                  the version never changes, and an edit is a new version
**   draft_compose  (report.c) a version read back as a document
**
** A version belongs to the department of the clerk who made it (the
** county for a county clerk) and a year; everyone in that department sees
** it. Every change is one audit entry ("report_new", "report_save",
** "report_freeze", kind "report") holding the paragraphs as written.
*/
#include "report/report_int.h"
#include "engine/kinddef.h"
#include "calendar/clock.h"
#include "engine/setting.h"
#include "audit/audit.h"
#include "base/utf8.h"
#include <string.h>
#include <stdlib.h>

/* Whose versions: the department at the root of the actor's scope (the
** county for a county admin, a bureau for its clerk). The command line
** sees everything ("/"): the county when the database holds one, else 0. */
i64 report_scope(Ctx *c){
  const char *zPath = c->pActor && c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  Stmt q;
  i64 id = 0;
  int bAll = strcmp(zPath, "/")==0;
  if( bAll ){
    if( db_prepare(c->pDb, &q, "SELECT MIN(id), COUNT(*) FROM dept WHERE parent_id IS NULL") ) return 0;
  }else{
    if( db_prepare(c->pDb, &q, "SELECT id, 1 FROM dept WHERE path=?1") ) return 0;
    db_bind_text(&q, 1, zPath);
  }
  if( db_step(&q)==DB_ROW && db_column_int64(&q, 1)==1 ) id = db_column_int64(&q, 0);
  db_finalize(&q);
  return id;
}

int draft_list(Ctx *c, int iYear, DraftVersion **paOut, int *pnOut){
  return store_version_list(c, report_scope(c), iYear, paOut, pnOut);
}

i64 draft_latest(Ctx *c, int iYear){
  DraftVersion *a;
  int n;
  if( draft_list(c, iYear, &a, &n) || n==0 ) return 0;
  return a[0].id;
}

i64 draft_published(Ctx *c, int iYear){
  DraftVersion *a;
  int n;
  if( draft_list(c, iYear, &a, &n) ) return 0;
  for(int i=0; i<n; i++) if( a[i].zFrozenAt ) return a[i].id;
  return 0;
}

int draft_load(Ctx *c, i64 id, DraftVersion *v){
  return store_version_get(c, report_scope(c), id, v);
}

/* The paragraphs as the audit log keeps them: a line each,
** "type TAB state TAB key TAB text". */
static const char *para_lines(Ctx *c, const DraftPara *a, int n){
  Buf b;
  buf_init(&b);
  for(int i=0; i<n; i++){
    buf_raw_printf(&b, "%s\t%s\t%s\t%s\n", a[i].zType, a[i].zState ? a[i].zState : "",
                   a[i].zKey ? a[i].zKey : "", a[i].zTpl);
  }
  const char *z = arena_strndup(c->pArena, b.z ? b.z : "", b.n);
  buf_free(&b);
  return z;
}

/* The report drafted from the data, as paragraphs: the points of chapter
** 三 proposed, waiting for the clerk to accept, edit or drop them. */
static int paras_from_data(Ctx *c, int iYear, DraftPara **paOut, int *pnOut){
  Report r;
  int rc = report_compose(c, iYear, 0, 1, 0, &r);
  if( rc ) return rc;
  int n = 0;
  for(Block *b=r.doc.pFirst; b; b=b->pNext) n++;
  DraftPara *a = arena_alloc(c->pArena, sizeof(DraftPara)*(size_t)(n+1));
  n = 0;
  for(Block *b=r.doc.pFirst; b; b=b->pNext){
    if( b->pFirst==0 && b->eType!=BLK_CHART ) continue;
    DraftPara *p = &a[n++];
    p->zType = tpl_block_name(b->eType);
    p->zTpl = tpl_write(c->pArena, b, iYear, 0);
    p->zKey = b->zKey ? b->zKey : "";
    p->zState = b->eType==BLK_POINT ? "proposed" : "";
  }
  *paOut = a; *pnOut = n;
  return FZ_OK;
}

int draft_proposals(Ctx *c, i64 id, DraftPara **paOut, int *pnOut){
  DraftVersion v;
  int rc = draft_load(c, id, &v);
  if( rc ) return rc;
  DraftPara *a;
  int n, m = 0;
  rc = paras_from_data(c, v.iYear, &a, &n);
  if( rc ) return rc;
  for(int i=0; i<n; i++){
    if( strcmp(a[i].zType, "point")!=0 ) continue;
    int bHave = 0;
    for(int j=0; j<v.nPara && !bHave; j++) bHave = strcmp(v.aPara[j].zKey, a[i].zKey)==0;
    if( !bHave ) a[m++] = a[i];
  }
  *paOut = a; *pnOut = m;
  return FZ_OK;
}

int draft_create(Ctx *c, int iYear, i64 iFrom, i64 *piNew){
  DraftPara *a;
  int n, rc;
  DraftVersion from;
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( !iFrom && (iYear<2000 || iYear>2999) ){
    err_add(c, 0, 0, "年度“%d”无效：应为四位数的年份，如2025", iYear);
    return FZ_INVALID;
  }
  if( iFrom ){
    rc = draft_load(c, iFrom, &from);
    if( rc ) return rc;
    iYear = from.iYear;
    a = from.aPara;
    n = from.nPara;
  }else{
    rc = paras_from_data(c, iYear, &a, &n);
    if( rc ) return rc;
  }
  i64 iScope = report_scope(c);
  if( db_begin_write(c->pDb) ) return err_internal(c, "draft_create: %s", db_errmsg(c->pDb));
  i64 id = 0;
  if( store_version_add(c, iScope, iYear, iFrom ? from.iNo : 0, &id) ) goto db_fail;
  if( store_paras_put(c, id, a, n, 0) ) goto db_fail;
  if( audit_rows_log(c, "report_new", "report_version", arena_printf(c->pArena, "%lld", (long long)id), id, "") ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  *piNew = id;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "draft_create: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}

static int refuse_frozen(Ctx *c, const DraftVersion *v){
  char zAt[40];          /* as the page shows it: the county's zone (time_zone) */
  err_add(c, 0, 0, "第%d版已于%s冻结，不能再修改；如需修改，请以它为基础生成新版本", v->iNo,
          clock_local_iso(v->zFrozenAt, ctx_zone(c), 0, zAt, sizeof zAt));
  return FZ_CONFLICT;
}

int draft_save(Ctx *c, i64 id, const DraftPara *a, int n){
  DraftVersion v;
  int rc = draft_load(c, id, &v);
  if( rc ) return rc;
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( v.zFrozenAt ) return refuse_frozen(c, &v);
  for(int i=0; i<n; i++){
    const char *zWhere = arena_printf(c->pArena, "第%d段", i+1);
    if( tpl_block_type(a[i].zType)==0 ) err_add(c, 0, 0, "%s：段落类型“%s”无效", zWhere, a[i].zType);
    const char *s = a[i].zState ? a[i].zState : "";
    if( strcmp(s, "")!=0 && strcmp(s, "proposed")!=0 && strcmp(s, "dropped")!=0 ){
      err_add(c, 0, 0, "%s：状态“%s”无效", zWhere, s);
    }
    if( strlen(a[i].zTpl)>20000 ) err_add(c, 0, 0, "%s：超过20000字节，请分成几段", zWhere);
    Utf8Bad bad;
    int eBad = utf8_check(a[i].zTpl, strlen(a[i].zTpl), UTF8_TAB, &bad);
    if( eBad==UTF8_E_CONTROL ){
      err_add(c, 0, 0, "%s：含有换行等控制字符；一段一个段落（标题换行写{br}）", zWhere);
    }else if( eBad ){          /* only valid text is stored (src/base/utf8.h) */
      char zWhy[200];
      err_add(c, 0, 0, "%s：含有%s", zWhere, utf8_bad_text(&bad, zWhy, sizeof zWhy));
    }
    /* the key (a proposed point's, kept with the paragraph): one line of
    ** valid text, like every stored field */
    const char *zKey = a[i].zKey ? a[i].zKey : "";
    if( utf8_check(zKey, strlen(zKey), 0, &bad) ){
      char zWhy[200];
      err_add(c, 0, 0, "%s：段落标识（key）含有%s", zWhere, utf8_bad_text(&bad, zWhy, sizeof zWhy));
    }
    Buf e;
    buf_init(&e);
    if( tpl_check(c->pArena, a[i].zTpl, strcmp(a[i].zType, "chart")==0, zWhere, &e) ) err_add(c, 0, 0, "%s", buf_cstr(&e));
    buf_free(&e);
  }
  if( n>2000 ) err_add(c, 0, 0, "段落过多（%d段，最多2000段）", n);
  if( c->err.n ) return FZ_INVALID;
  /* a proposed point whose words the clerk changed is accepted as she wrote it */
  DraftPara *aIn = arena_alloc(c->pArena, sizeof(DraftPara)*(size_t)(n+1));
  for(int i=0; i<n; i++){
    aIn[i] = a[i];
    if( strchr(a[i].zTpl, '\t') ){            /* a tab pasted from Word: a space */
      char *z = arena_strdup(c->pArena, a[i].zTpl);
      for(char *t=z; *t; t++) if( *t=='\t' ) *t = ' ';
      aIn[i].zTpl = z;
    }
    if( aIn[i].zState==0 || strcmp(aIn[i].zState, "proposed")!=0 ) continue;
    for(int j=0; j<v.nPara; j++){
      if( strcmp(v.aPara[j].zKey, aIn[i].zKey ? aIn[i].zKey : "")==0 && strcmp(v.aPara[j].zTpl, aIn[i].zTpl)!=0 ){
        aIn[i].zState = "";
      }
    }
  }
  a = aIn;
  if( db_begin_write(c->pDb) ) return err_internal(c, "draft_save: %s", db_errmsg(c->pDb));
  DraftVersion w;                 /* as it is now: frozen meanwhile? the audit entry's "before" */
  if( draft_load(c, id, &w) ) goto db_fail;
  if( w.zFrozenAt ){
    db_rollback(c->pDb);
    err_add(c, 0, 0, "第%d版刚刚已被冻结，不能再修改；如需修改，请以它为基础生成新版本", v.iNo);
    return FZ_CONFLICT;
  }
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)id);
  const char *zBefore = audit_rows(c, "report_version", zKey);
  if( zBefore==0 ) goto db_fail;
  if( store_paras_put(c, id, a, n, 1) ) goto db_fail;
  if( audit_rows_log(c, "report_save", "report_version", zKey, id, zBefore) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "draft_save: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}

/* The document of version v: the frozen one as written, a live one
** computed now (dropped points left out, the rest finished). */
int draft_compose(Report *p, const DraftVersion *v){
  if( v->zFrozenDoc ){
    for(const char *z=v->zFrozenDoc; *z; ){
      const char *e = strchr(z, '\n');
      size_t n = e ? (size_t)(e-z) : strlen(z);
      const char *t = memchr(z, '\t', n);
      if( t ){
        char zType[16];
        size_t nt = (size_t)(t-z) < sizeof zType ? (size_t)(t-z) : sizeof zType - 1;
        memcpy(zType, z, nt);
        zType[nt] = 0;
        BlockType bt = tpl_block_type(zType);
        tpl_read(p, bt ? bt : BLK_P, arena_strndup(p->pCtx->pArena, t+1, n-(size_t)(t-z)-1), 1);
      }
      z += n + (e ? 1 : 0);
    }
  }else{
    for(int i=0; i<v->nPara && p->rc==0; i++){
      const DraftPara *a = &v->aPara[i];
      if( strcmp(a->zState, "dropped")==0 ) continue;
      BlockType bt = tpl_block_type(a->zType);
      tpl_read(p, bt ? bt : BLK_P, a->zTpl, 0);
      if( bt==BLK_POINT ) p->pCur->zKey = a->zKey;
    }
    if( p->rc==0 ) doc_finish(p);
  }
  /* the page title: the title's text on one line */
  Buf t;
  buf_init(&t);
  for(Block *b=p->doc.pFirst; b; b=b->pNext){
    if( b->eType!=BLK_TITLE ) continue;
    for(Run *r=b->pFirst; r; r=r->pNext) if( r->eType!=RUN_BREAK ) buf_puts(&t, r->z);
    break;
  }
  p->doc.zTitle = arena_strndup(p->pCtx->pArena, t.z ? t.z : "", t.n);
  buf_free(&t);
  return p->rc;
}

int draft_freeze(Ctx *c, i64 id){
  DraftVersion v;
  int rc = draft_load(c, id, &v);
  if( rc ) return rc;
  if( !actor_can_write(c->pActor) ) return FZ_FORBIDDEN;
  if( v.zFrozenAt ) return refuse_frozen(c, &v);
  const char *zLines = para_lines(c, v.aPara, v.nPara);
  int nProposed = 0;
  for(int i=0; i<v.nPara; i++) nProposed += strcmp(v.aPara[i].zState, "proposed")==0;
  if( nProposed ){
    err_add(c, 0, 0, "第三部分还有%d条系统提出的不足未处理：请逐条采纳、修改或删除后再冻结", nProposed);
  }
  /* paragraphs named as the editor numbers them */
  DraftPara *aNow;
  int nNow;
  rc = paras_from_data(c, v.iYear, &aNow, &nNow);
  if( rc ) return rc;
  for(int i=0; i<v.nPara; i++){
    const DraftPara *a = &v.aPara[i];
    if( strcmp(a->zState, "dropped")==0 ) continue;
    if( strstr(a->zTpl, "{?") ){
      err_add(c, 0, 0, "第%d段还有待填写的提示：请填写或删除后再冻结", i+1);
    }
    /* an accepted point must still be what the data say */
    if( strcmp(a->zType, "point")==0 && strcmp(a->zState, "")==0 && a->zKey[0] ){
      int bStill = 0;
      for(int j=0; j<nNow && !bStill; j++) bStill = strcmp(aNow[j].zKey, a->zKey)==0;
      if( !bStill ) err_add(c, 0, 0, "第%d段所说的不足，按最新数据已不成立：请修改（可改为正文段落）或删除后再冻结", i+1);
    }
  }
  /* figures counted on a calendar not yet whole (report_cal_gap) */
  int yGap = report_cal_gap(c, v.iYear);
  if( yGap ){
    err_add(c, 0, 0, "%d年的节假日安排尚未完整登记，报告中依据办理期限计算的数字（标注“※”）可能有误："
                     "请管理员在“节假日”页登记完整（或标记年度安排已完整登记）后再冻结", yGap);
  }
  Report r;
  rc = report_compose(c, v.iYear, id, 0, fig_now, &r);
  if( rc ) return rc;
  /* a figure that could not be computed is a note too (prompts are named above) */
  for(Block *b=r.doc.pFirst; b && !c->err.n; b=b->pNext){
    for(Run *u=b->pFirst; u && !c->err.n; u=u->pNext){
      if( u->eType==RUN_NOTE ) err_add(c, 0, 0, "报告中还有“%s”：请修改相应段落后再冻结", u->z);
    }
  }
  if( c->err.n ) return FZ_INVALID;
  Buf d;
  buf_init(&d);
  for(Block *b=r.doc.pFirst; b; b=b->pNext){
    buf_raw_printf(&d, "%s\t%s\n", tpl_block_name(b->eType), tpl_write(c->pArena, b, v.iYear, 1));
  }
  const char *zDoc = arena_strndup(c->pArena, d.z ? d.z : "", d.n);
  buf_free(&d);
  if( db_begin_write(c->pDb) ) return err_internal(c, "draft_freeze: %s", db_errmsg(c->pDb));
  /* saved meanwhile? then this is not the text the clerk asked to freeze */
  DraftVersion w;
  if( draft_load(c, id, &w) ) goto db_fail;
  if( strcmp(para_lines(c, w.aPara, w.nPara), zLines)!=0 ){
    db_rollback(c->pDb);
    err_add(c, 0, 0, "第%d版刚刚被修改过：请查看修改后的内容，再冻结", v.iNo);
    return FZ_CONFLICT;
  }
  /* The chain head at this moment goes into the document's end matter:
  ** whoever holds the published report can later prove, with fazhi check
  ** --anchor N:HASH, that the log behind it was not cut or rewritten. */
  i64 nHead = 0;
  char zHead[65];
  if( audit_head(c->pDb, &nHead, zHead) ) goto db_fail;
  zDoc = arena_printf(c->pArena, "%sfoot\t审计日志链：第%lld条 %.16s（冻结时的链头，可用 fazhi check --anchor %lld:%.16s 核验）\n",
                      zDoc, (long long)nHead, zHead, (long long)nHead, zHead);
  const char *zKey = arena_printf(c->pArena, "%lld", (long long)id);
  const char *zBefore = audit_rows(c, "report_version", zKey);
  if( zBefore==0 ) goto db_fail;
  rc = store_version_freeze(c, id, zDoc);
  if( rc<0 ){
    db_rollback(c->pDb);
    err_add(c, 0, 0, "第%d版刚刚已被冻结", v.iNo);
    return FZ_CONFLICT;
  }
  if( rc ) goto db_fail;
  if( audit_rows_log(c, "report_freeze", "report_version", zKey, id, zBefore) ) goto db_fail;
  if( db_commit(c->pDb) ) goto db_fail;
  return FZ_OK;
db_fail:
  rc = err_internal(c, "draft_freeze: %s", db_errmsg(c->pDb));
  db_rollback(c->pDb);
  return rc;
}

/* Each paragraph of version v read on its own, as HTML runs (figures
** linked, prompts shaded): what the editor shows beside the text. */
static const char **para_html(Ctx *c, const DraftVersion *v){
  const char **az = arena_alloc(c->pArena, sizeof(char*)*(size_t)(v->nPara+1));
  Report r;
  report_init(&r, c, v->iYear);
  int nLead = 0;
  for(int i=0; i<v->nPara; i++){
    BlockType bt = tpl_block_type(v->aPara[i].zType);
    tpl_read(&r, bt ? bt : BLK_P, v->aPara[i].zTpl, 0);
    /* lead-ins numbered as the finished report will number them */
    if( bt==BLK_H1 ) nLead = 0;
    for(Run *u=r.pCur->pFirst; u && strcmp(v->aPara[i].zState, "dropped")!=0; u=u->pNext){
      if( u->eType==RUN_LEAD ) u->z = lead_numbered(&r, ++nLead, u->z);
    }
    Buf b;
    buf_init(&b);
    if( r.rc==FZ_OK ) html_runs(r.pCur, v->iYear, &b);
    if( r.rc==FZ_OK && r.pCur->pChart ) chart_svg(&b, r.pCur->pChart);
    az[i] = arena_strndup(c->pArena, b.z ? b.z : "", b.n);
    buf_free(&b);
  }
  return r.rc ? 0 : az;
}
const char **draft_para_html(Ctx *c, const DraftVersion *v){
  int iLens = kind_year_lens(c, v->iYear);     /* the year's definitions */
  const char **az = para_html(c, v);
  kind_year_lens(c, iLens);
  return az;
}

/* The finished document's paragraphs as plain text (iVersion 0: drafted
** from the data now): what the comparison of two versions lines up. */
int report_paragraphs(Ctx *c, int iYear, i64 iVersion, const char ***pazText, int *pn){
  Report r;
  int rc = report_compose(c, iYear, iVersion, 0, 0, &r);
  if( rc ) return rc;
  int n = 0;
  for(Block *b=r.doc.pFirst; b; b=b->pNext) n++;
  const char **az = arena_alloc(c->pArena, sizeof(char*)*(size_t)(n+1));
  n = 0;
  for(Block *b=r.doc.pFirst; b; b=b->pNext){
    Buf t;
    buf_init(&t);
    for(Run *u=b->pFirst; u; u=u->pNext) buf_puts(&t, u->eType==RUN_BREAK ? " " : u->z);
    if( b->pChart ){
      buf_raw_printf(&t, "图：%s", b->pChart->zTitle);
      for(int i=0; i<b->pChart->n; i++) buf_raw_printf(&t, "%s%s %s", i ? "，" : "：", b->pChart->a[i].zLabel, b->pChart->a[i].zText);
    }
    if( t.n ) az[n++] = arena_strndup(c->pArena, t.z, t.n);
    buf_free(&t);
  }
  *pazText = az;
  *pn = n;
  return FZ_OK;
}
