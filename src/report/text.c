/*
** src/report/text.c — what the annual report says: the wording around
** the figures, chapter by chapter (LAW.md §2; the seeds' style).
**
**   title, addressee, opening paragraph (template text)
**   一、推进法治政府建设的主要举措和成效  one subsection per computed area,
**       numbered in the order written; an area with no records is left out
**       rather than filled with zeros
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
#include <string.h>
#include <stdlib.h>

/* The subsections written here; kinds may declare sentences for them too
** (declared.c), which then join them. */
#define SEC_SERVICES "依法全面履行政府职能"
#define SEC_RULES    "健全依法行政制度体系"
#define SEC_DISPUTES "依法有效化解矛盾纠纷"

/* Start subsection n of chapter 一 with its 楷体 lead-in and a template
** sentence; the figures follow in the same paragraph, as in the seeds. */
static void sub_begin(Report *p, const char *zHead, const char *zIntro){
  p->nSub++;
  doc_block(p, BLK_P);
  run_lead(p, zHead);
  run_text(p, zIntro);
}

/* "平均申请材料3.5份（35/10）": an average with its sum and its count. */
static void run_avg(Report *p, const IndValue *v, const char *zUnit){
  run_value(p, v);
  run_text(p, zUnit);
  run_text(p, "（");
  run_count(p, v, 0);
  run_text(p, "/");
  run_count(p, v, 1);
  run_text(p, "）");
}

/* A paragraph that is nothing but a prompt for the drafter. */
static void note_para(Report *p, const char *z){
  doc_block(p, BLK_P);
  run_note(p, z);
}

/* ---- 一、主要举措和成效 --------------------------------------------------- */

/* 依法全面履行政府职能: the service catalog and the cases handled. */
static void sub_services(Report *p){
  IndValue items, center, comp, one, online, full, mat, steps;
  IndValue cases, share, ontime, good;
  fig_get(p, "service_item", "items", &items);
  fig_get(p, "service_item", "center_rate", &center);
  fig_get(p, "service_item", "license_compression", &comp);
  fig_get(p, "service_item", "one_visit_rate", &one);
  fig_get(p, "service_item", "online_rate", &online);
  fig_get(p, "service_item", "full_online_rate", &full);
  fig_get(p, "service_item", "avg_materials", &mat);
  fig_get(p, "service_item", "avg_steps", &steps);
  fig_get(p, "service_case", "cases", &cases);
  fig_get(p, "service_case", "online_share", &share);
  fig_get(p, "service_case", "ontime_rate", &ontime);
  fig_get(p, "service_case", "good_rate", &good);
  int bItems = items.num>0 && !center.bEmpty;
  int bCases = cases.num>0;
  if( !bItems && !bCases ) return;

  sub_begin(p, SEC_SERVICES, "纵深推进“放管服”改革，持续优化政务服务。");
  if( bItems ){
    clause(p);
    run_count(p, &items, 0);
    run_text(p, "项政务服务事项中，");
    run_count(p, &center, 0);
    run_text(p, "项纳入本级政务服务中心一体化管理");
    clause(p);
    run_text(p, "政务服务事项入驻率达到");
    run_rate(p, &center);
    if( !comp.bEmpty ){
      clause(p);
      run_text(p, "行政许可类事项办理时限压缩比达到");
      run_rate(p, &comp);
    }
    sentence_end(p);
    if( !one.bEmpty ){
      clause(p);
      run_text(p, "“最多跑一次”“一次都不跑”事项占比达到");
      run_rate(p, &one);
    }
    if( !online.bEmpty ){
      clause(p);
      run_text(p, "可网上办理事项占比");
      run_rate(p, &online);
    }
    if( !full.bEmpty ){
      clause(p);
      run_text(p, "全程网办事项占比");
      run_rate(p, &full);
    }
    sentence_end(p);
    if( !mat.bEmpty ){
      clause(p);
      run_text(p, "事项平均申请材料");
      run_avg(p, &mat, "份");
    }
    if( !steps.bEmpty ){
      clause(p);
      run_text(p, mat.bEmpty ? "事项平均办理环节" : "平均办理环节");
      run_avg(p, &steps, "个");
    }
    sentence_end(p);
  }
  if( bCases ){
    clause(p);
    run_text(p, arena_printf(p->pCtx->pArena, "%d年，全年受理办件", p->iYear));
    run_count(p, &cases, 0);
    run_text(p, "件");
    if( !share.bEmpty ){
      clause(p);
      run_text(p, "网上办件占比");
      run_rate(p, &share);
    }
    sentence_end(p);
    if( !ontime.bEmpty ){
      clause(p);
      run_text(p, "已办结办件按承诺时限办结率");
      run_rate(p, &ontime);
    }
    if( !good.bEmpty ){
      clause(p);
      run_text(p, "“好差评”评价中好评率");
      run_rate(p, &good);
    }
    sentence_end(p);
  }
}

/* 健全依法行政制度体系: legality review and normative documents. */
static void sub_rules(Report *p){
  IndValue rev, op, ront, issued, frate, fontime;
  IndValue aType[4], aClean[4], cleaned;
  /* The order of the types follows the legality_review declaration. */
  static const char *const azType[4][2] = {
    { "reviews_normative", "规范性文件" }, { "reviews_contract", "合同协议" },
    { "reviews_decision", "重大行政决策" }, { "reviews_other", "其他文件" },
  };
  static const char *const azClean[4][2] = {
    { "cleanup_keep", "保留" }, { "cleanup_amend", "修改" },
    { "cleanup_repeal", "废止" }, { "cleanup_expire", "宣布失效" },
  };
  fig_get(p, "legality_review", "reviews", &rev);
  for(int i=0; i<4; i++) fig_get(p, "legality_review", azType[i][0], &aType[i]);
  fig_get(p, "legality_review", "opinions", &op);
  fig_get(p, "legality_review", "ontime_rate", &ront);
  fig_get(p, "normative_doc", "issued", &issued);
  fig_get(p, "normative_doc", "filing_rate", &frate);
  fig_get(p, "normative_doc", "filing_ontime_rate", &fontime);
  long long nClean = 0;
  for(int i=0; i<4; i++){
    fig_get(p, "normative_doc", azClean[i][0], &aClean[i]);
    nClean += aClean[i].num;
  }
  int bRev = rev.num>0, bDoc = issued.num>0 && !frate.bEmpty;
  if( !bRev && !bDoc && nClean==0 ) return;
  fig_get(p, "normative_doc", "cleanup_total", &cleaned);

  sub_begin(p, SEC_RULES,
            "强化规范性文件管理，严格落实合法性审核和备案审查制度。");
  if( bRev ){
    clause(p);
    run_text(p, arena_printf(p->pCtx->pArena, "%d年，共审核文件", p->iYear));
    run_count(p, &rev, 0);
    run_text(p, "件");
    int nType = 0;
    for(int i=0; i<4; i++){
      if( aType[i].num==0 ) continue;
      if( nType++==0 ){ clause(p); run_text(p, "其中"); }
      else run_text(p, "、");
      run_text(p, azType[i][1]);
      run_count(p, &aType[i], 0);
      run_text(p, "件");
    }
    if( op.num>0 ){
      clause(p);
      run_text(p, "出具合法性审核意见");
      run_count(p, &op, 0);
      run_text(p, "份");
    }
    sentence_end(p);
    if( !ront.bEmpty ){
      clause(p);
      run_text(p, "已完成审核的文件按期完成率");
      run_rate(p, &ront);
      sentence_end(p);
    }
  }
  if( bDoc ){
    clause(p);
    run_text(p, "制发规范性文件");
    run_count(p, &issued, 0);
    run_text(p, "件");
    clause(p);
    run_text(p, "报送备案");
    run_count(p, &frate, 0);
    run_text(p, "件");
    clause(p);
    run_text(p, "报备率");
    run_rate(p, &frate);
    if( !fontime.bEmpty ){
      clause_semi(p);
      clause(p);
      run_text(p, "已报送备案的文件法定期限备案率");
      run_rate(p, &fontime);
    }
    sentence_end(p);
  }
  if( nClean>0 ){
    clause(p);
    run_text(p, "开展规范性文件清理，共清理");
    run_count(p, &cleaned, 0);
    run_text(p, "件，其中");
    int n = 0;
    for(int i=0; i<4; i++){
      if( aClean[i].num==0 ) continue;
      if( n++ ) run_text(p, "、");
      run_text(p, azClean[i][1]);
      run_count(p, &aClean[i], 0);
      run_text(p, "件");
    }
    sentence_end(p);
  }
}

/*
** 依法有效化解矛盾纠纷: 行政复议.
**
** The states of a case partition the applications received (N):
** 待审查 W, 已受理 a, 不予受理 R, 已结案 C. The indicators give N
** (received), A = a + C (accepted), C (closed) and P = W + a (pending), so
** W = P − A + C and R = N − P − C. The sentence states N, A, R, W, C and
** a, which add up visibly (N = A + R + W, A = C + a), and gives the
** on-time rate over the C closed cases only: the seed's "270件 … 法定期限
** 结案率100%" beside 56 open cases is the contradiction this avoids.
*/
static void sub_disputes(Report *p){
  IndValue recv, acc, closed, pend, ontime, corr, med;
  fig_get(p, "reconsideration", "received", &recv);
  fig_get(p, "reconsideration", "accepted", &acc);
  fig_get(p, "reconsideration", "closed", &closed);
  fig_get(p, "reconsideration", "pending", &pend);
  fig_get(p, "reconsideration", "ontime_rate", &ontime);
  fig_get(p, "reconsideration", "correction_rate", &corr);
  fig_get(p, "reconsideration", "mediated", &med);
  if( p->rc || recv.num==0 ) return;
  long long nW = pend.num - acc.num + closed.num;
  long long nR = recv.num - pend.num - closed.num;
  long long nA = acc.num - closed.num;
  const Kind *k = kind_find("reconsideration");
  if( nW<0 || nR<0 || nA<0 || !kind_state(k, "received") || !kind_state(k, "accepted")
   || !kind_state(k, "rejected") ){
    /* The declarations changed under this derivation: refuse to print
    ** figures that might not add up. */
    p->rc = err_internal(p->pCtx, "report: reconsideration counts do not add up"
                         " (received %lld, accepted %lld, closed %lld, pending %lld)",
                         recv.num, acc.num, closed.num, pend.num);
    return;
  }

  sub_begin(p, SEC_DISPUTES,
            "推进行政复议规范化建设，发挥行政复议化解行政争议主渠道作用。");
  clause(p);
  run_text(p, arena_printf(p->pCtx->pArena, "%d年，共收到行政复议申请", p->iYear));
  run_count(p, &recv, 0);
  run_text(p, "件");
  if( acc.num>0 ){
    clause(p);
    run_text(p, "受理");
    run_count(p, &acc, 0);
    run_text(p, "件");
  }
  if( nR>0 ){
    clause(p);
    run_text(p, "不予受理");
    run_state_count(p, "reconsideration", "rejected", nR);
    run_text(p, "件");
  }
  if( nW>0 ){
    clause(p);
    run_text(p, "尚在审查是否受理");
    run_state_count(p, "reconsideration", "received", nW);
    run_text(p, "件");
  }
  clause_semi(p);
  if( closed.num>0 ){
    clause(p);
    run_text(p, "已审结");
    run_count(p, &closed, 0);
    run_text(p, "件");
  }
  if( nA>0 ){
    clause(p);
    run_text(p, "尚在审理");
    if( nW==0 ) run_count(p, &pend, 0);      /* pending is exactly the cases under review */
    else run_state_count(p, "reconsideration", "accepted", nA);
    run_text(p, "件");
  }
  sentence_end(p);
  {
    IndValue w;
    int bSame;
    if( fig_last_year(p, "reconsideration", "received", &w, &bSame)==FZ_OK && w.num>0 ){
      clause(p);
      run_text(p, "收到申请数量");
      run_figure(p, k, "received", '^');
      sentence_end(p);
    }
  }
  if( !ontime.bEmpty ){
    clause(p);
    run_text(p, "已审结案件法定期限结案率");
    run_rate(p, &ontime);
    if( !corr.bEmpty ){
      clause(p);
      run_text(p, "纠错率");
      run_rate(p, &corr);
    }
    if( med.num>0 ){
      clause(p);
      run_text(p, "以调解、和解方式结案");
      run_count(p, &med, 0);
      run_text(p, "件");
    }
    sentence_end(p);
  }
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
  int nKind = kinds_in_order(aKind, 64);
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
  int nKind = kinds_in_order(aKind, 64);

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
  void (*const axSub[])(Report*) = { sub_services, sub_rules, sub_disputes };
  for(int i=0; i<3; i++){
    int nSub0 = p->nSub;
    axSub[i](p);
    declared_section(p, azWritten[i], p->nSub>nSub0);
  }
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
