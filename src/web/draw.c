/*
** src/web/draw.c — the public page of a 双随机 draw: the plan, the pools
** with their SHA-256 and the file to check it against, the source and its
** values, what was drawn, and a verification run on every view. Staff see
** the two steps (fix the pools, then draw) while they are due.
*/
#include "web/web.h"
#include "draw/draw.h"
#include <string.h>

static const char *risk_label(const char *z){
  const char *zLabel = enum_label(kind_field(kind_find("enterprise"), "risk"), z);
  return zLabel ? zLabel : z;
}
static const char *val(const Rec *p, const char *zField){
  const char *z = rec_val(p, zField);
  return z ? z : "";
}

void web_draw(Req *r, const Rec *pPlan, const DrawView *v, const char **azProblem, int nProblem, int status){
  const Kind *k = pPlan->pKind;
  int bStaff = actor_can_write(&r->actor);
  web_begin(r, arena_printf(&r->arena, "双随机抽取：%s", rec_title(pPlan)), k);
  r->status = status;
  web_flash(r);
  web_errors_box(r);
  outf(r, "<div class=\"toolbar\"><a class=\"btn\" href=\"/k/%s/%lld\">返回计划</a></div>", k->zName, (long long)pPlan->id);

  out_html(r, HTML("<h2>一、抽查计划</h2><table class=\"detail\"><tbody>"));
  outf(r, "<tr><th>计划编号</th><td>%s</td></tr><tr><th>计划名称</th><td>%s</td></tr>", val(pPlan, "plan_no"), val(pPlan, "title"));
  outf(r, "<tr><th>抽查事项</th><td>%s</td></tr>", val(pPlan, "item"));
  outf(r, "<tr><th>实施部门</th><td>%s%s%s</td></tr>", pPlan->zDeptName ? pPlan->zDeptName : dept_name(&r->ctx, pPlan->iDept),
       rec_val(pPlan, "partners") ? "；联合：" : "", val(pPlan, "partners"));
  outf(r, "<tr><th>抽查比例</th><td>A类%s%%，B类%s%%，C类%s%%，D类%s%%；每户检查人员%s人</td></tr>",
       val(pPlan, "ratio_a"), val(pPlan, "ratio_b"), val(pPlan, "ratio_c"), val(pPlan, "ratio_d"), val(pPlan, "team_size"));
  outf(r, "<tr><th>随机源</th><td>%s</td></tr>", val(pPlan, "source"));
  const State *s = kind_state(k, pPlan->zState);
  outf(r, "<tr><th>状态</th><td><span class=\"state s-%s\">%s</span></td></tr>", pPlan->zState, s ? s->zLabel : pPlan->zState);
  out_html(r, HTML("</tbody></table>"));

  out_html(r, HTML("<h2>二、检查对象名录和检查人员名录</h2>"));
  if( v==0 ){
    out_html(r, HTML("<p>名录尚未固定。固定时，系统按计划条件从市场主体名录库取出检查对象"
                     "（已达年度入企检查上限的暂不纳入），从本部门及联合部门取出执法证有效的在岗执法人员，"
                     "写成一份名录文件并计算其SHA-256摘要。摘要应当在随机源开奖之前公布。</p>"));
    if( bStaff && strcmp(pPlan->zState, "draft")==0 ){
      outf(r, "<form method=\"post\" action=\"/draw/%lld/fix\" class=\"inline confirm\" data-confirm=\"固定后名录不能再更改，是否确认？\">", (long long)pPlan->id);
      web_csrf_field(r);
      out_html(r, HTML("<button type=\"submit\" class=\"btn primary\">固定并公布名录</button></form>"));
    }
  }else{
    outf(r, "<table class=\"detail\"><tbody><tr><th>固定时间</th><td>%s（%s）</td></tr>", web_time(r, v->row.zFixedAt), v->row.zFixedBy);
    outf(r, "<tr><th>检查对象</th><td>%d户%s</td></tr>", v->nEntity,
         v->nHeld ? arena_printf(&r->arena, "（另有%d户已达年度入企检查上限，暂不纳入）", v->nHeld) : "");
    outf(r, "<tr><th>检查人员</th><td>%d人</td></tr>", v->nOfficer);
    outf(r, "<tr><th>名录摘要（SHA-256）</th><td><code class=\"digest\">%s</code></td></tr>", v->row.zPoolSha);
    outf(r, "<tr><th>名录文件</th><td><a href=\"/draw/%lld/pool.txt\" download=\"pool-%s.txt\">下载 pool.txt</a>"
            "（可用 <code>sha256sum pool.txt</code> 核对摘要）</td></tr></tbody></table>",
         (long long)pPlan->id, val(pPlan, "plan_no"));
  }

  out_html(r, HTML("<h2>三、随机抽取</h2>"));
  if( v && v->row.zResult==0 ){
    out_html(r, HTML("<p>待随机源开奖后，按公布的号码原样录入（各组之间用“/”或分号分隔，组内数字用空格或逗号分隔）。</p>"));
    if( bStaff ){
      outf(r, "<form method=\"post\" action=\"/draw/%lld/run\" class=\"record\">", (long long)pPlan->id);
      web_csrf_field(r);
      const char *zIn = req_param(r, "values");
      outf(r, "<div class=\"field wide\"><label for=\"f-values\">随机数<em>*</em></label>"
              "<input id=\"f-values\" name=\"values\" value=\"%s\" placeholder=\"如：9319 / 2 5 8 10 12\"></div>", zIn ? zIn : "");
      out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">抽取</button></div></form>"));
    }
  }else if( v ){
    outf(r, "<table class=\"detail\"><tbody><tr><th>抽取时间</th><td>%s（%s）</td></tr>", web_time(r, v->row.zDrawnAt), v->row.zDrawnBy);
    outf(r, "<tr><th>随机数</th><td>%s</td></tr><tr><th>关键字串</th><td><code>%s</code></td></tr></tbody></table>",
         v->row.zValues, v->row.zKey);
    outf(r, "<table class=\"list\"><thead><tr><th>序号</th><th>检查对象</th><th>统一社会信用代码</th><th>信用风险分类</th><th>检查人员</th></tr></thead><tbody>");
    for(int i=0; i<v->nPick; i++){
      const DrawPick *p = &v->aPick[i];
      outf(r, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>", i+1, p->zName, p->zCode, risk_label(p->zRisk));
      for(int t=0; t<p->nTeam; t++) outf(r, "%s%s（%s）", t ? "、" : "", p->azName[t], p->azCert[t]);
      out_html(r, HTML("</td></tr>"));
    }
    outf(r, "</tbody></table><p>共抽中%d户。</p>", v->nPick);
  }else{
    out_html(r, HTML("<p>名录固定后才能抽取。</p>"));
  }

  if( v ){
    out_html(r, HTML("<h2>四、复核</h2>"));
    if( nProblem==0 ){
      outf(r, "<div class=\"notice ok\" role=\"status\">复核通过：名录文件的SHA-256与公布的摘要一致%s。</div>",
           v->row.zResult ? "；按公布的名录和随机数重新计算，抽取结果与记录一致；检查记录与抽取结果一致" : "");
    }else{
      out_html(r, HTML("<div class=\"notice bad\" role=\"alert\"><p>复核未通过：</p><ol>"));
      for(int i=0; i<nProblem; i++) outf(r, "<li>%s</li>", azProblem[i]);
      out_html(r, HTML("</ol></div>"));
    }
    out_html(r, HTML("<p class=\"help\">算法（RFC 3797，以SHA-256代替MD5）：随机数各组按从小到大排列，每个数后加“.”，每组后加“/”，得到关键字串K；"
                     "第i步（i从0起）计算SHA-256(I‖K‖I)，I为i的两字节大端表示，把摘要看作大端整数，除以剩余候选数取余数r，选中剩余候选中的第r+1个。"
                     "先按A、B、C、D类依次抽取检查对象（每类抽取数为该类户数×比例，向上取整），再按抽中顺序为每户从未回避的检查人员中抽取规定人数。"
                     "任何人可下载名录文件，用 <code>fazhi draw verify --pool pool.txt --values \"随机数\"</code> 重新计算。</p>"));
  }
  web_end(r);
}
