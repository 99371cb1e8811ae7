/*
** src/report/text.c — what the annual report says: the wording around
** the figures, chapter by chapter (LAW.md §2; the seeds' style).
**
**   title, addressee, opening paragraph (template text)
**   一、推进法治政府建设的主要举措和成效  one subsection per section the
**       kinds declare (their ReportText, written by declared.c), numbered
**       in the order written; an area with no records is left out rather
**       than filled with zeros
**   二、党政主要负责人履行推进法治建设第一责任人职责情况   the figures of the
**       kinds declaring REPORT_SEC_DUTY (leader_duty), then a prompt for the drafter
**   三、存在的不足和原因   proposed from indicators below their targets
**   四、<Y+1>年工作打算   prompt for the drafter
**   issuers, date, statistics period and data-freeze moment
**
** Rules every sentence here keeps (DOMAIN.md "Consistency"):
**   - a figure comes from fig_get(), never from a literal;
**   - a rate is printed with its two counts: 96.4%（2331/2418）;
**   - a rate whose denominator is a subset says which subset ("已审结案件
**     法定期限结案率"), so it never sits beside a total that includes open
**     cases as if it covered them;
**   - a sentence whose indicator has no data (bEmpty) is left out.
*/
#include "report/report_int.h"
#include "engine/kinddef.h"
#include <string.h>
#include <stdlib.h>

/* The subsections that open chapter 一, in this order (the order the
** report has always had); the kinds declare their wording (ReportText,
** declared.c) and every other section follows in the order of the kinds. */
#define SEC_SERVICES "依法全面履行政府职能"
#define SEC_RULES    "健全依法行政制度体系"
#define SEC_DISPUTES "依法有效化解矛盾纠纷"

/* A paragraph that is nothing but a prompt for the drafter. */
static void note_para(Report *p, const char *z){
  doc_block(p, BLK_P);
  run_note(p, z);
}

/* ---- 三、存在的不足和原因 ------------------------------------------------- */

/*
** Every indicator (of every kind, in the order of chapter 一) with a target that the year's figures fall
** short of becomes "一是行政复议法定期限结案率为93.8%（…/…），低于100%的目
** 标"; one that meets it but fell a point or more against last year "…为
** 97.0%（…），较上年下降2.1个百分点（上年为99.1%）". The causes are for
** people to write: a prompt follows. Returns the number of shortfalls listed.
*/
/* Is rate v of ind a point for section 三 in pass 0 (below its target) or
** pass 1 (meets it but fell a point or more against last year, the same
** period while the year runs)? */
static int is_point(Report *p, const Kind *k, const Indicator *ind, const IndValue *v, int iPass){
  if( iPass==0 ) return v->bBelowTarget;
  IndValue w;
  int bSame;
  if( v->bBelowTarget || fig_last_year(p, k->zName, ind->zName, &w, &bSame) || w.bEmpty ) return 0;
  return atof(v->zValue) <= atof(w.zValue) - 1.0;
}

static int weaknesses(Report *p){
  int nBelow = 0, nChecked = 0;
  Arena *a = p->pCtx->pArena;
  const Kind *aKind[64];
  int nKind = kinds_in_scope(p->pCtx->pActor ? p->pCtx->pActor->zDeptPath : 0, aKind, 64);
  for(int iPass=0; iPass<2 && p->rc==0; iPass++){
    for(int i=0; i<nKind; i++){
      const Kind *k = aKind[i];
      if( k->aIndicator==0 ) continue;
      for(const Indicator *ind=k->aIndicator; ind->zName; ind++){
        if( ind->zTarget==0 || ind->eUnit!=IU_PERCENT ) continue;
        IndValue v;
        if( fig_get(p, k->zName, ind->zName, &v) ) return nBelow;
        if( v.bEmpty ) continue;
        nChecked += iPass==0;
        if( !is_point(p, k, ind, &v, iPass) ) continue;
        if( nBelow==0 ){
          doc_block(p, BLK_P);
          run_text(p, arena_printf(a, "%d年，%s法治政府建设工作取得了一定成效，但%s，仍存在以下不足：",
                                   p->iYear, p->zWe, iPass ? "与上年相比" : "对照年度目标"));
        }
        nBelow++;
        doc_block(p, BLK_POINT)->zKey = arena_printf(a, "%s.%s%s", k->zName, ind->zName, iPass ? "-" : "");
        run_text(p, arena_printf(a, "%s为", fig_ind_label(p, k, ind)));
        run_rate(p, &v);
        if( iPass==0 ){
          run_text(p, arena_printf(a, "，低于%s%%的目标", ind->zTarget));
        }else{
          run_text(p, "，");
          run_figure(p, k, ind->zName, '-');
        }
      }
    }
  }
  /* where: the department or respondent that lags in a breakdown, a
  ** paragraph of its own */
  BreakSet *aSet;
  int nSet = 0;
  if( ind_breakdowns(p->pCtx, 0, p->iYear, &aSet, &nSet) ){ p->rc = FZ_INTERNAL; return nBelow; }
  int nLag = 0;
  for(int i=0; i<nSet; i++){
    const BreakSet *s = &aSet[i];
    const BreakRow *w = ind_breakdown_laggard(s, 5);
    if( w==0 ) continue;
    const Field *fBy = s->pBd->zBy ? kind_field(s->pKind, s->pBd->zBy) : 0;
    if( nLag==0 ){
      doc_block(p, BLK_P);
      run_text(p, nBelow ? "从分部门（单位）情况看：" : arena_printf(a,
               "%d年，%s法治政府建设工作取得了一定成效，但从分部门（单位）情况看，仍存在以下不足：", p->iYear, p->zWe));
    }
    nLag++;
    if( p->nChart<MAX_CHARTS ){
      p->azChart[p->nChart++] = arena_printf(a, "分组比较：{%s.%s|by=%s}", s->pKind->zName, s->all.pInd->zName,
                                             s->pBd->zBy ? s->pBd->zBy : "dept");
    }
    doc_block(p, BLK_POINT)->zKey = arena_printf(a, "%s.%s|%s=%s", s->pKind->zName, s->all.pInd->zName,
                                                  w->zParam, w->zValue);
    const char *zWho = fBy ? arena_printf(a, "%s为%s的", fBy->zLabel, w->zKey) : w->zKey;
    run_text(p, arena_printf(a, "%s%s为", zWho, fig_ind_label(p, s->pKind, s->all.pInd)));
    run_rate_in(p, &w->v, w->zParam, w->zValue);
    run_text(p, s->pBd->bHighIsBad ? "，明显高于全县的" : "，低于全县的");
    run_rate(p, &s->all);
  }
  if( nLag>0 ){
    nBelow += nLag;
    note_para(p, "（以上不足由系统比对指标与目标值、分部门（单位）情况提出；原因分析及其他方面的不足由起草人根据实际填写。）");
    return nBelow;
  }
  if( nBelow>0 ){
    note_para(p, "（以上不足由系统比对指标与目标值提出；原因分析及其他方面的不足由起草人根据实际填写。）");
  }else{
    doc_block(p, BLK_P);
    run_text(p, arena_printf(a,
             "%d年，%s法治政府建设工作取得了一定成效，但仍存在一些薄弱环节。",
             p->iYear, p->zWe));
    if( nChecked>0 ){
      run_note(p, arena_printf(a,
               "（此部分由起草人根据实际填写。经系统比对，设有目标值的%d项指标均已达到目标。）",
               nChecked));
    }else{
      run_note(p, "（此部分由起草人根据实际填写。）");
    }
  }
  return nBelow;
}

/* ---- the whole report ---------------------------------------------------- */

void text_compose(Report *p){
  Arena *a = p->pCtx->pArena;
  int y = p->iYear;
  const Kind *aKind[64];
  int nKind = kinds_in_scope(p->pCtx->pActor ? p->pCtx->pActor->zDeptPath : 0, aKind, 64);

  p->doc.zTitle = arena_printf(a, "%s %s关于%d年法治政府建设情况的报告", p->zParty, p->zGov, y);
  doc_block(p, BLK_TITLE);
  run_setting(p, "party", p->zParty);
  run_text(p, " ");
  run_setting(p, "gov", p->zGov);
  run_break(p);
  run_text(p, arena_printf(a, "关于%d年法治政府建设情况的报告", y));

  doc_block(p, BLK_TO);
  run_setting(p, "to", p->zTo);

  doc_block(p, BLK_P);
  run_text(p, arena_printf(a,
    "%d年，%s坚持以习近平法治思想为指导，认真贯彻落实党中央、国务院关于法治政府建设的决策部署，"
    "将政府工作全面纳入法治轨道，不断提高依法决策、依法管理、依法行政水平。"
    "现将%d年法治政府建设情况报告如下。", y, p->zWe, y));

  doc_block(p, BLK_H1);
  run_text(p, "一、推进法治政府建设的主要举措和成效");
  static const char *const azWritten[] = { SEC_SERVICES, SEC_RULES, SEC_DISPUTES, REPORT_SEC_DUTY, 0 };
  for(int i=0; i<3; i++) declared_section(p, azWritten[i], 0);
  declared_rest(p, azWritten);
  if( p->nSub==0 ){
    note_para(p, "（本年度尚无可自动统计的记录，此部分由起草人根据实际填写。）");
  }

  doc_block(p, BLK_H1);
  run_text(p, "二、" REPORT_SEC_DUTY);
  int nDuty = declared_section(p, REPORT_SEC_DUTY, 1);
  note_para(p, arena_printf(a, "（%s：党政主要负责人部署、推动法治政府建设重要工作，研究解决重大问题，"
                               "带头尊法学法守法用法，以及述法等情况。）",
                            nDuty ? "起草人在此补充" : "此部分由起草人根据实际填写"));

  doc_block(p, BLK_H1);
  run_text(p, "三、存在的不足和原因");
  int nBelow = weaknesses(p);

  doc_block(p, BLK_H1);
  run_text(p, arena_printf(a, "四、%d年工作打算", y+1));
  note_para(p, arena_printf(a, "（此部分由起草人根据实际填写：%d年推进法治政府建设的主要安排%s。）",
                            y+1, nBelow ? "，可针对第三部分所列不足提出改进措施" : ""));

  doc_block(p, BLK_SIGN);
  run_setting(p, "party", p->zParty);
  run_text(p, "　");
  run_setting(p, "gov", p->zGov);
  doc_block(p, BLK_DATE);
  run_setting(p, "date", p->zDate);
  doc_block(p, BLK_FOOT);
  run_text(p, arena_printf(a, "统计期间：%d年1月1日至12月31日；数据截至：", y));
  run_setting(p, "frozen", p->zFrozen);

  /* 附图 (drawn by the HTML report only): the declared figures year by
  ** year where there are two years to compare, then the breakdowns whose
  ** laggards chapter 三 names */
  for(int i=0; i<nKind && p->rc==0; i++){
    const Kind *k = aKind[i];
    if( k->zTrend==0 ) continue;
    Block *b = doc_chart(p, arena_printf(a, "近年变化：{%s.%s}", k->zName, k->zTrend));
    if( b->pChart==0 ) doc_drop_last(p);
  }
  for(int i=0; i<p->nChart && p->rc==0; i++) doc_chart(p, p->azChart[i]);
}
