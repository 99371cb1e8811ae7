/*
** src/web/list.c — the list page of any kind: query form, toolbar, a
** sortable table with deadline highlighting, and the pager. Everything on
** it comes from the kind's declaration.
*/
#include "web/web.h"
#include <string.h>
#include <stdlib.h>

/* The current URL with one parameter replaced (or removed when zValue is
** NULL). Returned text is URL-encoded and safe to pass through %s. */
const char *web_url_with(Req *r, const char *zName, const char *zValue){
  Buf b;
  buf_init(&b);
  buf_puts(&b, r->zPath);
  int n = 0;
  for(int i=0; i<r->nParam; i++){
    const Param *p = &r->aParam[i];
    if( strcmp(p->zName, zName)==0 || strcmp(p->zName, "msg")==0 || p->zValue[0]==0 ) continue;
    if( zValue && strcmp(zName, "page")!=0 && strcmp(p->zName, "page")==0 ) continue;  /* new filter: page 1 */
    buf_putc(&b, n++ ? '&' : '?');
    buf_url(&b, p->zName);
    buf_putc(&b, '=');
    buf_url(&b, p->zValue);
  }
  if( zValue ){
    buf_putc(&b, n++ ? '&' : '?');
    buf_url(&b, zName);
    buf_putc(&b, '=');
    buf_url(&b, zValue);
  }
  const char *z = arena_strdup(&r->arena, buf_cstr(&b));
  buf_free(&b);
  return z;
}

void web_dept_options(Req *r, i64 iSelected, int bAllOption){
  DeptOption *a;
  int n;
  if( bAllOption ) out_html(r, HTML("<option value=\"\">全部部门</option>"));
  dept_options(r->ctx.pDb, &r->arena, r->actor.zDeptPath, &a, &n);
  for(int i=0; i<n; i++){
    if( a[i].bDisabled && !bAllOption && a[i].id!=iSelected ) continue;   /* 停用: not for new entries */
    int depth = 0;
    for(const char *p=a[i].zPath; *p; p++) if( *p=='/' ) depth++;
    const char *zIndent = depth<=2 ? "" : depth==3 ? "　" : "　　";
    outf(r, "<option value=\"%lld\"%s>%s%s</option>", (long long)a[i].id, a[i].id==iSelected ? " selected" : "",
         zIndent, a[i].zName);
  }
}

static void year_options(Req *r, int iYear){
  int iNow = atoi(r->ctx.zToday);
  outf(r, "<option value=\"all\"%s>全部年度</option>", iYear==0 ? " selected" : "");
  for(int y=iNow; y>=iNow-4; y--){
    outf(r, "<option value=\"%d\"%s>%d年</option>", y, y==iYear ? " selected" : "", y);
  }
}

/* The most pressing period of a record: its class (0 none, 1 due soon,
** 2 overdue) and, with bCell, its table cell. */
int web_deadline_cell(Req *r, const Rec *p, int bCell){
  int eClass = 0;       /* 0 none, 1 due soon, 2 overdue */
  const Kind *k = p->pKind;
  if( k->aDeadline==0 ) return 0;
  Day today = 0;
  day_parse(r->ctx.zToday, &today);
  const Deadline *pBest = 0;
  DeadlineStatus best;
  memset(&best, 0, sizeof best);
  for(const Deadline *d=k->aDeadline; d->zName; d++){
    DeadlineStatus s;
    deadline_eval(&r->ctx, p, d, today, &s);
    if( !s.bActive ) continue;
    if( pBest==0 || s.due < best.due ){ pBest = d; best = s; }
  }
  if( pBest ){
    char zDue[11];
    day_format(best.due, zDue);
    if( best.bLate ) eClass = 2; else if( best.nLeft<=DUE_SOON_WORKDAYS ) eClass = 1;
    if( bCell ){
      if( best.bLate ){
        outf(r, "<td class=\"dl late\" data-l=\"期限\" title=\"%s\">已逾期%d个工作日（%s届满）", pBest->zLabel, -best.nLeft, zDue);
      }else{
        outf(r, "<td class=\"dl%s\" data-l=\"期限\" title=\"%s\">剩%d个工作日（%s届满）", eClass ? " soon" : "",
             pBest->zLabel, best.nLeft, zDue);
      }
      if( best.bUnknownCal ){
        outf(r, "<small class=\"calgap\" title=\"期间跨入%d年，该年的节假日安排尚未完整登记，到期日按已登记的放假日和双休日推算\">"
                "⚠节假日未完整登记</small>", best.iCalYear);
      }
      out_html(r, HTML("</td>"));
    }
  }else if( bCell ){
    out_html(r, HTML("<td class=\"dl\" data-l=\"期限\"></td>"));
  }
  return eClass;
}

void web_list(Req *r, const Query *q, const RecList *pList){
  const Kind *k = q->pKind;
  int bWrite = actor_can_write(&r->actor);
  web_begin(r, k->zLabel, k);
  if( k->zAbout ) outf(r, "<p class=\"about\">%s</p>", k->zAbout);
  if( q->pInd ){
    outf(r, "<div class=\"notice trace\">正在查看指标「%s」的%s记录（%s）。<a href=\"%s\">返回全部记录</a></div>",
         q->pInd->zLabel, q->bDen ? "分母" : "分子", q->pInd->zHelp ? q->pInd->zHelp : "按指标定义筛选",
         web_url_with(r, "ind", 0));
  }
  if( r->ctx.zYearUntil[0] && q->iYear ){
    /* until=MM-DD: part of the year, as 近年变化 sets it beside a year still running */
    outf(r, "<div class=\"notice trace\">只列出%d年1月1日至%d月%d日的记录。<a href=\"%s\">查看全年</a></div>",
         q->iYear, atoi(r->ctx.zYearUntil), atoi(r->ctx.zYearUntil+3), web_url_with(r, "until", 0));
  }
  /* Query form */
  outf(r, "<form class=\"query\" method=\"get\" action=\"/k/%s\" role=\"search\">", k->zName);
  if( q->pInd ){
    outf(r, "<input type=\"hidden\" name=\"ind\" value=\"%s\"><input type=\"hidden\" name=\"part\" value=\"%s\">",
         req_param(r, "ind"), q->bDen ? "den" : "num");   /* as asked: "kind.name" for a side over this kind */
  }
  if( kind_year_field(k) ){
    out_html(r, HTML("<label>年度<select name=\"year\">"));
    year_options(r, q->iYear);
    out_html(r, HTML("</select></label>"));
  }
  if( r->zToken && q->bDeptOnly ){
    /* a breakdown's group: that department alone, kept across searches */
    outf(r, "<input type=\"hidden\" name=\"dept_only\" value=\"%lld\"><span class=\"chip\">仅%s</span>",
         (long long)q->iDept, dept_name(&r->ctx, q->iDept));
  }else if( r->zToken ){
    out_html(r, HTML("<label>部门<select name=\"dept\">"));
    web_dept_options(r, q->iDept, 1);
    out_html(r, HTML("</select></label>"));
  }
  if( k->aState ){
    out_html(r, HTML("<label>状态<select name=\"state\"><option value=\"\">全部</option>"));
    for(const State *s=k->aState; s->zId; s++){
      outf(r, "<option value=\"%s\"%s>%s</option>", s->zId,
           q->zState && strcmp(q->zState, s->zId)==0 ? " selected" : "", s->zLabel);
    }
    out_html(r, HTML("</select></label>"));
  }
  int i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( !(f->flags & F_FILTER) || f->eType==FT_DATE || f->eType==FT_REF || f->eType==FT_DEPT ) continue;
    if( (r->actor.mRole & R_PUBLIC) && !(f->flags & F_PUBLIC) ) continue;
    const char *zV = q->azFilter[i] ? q->azFilter[i] : "";
    if( f->eType==FT_ENUM || f->eType==FT_BOOL ){
      outf(r, "<label>%s<select name=\"f_%s\"><option value=\"\">全部</option>", f->zLabel, f->zName);
      if( f->eType==FT_BOOL ){
        outf(r, "<option value=\"1\"%s>是</option><option value=\"0\"%s>否</option>",
             strcmp(zV, "1")==0 ? " selected" : "", strcmp(zV, "0")==0 ? " selected" : "");
      }else{
        for(const EnumVal *e=f->aEnum; e->zId; e++){
          outf(r, "<option value=\"%s\"%s>%s</option>", e->zId, strcmp(zV, e->zId)==0 ? " selected" : "", e->zLabel);
        }
      }
      out_html(r, HTML("</select></label>"));
    }else{
      outf(r, "<label>%s<input name=\"f_%s\" value=\"%s\" placeholder=\"请输入%s\"></label>",
           f->zLabel, f->zName, zV, f->zLabel);
    }
  }
  if( k->aDeadline && r->zToken ){
    outf(r, "<label class=\"check\"><input type=\"checkbox\" name=\"due\" value=\"1\"%s>只看逾期和%d个工作日内到期</label>",
         q->bDue ? " checked" : "", DUE_SOON_WORKDAYS);
  }
  outf(r, "<button type=\"submit\" class=\"btn primary\">搜索</button>"
          "<a class=\"btn\" href=\"/k/%s\">重置</a></form>\n", k->zName);
  /* Toolbar */
  out_html(r, HTML("<div class=\"toolbar\">"));
  if( bWrite ) outf(r, "<a class=\"btn primary\" href=\"/k/%s/new\">新增</a>", k->zName);
  if( bWrite ) outf(r, "<a class=\"btn info\" href=\"/k/%s/import\">导入</a>", k->zName);
  if( bWrite && k->pVersion && q->iYear ){
    outf(r, "<form method=\"post\" action=\"/k/%s/carry\" class=\"inline\">", k->zName);
    web_csrf_field(r);
    outf(r, "<input type=\"hidden\" name=\"from\" value=\"%d\">"
            "<button type=\"submit\" class=\"btn\">沿用本年度清单生成%d年度清单</button></form>", q->iYear, q->iYear+1);
  }
  if( r->zToken ){
    const char *zQ = web_url_with(r, "page", 0);
    const char *zQs = strchr(zQ, '?');
    outf(r, "<a class=\"btn warning\" href=\"/k/%s/export.xlsx%s\">导出</a>", k->zName, zQs ? zQs : "");
    /* CSV is written as it is read: a large list starts downloading at once */
    outf(r, "<a class=\"btn\" href=\"/k/%s/export.csv%s\" title=\"大量数据时立即开始下载\">导出CSV</a>", k->zName, zQs ? zQs : "");
    outf(r, "<a class=\"btn\" href=\"/k/%s/template.xlsx\">下载导入模板</a>", k->zName);
  }
  out_html(r, HTML("</div>\n"));
  /* Table */
  out_html(r, HTML("<table class=\"list cardlist\"><thead><tr>"));   /* cardlist: a card a row on a phone, labelled by data-l */
  for(const Field *f=k->aField; f->zName; f++){
    if( !(f->flags & F_LIST) ) continue;
    if( (r->actor.mRole & R_PUBLIC) && !(f->flags & F_PUBLIC) ) continue;
    int bOn = q->zSort && strcmp(q->zSort, f->zName)==0;
    const char *zUrl = web_url_with(r, "sort", f->zName);
    if( bOn && !q->bDesc ) zUrl = arena_printf(&r->arena, "%s&desc=1", zUrl);
    outf(r, "<th><a href=\"%s\">%s%s%s</a></th>", zUrl, f->zLabel,
         f->eType==FT_MONEY ? "（元）" : "", bOn ? (q->bDesc ? " ▼" : " ▲") : "");
  }
  out_html(r, HTML("<th>所属部门</th>"));
  if( k->aState ) out_html(r, HTML("<th>状态</th>"));
  if( k->aDeadline && r->zToken ) out_html(r, HTML("<th>期限</th>"));
  out_html(r, HTML("</tr></thead><tbody>\n"));
  for(int n=0; n<pList->nRow; n++){
    const Rec *p = pList->aRow[n];
    /* The row's class depends on the period cell at its end: render the
    ** cells into a side buffer first, then the <tr> around them. */
    Buf row;
    buf_init(&row);
    Buf save = r->out;
    r->out = row;
    int bFirst = 1;
    for(const Field *f=k->aField; f->zName; f++){
      if( !(f->flags & F_LIST) ) continue;
      if( (r->actor.mRole & R_PUBLIC) && !(f->flags & F_PUBLIC) ) continue;
      const char *zShow = rec_display(&r->ctx, p, f);
      if( bFirst ){
        outf(r, "<td data-l=\"%s\"><a href=\"/k/%s/%lld\">%s</a></td>", f->zLabel, k->zName, (long long)p->id, zShow[0] ? zShow : "（空）");
        bFirst = 0;
      }else if( f->eType==FT_MONEY ){
        outf(r, "<td class=\"money\">%s</td>", zShow);
      }else if( f->eType==FT_ENUM && zShow[0] ){
        outf(r, "<td data-l=\"%s\"><span class=\"tag\">%s</span></td>", f->zLabel, zShow);
      }else{
        outf(r, "<td data-l=\"%s\">%s</td>", f->zLabel, zShow);
      }
    }
    outf(r, "<td data-l=\"所属部门\">%s</td>", dept_name(&r->ctx, p->iDept));
    if( k->aState ){
      const State *s = kind_state(k, p->zState);
      outf(r, "<td data-l=\"状态\"><span class=\"state s-%s\">%s</span></td>", p->zState, s ? s->zLabel : p->zState);
    }
    int eClass = k->aDeadline && r->zToken ? web_deadline_cell(r, p, 1) : 0;
    row = r->out;
    r->out = save;
    outf(r, "<tr class=\"%s\">", eClass==2 ? "overdue" : eClass==1 ? "due-soon" : "");
    buf_append(&r->out, row.z ? row.z : "", row.n);     /* cells already escaped above */
    buf_free(&row);
    out_html(r, HTML("</tr>\n"));
  }
  if( pList->nRow==0 ) out_html(r, HTML("<tr><td colspan=\"20\" class=\"empty\">暂无数据</td></tr>"));
  out_html(r, HTML("</tbody></table>\n"));
  /* Pager: 共 N 条 · 每页 · 上一页 · 第 x/y 页 · 下一页 · 前往 */
  int nSize = q->nSize>0 ? q->nSize : 20;
  long long nPages = (pList->nTotal + nSize - 1)/nSize;
  if( nPages<1 ) nPages = 1;
  outf(r, "<div class=\"pager\"><span>共 %lld 条</span>", (long long)pList->nTotal);
  outf(r, "<form method=\"get\" class=\"inline\">");
  for(int j=0; j<r->nParam; j++){
    const Param *p = &r->aParam[j];
    if( strcmp(p->zName, "size")==0 || strcmp(p->zName, "page")==0 || strcmp(p->zName, "msg")==0 ) continue;
    outf(r, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", p->zName, p->zValue);
  }
  out_html(r, HTML("<select name=\"size\" class=\"autosubmit\">"));
  static const int aSize[] = { 10, 20, 50, 100 };
  for(int j=0; j<4; j++) outf(r, "<option value=\"%d\"%s>%d条/页</option>", aSize[j], aSize[j]==nSize ? " selected" : "", aSize[j]);
  out_html(r, HTML("</select>"));
  if( q->iPage>1 ) outf(r, "<a class=\"btn\" href=\"%s\">上一页</a>", web_url_with(r, "page", arena_printf(&r->arena, "%d", q->iPage-1)));
  outf(r, "<span>第 %d / %lld 页</span>", q->iPage, nPages);
  if( q->iPage<nPages ) outf(r, "<a class=\"btn\" href=\"%s\">下一页</a>", web_url_with(r, "page", arena_printf(&r->arena, "%d", q->iPage+1)));
  outf(r, "<label>前往<input name=\"page\" type=\"number\" min=\"1\" max=\"%lld\" value=\"%d\" class=\"short\">页</label>"
          "<button type=\"submit\" class=\"btn\">确定</button></form></div>\n", nPages, q->iPage);
  web_end(r);
}
