/*
** src/web/report_draft.c — the clerk's drafts of the annual report: the
** versions of a year, the editor of one version (each paragraph's text
** with its figure tokens beside the paragraph as it reads now), the
** frozen text, and two versions side by side.
*/
#include "web/web.h"
#include "engine/kinddef.h"
#include <string.h>
#include <stdlib.h>

static const struct { const char *zType, *zLabel; } aType[] = {
  { "title", "标题" }, { "to", "主送机关" }, { "h1", "一级标题" }, { "p", "正文段落" },
  { "point", "不足要点" }, { "sign", "署名" }, { "date", "成文日期" }, { "foot", "附注" },
  { "chart", "附图（网页版）" }, { 0, 0 }
};

static void type_options(Req *r, const char *zSel){
  for(int i=0; aType[i].zType; i++){
    outf(r, "<option value=\"%s\"%s>%s</option>", aType[i].zType,
         strcmp(aType[i].zType, zSel)==0 ? " selected" : "", aType[i].zLabel);
  }
}

static const char *version_name(Req *r, const DraftVersion *v){
  return arena_printf(&r->arena, "第%d版", v->iNo);
}

/* "2026-12-05T02:03:04Z" as the clerk reads it (UTC, to the minute). */
static const char *when(Req *r, const char *zIso){
  if( zIso==0 || strlen(zIso)<16 ) return zIso ? zIso : "";
  return arena_printf(&r->arena, "%.10s %.5s（UTC）", zIso, zIso+11);
}

/* Last year's report as the baseline: what was read from it, and the form. */
static void baseline_section(Req *r, int iYear, const Baseline *b){
  outf(r, "<h2>上年度报告（比较基准）</h2>");
  if( b && b->zImportedAt ){
    outf(r, "<p>已于%s由%s导入%d年度报告，对应上%d项指标%s。本年度报告在%d年没有记录的地方，用这些数字计算同比和近年变化。</p>",
         when(r, b->zImportedAt), b->zImportedBy ? b->zImportedBy : "", b->iYear, b->n,
         b->nFig ? arena_printf(&r->arena, "（全文共%d个带单位的数字）", b->nFig) : "", b->iYear);
    if( b->nFinding ){
      out_html(r, HTML("<div class=\"notice bad\" role=\"alert\"><p>该报告中以下数字相互对不上，作为基准前请核对：</p><ol>"));
      for(int i=0; i<b->nFinding; i++) outf(r, "<li>%s</li>", b->azFinding[i]);
      out_html(r, HTML("</ol></div>"));
    }
    int bWrite = actor_can_write(&r->actor);
    out_html(r, HTML("<table class=\"list\"><thead><tr><th>事项</th><th>指标</th><th>数值</th><th>原文</th><th></th></tr></thead><tbody>"));
    for(int i=0; i<b->n; i++){
      outf(r, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>",
           b->a[i].k->zLabel, b->a[i].ind->zLabel, b->a[i].zValue, b->a[i].zSentence);
      if( bWrite ){
        /* a figure read as the wrong indicator: the clerk takes it out */
        out_html(r, HTML("<form method=\"post\" action=\"/report/baseline/drop\" class=\"inline confirm\" data-confirm=\"不再以这个数字作为该指标的上年数值？\">"));
        web_csrf_field(r);
        outf(r, "<input type=\"hidden\" name=\"year\" value=\"%d\"><input type=\"hidden\" name=\"kind\" value=\"%s\">"
                "<input type=\"hidden\" name=\"ind\" value=\"%s\"><button type=\"submit\" class=\"btn link\">对应有误，删除</button></form>",
             iYear, b->a[i].k->zName, b->a[i].ind->zName);
      }
      out_html(r, HTML("</td></tr>"));
    }
    out_html(r, HTML("</tbody></table>"));
  }else{
    outf(r, "<p>%d年尚无记录的，可以导入当年已发布的法治政府建设情况报告，系统提取其中的数字作为同比的基准，"
            "并指出其中相互对不上的数字。</p>", iYear-1);
  }
  if( actor_can_write(&r->actor) ){
    out_html(r, HTML("<form method=\"post\" action=\"/report/baseline\" class=\"record\">"));
    web_csrf_field(r);
    const char *zIn = r->ctx.err.n ? req_param(r, "text") : 0;
    outf(r, "<input type=\"hidden\" name=\"year\" value=\"%d\"><div class=\"field wide\"><label for=\"f-text\">%d年度报告全文（粘贴纯文本）</label>"
            "<textarea id=\"f-text\" name=\"text\" rows=\"6\">%s</textarea></div>"
            "<div class=\"actions\"><button type=\"submit\" class=\"btn\">%s</button></div></form>",
         iYear, iYear-1, zIn ? zIn : "", b && b->zImportedAt ? "重新导入（替换原有基准）" : "导入作为比较基准");
  }
}

void web_drafts(Req *r, int iYear, const DraftVersion *a, int n, const Baseline *pBase){
  web_begin(r, arena_printf(&r->arena, "%d年度法治政府建设情况报告：起草与版本", iYear), 0);
  web_errors_box(r);
  outf(r, "<form class=\"query\" method=\"get\" action=\"/report/drafts\"><label>年度<select name=\"year\" class=\"autosubmit\">");
  int iNow = atoi(r->ctx.zToday);
  for(int y=iNow; y>=iNow-4; y--) outf(r, "<option value=\"%d\"%s>%d年</option>", y, y==iYear ? " selected" : "", y);
  out_html(r, HTML("</select></label><button type=\"submit\" class=\"btn\">查看</button></form>"));
  out_html(r, HTML("<p class=\"help\">系统根据全年记录起草报告；起草后可逐段修改文字、调整顺序、增删段落，"
                   "文中的数字保持与数据同步，直到冻结。冻结后该版本的文字和数字不再改变，再修改会生成新版本；"
                   "各版本可以对照查看。</p>"));
  out_html(r, HTML("<div class=\"toolbar\">"));
  if( actor_can_write(&r->actor) ){
    out_html(r, HTML("<form method=\"post\" action=\"/report/drafts\" class=\"inline\">"));
    web_csrf_field(r);
    outf(r, "<input type=\"hidden\" name=\"year\" value=\"%d\"><button type=\"submit\" class=\"btn primary\">根据最新数据起草新版本</button></form>", iYear);
  }
  outf(r, "<a class=\"btn\" href=\"/report?year=%d&amp;version=data\">查看根据最新数据生成的报告</a>", iYear);
  outf(r, "<a class=\"btn\" href=\"/report.xlsx?year=%d\">下载指标表</a>"
          "<a class=\"btn\" href=\"/public/report?year=%d\">公开版（最新冻结的版本，供政府网站发布；数字不链接到记录，不含分部门附图）</a></div>", iYear, iYear);
  if( n==0 ){
    out_html(r, HTML("<p>本年度还没有起草的版本。</p>"));
    baseline_section(r, iYear, pBase);
    web_end(r);
    return;
  }
  out_html(r, HTML("<table class=\"list\"><thead><tr><th>版本</th><th>来源</th><th>创建</th><th>状态</th><th>操作</th></tr></thead><tbody>"));
  for(int i=0; i<n; i++){
    const DraftVersion *v = &a[i];
    outf(r, "<tr><td><a href=\"/report/v/%lld\">%s</a></td><td>%s</td><td>%s %s</td>",
         (long long)v->id, version_name(r, v),
         v->iBasedOn ? arena_printf(&r->arena, "在第%d版基础上修改", v->iBasedOn) : "根据数据起草",
         when(r, v->zCreatedAt), v->zCreatedBy);
    if( v->zFrozenAt ) outf(r, "<td><span class=\"state s-closed\">已冻结</span> %s %s</td>", when(r, v->zFrozenAt), v->zFrozenBy);
    else out_html(r, HTML("<td><span class=\"state\">修改中，数字随数据更新</span></td>"));
    outf(r, "<td><a href=\"/report/v/%lld\">%s</a> · <a href=\"/report?year=%d&amp;version=%lld\">全文</a>"
            " · <a href=\"/report.docx?year=%d&amp;version=%lld\">Word</a>"
            "（<a href=\"/report.docx?year=%d&amp;version=%lld&amp;appendix=1\">附统计口径</a>）",
         (long long)v->id, v->zFrozenAt ? "查看" : "修改", iYear, (long long)v->id, iYear, (long long)v->id,
         iYear, (long long)v->id);
    if( i+1<n ) outf(r, " · <a href=\"/report/compare?a=%lld&amp;b=%lld\">与第%d版对照</a>",
                     (long long)a[i+1].id, (long long)v->id, a[i+1].iNo);
    outf(r, " · <a href=\"/report/compare?a=%lld&amp;b=data\">与最新数据对照</a></td></tr>", (long long)v->id);
  }
  out_html(r, HTML("</tbody></table>"));
  baseline_section(r, iYear, pBase);
  web_end(r);
}

/* The tokens a clerk may type, with what they say. */
static void token_help(Req *r){
  out_html(r, HTML("<details class=\"tokens\"><summary>数字的写法（点开查看可插入的全部数字）</summary>"
                   "<p class=\"help\">段落中用大括号标出的数字会按最新数据计算：{事项.指标} 数量，{事项.指标%} 比率及其分子分母，"
                   "{事项.指标~} 平均数及其分子分母，{事项.指标=} 只写比率，{事项.指标/} 分母，{事项.指标^} 数量与上年相比，{事项.指标-} 比率与上年相比（百分点）。"
                   "{party} 党委名称，{gov} 政府名称，{to} 主送机关，{we} 我县，{date} 成文日期，{frozen} 数据截至时间，{year} 年度。"
                   "段首用【】括起的是小标题，会自动编号为（一）（二）…。大括号本身写成 {{ 和 }}。"
                   "附图段落写作“近年变化：{事项.指标}”或“分组比较：{事项.指标|by=dept}”，只在网页版中画出。</p>"
                   "<table class=\"list\"><thead><tr><th>事项</th><th>指标</th><th>写法</th></tr></thead><tbody>"));
  const Kind *aK[64];
  int nK = kinds_for(&r->actor, aK, 64);
  for(int i=0; i<nK; i++){
    const Kind *k = aK[i];
    if( k->aIndicator==0 ) continue;
    for(const Indicator *x=k->aIndicator; x->zName; x++){
      const char *zSuf = x->eUnit==IU_PERCENT ? "%" : x->eUnit==IU_AVERAGE ? "~" : "";
      outf(r, "<tr><td>%s</td><td>%s</td><td><code>{%s.%s%s}</code></td></tr>", k->zLabel, x->zLabel, k->zName, x->zName, zSuf);
    }
  }
  out_html(r, HTML("</tbody></table></details>"));
}

static void para_row(Req *r, int i, const DraftPara *p, const char *zHtml){
  int bPoint = strcmp(p->zType, "point")==0;
  int bDropped = strcmp(p->zState, "dropped")==0, bProposed = strcmp(p->zState, "proposed")==0;
  size_t n = strlen(p->zTpl);
  int nRows = n<120 ? 2 : n<400 ? 4 : n<900 ? 7 : 10;
  outf(r, "<div class=\"para%s%s\" id=\"p%d\">", bDropped ? " dropped" : "", bProposed ? " proposed" : "", i+1);
  outf(r, "<div class=\"para-head\"><label>序号<input name=\"o_%d\" value=\"%d\" size=\"4\" inputmode=\"decimal\"></label>"
          "<label>类型<select name=\"t_%d\">", i, i+1, i);
  type_options(r, p->zType);
  out_html(r, HTML("</select></label>"));
  if( bPoint ){
    outf(r, "<input type=\"hidden\" name=\"k_%d\" value=\"%s\"><label>处理<select name=\"s_%d\">", i, p->zKey, i);
    outf(r, "<option value=\"proposed\"%s>待定（系统提出）</option><option value=\"\"%s>采纳</option><option value=\"dropped\"%s>删除</option>",
         bProposed ? " selected" : "", !bProposed && !bDropped ? " selected" : "", bDropped ? " selected" : "");
    out_html(r, HTML("</select></label>"));
  }else{
    outf(r, "<label class=\"check\"><input type=\"checkbox\" name=\"del_%d\" value=\"1\">删除此段</label>", i);
  }
  out_html(r, HTML("</div>"));
  outf(r, "<textarea name=\"x_%d\" rows=\"%d\" aria-label=\"第%d段\">%s</textarea>", i, nRows, i+1, p->zTpl);
  if( zHtml ){
    out_html(r, HTML("<div class=\"preview\">"));
    buf_puts(&r->out, zHtml);     /* markup of the report's renderer (html.c), every text escaped */
    out_html(r, HTML("</div>"));
  }
  out_html(r, HTML("</div>"));
}

void web_draft(Req *r, const DraftVersion *v, const char **azHtml, const DraftPara *aNew, int nNew){
  web_begin(r, arena_printf(&r->arena, "%d年度报告 %s", v->iYear, version_name(r, v)), 0);
  web_errors_box(r);
  outf(r, "<div class=\"toolbar\"><a class=\"btn\" href=\"/report/drafts?year=%d\">返回版本列表</a>"
          "<a class=\"btn\" href=\"/report?year=%d&amp;version=%lld\" target=\"_blank\">查看全文</a>"
          "<a class=\"btn\" href=\"/report.docx?year=%d&amp;version=%lld\">下载Word</a>"
          "<a class=\"btn\" href=\"/report.docx?year=%d&amp;version=%lld&amp;appendix=1\">下载Word（附统计口径）</a>"
          "<a class=\"btn\" href=\"/report.md?year=%d&amp;version=%lld\">下载Markdown</a>",
       v->iYear, v->iYear, (long long)v->id, v->iYear, (long long)v->id, v->iYear, (long long)v->id,
       v->iYear, (long long)v->id);
  outf(r, "<a class=\"btn\" href=\"/report/compare?a=%lld&amp;b=data\">与最新数据对照</a></div>", (long long)v->id);
  int bWrite = actor_can_write(&r->actor);
  if( v->zFrozenAt ){
    outf(r, "<div class=\"notice ok\" role=\"status\">本版本已于%s由%s冻结，文字和数字不再改变。</div>", when(r, v->zFrozenAt), v->zFrozenBy);
    if( bWrite ){
      out_html(r, HTML("<form method=\"post\" action=\"/report/drafts\" class=\"inline\">"));
      web_csrf_field(r);
      outf(r, "<input type=\"hidden\" name=\"year\" value=\"%d\"><input type=\"hidden\" name=\"from\" value=\"%lld\">"
              "<button type=\"submit\" class=\"btn primary\">在本版本基础上修改（生成新版本）</button></form>", v->iYear, (long long)v->id);
    }
    outf(r, "<p><a href=\"/report?year=%d&amp;version=%lld\">打开冻结的全文</a></p>", v->iYear, (long long)v->id);
    web_end(r);
    return;
  }
  out_html(r, HTML("<p class=\"help\">修改文字后保存；右侧（窄屏在下方）是按最新数据计算后的段落。调整序号可改变段落顺序"
                   "（如填3.5则排在第3段与第4段之间）；段落中回车即分为两段；清空一段即删除该段。"
                   "第三部分中系统提出的不足须逐条采纳、修改或删除，全部处理并填写完提示内容后才能冻结。</p>"));
  token_help(r);
  outf(r, "<form method=\"post\" action=\"/report/v/%lld\" class=\"draft\">", (long long)v->id);
  web_csrf_field(r);
  outf(r, "<input type=\"hidden\" name=\"n\" value=\"%d\"><input type=\"hidden\" name=\"nn\" value=\"3\">", v->nPara);
  for(int i=0; i<v->nPara; i++) para_row(r, i, &v->aPara[i], azHtml ? azHtml[i] : 0);
  out_html(r, HTML("<h2>新增段落</h2>"));
  for(int j=0; j<3; j++){
    outf(r, "<div class=\"para new\"><div class=\"para-head\"><label>序号<input name=\"no_%d\" value=\"\" size=\"4\" inputmode=\"decimal\" placeholder=\"%d\"></label>"
            "<label>类型<select name=\"nt_%d\">", j, v->nPara+1, j);
    type_options(r, "p");
    outf(r, "</select></label></div><textarea name=\"nx_%d\" rows=\"3\" aria-label=\"新增段落%d\"></textarea></div>", j, j+1);
  }
  if( nNew ){
    outf(r, "<h2>数据新提出的不足（%d条）</h2><p class=\"help\">起草以后数据有变化，系统又发现以下不足；勾选后保存即加入第三部分。</p>", nNew);
    outf(r, "<input type=\"hidden\" name=\"np\" value=\"%d\">", nNew);
    for(int j=0; j<nNew; j++){
      outf(r, "<div class=\"para proposed\"><label class=\"check\"><input type=\"checkbox\" name=\"pa_%d\" value=\"1\">加入</label>"
              "<input type=\"hidden\" name=\"pk_%d\" value=\"%s\"><input type=\"hidden\" name=\"px_%d\" value=\"%s\"><code>%s</code></div>",
           j, j, aNew[j].zKey, j, aNew[j].zTpl, aNew[j].zTpl);
    }
  }
  if( bWrite ) out_html(r, HTML("<div class=\"actions\"><button type=\"submit\" class=\"btn primary\">保存</button></div>"));
  out_html(r, HTML("</form>"));
  if( bWrite ){
    outf(r, "<form method=\"post\" action=\"/report/v/%lld/freeze\" class=\"inline confirm\""
            " data-confirm=\"冻结后本版本的文字和数字不再改变，并作为公开版在政府网站页面（/public/report）发布，是否确认？\">", (long long)v->id);
    web_csrf_field(r);
    out_html(r, HTML("<button type=\"submit\" class=\"btn\">冻结本版本</button></form>"));
  }
  web_end(r);
}

/* ---- two versions side by side ------------------------------------------ */

/* The part of a and b that differs, between their common start and end,
** marked: <del> on the left, <ins> on the right (whole UTF-8 characters). */
static void diff_cell(Req *r, const char *a, const char *b, int bRight){
  size_t na = strlen(a), nb = strlen(b), p = 0, s = 0;
  while( p<na && p<nb && a[p]==b[p] ) p++;
  while( p>0 && ((unsigned char)a[p] & 0xC0)==0x80 ) p--;
  while( s<na-p && s<nb-p && a[na-1-s]==b[nb-1-s] ) s++;
  while( s>0 && ((unsigned char)a[na-s] & 0xC0)==0x80 ) s--;
  const char *z = bRight ? b : a;
  size_t n = bRight ? nb : na;
  outf(r, "%.*s", (int)p, z);
  if( n-p-s>0 ) outf(r, bRight ? "<ins>%.*s</ins>" : "<del>%.*s</del>", (int)(n-p-s), z+p);
  outf(r, "%s", z+n-s);
}

static void side_options(Req *r, const DraftVersion *aAll, int nAll, const DraftVersion *pSel){
  outf(r, "<option value=\"data\"%s>最新数据</option>", pSel==0 ? " selected" : "");
  for(int i=0; i<nAll; i++){
    outf(r, "<option value=\"%lld\"%s>第%d版%s</option>", (long long)aAll[i].id,
         pSel && pSel->id==aAll[i].id ? " selected" : "", aAll[i].iNo, aAll[i].zFrozenAt ? "（已冻结）" : "");
  }
}

static const char *side_name(Req *r, const CompareSide *s){
  return s->pVersion ? version_name(r, s->pVersion) : "根据最新数据";
}

void web_draft_compare(Req *r, int iYear, const CompareSide *aSide, const DraftVersion *aAll, int nAll){
  web_begin(r, arena_printf(&r->arena, "%d年度报告：版本对照", iYear), 0);
  outf(r, "<form class=\"query\" method=\"get\" action=\"/report/compare\"><input type=\"hidden\" name=\"year\" value=\"%d\"><label>左<select name=\"a\">", iYear);
  side_options(r, aAll, nAll, aSide[0].pVersion);
  out_html(r, HTML("</select></label><label>右<select name=\"b\">"));
  side_options(r, aAll, nAll, aSide[1].pVersion);
  outf(r, "</select></label><button type=\"submit\" class=\"btn primary\">对照</button>"
          "<a class=\"btn\" href=\"/report/drafts?year=%d\">返回版本列表</a></form>", iYear);
  /* line the paragraphs up: the longest common subsequence of equal texts */
  int na = aSide[0].n, nb = aSide[1].n;
  const char **A = aSide[0].azText, **B = aSide[1].azText;
  if( (long long)(na+1)*(nb+1) > 4000000 ){ na = na>2000 ? 2000 : na; nb = nb>2000 ? 2000 : nb; }
  int *L = arena_alloc(&r->arena, sizeof(int)*(size_t)(na+1)*(size_t)(nb+1));
  #define LCS(i,j) L[(size_t)(i)*(size_t)(nb+1)+(size_t)(j)]
  for(int i=na; i>=0; i--) for(int j=nb; j>=0; j--){
    if( i==na || j==nb ) LCS(i,j) = 0;
    else if( strcmp(A[i], B[j])==0 ) LCS(i,j) = LCS(i+1,j+1)+1;
    else LCS(i,j) = LCS(i+1,j) > LCS(i,j+1) ? LCS(i+1,j) : LCS(i,j+1);
  }
  int nSame = 0, nChanged = 0, nGone = 0, nAdded = 0;
  Buf rows;
  buf_init(&rows);
  Buf save = r->out;
  r->out = rows;
  int i = 0, j = 0;
  while( i<na || j<nb ){
    if( i<na && j<nb && strcmp(A[i], B[j])==0 ){
      outf(r, "<tr><td>%s</td><td>%s</td></tr>", A[i], B[j]);
      nSame++; i++; j++;
    }else if( i<na && j<nb && LCS(i+1,j+1)==LCS(i,j) ){
      /* neither is kept: the paragraph was rewritten */
      out_html(r, HTML("<tr class=\"changed\"><td>"));
      diff_cell(r, A[i], B[j], 0);
      out_html(r, HTML("</td><td>"));
      diff_cell(r, A[i], B[j], 1);
      out_html(r, HTML("</td></tr>"));
      nChanged++; i++; j++;
    }else if( i<na && (j==nb || LCS(i+1,j)>=LCS(i,j+1)) ){
      outf(r, "<tr class=\"gone\"><td><del>%s</del></td><td></td></tr>", A[i]);
      nGone++; i++;
    }else{
      outf(r, "<tr class=\"added\"><td></td><td><ins>%s</ins></td></tr>", B[j]);
      nAdded++; j++;
    }
  }
  #undef LCS
  rows = r->out;
  r->out = save;
  outf(r, "<p>%s与%s相比：相同%d段，修改%d段，删去%d段，新增%d段。</p>", side_name(r, &aSide[0]), side_name(r, &aSide[1]),
       nSame, nChanged, nGone, nAdded);
  outf(r, "<table class=\"list compare\"><thead><tr><th>%s</th><th>%s</th></tr></thead><tbody>",
       side_name(r, &aSide[0]), side_name(r, &aSide[1]));
  buf_append(&r->out, rows.z ? rows.z : "", rows.n);
  buf_free(&rows);
  out_html(r, HTML("</tbody></table>"));
  web_end(r);
}
