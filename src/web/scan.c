/*
** src/web/scan.c — the pages behind an enterprise's QR code: the printable
** code itself, and the page the code opens on a phone (this year's
** inspections for everyone; the logging form for a logged-in inspector).
*/
#include "web/web.h"
#include <string.h>

void web_qr_page(Req *r, const Rec *pEnt, const char *zUrl){
  web_begin(r, arena_printf(&r->arena, "扫码入企二维码：%s", rec_title(pEnt)), pEnt->pKind);
  outf(r, "<div class=\"toolbar noprint\"><a class=\"btn\" href=\"/k/enterprise/%lld\">返回</a>"
          "<button type=\"button\" class=\"btn primary print\">打印</button></div>", (long long)pEnt->id);
  outf(r, "<div class=\"qr-card\"><h2>%s</h2><p>统一社会信用代码：%s</p>", rec_val(pEnt, "name"), rec_val(pEnt, "credit_code"));
  if( web_qr_svg(r, zUrl) ) out_html(r, HTML("<p class=\"notice bad\">二维码生成失败</p>"));
  outf(r, "<p class=\"qr-url\">%s</p>", zUrl);
  out_html(r, HTML("<p>执法人员入企检查前，请扫描此码登记检查事项和检查人员；未备案的检查事项不得入企检查。<br>"
                   "企业和群众扫码可查看本企业今年被检查的情况。</p></div>"));
  web_end(r);
}

void web_scan(Req *r, const Rec *pEnt, const ScanView *v, int status){
  web_begin(r, arena_printf(&r->arena, "扫码入企：%s", rec_title(pEnt)), pEnt->pKind);
  r->status = status;
  web_flash(r);
  outf(r, "<div class=\"scan\"><h2>%s</h2><p>统一社会信用代码：%s<br>地址：%s</p>",
       rec_val(pEnt, "name"), rec_val(pEnt, "credit_code"), rec_val(pEnt, "address") ? rec_val(pEnt, "address") : "");
  if( strcmp(pEnt->zState, "active")!=0 ) out_html(r, HTML("<div class=\"notice bad\">该市场主体已注销或吊销。</div>"));
  outf(r, "<h3>%.4s年入企检查（%d次%s）</h3>", r->ctx.zToday, v->nVisit,
       v->nLimit ? arena_printf(&r->arena, "，年度上限%d次", v->nLimit) : "");
  if( v->nVisit==0 ){
    out_html(r, HTML("<p>今年尚无入企检查。</p>"));
  }else{
    out_html(r, HTML("<table class=\"list cardlist\"><thead><tr><th>日期</th><th>检查部门</th><th>方式</th><th>检查事项</th><th>检查人员</th><th>结果</th></tr></thead><tbody>"));
    for(int i=0; i<v->nVisit; i++){
      const ScanVisit *s = &v->aVisit[i];
      outf(r, "<tr><td data-l=\"日期\">%s</td><td data-l=\"检查部门\">%s</td><td data-l=\"方式\">%s</td>"
              "<td data-l=\"检查事项\">%s</td><td data-l=\"检查人员\">%s</td><td data-l=\"结果\">%s</td></tr>",
           s->zDate, s->zDept, s->zWay ? s->zWay : "", s->zItem, s->zInspectors, s->zResult ? s->zResult : "");
    }
    out_html(r, HTML("</tbody></table>"));
  }
  if( !v->bCanLog ){
    if( r->actor.mRole & R_PUBLIC ){
      const char *zE = req_param(r, "e");
      outf(r, "<p><a class=\"btn primary\" href=\"/login?next=/scan/%s%s\">执法人员登录后登记检查</a></p>", rec_val(pEnt, "credit_code"),
           zE && zE[0] ? arena_printf(&r->arena, "%%3Fe%%3D%lld", (long long)pEnt->id) : "");
    }
    out_html(r, HTML("</div>"));
    web_end(r);
    return;
  }
  out_html(r, HTML("<h3>登记入企检查</h3>"));
  web_errors_box(r);
  if( v->bOverLimit ){
    outf(r, "<div class=\"notice bad\" role=\"alert\">本企业今年已被入企检查%d次，已达到年度上限%d次。"
            "能合并的应当合并检查，能书面核查的不入企；确需检查的，请填写“超过年度上限的理由”。</div>",
         v->nVisit, v->nLimit);
  }
  if( v->nItem==0 ){
    out_html(r, HTML("<div class=\"notice bad\">本部门尚未备案涉企检查事项，不能入企检查。请先在“涉企检查事项”中登记并公布。</div></div>"));
    web_end(r);
    return;
  }
  const char *zE = req_param(r, "e");
  outf(r, "<form method=\"post\" action=\"/scan/%s%s\" class=\"record\">", rec_val(pEnt, "credit_code"),
       zE && zE[0] ? arena_printf(&r->arena, "?e=%lld", (long long)pEnt->id) : "");
  web_csrf_field(r);
  const char *zItem = req_param(r, "item");
  out_html(r, HTML("<div class=\"field\"><label for=\"f-item\">检查事项<em>*</em></label><select id=\"f-item\" name=\"item\"><option value=\"\">请选择</option>"));
  for(int i=0; i<v->nItem; i++){
    char zId[24];
    snprintf(zId, sizeof zId, "%lld", (long long)v->aItem[i].id);
    outf(r, "<option value=\"%s\"%s>%s</option>", zId, zItem && strcmp(zItem, zId)==0 ? " selected" : "", v->aItem[i].zName);
  }
  out_html(r, HTML("</select></div>"));
  for(int i=0; i<2; i++){              /* the two officers, picked from the department's on-duty list */
    const char *zN = i ? "cert2" : "cert1", *zV = req_param(r, zN);
    int bListed = 0;
    outf(r, "<div class=\"field\"><label for=\"f-%s\">检查人员%s<em>*</em></label><select id=\"f-%s\" name=\"%s\" required>"
            "<option value=\"\">请选择执法人员</option>", zN, i ? "二" : "一", zN, zN);
    for(int j=0; j<v->nOfficer; j++){
      const ScanOfficer *o = &v->aOfficer[j];
      int bSel = zV && strcmp(zV, o->zCert)==0;
      bListed |= bSel;
      if( o->bExpired ){
        outf(r, "<option value=\"%s\" disabled>%s（%s，执法证已于%s过期）</option>", o->zCert, o->zName, o->zCert, o->zExpires);
      }else if( o->bRecused ){
        outf(r, "<option value=\"%s\" disabled>%s（%s，已申报回避本企业）</option>", o->zCert, o->zName, o->zCert);
      }else{
        outf(r, "<option value=\"%s\"%s>%s（%s）</option>", o->zCert, bSel ? " selected" : "", o->zName, o->zCert);
      }
    }
    if( zV && zV[0] && !bListed ) outf(r, "<option value=\"%s\" selected>%s</option>", zV, zV);   /* sent, not listed: kept to be corrected */
    out_html(r, HTML("</select></div>"));
  }
  if( v->nOfficer==0 ) out_html(r, HTML("<p class=\"notice bad\">本部门没有在岗持证的执法人员，请先在“持证执法人员”中登记。</p>"));
  const char *zPlan = req_param(r, "plan_id");
  outf(r, "<div class=\"field\"><label for=\"f-plan_id\">抽查计划编号（双随机任务可填）</label>"
          "<input id=\"f-plan_id\" name=\"plan_id\" value=\"%s\" inputmode=\"numeric\"></div>", zPlan ? zPlan : "");
  const Field *fRes = kind_field(kind_find("inspection"), "result");
  const char *zRes = req_param(r, "result");
  out_html(r, HTML("<div class=\"field\"><label for=\"f-result\">检查结果<em>*</em></label><select id=\"f-result\" name=\"result\"><option value=\"\">请选择</option>"));
  for(const EnumVal *e=fRes->aEnum; e->zId; e++){
    outf(r, "<option value=\"%s\"%s>%s</option>", e->zId, zRes && strcmp(zRes, e->zId)==0 ? " selected" : "", e->zLabel);
  }
  out_html(r, HTML("</select></div>"));
  const char *zNote = req_param(r, "note");
  outf(r, "<div class=\"field wide\"><label for=\"f-note\">检查情况</label><textarea id=\"f-note\" name=\"note\" rows=\"3\">%s</textarea></div>", zNote ? zNote : "");
  if( v->bOverLimit ){
    const char *zWhy = req_param(r, "over_reason");
    outf(r, "<div class=\"field wide\"><label for=\"f-over_reason\">超过年度上限的理由<em>*</em></label>"
            "<textarea id=\"f-over_reason\" name=\"over_reason\" rows=\"2\" required>%s</textarea></div>", zWhy ? zWhy : "");
  }
  out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">登记检查</button></div></form></div>"));
  web_end(r);
}
