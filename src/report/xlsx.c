/*
** src/report/xlsx.c — the report's figures as a workbook: every indicator
** of the year with its numerator, denominator, target and last year's
** value (指标); how each is counted, in words (指标口径); and the figures
** by department or field (分部门情况). A clerk checks the report against
** it; the definitions sheet is the trace of every figure in the report.
*/
#include "report/report.h"
#include "engine/kinddef.h"
#include "engine/query.h"
#include "io/table.h"
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

static void put_value(XlsxOut *x, int iRow, int iCol, const IndValue *v){
  if( v->pInd->eUnit==IU_COUNT && ind_side_money(v->pKind, &v->pInd->num) ) xlsx_out_num(x, iRow, iCol, (double)v->num/100.0, 2);  /* 分 → 元 */
  else if( v->pInd->eUnit==IU_COUNT ) xlsx_out_int(x, iRow, iCol, v->num);
  else if( !v->bEmpty ) xlsx_out_num(x, iRow, iCol, atof(v->zValue), v->pInd->nDecimals);
  else xlsx_out_str(x, iRow, iCol, "无数据");
}

static int xlsx_in_lens(Ctx *c, int iYear, const char *zPath){
  if( iYear<1900 || iYear>2999 ) return err_internal(c, "report_xlsx: bad year %d", iYear);
  XlsxOut *x = xlsx_out_open(zPath, "指标", 0);
  if( x==0 ) return err_internal(c, "report_xlsx: cannot create %s", zPath);
  static const char *const azHead[] = { "序号", "类别", "指标", "数值", "单位", "分子", "分母", "目标值",
    "达到目标", "上年数值", "记录链接（分子）", 0 };
  xlsx_out_header(x, 11, azHead, 0);
  /* last year: the same period when this year is still running (as the report's 同比) */
  int bSame = atoi(c->zToday)==iYear && strcmp(c->zToday+5, "12-31")!=0;
  /* a last year without records: the figures of its published report, if imported */
  Baseline base;
  if( baseline_load(c, iYear-1, &base) ) goto fail;
  int nBase = 0;
  const Kind *aK[64];
  int nK = kinds_in_scope(c->pActor ? c->pActor->zDeptPath : 0, aK, 64), iRow = 0;
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
      const BaseFig *pB = bSame ? 0 : baseline_find(&base, k, ind);
      if( pB ){            /* the published figure says what last year was (as the report's 同比) */
        xlsx_out_str(x, iRow, 9, arena_printf(c->pArena, "%s%s（据上年度报告）", pB->zValue, ind->eUnit==IU_PERCENT ? "%" : ""));
        nBase++;
      }else{
        put_value(x, iRow, 9, &w);
      }
      const Kind *kN = ind_side_kind(k, &ind->num);
      xlsx_out_str(x, iRow, 10, arena_printf(c->pArena, "/k/%s?year=%d&ind=%s&part=num", kN->zName, iYear,
                                             ind_list_param(c, k, ind, 0)));
    }
  }
  if( nBase ) xlsx_out_str(x, iRow+3, 1, arena_printf(c->pArena, "注：标明“据上年度报告”的%d项上年数值取自已导入的%d年度报告（%d年的记录可能不全）。",
                                                        nBase, iYear-1, iYear-1));
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
      IndDef d;
      ind_define(c, k, ind, &d);
      xlsx_out_str(x, iRow, 2, d.zMethod);
      xlsx_out_str(x, iRow, 3, d.zNum);
      if( d.zDen ) xlsx_out_str(x, iRow, 4, d.zDen);
      xlsx_out_str(x, iRow, 5, d.zYear);
      if( d.zHelp ) xlsx_out_str(x, iRow, 6, d.zHelp);
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

/* The figures workbook of a year: its custom kinds as defined then. */
int report_xlsx(Ctx *c, int iYear, const char *zPath){
  int iLens = kind_year_lens(c, iYear);
  int rc = xlsx_in_lens(c, iYear, zPath);
  kind_year_lens(c, iLens);
  return rc;
}
