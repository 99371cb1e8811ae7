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

int web_dept_choices(Req *r, const char *zScope, i64 iSelected, const char *zSelName, int mFlags){
  DeptOption *a;
  int n, bAny = 0;
  static const char *const azIndent[] = { "", "　", "　　", "　　　", "　　　　" };
  if( mFlags & DEPT_OPT_ALL ) out_html(r, HTML("<option value=\"\">全部部门</option>"));
  dept_options(r->ctx.pDb, &r->arena, zScope ? zScope : r->actor.zDeptPath, &a, &n);
  for(int i=0; i<n; i++){
    int bSel = (mFlags & DEPT_OPT_NAME) ? zSelName && strcmp(zSelName, a[i].zName)==0 : a[i].id==iSelected;
    bAny |= bSel;
    if( a[i].bDisabled && !(mFlags & DEPT_OPT_ALL) && !bSel ) continue;   /* 停用: not for new entries */
    const char *zIndent = azIndent[a[i].nDepth<4 ? a[i].nDepth : 4];
    if( mFlags & DEPT_OPT_NAME ){
      outf(r, "<option value=\"%s\"%s>%s%s</option>", a[i].zName, bSel ? " selected" : "", zIndent, a[i].zName);
    }else{
      outf(r, "<option value=\"%lld\"%s>%s%s</option>", (long long)a[i].id, bSel ? " selected" : "", zIndent, a[i].zName);
    }
  }
  return bAny;
}

void web_dept_options(Req *r, i64 iSelected, int bAllOption){
  web_dept_choices(r, 0, iSelected, 0, bAllOption ? DEPT_OPT_ALL : 0);
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
  DeadlineStatus best;
  const Pause *pHalt;             /* a period halted by an open pause (补正 awaited) */
  const Deadline *pBest = deadline_first(&r->ctx, p, today, &best, &pHalt);
  if( pBest ){
    char zDue[11];
    day_format(best.due, zDue);
    if( best.bLate ) eClass = 2; else if( best.nLeft<=todo_soon_days(&r->ctx) ) eClass = 1;
    if( bCell ){
      if( best.bLate ){
        outf(r, "<td class=\"dl late\" data-l=\"期限\" title=\"%s\">已逾期%d个工作日<span class=\"nw\">（%s届满）</span>", pBest->zLabel, -best.nLeft, zDue);
      }else{
        outf(r, "<td class=\"dl%s\" data-l=\"期限\" title=\"%s\">剩%d个工作日<span class=\"nw\">（%s届满）</span>", eClass ? " soon" : "",
             pBest->zLabel, best.nLeft, zDue);
      }
      if( best.bUnknownCal ){
        outf(r, "<small class=\"calgap\" title=\"期间跨入%d年，该年的节假日安排尚未完整登记，到期日按已登记的放假日和双休日推算\">"
                "⚠节假日未完整登记</small>", best.iCalYear);
      }
      out_html(r, HTML("</td>"));
    }
  }else if( bCell && pHalt ){
    outf(r, "<td class=\"dl\" data-l=\"期限\">暂停计算（%s）</td>", pHalt->zLabel);
  }else if( bCell ){
    out_html(r, HTML("<td class=\"dl\" data-l=\"期限\"></td>"));
  }
  return eClass;
}

/* A column that must not wrap at 1366 px: the record's number (the first
** column), dates. */
static int list_nowrap(const Field *f, int bFirst){
  return bFirst || f->eType==FT_DATE;
}

/* The 操作 cell: 查看, and 修改 / 删除 where the actor may (a leader
** only looks; a clerk deletes no closed record). 删除 opens the
** confirmation page, or with JavaScript the dialog (delete_dialog). */
static void row_ops(Req *r, const Rec *p, const char *zTitle){
  const Kind *k = p->pKind;
  outf(r, "<td class=\"ops nw\" data-l=\"操作\"><a href=\"/k/%s/%lld\">查看</a>", k->zName, (long long)p->id);
  if( rec_can_edit(&r->actor, p) ) outf(r, "<a href=\"/k/%s/%lld/edit\">修改</a>", k->zName, (long long)p->id);
  if( rec_can_delete(&r->actor, p) ){
    outf(r, "<a class=\"del\" href=\"/k/%s/delete?id=%lld\" data-id=\"%lld\" data-title=\"%s\">删除</a>",
         k->zName, (long long)p->id, (long long)p->id, zTitle ? zTitle : "");
  }
  out_html(r, HTML("</td>"));
}

/* The dialog JavaScript opens for 删除 and 批量删除 (RuoYi's "是否确认删除…？"):
** a POST form with the CSRF token and the ids. Hidden until opened. */
static void delete_dialog(Req *r, const Kind *k){
  outf(r, "<dialog id=\"del-dialog\" class=\"confirm\" aria-labelledby=\"del-msg\" data-one=\"是否确认删除“{t}”？\""
          " data-many=\"是否确认删除选中的{n}条%s记录？\" data-none=\"请先勾选要删除的记录\" data-noexp=\"请先勾选要导出的记录\">"
          "<form method=\"post\" action=\"/k/%s/delete\">", k->zLabel, k->zName);
  web_csrf_field(r);
  out_html(r, HTML("<p id=\"del-msg\">是否确认删除？</p><input type=\"hidden\" name=\"ids\" value=\"\">"
                   "<div class=\"actions\"><button type=\"submit\" class=\"btn danger\">确 定</button>"
                   "<button type=\"button\" class=\"btn cancel\">取 消</button></div></form></dialog>\n"));
}

/* The pager: 共 N 条 · 每页 10/20/50/100 条 · 上一页 · 1 … 4 5 [6] 7 8 … 20 ·
** 下一页 · 前往 x 页. */
static void list_pager(Req *r, const Query *q, const RecList *pList){
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
  out_html(r, HTML("<select name=\"size\" class=\"autosubmit\" aria-label=\"每页条数\">"));
  static const int aSize[] = { 10, 20, 50, 100 };
  for(int j=0; j<4; j++) outf(r, "<option value=\"%d\"%s>%d条/页</option>", aSize[j], aSize[j]==nSize ? " selected" : "", aSize[j]);
  out_html(r, HTML("</select>"));
  if( q->iPage>1 ) outf(r, "<a class=\"btn\" href=\"%s\">上一页</a>", web_url_with(r, "page", arena_printf(&r->arena, "%d", q->iPage-1)));
  out_html(r, HTML("<span class=\"pages\">"));
  long long iLast = 0;
  for(long long i=1; i<=nPages; i++){
    if( i!=1 && i!=nPages && (i<q->iPage-2 || i>q->iPage+2) ) continue;
    if( iLast && i>iLast+1 ) out_html(r, HTML("<span class=\"gap\">…</span>"));
    if( i==q->iPage ) outf(r, "<span class=\"cur\" aria-current=\"page\">%lld</span>", i);
    else outf(r, "<a href=\"%s\">%lld</a>", web_url_with(r, "page", arena_printf(&r->arena, "%lld", i)), i);
    iLast = i;
  }
  out_html(r, HTML("</span>"));
  if( q->iPage<nPages ) outf(r, "<a class=\"btn\" href=\"%s\">下一页</a>", web_url_with(r, "page", arena_printf(&r->arena, "%d", q->iPage+1)));
  outf(r, "<label>前往<input name=\"page\" type=\"number\" min=\"1\" max=\"%lld\" value=\"%d\" class=\"short\">页</label>"
          "<button type=\"submit\" class=\"btn\">确定</button></form></div>\n", nPages, q->iPage);
}

void web_delete_confirm(Req *r, const Kind *k, const RecList *pList){
  web_begin(r, arena_printf(&r->arena, "删除%s记录", k->zLabel), k);
  web_errors_box(r);
  int nNo = 0;
  for(int i=0; i<pList->nRow; i++) if( !rec_can_delete(&r->actor, pList->aRow[i]) ) nNo++;
  long long nMissing = pList->nTotal - pList->nRow;
  if( r->ctx.err.n==0 && nNo==0 && pList->nTotal==pList->nRow ){
    outf(r, "<p>是否确认删除以下%d条%s记录？删除后记入审计日志，不能恢复。</p>", pList->nRow, k->zLabel);
  }else if( r->ctx.err.n==0 ){
    outf(r, "<p>您勾选的%lld条%s记录中有不能删除的，见下表：</p>", (long long)pList->nTotal, k->zLabel);
  }
  out_html(r, HTML("<div class=\"tablebox\"><table class=\"list\"><thead><tr><th>记录</th><th>所属部门</th>"));
  if( k->aState ) out_html(r, HTML("<th>状态</th>"));
  out_html(r, HTML("<th>能否删除</th></tr></thead><tbody>"));
  for(int i=0; i<pList->nRow; i++){
    const Rec *p = pList->aRow[i];
    outf(r, "<tr><td class=\"nw\"><a href=\"/k/%s/%lld\">%s</a></td><td>%s</td>", k->zName, (long long)p->id,
         rec_title(p), dept_name(&r->ctx, p->iDept));
    if( k->aState ){
      const State *s = kind_state(k, p->zState);
      outf(r, "<td>%s</td>", s ? s->zLabel : p->zState);
    }
    if( rec_can_delete(&r->actor, p) ) out_html(r, HTML("<td>可以删除</td></tr>"));
    else out_html(r, HTML("<td class=\"bad\">已办结，只有管理员可以删除</td></tr>"));
  }
  out_html(r, HTML("</tbody></table></div>"));
  if( nMissing>0 ) outf(r, "<p class=\"notice bad\">另有%lld条记录不存在，或不在您的数据权限范围内。</p>", nMissing);
  if( nNo || nMissing || r->ctx.err.n ){
    outf(r, "<p class=\"notice bad\">以上记录要么全部删除，要么都不删除：请返回列表，取消勾选不能删除的记录后再试。</p>"
            "<div class=\"actions\"><a class=\"btn\" href=\"/k/%s\">返回列表</a></div>", k->zName);
  }else{
    outf(r, "<form method=\"post\" action=\"/k/%s/delete\">", k->zName);
    web_csrf_field(r);
    for(int i=0; i<pList->nRow; i++) outf(r, "<input type=\"hidden\" name=\"id\" value=\"%lld\">", (long long)pList->aRow[i]->id);
    outf(r, "<div class=\"actions\"><button type=\"submit\" class=\"btn danger\">确定删除</button>"
            "<a class=\"btn\" href=\"/k/%s\">取 消</a></div></form>", k->zName);
  }
  web_end(r);
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
  /* a date field: from / to */
  i = 0;
  for(const Field *f=k->aField; f->zName; f++, i++){
    if( !(f->flags & F_FILTER) || f->eType!=FT_DATE ) continue;
    if( (r->actor.mRole & R_PUBLIC) && !(f->flags & F_PUBLIC) ) continue;
    outf(r, "<label class=\"range\">%s<input type=\"date\" name=\"f_%s_from\" value=\"%s\" aria-label=\"%s从\">"
            "<span class=\"to\">至</span><input type=\"date\" name=\"f_%s_to\" value=\"%s\" aria-label=\"%s至\"></label>",
         f->zLabel, f->zName, q->azFrom[i] ? q->azFrom[i] : "", f->zLabel,
         f->zName, q->azTo[i] ? q->azTo[i] : "", f->zLabel);
  }
  if( k->aDeadline && r->zToken ){
    outf(r, "<label class=\"check\"><input type=\"checkbox\" name=\"overdue\" value=\"1\"%s>已逾期</label>"
            "<label class=\"check\"><input type=\"checkbox\" name=\"soon\" value=\"1\"%s>即将到期（%d个工作日内）</label>",
         (q->mDue & QUERY_OVERDUE) ? " checked" : "", (q->mDue & QUERY_SOON) ? " checked" : "", todo_soon_days(&r->ctx));
  }
  outf(r, "<button type=\"submit\" class=\"btn primary\">搜索</button>"
          "<a class=\"btn\" href=\"/k/%s\">重置</a></form>\n", k->zName);
  /* Toolbar: 新增 导入 … and, for the ticked rows of the table's form
  ** (form="rows"), 批量删除 and 导出选中 — plain submit buttons, so they
  ** work without JavaScript (a confirmation page, a download) */
  int bTick = r->zToken!=0;              /* logged in: rows can be ticked */
  out_html(r, HTML("<div class=\"toolbar\">"));
  if( bWrite ) outf(r, "<a class=\"btn primary\" href=\"/k/%s/new\">新增</a>", k->zName);
  if( bWrite ){
    outf(r, "<button type=\"submit\" form=\"rows\" class=\"btn danger batch-del\" formaction=\"/k/%s/delete\">批量删除</button>",
         k->zName);
  }
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
    outf(r, "<button type=\"submit\" form=\"rows\" class=\"btn warning batch-export\" formaction=\"/k/%s/export.xlsx\">导出选中</button>",
         k->zName);
    /* CSV is written as it is read: a large list starts downloading at once */
    outf(r, "<a class=\"btn\" href=\"/k/%s/export.csv%s\" title=\"大量数据时立即开始下载\">导出CSV</a>", k->zName, zQs ? zQs : "");
    outf(r, "<a class=\"btn\" href=\"/k/%s/template.xlsx\">下载导入模板</a>", k->zName);
  }
  out_html(r, HTML("</div>\n"));
  /* Table: its own box scrolls sideways (never the page); the ticks are
  ** the fields id=N of the GET form "rows" */
  if( bTick ) outf(r, "<form id=\"rows\" method=\"get\" action=\"/k/%s/delete\" class=\"rows\">", k->zName);
  out_html(r, HTML("<div class=\"tablebox\"><table class=\"list cardlist\"><thead><tr>"));   /* cardlist: a card a row on a phone, labelled by data-l */
  if( bTick ) out_html(r, HTML("<th class=\"tick\"><input type=\"checkbox\" class=\"tickall\" aria-label=\"全选\" title=\"全选\"></th>"));
  int bFirstCol = 1;
  for(const Field *f=k->aField; f->zName; f++){
    if( !(f->flags & F_LIST) ) continue;
    if( (r->actor.mRole & R_PUBLIC) && !(f->flags & F_PUBLIC) ) continue;
    int bOn = q->zSort && strcmp(q->zSort, f->zName)==0;
    const char *zUrl = web_url_with(r, "sort", f->zName);
    if( bOn && !q->bDesc ) zUrl = arena_printf(&r->arena, "%s&desc=1", zUrl);
    outf(r, "<th class=\"%s\" aria-sort=\"%s\"><a href=\"%s\">%s%s%s</a></th>", list_nowrap(f, bFirstCol) ? "nw" : "",
         bOn ? (q->bDesc ? "descending" : "ascending") : "none", zUrl, f->zLabel,
         f->eType==FT_MONEY ? "（元）" : "", bOn ? (q->bDesc ? " ▼" : " ▲") : "");
    bFirstCol = 0;
  }
  out_html(r, HTML("<th>所属部门</th>"));
  if( k->aState ) out_html(r, HTML("<th class=\"nw\">状态</th>"));
  if( k->aDeadline && r->zToken ){
    int bOn = q->zSort && strcmp(q->zSort, QUERY_SORT_DUE)==0;
    const char *zUrl = web_url_with(r, "sort", QUERY_SORT_DUE);
    if( bOn && !q->bDesc ) zUrl = arena_printf(&r->arena, "%s&desc=1", zUrl);
    outf(r, "<th class=\"nw\" aria-sort=\"%s\"><a href=\"%s\" title=\"按最近的届满日排序\">期限%s</a></th>",
         bOn ? (q->bDesc ? "descending" : "ascending") : "none", zUrl, bOn ? (q->bDesc ? " ▼" : " ▲") : "");
  }
  if( r->zToken ) out_html(r, HTML("<th class=\"nw ops\">操作</th>"));
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
    const char *zTitle = rec_title(p);
    if( bTick ){
      outf(r, "<td class=\"tick\" data-l=\"选择\"><input type=\"checkbox\" name=\"id\" value=\"%lld\" aria-label=\"选择%s\"></td>",
           (long long)p->id, zTitle ? zTitle : "");
    }
    for(const Field *f=k->aField; f->zName; f++){
      if( !(f->flags & F_LIST) ) continue;
      if( (r->actor.mRole & R_PUBLIC) && !(f->flags & F_PUBLIC) ) continue;
      const char *zShow = rec_display(&r->ctx, p, f);
      int bNw = list_nowrap(f, bFirst);
      if( bFirst ){
        outf(r, "<td data-l=\"%s\" class=\"nw\"><a href=\"/k/%s/%lld\">%s</a></td>", f->zLabel, k->zName, (long long)p->id, zShow[0] ? zShow : "（空）");
        bFirst = 0;
      }else if( f->eType==FT_MONEY ){
        outf(r, "<td class=\"money\">%s</td>", zShow);
      }else if( f->eType==FT_ENUM && zShow[0] ){
        outf(r, "<td data-l=\"%s\"><span class=\"tag\">%s</span></td>", f->zLabel, zShow);
      }else{
        if( bNw ) outf(r, "<td data-l=\"%s\" class=\"nw\">%s</td>", f->zLabel, zShow);
        else outf(r, "<td data-l=\"%s\">%s</td>", f->zLabel, zShow);
      }
    }
    outf(r, "<td data-l=\"所属部门\">%s</td>", dept_name(&r->ctx, p->iDept));
    if( k->aState ){
      const State *s = kind_state(k, p->zState);
      outf(r, "<td data-l=\"状态\" class=\"nw\"><span class=\"state s-%s\">%s</span></td>", p->zState, s ? s->zLabel : p->zState);
    }
    int eClass = k->aDeadline && r->zToken ? web_deadline_cell(r, p, 1) : 0;
    if( r->zToken ) row_ops(r, p, zTitle);
    row = r->out;
    r->out = save;
    outf(r, "<tr class=\"%s\">", eClass==2 ? "overdue" : eClass==1 ? "due-soon" : "");
    buf_append(&r->out, row.z ? row.z : "", row.n);     /* cells already escaped above */
    buf_free(&row);
    out_html(r, HTML("</tr>\n"));
  }
  if( pList->nRow==0 ) out_html(r, HTML("<tr><td colspan=\"20\" class=\"empty\">暂无数据</td></tr>"));
  out_html(r, HTML("</tbody></table></div>\n"));
  if( bTick ) out_html(r, HTML("</form>\n"));
  if( bWrite ) delete_dialog(r, k);
  list_pager(r, q, pList);
  web_end(r);
}
