/*
** src/report/define.c — how an indicator is counted, in words: the
** definitions the figures workbook lists (指标口径) and the Word report's
** appendix prints, written from the declaration itself, so they cannot
** drift from what is computed.
*/
#include "report/report.h"
#include "engine/query.h"
#include <string.h>
#include <stdio.h>

/* Department types in words: 县（区）政府、政府部门、乡镇（街道）. */
static void dtype_words(const NameList *l, Buf *b){
  static const struct { const char *zId, *zLabel; } aT[] = {
    { "county", "县（区）政府" }, { "bureau", "政府部门" }, { "town", "乡镇（街道）" }, { "village", "村（社区）" }, { 0, 0 } };
  for(int n=0; n<l->n; n++){
    const char *zL = l->az[n];
    for(int i=0; aT[i].zId; i++) if( strcmp(aT[i].zId, l->az[n])==0 ) zL = aT[i].zLabel;
    buf_raw_printf(b, "%s%s", n ? "、" : "", zL);
  }
}

/* A condition in words: 状态为已结案, 结案方式为撤销、变更, 按期（复议决定期限）. */
static void cond_words(Ctx *c, const Kind *k, const Cond *x, Buf *b){
  if( x->eOp==CO_ONTIME || x->eOp==CO_LATE ){
    const Deadline *d = kind_deadline(k, x->zField);
    if( d && d->bMinimum ) buf_raw_printf(b, "%s%s", d->zLabel, x->eOp==CO_ONTIME ? "符合要求" : "不足");
    else buf_raw_printf(b, "%s%s", d ? d->zLabel : x->zField, x->eOp==CO_ONTIME ? "内完成" : "逾期");
    return;
  }
  if( x->eOp==CO_STATE ){
    buf_puts(b, "状态为");
    for(int n=0; n<x->aValue.n; n++){
      const State *s = kind_state(k, x->aValue.az[n]);
      buf_raw_printf(b, "%s%s", n ? "、" : "", s ? s->zLabel : x->aValue.az[n]);
    }
    return;
  }
  const Field *f = kind_field(k, x->zField);
  const char *zL = f ? f->zLabel : x->zField;
  if( x->eOp==CO_SET ){ buf_raw_printf(b, "已填写%s", zL); return; }
  if( x->eOp==CO_UNSET ){ buf_raw_printf(b, "未填写%s", zL); return; }
  if( x->eOp==CO_SETIF ){
    const Field *g = kind_field(k, x->zValue);
    buf_raw_printf(b, "%s为“是”的已填写%s", g ? g->zLabel : x->zValue, zL);
    return;
  }
  if( x->eOp==CO_YEAR ){ buf_raw_printf(b, "%s为统计年度", zL); return; }
  if( x->eOp==CO_DTYPE ){ buf_puts(b, "所属单位为"); dtype_words(&x->aValue, b); return; }
  if( x->eOp==CO_OWN ){ buf_puts(b, "登记在本级（县、市）名下，不含部门和乡镇（街道）的记录"); return; }
  if( x->eOp==CO_LE || x->eOp==CO_GE ){
    buf_raw_printf(b, "%s%s%s", zL, x->eOp==CO_LE ? "不超过" : "不少于", x->zValue);
    return;
  }
  buf_raw_printf(b, "%s%s", zL, x->eOp==CO_NE ? "不为" : "为");
  for(int n=0; n<x->aValue.n; n++){
    const char *p = x->aValue.az[n], *zV = p;
    if( f && f->eType==FT_ENUM && enum_label(f, p) ) zV = enum_label(f, p);
    else if( f && f->eType==FT_BOOL ) zV = strcmp(p, "1")==0 ? "是" : "否";
    buf_raw_printf(b, "%s%s", n ? "、" : "", zV);
  }
  (void)c;
}

/* A side in words: 记录数 / 某字段之和 / 不同的某字段数, over which kind, where. */
static const char *side_words(Ctx *c, const Kind *k, const Expr *x){
  const Kind *kx = ind_side_kind(k, x);
  if( kx==0 ){
    Buf d;
    buf_init(&d);
    buf_puts(&d, "【部门（单位）】全县");
    for(const Cond *cd=x->aCond; cd->zOp; cd++) dtype_words(&cd->aValue, &d);
    buf_puts(&d, "的数量");
    const char *zOut = arena_strdup(c->pArena, buf_cstr(&d));
    buf_free(&d);
    return zOut;
  }
  Buf b;
  buf_init(&b);
  if( x->zKind ) buf_raw_printf(&b, "【%s】", kx->zLabel);
  const Field *f = x->zField ? kind_field(kx, x->zField) : 0;
  const char *zF = f ? f->zLabel : x->zField ? "所属部门" : "";
  if( x->eAgg==AGG_SUM ) buf_raw_printf(&b, "%s之和", zF);
  else if( x->eAgg==AGG_DISTINCT ) buf_raw_printf(&b, "不同的%s数", zF);
  else buf_puts(&b, "记录数");
  if( x->zMinus ){
    const Field *g = kind_field(kx, x->zMinus);
    buf_raw_printf(&b, "（减去%s）", g ? g->zLabel : x->zMinus);
  }
  int n = 0;
  for(const Cond *cd=x->aCond; cd->zOp; cd++){
    buf_puts(&b, n++ ? "，且" : "，条件：");
    cond_words(c, kx, cd, &b);
  }
  const char *z = arena_strdup(c->pArena, buf_cstr(&b));
  buf_free(&b);
  return z;
}

void ind_define(Ctx *c, const Kind *k, const Indicator *ind, IndDef *d){
  memset(d, 0, sizeof *d);
  d->zMethod = ind->eUnit==IU_PERCENT ? arena_printf(c->pArena, "分子÷分母×100%%，保留%d位小数，四舍五入", ind->nDecimals)
             : ind->eUnit==IU_AVERAGE ? arena_printf(c->pArena, "分子÷分母，保留%d位小数，四舍五入", ind->nDecimals)
             : ind_side_money(k, &ind->num) ? "求和，以元为单位，保留2位小数（金额按分记录，合计后换算为元）"
             : ind->num.eAgg==AGG_SUM ? "求和"
             : "计数";
  d->zNum = side_words(c, k, &ind->num);
  if( ind->eUnit!=IU_COUNT ) d->zDen = side_words(c, k, &ind->den);
  const Field *fy = ind->zYearField ? kind_field(k, ind->zYearField) : kind_year_field(k);
  d->zYear = fy ? (fy->eType==FT_INT ? arena_printf(c->pArena, "%s（年度版本）", fy->zLabel) : fy->zLabel)
           : k->pInForce ? "年末在册" : "不分年度（当前在册）";
  d->zHelp = ind->zHelp;
}
