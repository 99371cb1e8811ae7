/*
** src/app/demo_inspect.c — the demo county's 涉企检查: the 市场主体名录库,
** the enforcement officers with their certificates, inspections logged by
** 扫码入企 and case or special inspections, and the year's 双随机 plans,
** which are drawn through src/draw exactly as a clerk would: pools fixed
** a few working days before the draw date, the draw from that day's
** lottery numbers, inspections done, results published. The current year
** inspects about a quarter less than the last (fewer, merged inspections),
** as the seeds report.
*/
#include "app/demo.h"
#include "draw/draw.h"
#include "engine/record.h"
#include <stdio.h>
#include <string.h>

#define rnd(n)      demo_rnd(p->g, (unsigned)(n))
#define chance(pm)  demo_chance(p->g, (pm))
#define ymd(d)      demo_ymd(p->g, (d))

/* Inspecting departments (indexes into azDept) and the industries each
** inspects; 市场监管 carries most of the register. */
static const struct { int iDept; const char *azIndustry[5]; int nOfficer; } aInsp[] = {
  { 1,  { "餐饮服务", "食品生产经营", "批发零售", "特种设备", "工业产品生产" }, 42 },
  { 6,  { "药品医疗器械" }, 14 },
  { 10, { "重点排污单位" }, 16 },
  { 5,  { "交通运输" }, 12 },
  { 11, { "危险化学品" }, 12 },
  { 3,  { "建筑施工" }, 12 },
  { 15, { "其他" }, 8 },
};
#define N_INSP ((int)(sizeof aInsp/sizeof aInsp[0]))

static const char *industry_dept(DemoCounty *p, const char *zInd, int *piInsp){
  for(int i=0; i<N_INSP; i++){
    for(int j=0; j<5 && aInsp[i].azIndustry[j]; j++){
      if( strcmp(aInsp[i].azIndustry[j], zInd)==0 ){ *piInsp = i; return p->azDept[aInsp[i].iDept]; }
    }
  }
  *piInsp = 0;
  return p->azDept[1];
}

/* 1 January of the year after the full demo year. */
static Day next_year(DemoCounty *p){
  return day_from_ymd(p->iYear + 1, 1, 1);
}

typedef struct Ent { const char *zCode, *zName, *zInd, *zTown; int iInsp; } Ent;
typedef struct InspState {
  Ent *aEnt; int nEnt;
  const char **azCert[N_INSP], **azName[N_INSP];   /* officers per inspecting department */
} InspState;

static const char *azPlanItem[] = { "经营者遵守食品安全法律法规情况", "药品经营使用质量管理情况", "排污许可证执行情况",
  "道路运输经营者经营行为", "危险化学品安全生产条件", "建筑施工安全生产情况", "文化市场经营行为" };

/* 涉企检查事项清单: per inspecting department, one item per industry it
** inspects and the item its random plans check. */
static int gen_items(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "事项编码", "检查事项名称", "检查类别", "检查依据", "检查频次", "公布日期", 0 };
  static const char *azBasis[] = { "《中华人民共和国食品安全法》第一百一十条", "《中华人民共和国药品管理法》第九十九条",
    "《排污许可管理条例》第二十八条", "《中华人民共和国道路运输条例》第五十九条", "《危险化学品安全管理条例》第七条",
    "《建设工程安全生产管理条例》第四十条", "《娱乐场所管理条例》第三十一条" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(int i=0; i<N_INSP; i++){
    for(int j=0; j<=5; j++){
      const char *zName = j==5 ? azPlanItem[i] : aInsp[i].azIndustry[j] ? arena_printf(p->a, "%s监督检查", aInsp[i].azIndustry[j]) : 0;
      if( zName==0 ) continue;
      char **r = demo_tab_row(&t);
      r[0] = (char*)p->azDept[aInsp[i].iDept];
      r[1] = (char*)arena_printf(p->a, "JCSX-%02d-%03d", aInsp[i].iDept, ++n);
      r[2] = (char*)zName;
      r[3] = j==5 ? "双随机抽查" : "日常检查";
      r[4] = (char*)azBasis[i];
      r[5] = j==5 ? "按年度抽查计划" : "同一企业每年不超过2次";
      r[6] = (char*)ymd(p->y0 + 40 + (Day)rnd(30));
    }
  }
  return demo_tab_import(&t, "inspection_item", p->bQuiet);
}

static int gen_enterprises(DemoCounty *p, InspState *s){
  static const char *azHead[] = { "所属部门", "状态", "统一社会信用代码", "名称", "主体类型", "行业", "所在乡镇（街道）",
    "信用风险分类", "年度入企检查上限（次）", "经营地址", "法定代表人（负责人）", 0 };
  static const char *azInd[] = { "餐饮服务", "食品生产经营", "批发零售", "特种设备", "工业产品生产", "药品医疗器械",
    "重点排污单位", "交通运输", "危险化学品", "建筑施工", "其他" };
  static const int aIndW[] = { 30, 10, 28, 5, 6, 6, 3, 4, 2, 4, 2 };
  static const char *azWord[] = { "顺达", "金穗", "宏远", "惠民", "康宁", "鑫源", "绿野", "恒通", "新城", "丰源",
    "佳美", "安泰", "华兴", "永盛", "福瑞", "天润", "嘉禾", "同心", "兴旺", "德隆" };
  static const char *azSuffix[] = { "餐饮店", "食品有限公司", "商贸有限公司", "机械有限公司", "制造有限公司", "大药房",
    "环保科技有限公司", "运输有限公司", "化工有限公司", "建筑工程有限公司", "文化传媒有限公司" };
  static const char *azRisk[] = { "A类（低风险）", "B类（一般风险）", "C类（较高风险）", "D类（高风险）" };
  static const int aRiskW[] = { 58, 30, 9, 3 };
  static const char *azLimit[] = { "1", "2", "3", "0" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  s->nEnt = 1300;
  s->aEnt = arena_alloc(p->a, sizeof(Ent)*(size_t)s->nEnt);
  for(int i=0; i<s->nEnt; i++){
    char **r = demo_tab_row(&t);
    int iInd = demo_pick(p->g, aIndW, 11), iRisk = demo_pick(p->g, aRiskW, 4);
    int bIndiv = iInd<=2 && chance(450);
    Ent *e = &s->aEnt[i];
    e->zInd = azInd[iInd];
    e->zTown = p->azDept[p->nBureau + (int)rnd(p->nTown)];
    e->zCode = arena_printf(p->a, "9%c410621%08d%c", bIndiv ? '2' : '1', 31000000 + i*7, "0123456789ABCDEFGHJKLMNPQRTUWXY"[i % 31]);
    e->zName = arena_printf(p->a, "%s%s%s%s", p->zCounty, azWord[rnd(20)], azWord[i % 20], azSuffix[iInd]);
    if( bIndiv ) e->zName = arena_printf(p->a, "%s%s%s", p->zCounty, azWord[i % 20], iInd==0 ? "小吃店" : "便利店");
    industry_dept(p, e->zInd, &e->iInsp);
    r[0] = (char*)p->azDept[1];                  /* the register is kept by 市场监管 */
    r[1] = chance(20) ? "注销或吊销" : "存续";
    r[2] = (char*)e->zCode;
    r[3] = (char*)e->zName;
    r[4] = bIndiv ? "个体工商户" : chance(30) ? "农民专业合作社" : "企业";
    r[5] = (char*)e->zInd;
    r[6] = (char*)e->zTown;
    r[7] = (char*)azRisk[iRisk];
    r[8] = (char*)azLimit[iRisk];
    r[9] = (char*)arena_printf(p->a, "%s%s%u号", e->zTown, chance(500) ? "人民路" : "建设路", 1 + rnd(300));
    r[10] = (char*)demo_person(p);
  }
  return demo_tab_import(&t, "enterprise", p->bQuiet);
}

static int gen_officers(DemoCounty *p, InspState *s){
  static const char *azHead[] = { "所属部门", "状态", "执法证号", "姓名", "证件类型", "职务（岗位）", "资格考试日期",
    "资格考试结果", "发证日期", "有效期至", "最近年审年度", "本年度培训学时", "回避对象", 0 };
  static const char *azPost[] = { "执法大队队员", "执法大队副大队长", "科员", "副科长", "所长" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(int i=0; i<N_INSP; i++){
    s->azCert[i] = arena_alloc(p->a, sizeof(char*)*(size_t)aInsp[i].nOfficer);
    s->azName[i] = arena_alloc(p->a, sizeof(char*)*(size_t)aInsp[i].nOfficer);
    for(int j=0; j<aInsp[i].nOfficer; j++){
      char **r = demo_tab_row(&t);
      int y = p->iYear - 6 + (int)rnd(7);
      Day exam = demo_rnd_workday(p->g, (Day)(p->y0 + (y - p->iYear)*365), (Day)(p->y0 + (y - p->iYear)*365 + 300));
      Day issued = exam + 30 + (Day)rnd(30);
      if( issued > p->yEnd ) issued = p->yEnd;
      Day expires = issued + 5*365;
      if( chance(40) ) expires = p->yEnd - 10 - (Day)rnd(120);     /* a few lapsed */
      const char *zCert = arena_printf(p->a, "41062%02d%04d", aInsp[i].iDept, ++n);
      s->azCert[i][j] = zCert;
      s->azName[i][j] = demo_person(p);
      r[0] = (char*)p->azDept[aInsp[i].iDept];
      r[1] = "在岗持证";
      r[2] = (char*)zCert;
      r[3] = (char*)s->azName[i][j];
      r[4] = "行政执法证";
      r[5] = (char*)azPost[chance(700) ? 0 : 1 + rnd(4)];
      r[6] = (char*)ymd(exam);
      r[7] = "通过";
      r[8] = (char*)ymd(issued);
      r[9] = (char*)ymd(expires);
      r[10] = chance(950) ? (char*)arena_printf(p->a, "%d", p->iYear) : (char*)arena_printf(p->a, "%d", p->iYear-1);
      r[11] = (char*)arena_printf(p->a, "%u", chance(900) ? 60 + rnd(40) : 30 + rnd(30));
      if( chance(30) ){
        /* a relative runs a shop in the county */
        const Ent *e = &s->aEnt[rnd(s->nEnt)];
        r[12] = (char*)e->zCode;
      }
    }
  }
  return demo_tab_import(&t, "officer", p->bQuiet);
}

/* 扫码入企, 个案 and 专项 inspections, over both years. */
static int gen_inspections(DemoCounty *p, InspState *s){
  static const char *azHead[] = { "所属部门", "状态", "检查编号", "检查对象", "检查方式", "检查事项", "检查人员",
    "下达日期", "检查日期", "检查结果", "检查情况", 0 };
  static const char *azWay[] = { "扫码入企", "个案检查", "专项检查", "日常检查" };
  static const int aWayW[] = { 55, 25, 12, 8 };
  static const char *azResult[] = { "未发现问题", "发现问题已责令整改", "发现问题立案查处", "未找到检查对象" };
  static const int aResW[] = { 78, 16, 4, 2 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=p->yEnd; d++){
    if( !cal_is_workday(d, 0) ) continue;
    /* about 3.5 a working day last year; this year about 28% fewer */
    int nDay = (int)rnd(d >= next_year(p) ? 6 : 8);
    for(int k=0; k<nDay; k++){
      const Ent *e = &s->aEnt[rnd(s->nEnt)];
      int iW = demo_pick(p->g, aWayW, 4);
      char **r = demo_tab_row(&t);
      int i1 = (int)rnd(aInsp[e->iInsp].nOfficer), i2 = (i1 + 1 + (int)rnd(aInsp[e->iInsp].nOfficer-1)) % aInsp[e->iInsp].nOfficer;
      r[0] = (char*)p->azDept[aInsp[e->iInsp].iDept];
      r[2] = (char*)arena_printf(p->a, "JC%.4s-%05d", ymd(d), ++n);
      r[3] = (char*)e->zCode;
      r[4] = (char*)azWay[iW];
      r[5] = (char*)arena_printf(p->a, "%s监督检查", e->zInd);
      r[6] = (char*)arena_printf(p->a, "%s（%s）、%s（%s）", s->azName[e->iInsp][i1], s->azCert[e->iInsp][i1],
                                 s->azName[e->iInsp][i2], s->azCert[e->iInsp][i2]);
      r[7] = (char*)ymd(d);
      if( d >= p->g->today - 2 && chance(500) ){ r[1] = "待检查"; continue; }
      r[1] = "已检查";
      r[8] = (char*)ymd(d);
      r[9] = (char*)azResult[demo_pick(p->g, aResW, 4)];
    }
  }
  return demo_tab_import(&t, "inspection", p->bQuiet);
}

/* The plans of both years, each drawn on its date. */
static int gen_plans(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "计划编号", "计划名称", "抽查事项", "联合抽查", "联合部门", "抽查行业",
    "A类抽查比例（%）", "B类抽查比例（%）", "C类抽查比例（%）", "D类抽查比例（%）", "每户检查人员数", "随机源", "计划抽取日期", 0 };
  Ctx *c = p->g->c;
  Tab t;
  demo_tab_init(&t, c, azHead);
  typedef struct Plan { const char *zNo; Day dDraw; } Plan;
  Plan aPlan[64];
  int nPlan = 0;
  for(int y=0; y<2; y++){
    Day y0 = y==0 ? p->y0 : next_year(p);
    if( y0 > p->yEnd ) break;
    int iYear = p->iYear + y;
    for(int m=0; m<12 && nPlan<64; m++){
      for(int i=0; i<N_INSP && nPlan<64; i++){
        /* 市场监管 draws about every month, the others a few times a year */
        if( !(i==0 ? chance(800) : chance(170)) ) continue;
        Day dDraw = demo_rnd_workday(p->g, y0 + m*30 + 2, y0 + m*30 + 26);
        if( dDraw > p->g->today + 40 ) continue;
        char **r = demo_tab_row(&t);
        int bJoint = chance(350);
        int iPartner = (i + 1 + (int)rnd(N_INSP-1)) % N_INSP;
        const char *zNo = arena_printf(p->a, "SJ%d-%02d%02d", iYear, m+1, nPlan+1);
        r[0] = (char*)p->azDept[aInsp[i].iDept];
        r[1] = (char*)zNo;
        r[2] = (char*)arena_printf(p->a, "%d年%d月%s双随机抽查%s", iYear, m+1, aInsp[i].azIndustry[rnd(i==0 ? 5 : 1)],
                                   bJoint ? "（联合）" : "");
        r[3] = (char*)azPlanItem[i];
        r[4] = bJoint ? "是" : "否";
        if( bJoint ) r[5] = (char*)p->azDept[aInsp[iPartner].iDept];
        r[6] = (char*)aInsp[i].azIndustry[i==0 ? rnd(5) : 0];
        r[7] = (char*)arena_printf(p->a, "%u", 5 + rnd(6));
        r[8] = (char*)arena_printf(p->a, "%u", 10 + rnd(11));
        r[9] = (char*)arena_printf(p->a, "%u", 30 + rnd(21));
        r[10] = "100";
        r[11] = "2";
        r[12] = (char*)arena_printf(p->a, "%s中国福利彩票3D开奖号码", ymd(dDraw));
        r[13] = (char*)ymd(dDraw);
        aPlan[nPlan++] = (Plan){ zNo, dDraw };
      }
    }
  }
  if( demo_tab_import(&t, "inspection_plan", p->bQuiet) ) return 1;
  /* each plan through its days, oldest first (the frequency limit looks back) */
  for(int i=0; i<nPlan; i++) for(int j=i+1; j<nPlan; j++) if( aPlan[j].dDraw < aPlan[i].dDraw ){ Plan x = aPlan[i]; aPlan[i] = aPlan[j]; aPlan[j] = x; }
  const Kind *kPlan = kind_find("inspection_plan"), *kInsp = kind_find("inspection");
  char zToday[11];
  memcpy(zToday, c->zToday, sizeof zToday);
  Day today = p->g->today;
  int rc = 0, nDrawn = 0, nEnt = 0;
  for(int i=0; i<nPlan && rc==0; i++){
    Day dFix = aPlan[i].dDraw - 3;
    if( dFix > today ) continue;
    i64 id = rec_id_by_value(c, kPlan, kind_field(kPlan, "plan_no"), aPlan[i].zNo, 0);
    demo_set_today(c, dFix);
    if( (rc = draw_fix(c, id))!=FZ_OK ) break;
    if( aPlan[i].dDraw > today ) continue;
    demo_set_today(c, aPlan[i].dDraw);
    const char *zValues = arena_printf(p->a, "%u %u %u", rnd(10), rnd(10), rnd(10));
    if( (rc = draw_run(c, id, zValues))!=FZ_OK ) break;
    nDrawn++;
    /* the inspections, over the next weeks */
    Stmt q;
    i64 aId[512];
    int n = 0;
    if( db_prepare(c->pDb, &q, "SELECT id FROM inspection WHERE plan_id=?1 ORDER BY id") ){ rc = 1; break; }
    db_bind_int64(&q, 1, id);
    while( db_step(&q)==DB_ROW && n<512 ) aId[n++] = db_column_int64(&q, 0);
    db_finalize(&q);
    nEnt += n;
    Day dEnd = aPlan[i].dDraw;
    int bAllDone = 1;
    for(int k=0; k<n && rc==0; k++){
      Day dCheck = demo_rnd_workday(p->g, aPlan[i].dDraw + 3, aPlan[i].dDraw + 30);
      if( dCheck > today ){ bAllDone = 0; continue; }
      demo_set_today(c, dCheck);
      static const char *azRes[] = { "ok", "fixed", "case", "absent" };
      static const int aResW[] = { 80, 15, 3, 2 };
      rc = demo_set_field(c, kInsp, aId[k], "result", azRes[demo_pick(p->g, aResW, 4)]);
      if( rc==0 ) rc = demo_do(c, kInsp, aId[k], "done");
      if( dCheck > dEnd ) dEnd = dCheck;
      Day dPub = demo_add_workdays(dCheck, chance(30) ? 22 + (int)rnd(5) : 2 + (int)rnd(12));
      if( rc==0 && dPub <= today ){
        demo_set_today(c, dPub);
        rc = demo_set_field(c, kInsp, aId[k], "published", ymd(dPub));
      }
    }
    if( rc || !bAllDone ) continue;
    demo_set_today(c, dEnd);
    if( (rc = demo_do(c, kPlan, id, "finish"))!=FZ_OK ) break;
    Day dPub = demo_add_workdays(dEnd, chance(15) ? 21 + (int)rnd(4) : 3 + (int)rnd(12));
    if( dPub > today ) continue;
    demo_set_today(c, dPub);
    rc = demo_do(c, kPlan, id, "publicize");
  }
  demo_set_today(c, today);
  memcpy(c->zToday, zToday, sizeof zToday);
  if( rc ){
    fprintf(stderr, "演示数据：双随机抽取失败\n");
    return 1;
  }
  if( !p->bQuiet ) printf("  %7d次  双随机抽取（抽中%d户，均已下达检查任务）\n", nDrawn, nEnt);
  return 0;
}

int demo_inspections(DemoCounty *p){
  InspState s;
  memset(&s, 0, sizeof s);
  if( gen_items(p) ) return 1;
  if( gen_enterprises(p, &s) ) return 1;
  if( gen_officers(p, &s) ) return 1;
  if( gen_inspections(p, &s) ) return 1;
  return gen_plans(p);
}
