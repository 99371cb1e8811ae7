/*
** src/report/xlsx.c — the report's figures as a workbook: every indicator
** of the year with its numerator, denominator, target and last year's
** value (指标); how each is counted, in words (指标口径); and the figures
** by department or field (分部门情况). A clerk checks the report against
** it; the definitions sheet is the trace of every figure in the report.
*/
#include "report/report.h"
#include "engine/query.h"
#include "io/table.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

/* Department types in words: 县（区）政府、政府部门、乡镇（街道）. */
static void dtype_words(const char *zList, Buf *b){
  static const struct { const char *zId, *zLabel; } aT[] = {
    { "county", "县（区）政府" }, { "bureau", "政府部门" }, { "town", "乡镇（街道）" }, { "village", "村（社区）" }, { 0, 0 } };
  char z[128];
  snprintf(z, sizeof z, "%s", zList ? zList : "");
  int n = 0;
  for(char *zSave=0, *p=strtok_r(z, ",", &zSave); p; p=strtok_r(0, ",", &zSave)){
    const char *zL = p;
    for(int i=0; aT[i].zId; i++) if( strcmp(aT[i].zId, p)==0 ) zL = aT[i].zLabel;
    buf_raw_printf(b, "%s%s", n++ ? "、" : "", zL);
  }
}

/* A condition in words: 状态为已结案, 结案方式为撤销、变更, 按期（复议决定期限）. */
static void cond_words(Ctx *c, const Kind *k, const Cond *x, Buf *b){
  const char *op = x->zOp;
  if( strcmp(op, "ontime")==0 || strcmp(op, "late")==0 ){
    const Deadline *d = kind_deadline(k, x->zField);
    buf_raw_printf(b, "%s%s", d ? d->zLabel : x->zField, op[0]=='o' ? "内完成" : "逾期");
    return;
  }
  if( strcmp(op, "state")==0 ){
    buf_puts(b, "状态为");
    char z[256];
    snprintf(z, sizeof z, "%s", x->zValue);
    int n = 0;
    for(char *zSave=0, *p=strtok_r(z, ",", &zSave); p; p=strtok_r(0, ",", &zSave)){
      const State *s = kind_state(k, p);
      buf_raw_printf(b, "%s%s", n++ ? "、" : "", s ? s->zLabel : p);
    }
    return;
  }
  const Field *f = kind_field(k, x->zField);
  const char *zL = f ? f->zLabel : x->zField;
  if( strcmp(op, "set")==0 ){ buf_raw_printf(b, "已填写%s", zL); return; }
  if( strcmp(op, "unset")==0 ){ buf_raw_printf(b, "未填写%s", zL); return; }
  if( strcmp(op, "setif")==0 ){
    const Field *g = kind_field(k, x->zValue);
    buf_raw_printf(b, "%s为“是”的已填写%s", g ? g->zLabel : x->zValue, zL);
    return;
  }
  if( strcmp(op, "year")==0 ){ buf_raw_printf(b, "%s为统计年度", zL); return; }
  if( strcmp(op, "dtype")==0 ){ buf_puts(b, "所属单位为"); dtype_words(x->zValue, b); return; }
  if( strcmp(op, "<=")==0 || strcmp(op, ">=")==0 ){
    buf_raw_printf(b, "%s%s%s", zL, op[0]=='<' ? "不超过" : "不少于", x->zValue);
    return;
  }
  buf_raw_printf(b, "%s%s", zL, strcmp(op, "!=")==0 ? "不为" : "为");
  char z[256];
  snprintf(z, sizeof z, "%s", x->zValue ? x->zValue : "");
  int n = 0;
  for(char *zSave=0, *p=strtok_r(z, ",", &zSave); p; p=strtok_r(0, ",", &zSave)){
    const char *zV = p;
    if( f && f->eType==FT_ENUM && enum_label(f, p) ) zV = enum_label(f, p);
    else if( f && f->eType==FT_BOOL ) zV = strcmp(p, "1")==0 ? "是" : "否";
    buf_raw_printf(b, "%s%s", n++ ? "、" : "", zV);
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
    for(const Cond *cd=x->aCond; cd->zOp; cd++) dtype_words(cd->zValue, &d);
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

static void put_value(XlsxOut *x, int iRow, int iCol, const IndValue *v){
  if( v->pInd->eUnit==IU_COUNT ) xlsx_out_int(x, iRow, iCol, v->num);
  else if( !v->bEmpty ) xlsx_out_num(x, iRow, iCol, atof(v->zValue), v->pInd->nDecimals);
  else xlsx_out_str(x, iRow, iCol, "无数据");
}

int report_xlsx(Ctx *c, int iYear, const char *zPath){
  if( iYear<1900 || iYear>2999 ) return err_internal(c, "report_xlsx: bad year %d", iYear);
  XlsxOut *x = xlsx_out_open(zPath, "指标", 0);
  if( x==0 ) return err_internal(c, "report_xlsx: cannot create %s", zPath);
  static const char *const azHead[] = { "序号", "类别", "指标", "数值", "单位", "分子", "分母", "目标值",
    "达到目标", "上年数值", "记录链接（分子）", 0 };
  xlsx_out_header(x, 11, azHead, 0);
  /* last year: the same period when this year is still running (as the report's 同比) */
  int bSame = atoi(c->zToday)==iYear && strcmp(c->zToday+5, "12-31")!=0;
  const Kind *aK[64];
  int nK = kinds_in_order(aK, 64), iRow = 0;
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    if( k->aIndicator==0 ) continue;
    for(const Indicator *ind=k->aIndicator; ind->zName; ind++){
      IndValue v, w;
      if( ind_compute(c, k, ind, iYear, 0, &v) ) goto fail;
      if( bSame && !k->pVersion ) memcpy(c->zYearUntil, c->zToday+5, 6);
      int rc = ind_compute(c, k, ind, iYear-1, 0, &w);
      c->zYearUntil[0] = 0;
      if( rc ) goto fail;
      iRow++;
      xlsx_out_int(x, iRow, 0, iRow);
      xlsx_out_str(x, iRow, 1, k->zLabel);
      xlsx_out_str(x, iRow, 2, ind->zLabel);
      put_value(x, iRow, 3, &v);
      xlsx_out_str(x, iRow, 4, ind->eUnit==IU_PERCENT ? "%" : ind->eUnit==IU_AVERAGE ? "平均值" : ind_unit_suffix(k, ind));
      if( ind->eUnit!=IU_COUNT ){
        xlsx_out_int(x, iRow, 5, v.num);
        xlsx_out_int(x, iRow, 6, v.den);
      }
      if( ind->zTarget ){
        xlsx_out_str(x, iRow, 7, arena_printf(c->pArena, "%s%%", ind->zTarget));
        if( !v.bEmpty ) xlsx_out_str(x, iRow, 8, v.bBelowTarget ? "未达到" : "达到");
      }
      put_value(x, iRow, 9, &w);
      const Kind *kN = ind_side_kind(k, &ind->num);
      xlsx_out_str(x, iRow, 10, arena_printf(c->pArena, "/k/%s?year=%d&ind=%s&part=num", kN->zName, iYear,
                                             ind_list_param(c, k, ind, 0)));
    }
  }
  if( bSame ) xlsx_out_str(x, iRow+2, 1, arena_printf(c->pArena, "注：%d年尚未结束，数据截至%s；上年数值为上年同期（1月1日至%s）。",
                                                        iYear, c->zToday, c->zToday+5));
  xlsx_out_sheet(x, "指标口径");
  static const char *const azDef[] = { "类别", "指标", "计算方法", "分子", "分母", "统计年度依据", "说明", 0 };
  xlsx_out_header(x, 7, azDef, 0);
  iRow = 0;
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    if( k->aIndicator==0 ) continue;
    for(const Indicator *ind=k->aIndicator; ind->zName; ind++){
      iRow++;
      xlsx_out_str(x, iRow, 0, k->zLabel);
      xlsx_out_str(x, iRow, 1, ind->zLabel);
      xlsx_out_str(x, iRow, 2, ind->eUnit==IU_PERCENT ? arena_printf(c->pArena, "分子÷分母×100%%，保留%d位小数，四舍五入", ind->nDecimals)
                             : ind->eUnit==IU_AVERAGE ? arena_printf(c->pArena, "分子÷分母，保留%d位小数，四舍五入", ind->nDecimals)
                             : "计数");
      xlsx_out_str(x, iRow, 3, side_words(c, k, &ind->num));
      if( ind->eUnit!=IU_COUNT ) xlsx_out_str(x, iRow, 4, side_words(c, k, &ind->den));
      const Field *fy = ind->zYearField ? kind_field(k, ind->zYearField) : kind_year_field(k);
      xlsx_out_str(x, iRow, 5, fy ? (fy->eType==FT_INT ? arena_printf(c->pArena, "%s（年度版本）", fy->zLabel) : fy->zLabel)
                             : k->pInForce ? "年末在册" : "不分年度（当前在册）");
      if( ind->zHelp ) xlsx_out_str(x, iRow, 6, ind->zHelp);
    }
  }
  xlsx_out_sheet(x, "分部门情况");
  static const char *const azBd[] = { "类别", "指标", "分组", "部门（单位）", "数值", "分子", "分母", 0 };
  xlsx_out_header(x, 7, azBd, 0);
  BreakSet *aSet;
  int nSet;
  if( ind_breakdowns(c, 0, iYear, &aSet, &nSet) ) goto fail;
  iRow = 0;
  for(int i=0; i<nSet; i++){
    const BreakSet *s = &aSet[i];
    const Field *fBy = s->pBd->zBy ? kind_field(s->pKind, s->pBd->zBy) : 0;
    for(int g=0; g<s->nRow; g++){
      iRow++;
      xlsx_out_str(x, iRow, 0, s->pKind->zLabel);
      xlsx_out_str(x, iRow, 1, s->all.pInd->zLabel);
      xlsx_out_str(x, iRow, 2, fBy ? fBy->zLabel : "所属部门");
      xlsx_out_str(x, iRow, 3, s->aRow[g].zKey);
      put_value(x, iRow, 4, &s->aRow[g].v);
      if( s->all.pInd->eUnit!=IU_COUNT ){
        xlsx_out_int(x, iRow, 5, s->aRow[g].v.num);
        xlsx_out_int(x, iRow, 6, s->aRow[g].v.den);
      }
    }
  }
  if( xlsx_out_close(x) ) return err_internal(c, "report_xlsx: writing %s failed", zPath);
  return FZ_OK;
fail:
  xlsx_out_close(x);
  unlink(zPath);
  return FZ_INTERNAL;
}
