/*
** src/app/demo.c — the demo county: departments, users and a year of
** realistic records (plus the current year up to today), generated with a
** fixed seed and entered through the same import path as a clerk's
** spreadsheet, so every demo record is validated and audited.
**
** Sizes are those of a small county: about 600 service items, 15,000 办件
** a year, 65 legality reviews, a dozen 规范性文件 and 260 复议 cases; the
** later mechanisms' records come from demo_cases.c.
*/
#include "app/app.h"
#include "app/demo.h"
#include "app/cli.h"
#include "auth/auth.h"
#include "transfer/transfer.h"
#include "calendar/calendar.h"
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#define DEMO_PASSWORD "demo-2026"

static const char *azBureau[] = {
  "政务服务和大数据管理局", "市场监督管理局", "自然资源局", "住房和城乡建设局", "人力资源和社会保障局",
  "交通运输局", "卫生健康委员会", "教育局", "农业农村局", "民政局", "生态环境分局", "应急管理局",
  "城市管理局", "公安局", "财政局", "文化广电和旅游局", 0
};
static const char *azTown[] = { "城关镇", "东关镇", "南湖镇", "北山乡", "西岗乡", "黎阳街道", 0 };

/* Service-item names per department (the first bureaus carry most items). */
static const char *azItemBase[] = {
  "食品经营许可", "食品生产许可", "个体工商户设立登记", "企业设立登记", "药品零售企业许可", "特种设备使用登记",
  "建设工程规划许可", "建设用地规划许可", "不动产登记", "建筑工程施工许可", "商品房预售许可", "燃气经营许可",
  "社会保障卡申领", "失业保险金申领", "职业技能等级认定", "道路运输经营许可", "出租汽车经营许可", "医疗机构执业登记",
  "护士执业注册", "民办学校办学许可", "教师资格认定", "农药经营许可", "兽药经营许可", "种子生产经营许可",
  "社会团体成立登记", "婚姻登记", "最低生活保障审批", "排污许可", "建设项目环评审批", "危险化学品经营许可",
  "烟花爆竹经营许可", "城市道路占用许可", "户外广告设置许可", "居民身份证办理", "户口迁移", "机动车登记",
  "公共场所卫生许可", "娱乐场所经营许可", "网吧经营许可", "宗教活动场所登记", 0
};
static const char *azVariant[] = { "（新办）", "（变更）", "（延续）", "（注销）", 0 };

int demo_build(Db *pDb, int iYear, int bQuiet){
  Arena a;
  arena_init(&a);
  Actor act;
  app_cli_actor(pDb, &act);
  Ctx c;
  ctx_init(&c, pDb, &a, &act);
  c.bTrusted = 1;          /* made-up history: not held to the rules a clerk's write is (rules.c) */
  Gen g = { &c, 0x9E3779B97F4A7C15ull, 0 };
  day_parse(c.zToday, &g.today);
  int rc = 1;
  const char *zCounty = "示范县";
  if( !bQuiet ) printf("正在生成演示县“%s”：%d年全年数据及%d年截至今天的数据…\n", zCounty, iYear, iYear+1);
  Progress pg;                     /* the rows of its tables as they are imported */
  CliProgress cp;
  cli_progress_start(&pg, &cp, "生成演示数据", "行");
  if( !bQuiet ) c.pProgress = &pg;

  /* Departments and users */
  i64 iRoot, iJustice;
  if( county_create(&c, zCounty, &iRoot, &iJustice) ) goto done;
  act.iDept = iRoot;
  int nBureau = 0, nTown = 0;
  const char *azDeptName[64];
  for(int i=0; azBureau[i]; i++){
    azDeptName[nBureau] = arena_printf(&a, "%s%s", zCounty, azBureau[i]);
    if( dept_add(&c, iRoot, azDeptName[nBureau], "bureau")==0 ) goto done;
    nBureau++;
  }
  for(int i=0; azTown[i]; i++){
    azDeptName[nBureau+nTown] = azTown[i];
    i64 iTown = dept_add(&c, iRoot, azTown[i], "town");
    if( iTown==0 ) goto done;
    nTown++;
    if( i==0 ){
      dept_add(&c, iTown, "城关镇东街社区", "village");
      dept_add(&c, iTown, "城关镇李庄村", "village");
    }
  }
  const char *zJustice = arena_printf(&a, "%s司法局", zCounty);
  struct { const char *zLogin, *zName, *zRole, *zDept; } aUser[] = {
    { "admin", "王敏", "admin", zJustice },
    { "leader", "李县长", "leader", zCounty },
    { "zhengwu", "赵晓", "clerk", azDeptName[0] },
    { "shichang", "陈静", "clerk", azDeptName[1] },
    { "fuyi", "刘洋", "clerk", zJustice },
    { "chengguan", "孙丽", "clerk", "城关镇" },
  };
  for(size_t i=0; i<sizeof(aUser)/sizeof(aUser[0]); i++){
    i64 iDept;
    if( dept_lookup(&c, aUser[i].zDept, &iDept, 0) ) goto done;
    if( user_create_demo(&c, aUser[i].zLogin, aUser[i].zName, aUser[i].zRole, iDept, DEMO_PASSWORD) ) goto done;
  }
  if( setting_set(&c, "report_to", "市委、市政府：") ) goto done;

  Day y0 = day_from_ymd(iYear, 1, 1), yEnd = g.today;   /* last year in full, this year to date */

  /* 政务服务事项 */
  static const char *azItemHead[] = { "所属部门", "状态", "事项编码", "事项名称", "事项类型", "进驻政务服务中心",
    "网办深度", "最多跑动次数", "法定时限（工作日）", "承诺时限（工作日）", "申请材料数", "办理环节数", 0 };
  Tab t;
  demo_tab_init(&t, &c, azItemHead);
  int nItem = 0;
  const char *azItemCode[700];
  const char *azItemDept[700];
  int aItemPromise[700];
  unsigned char aItemLicense[700];   /* a 行政许可: its 办件 run 行政许可法's period too */
  for(int d=0; d<nBureau+nTown && nItem<680; d++){
    int nHere = d<3 ? 90 : d<nBureau ? 28 : 12;
    for(int i=0; i<nHere && nItem<680; i++){
      char **r = demo_tab_row(&t);
      const char *zBase = azItemBase[(d*7 + i) % 40];
      const char *zVar = azVariant[i % 4];
      const char *zCat = demo_chance(&g, 380) ? "行政许可" : demo_chance(&g, 400) ? "公共服务" : demo_chance(&g, 500) ? "行政确认"
                       : demo_chance(&g, 500) ? "行政给付" : demo_chance(&g, 700) ? "其他行政权力" : "行政奖励";
      int bLicense = strcmp(zCat, "行政许可")==0;
      int nLegal = bLicense ? (demo_chance(&g, 700) ? 20 : 15) : (demo_chance(&g, 500) ? 0 : 10 + (int)demo_rnd(&g, 21));
      int nPromise = nLegal ? 1 + (int)demo_rnd(&g, 3) : 1 + (int)demo_rnd(&g, 5);
      if( nLegal && demo_chance(&g, 80) ) nPromise = nLegal/2;
      r[0] = (char*)azDeptName[d];
      r[1] = demo_chance(&g, 15) ? "已取消" : "在用";
      r[2] = arena_printf(&a, "4106210%02d%04d", d+1, i+1);
      r[3] = arena_printf(&a, "%s%s", zBase, zVar);
      r[4] = (char*)zCat;
      r[5] = demo_chance(&g, 964) ? "是" : "否";
      r[6] = demo_chance(&g, 20) ? "涉密不可网办" : demo_chance(&g, 620) ? "全程网办" : demo_chance(&g, 800) ? "可网办" : "不可网办";
      r[7] = arena_printf(&a, "%d", demo_chance(&g, 560) ? 0 : demo_chance(&g, 930) ? 1 : 2);
      r[8] = nLegal ? arena_printf(&a, "%d", nLegal) : "";
      r[9] = arena_printf(&a, "%d", nPromise);
      r[10] = arena_printf(&a, "%d", 1 + (int)demo_rnd(&g, 7));
      r[11] = arena_printf(&a, "%d", 2 + (int)demo_rnd(&g, 3));
      azItemCode[nItem] = r[2];
      azItemDept[nItem] = r[0];
      aItemPromise[nItem] = nPromise;
      aItemLicense[nItem] = (unsigned char)bLicense;
      nItem++;
    }
  }
  if( demo_tab_import(&t, "service_item", bQuiet) ) goto done;

  /* 办件: about 60 a working day */
  static const char *azCaseHead[] = { "所属部门", "状态", "办件编号", "政务服务事项", "申请人", "受理渠道",
    "受理日期", "承诺时限（工作日）", "办结日期", "好差评", "行政许可事项", 0 };
  static const char *azSurname = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
  static const char *azRating[] = { "非常满意", "满意", "基本满意", "不满意", "非常不满意" };
  demo_tab_init(&t, &c, azCaseHead);
  int nCase = 0;
  for(Day d=y0; d<=yEnd; d++){
    if( !cal_is_workday(d, 0) ) continue;
    int nToday = 50 + (int)demo_rnd(&g, 20);
    for(int i=0; i<nToday; i++){
      int it = (int)demo_rnd(&g, (unsigned)nItem);
      char **r = demo_tab_row(&t);
      int nLimit = aItemPromise[it];
      Day fin = demo_add_workdays(d, demo_chance(&g, 975) ? (int)demo_rnd(&g, (unsigned)nLimit+1) : nLimit + 1 + (int)demo_rnd(&g, 3));
      int bOpen = fin > g.today;
      r[0] = (char*)azItemDept[it];
      r[1] = bOpen ? "办理中" : demo_chance(&g, 8) ? "不予受理" : "已办结";
      r[2] = arena_printf(&a, "BJ%s%05d", demo_ymd(&g, d), ++nCase % 100000);
      r[3] = (char*)azItemCode[it];
      {
        /* a surname is one 3-byte character of azSurname */
        int k = (int)demo_rnd(&g, 20);
        r[4] = arena_printf(&a, "%.3s某%s", azSurname + 3*k, demo_chance(&g, 300) ? "（企业）" : "");
      }
      r[5] = demo_chance(&g, 720) ? "线上" : "线下";
      r[6] = (char*)demo_ymd(&g, d);
      r[7] = arena_printf(&a, "%d", nLimit);
      r[10] = aItemLicense[it] ? "是" : "否";     /* no draw: the demo's figures stay as they were */
      if( strcmp(r[1], "已办结")==0 ){
        r[8] = (char*)demo_ymd(&g, fin);
        if( demo_chance(&g, 800) ){
          unsigned x = demo_rnd(&g, 1000);
          r[9] = (char*)azRating[x<700 ? 0 : x<950 ? 1 : x<990 ? 2 : x<997 ? 3 : 4];
        }
      }
    }
  }
  if( demo_tab_import(&t, "service_case", bQuiet) ) goto done;

  /* 合法性审核 */
  static const char *azRevHead[] = { "所属部门", "状态", "审核编号", "送审文件名称", "文件类型", "送审单位",
    "收到送审日期", "审核主体", "出具书面审核意见", "审核结论", "审核完成日期", 0 };
  static const char *azRevTitle[] = { "关于进一步优化营商环境的若干措施", "国有土地使用权出让合同", "城区集中供热特许经营协议",
    "关于加强农村集体资产管理的实施意见", "政府购买公共服务合同", "老旧小区改造项目框架协议", "关于规范行政裁量权基准的办法",
    "招商引资项目投资协议", "关于做好城乡居民医疗保险工作的通知", "重大行政决策事项目录" };
  demo_tab_init(&t, &c, azRevHead);
  int nRev = 0;
  for(int yr=iYear; yr<=iYear+1; yr++){
    Day from = day_from_ymd(yr, 1, 2), to = yr==iYear ? day_from_ymd(yr, 12, 20) : g.today;
    if( to < from ) continue;
    int n = yr==iYear ? 66 : (int)(66L*(to-from)/365);
    for(int i=0; i<n; i++){
      char **r = demo_tab_row(&t);
      Day d = demo_rnd_workday(&g, from, to);
      unsigned x = demo_rnd(&g, 100);
      const char *zType = x<17 ? "规范性文件" : x<61 ? "合同协议" : x<66 ? "重大行政决策" : "其他文件";
      Day done = demo_add_workdays(d, 3 + (int)demo_rnd(&g, demo_chance(&g, 950) ? 12 : 16));
      int bOpen = done > g.today;
      r[0] = (char*)zJustice;
      r[1] = bOpen ? "审核中" : "已审核";
      r[2] = arena_printf(&a, "HF%d-%03d", yr, ++nRev);
      r[3] = (char*)azRevTitle[demo_rnd(&g, 10)];
      r[4] = (char*)zType;
      r[5] = (char*)azDeptName[demo_rnd(&g, (unsigned)nBureau)];
      r[6] = (char*)demo_ymd(&g, d);
      r[7] = demo_chance(&g, 550) ? "法律顾问" : "司法局";
      if( !bOpen ){
        int bOpinion = strcmp(zType, "规范性文件")==0 || strcmp(zType, "重大行政决策")==0 || demo_chance(&g, 250);
        r[8] = bOpinion ? "是" : "否";
        r[9] = demo_chance(&g, 800) ? "合法，同意提交" : "修改后提交";
        r[10] = (char*)demo_ymd(&g, done);
      }
    }
  }
  if( demo_tab_import(&t, "legality_review", bQuiet) ) goto done;

  /* 行政规范性文件 */
  static const char *azDocHead[] = { "所属部门", "状态", "文号", "文件名称", "公布日期", "报送备案日期", "备案机关",
    "同时报人大常委会备案", "清理结论", "清理日期", 0 };
  static const char *azDocTitle[] = { "示范县城乡居民最低生活保障实施办法", "示范县城区停车管理办法", "示范县政府投资项目管理办法",
    "示范县农村宅基地管理办法", "示范县行政规范性文件管理办法", "示范县扶持小微企业发展若干措施", "示范县城市供水管理办法",
    "示范县殡葬管理实施办法", "示范县公共租赁住房管理办法", "示范县重大行政决策程序规定", "示范县大气污染防治若干规定",
    "示范县养犬管理规定" };
  demo_tab_init(&t, &c, azDocHead);
  for(int yr=iYear; yr<=iYear+1; yr++){
    Day from = day_from_ymd(yr, 1, 10), to = yr==iYear ? day_from_ymd(yr, 12, 10) : g.today - 5;
    if( to < from ) continue;
    int n = yr==iYear ? 12 : (int)(12L*(to-from)/365);
    for(int i=0; i<n; i++){
      char **r = demo_tab_row(&t);
      Day d = from + (Day)((long)(to-from)*i/(n>1 ? n : 1));
      d = demo_rnd_workday(&g, d, d+6 < to ? d+6 : to);
      Day filed = d + 5 + (Day)demo_rnd(&g, demo_chance(&g, 900) ? 20 : 40);
      int bFiled = filed <= g.today;
      r[0] = (char*)zCounty;
      r[1] = bFiled ? "已备案" : "已公布待备案";
      r[2] = arena_printf(&a, "示政规〔%d〕%d号", yr, i+1);
      r[3] = arena_printf(&a, "%s", azDocTitle[(i + (yr-iYear)*5) % 12]);
      r[4] = (char*)demo_ymd(&g, d);
      if( bFiled ){
        r[5] = (char*)demo_ymd(&g, filed);
        r[6] = "市人民政府";
        r[7] = "是";
      }
      if( yr==iYear && i<4 ){
        r[8] = i==3 ? "废止" : i==2 ? "修改" : "保留";
        r[9] = (char*)demo_ymd(&g, day_from_ymd(iYear, 12, 15));
      }
    }
  }
  if( demo_tab_import(&t, "normative_doc", bQuiet) ) goto done;

  /* 行政复议 */
  static const char *azRecHead[] = { "所属部门", "状态", "案号", "申请人", "被申请人", "案件类别", "收到申请日期",
    "受理日期", "审理程序", "经批准延长审理期限", "结案日期", "结案方式", 0 };
  static const char *azMatter[] = { "行政处罚", "行政强制", "行政许可", "政府信息公开", "不履行法定职责", "征收征用", "行政确认", "其他" };
  static const char *azOutcome[] = { "维持", "驳回", "撤销", "变更", "确认违法", "责令履行", "调解", "和解", "终止" };
  static const int aOutcomeW[] = { 450, 200, 80, 20, 50, 30, 50, 70, 50 };
  demo_tab_init(&t, &c, azRecHead);
  int nRec = 0;
  for(Day d=y0; d<=yEnd; d++){
    if( !cal_is_workday(d, 0) || !demo_chance(&g, 1040) ) continue;
    int nToday = demo_chance(&g, 100) ? 2 : 1;
    for(int i=0; i<nToday; i++){
      char **r = demo_tab_row(&t);
      Day acc = demo_add_workdays(d, 1 + (int)demo_rnd(&g, 4));
      int bSimple = demo_chance(&g, 150);
      int bExt = !bSimple && demo_chance(&g, 120);
      int nLimit = bSimple ? 30 : 60 + (bExt ? 30 : 0);
      Day dec = acc + 15 + (Day)demo_rnd(&g, (unsigned)(nLimit-17));
      if( d < day_from_ymd(iYear, 6, 1) && demo_chance(&g, 10) ) dec = acc + nLimit + 3 + (Day)demo_rnd(&g, 10);  /* a few late ones */
      int bReject = demo_chance(&g, 40);
      r[0] = (char*)zJustice;
      r[2] = arena_printf(&a, "示复〔%d〕%d号", d < day_from_ymd(iYear+1, 1, 1) ? iYear : iYear+1, ++nRec);
      {
        int k = (int)demo_rnd(&g, 20);
        r[3] = arena_printf(&a, "%.3s某", azSurname + 3*k);
      }
      r[4] = (char*)azDeptName[1 + demo_rnd(&g, (unsigned)(nBureau-1))];
      r[5] = (char*)azMatter[demo_rnd(&g, 8)];
      r[6] = (char*)demo_ymd(&g, d);
      r[8] = bSimple ? "简易程序" : "普通程序";
      r[9] = bExt ? "是" : "否";
      if( acc > g.today ){ r[1] = "待审查"; continue; }
      if( bReject ){ r[1] = "不予受理"; continue; }
      r[7] = (char*)demo_ymd(&g, acc);
      if( dec > g.today ){ r[1] = "已受理"; continue; }
      r[1] = "已结案";
      r[10] = (char*)demo_ymd(&g, dec);
      r[11] = (char*)azOutcome[demo_pick(&g, aOutcomeW, 9)];
    }
  }
  if( demo_tab_import(&t, "reconsideration", bQuiet) ) goto done;

  DemoCounty dc = { &g, &a, iYear, y0, yEnd, zCounty, zJustice, azDeptName, nBureau, nTown, bQuiet };
  if( demo_cases(&dc) ) goto done;
  rc = 0;
done:
  progress_end(c.pProgress);
  if( rc && c.zInternal[0] ) fprintf(stderr, "%s\n", c.zInternal);
  if( rc && c.err.n ) for(int i=0; i<c.err.n && i<20; i++) fprintf(stderr, "%s\n", err_text(&c, &c.err.a[i]));
  arena_free(&a);
  return rc;
}
