/*
** src/app/demo_activity.c — the demo county's 重大行政决策, 法律顾问,
** 法律援助, 12345 tickets, 审计, and the activities (普法, 学法述法,
** 突发事件应对): sized like a small county's year, dated so most statutory
** and local periods are met. Every row goes through the importer.
*/
#include "app/demo.h"
#include "engine/record.h"
#include <stdio.h>
#include <string.h>

#define rnd(n)      demo_rnd(p->g, (unsigned)(n))
#define chance(pm)  demo_chance(p->g, (pm))
#define ymd(d)      demo_ymd(p->g, (d))
#define TODAY       (p->g->today)

/* 重大行政决策: about 8 a year in the catalog, decided over the year. */
static int gen_decisions(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "决策事项编号", "决策事项名称", "事项类别", "列入目录日期",
    "公开征求意见开始日期", "公开征求意见截止日期", "需专家论证", "专家论证日期", "需风险评估", "风险评估日期",
    "送请合法性审查日期", "合法性审查意见日期", "集体讨论决定日期", "决策公布日期", 0 };
  static const char *azTitle[] = { "城区集中供热价格调整", "县城总体规划修编", "老旧小区改造实施方案", "农村生活垃圾治理办法",
    "城区停车收费管理办法", "中小学布局调整规划", "县域医共体建设实施方案", "黄河滩区居民迁建安置方案",
    "城区出租车运力调控方案", "农贸市场升级改造项目", "城乡供水一体化项目", "养老服务体系建设规划" };
  static const char *azArea[] = { "重大公共政策和措施", "经济社会发展重要规划", "重大公共建设项目" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(int y=0; y<2; y++){
    Day y0 = y==0 ? p->y0 : day_from_ymd(p->iYear+1, 1, 1);
    if( y0 > TODAY ) break;
    for(int k=0; k<(y==0 ? 8 : 6); k++){
      Day listed = demo_rnd_workday(p->g, y0 + 20, y0 + 60);
      if( listed > TODAY ) continue;
      char **r = demo_tab_row(&t);
      Day c0 = listed + 20 + (Day)rnd(60), c1 = c0 + 30 + (Day)rnd(10);
      Day rs = c1 + 3 + (Day)rnd(10), rd = demo_add_workdays(rs, 7 + (int)rnd(8));
      Day dec = demo_rnd_workday(p->g, rd + 5, rd + 30), pub = dec + 2 + (Day)rnd(10);
      int bExpert = chance(600), bRisk = chance(500);
      r[0] = (char*)p->azDept[(int)rnd(p->nBureau)];
      r[2] = (char*)arena_printf(p->a, "JC%d-%02d", p->iYear + y, ++n);
      r[3] = (char*)azTitle[(k + 5*y) % 12];
      r[4] = (char*)azArea[rnd(3)];
      r[5] = (char*)ymd(listed);
      r[1] = "已列入目录";
      r[8] = bExpert ? "是" : "否";
      r[10] = bRisk ? "是" : "否";
      if( c0 <= TODAY ) r[6] = (char*)ymd(c0);
      if( c1 <= TODAY && c0 <= TODAY ) r[7] = (char*)ymd(c1);
      if( bExpert && c1 + 5 <= TODAY && !chance(40) ) r[9] = (char*)ymd(c1 + 5);
      if( bRisk && c1 + 8 <= TODAY ) r[11] = (char*)ymd(c1 + 8);
      if( rs <= TODAY ) r[12] = (char*)ymd(rs);
      if( rd > TODAY || dec > TODAY || !r[6][0] || !r[7][0] ) continue;
      r[13] = (char*)ymd(rd);
      r[1] = "已决策";
      r[14] = (char*)ymd(dec);
      if( pub <= TODAY ) r[15] = (char*)ymd(pub);
    }
  }
  return demo_tab_import(&t, "major_decision", p->bQuiet);
}

/* 法律顾问: the county government, every bureau and town; a few 公职律师. */
static int gen_counsel(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "聘用编号", "法律顾问（公职律师）", "类别", "聘用（任职）日期", "聘期至",
    "出具法律意见（份）", "审查合同（份）", "代理诉讼案件（件）", 0 };
  static const char *azFirm[] = { "河南正义律师事务所", "河南大河律师事务所", "河南金盾律师事务所", "河南明德律师事务所" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(int i=0; i<p->nBureau + p->nTown; i++){
    if( i>0 && chance(60) ) continue;                       /* a few units still without counsel */
    char **r = demo_tab_row(&t);
    int bPublic = i==0 || chance(150);
    r[0] = (char*)p->azDept[i];
    r[1] = "在聘";
    r[2] = (char*)arena_printf(p->a, "GW%d-%03d", p->iYear, ++n);
    r[3] = (char*)(bPublic ? arena_printf(p->a, "%s（公职律师）", demo_person(p)) : azFirm[rnd(4)]);
    r[4] = bPublic ? "公职律师" : "法律顾问（律师事务所）";
    r[5] = (char*)ymd(p->y0 + (Day)rnd(20));
    r[6] = (char*)ymd(p->y0 + 364 + 365);
    r[7] = (char*)arena_printf(p->a, "%u", 5 + rnd(40));
    r[8] = (char*)arena_printf(p->a, "%u", 3 + rnd(30));
    r[9] = (char*)arena_printf(p->a, "%u", rnd(6));
  }
  return demo_tab_import(&t, "legal_counsel", p->bQuiet);
}

/* 法律援助: about 300 a year at the 司法局's centre. */
static int gen_legal_aid(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "援助案号", "受援人", "案件类别", "案件来源", "受援人群体",
    "收到申请（通知）日期", "审查决定日期", "给予法律援助", "指派日期", "承办律师", "结案日期", "受援人满意", 0 };
  static const char *azGroup[] = { "农民工", "老年人", "未成年人", "残疾人", "妇女", "退役军人", "其他" };
  static const int aGroupW[] = { 30, 15, 12, 8, 15, 3, 17 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) || !chance(900) ) continue;
    for(int k=(int)rnd(2); k>=0; k--){
      char **r = demo_tab_row(&t);
      int bNotice = chance(350);
      unsigned x = rnd(100);
      r[0] = (char*)p->zJustice;
      r[2] = (char*)arena_printf(p->a, "FY%.4s-%04d", ymd(d), ++n);
      r[3] = (char*)demo_person(p);
      r[4] = bNotice ? "刑事" : x<75 ? "民事" : x<92 ? "刑事" : "行政";
      r[5] = bNotice ? "办案机关通知辩护" : "当事人申请";
      r[6] = (char*)azGroup[demo_pick(p->g, aGroupW, 7)];
      r[7] = (char*)ymd(d);
      Day dec = d + 1 + (Day)rnd(chance(30) ? 9 : 5), as = (bNotice ? d : dec) + (Day)rnd(3);
      r[1] = "审查中";
      if( !bNotice && dec <= TODAY ) r[8] = (char*)ymd(dec);
      if( as > TODAY || (!bNotice && dec > TODAY) ) continue;
      if( !bNotice && chance(40) ){ r[1] = "不予援助"; r[9] = "否"; continue; }
      r[1] = "已指派";
      r[9] = "是";
      r[10] = (char*)ymd(as);
      r[11] = (char*)arena_printf(p->a, "%s律师", demo_person(p));
      Day cl = as + 20 + (Day)rnd(120);
      if( cl > TODAY ) continue;
      r[1] = "已结案";
      r[12] = (char*)ymd(cl);
      if( chance(800) ) r[13] = chance(970) ? "是" : "否";
    }
  }
  return demo_tab_import(&t, "legal_aid", p->bQuiet);
}

/* 12345 and the county's mailbox: about 9,000 tickets a year to the bureaus and towns. */
static int gen_hotline(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "工单编号", "受理渠道", "诉求类型", "诉求内容", "派单日期",
    "经批准延期", "办结日期", "办理结果", "群众评价", 0 };
  static const char *azChan[] = { "12345热线电话", "网站", "微信小程序", "县长信箱" };
  static const int aChanW[] = { 75, 8, 12, 5 };
  static const char *azType[] = { "咨询", "求助", "投诉", "举报", "建议" };
  static const int aTypeW[] = { 40, 15, 30, 8, 7 };
  static const char *azSummary[] = { "咨询社保卡补办流程", "反映小区停水", "投诉商户占道经营", "反映夜间施工噪音扰民",
    "举报违规排放污水", "建议增设公交站点", "咨询不动产登记所需材料", "反映路灯不亮", "投诉物业收费不规范", "求助拖欠工资" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) ) continue;
    for(int k=20 + (int)rnd(20); k>0; k--){
      char **r = demo_tab_row(&t);
      int iType = demo_pick(p->g, aTypeW, 5), bQuick = iType<2;
      int nDays = bQuick ? 1 + (int)rnd(chance(20) ? 5 : 3) : 2 + (int)rnd(chance(20) ? 16 : 12);
      Day cl = demo_add_workdays(d, nDays);
      r[0] = (char*)p->azDept[(int)rnd(p->nBureau + p->nTown)];
      r[2] = (char*)arena_printf(p->a, "RX%.4s%.2s%.2s-%d", ymd(d), ymd(d)+5, ymd(d)+8, ++n);
      r[3] = (char*)azChan[demo_pick(p->g, aChanW, 4)];
      r[4] = (char*)azType[iType];
      r[5] = (char*)azSummary[rnd(10)];
      r[6] = (char*)ymd(d);
      r[7] = chance(15) ? "是" : "否";
      if( cl > TODAY ){ r[1] = "办理中"; continue; }
      r[1] = "已办结";
      r[8] = (char*)ymd(cl);
      r[9] = "已联系诉求人并办理，答复办理结果";
      if( chance(700) ) r[10] = chance(930) ? (chance(800) ? "满意" : "基本满意") : "不满意";
    }
  }
  return demo_tab_import(&t, "hotline_ticket", p->bQuiet);
}

/* 审计: about 25 projects a year by the audit bureau (filed under 财政局 here). */
static int gen_audits(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "审计项目编号", "审计项目名称", "审计类型", "被审计单位", "进点日期",
    "出具审计报告日期", "发现问题（个）", "涉及金额（万元）", "提出审计建议（条）", "移送处理事项（件）", 0 };
  static const char *azType[] = { "预算执行审计", "经济责任审计", "政府投资项目审计", "专项资金审计" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d += 10 + (Day)rnd(10)){
    Day start = demo_rnd_workday(p->g, d, d + 5);
    if( start > TODAY ) break;
    char **r = demo_tab_row(&t);
    int iT = (int)rnd(4);
    const char *zAuditee = p->azDept[(int)rnd(p->nBureau + p->nTown)];
    Day rep = start + 40 + (Day)rnd(60);
    r[0] = (char*)p->azDept[14];
    r[2] = (char*)arena_printf(p->a, "SJXM%.4s-%02d", ymd(d), ++n);
    r[3] = (char*)arena_printf(p->a, "%s%s", zAuditee, azType[iT]);
    r[4] = (char*)azType[iT];
    r[5] = (char*)zAuditee;
    r[6] = (char*)ymd(start);
    if( rep > TODAY ){ r[1] = "审计中"; continue; }
    r[1] = "已出具报告";
    r[7] = (char*)ymd(rep);
    r[8] = (char*)arena_printf(p->a, "%u", 2 + rnd(12));
    r[9] = (char*)arena_printf(p->a, "%u", 20 + rnd(900));
    r[10] = (char*)arena_printf(p->a, "%u", 2 + rnd(8));
    r[11] = (char*)arena_printf(p->a, "%u", chance(150) ? 1 : 0);
  }
  return demo_tab_import(&t, "audit_project", p->bQuiet);
}

/* The activities: 普法, 学法述法, 突发事件应对, over both years. */
static int gen_activities(DemoCounty *p){
  static const char *azPH[] = { "所属部门", "活动编号", "活动主题", "普法阵地", "活动形式", "活动日期", "受众人次",
    "发放资料（份）", "被媒体采用", 0 };
  static const char *azVenue[] = { "进机关", "进乡村", "进社区", "进学校", "进企业", "进单位", "进家庭", "网络新媒体" };
  static const char *azForm[] = { "法治讲座", "集中宣传", "文艺演出", "知识竞赛", "旁听庭审" };
  static const char *azTopic[] = { "宪法宣传周", "民法典进万家", "反诈宣传", "安全生产月", "国家安全教育日", "防范非法集资",
    "未成年人保护法宣传", "乡村振兴促进法宣讲", "禁毒宣传", "农民工欠薪维权" };
  Tab t;
  demo_tab_init(&t, p->g->c, azPH);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !chance(cal_is_workday(d, 0) ? 800 : 200) ) continue;
    char **r = demo_tab_row(&t);
    int bPost = chance(300);
    r[0] = (char*)p->azDept[(int)rnd(p->nBureau + p->nTown)];
    r[1] = (char*)arena_printf(p->a, "PF%.4s-%04d", ymd(d), ++n);
    r[2] = (char*)azTopic[rnd(10)];
    r[3] = (char*)(bPost ? "网络新媒体" : azVenue[rnd(7)]);
    r[4] = (char*)(bPost ? "新媒体推送" : azForm[rnd(5)]);
    r[5] = (char*)ymd(d);
    r[6] = (char*)arena_printf(p->a, "%u", bPost ? 500 + rnd(5000) : 30 + rnd(400));
    if( !bPost ) r[7] = (char*)arena_printf(p->a, "%u", 50 + rnd(500));
    if( bPost && chance(120) ) r[8] = chance(500) ? "学习强国" : "河南法治报";
  }
  if( demo_tab_import(&t, "law_publicity", p->bQuiet) ) return 1;

  static const char *azSH[] = { "所属部门", "活动编号", "类型", "学习内容（主题）", "日期", "参加人数", "考试合格人数", 0 };
  static const char *azLaw[] = { "《中华人民共和国行政复议法》", "《中华人民共和国行政处罚法》", "《优化营商环境条例》",
    "《重大行政决策程序暂行条例》", "《中华人民共和国民法典》", "《行政执法监督条例》", "《中华人民共和国安全生产法》" };
  demo_tab_init(&t, p->g->c, azSH);
  n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) ) continue;
    const char *zType = 0;
    int nPeople = 0, nPassed = -1;
    if( chance(60) ){ zType = "政府常务会议会前学法"; nPeople = 15 + (int)rnd(10); }
    else if( chance(25) ){ zType = "党委（党组）理论学习中心组学法"; nPeople = 10 + (int)rnd(15); }
    else if( chance(20) ){ zType = "法治专题培训"; nPeople = 50 + (int)rnd(200); }
    else if( chance(3) ){ zType = "领导干部法律知识考试"; nPeople = 150 + (int)rnd(150); nPassed = nPeople - (int)rnd(6); }
    else if( chance(4) ){ zType = "述法"; nPeople = 8 + (int)rnd(12); }
    if( zType==0 ) continue;
    char **r = demo_tab_row(&t);
    r[0] = (char*)(strcmp(zType, "政府常务会议会前学法")==0 ? p->zCounty : p->azDept[(int)rnd(p->nBureau + p->nTown)]);
    r[1] = (char*)arena_printf(p->a, "XF%.4s-%03d", ymd(d), ++n);
    r[2] = (char*)zType;
    r[3] = (char*)(strcmp(zType, "述法")==0 ? "年度履行推进法治建设第一责任人职责情况" : azLaw[rnd(7)]);
    r[4] = (char*)ymd(d);
    r[5] = (char*)arena_printf(p->a, "%d", nPeople);
    if( nPassed>=0 ) r[6] = (char*)arena_printf(p->a, "%d", nPassed);
  }
  if( demo_tab_import(&t, "study_session", p->bQuiet) ) return 1;

  /* the leaders' own meetings on rule-of-law work (chapter 二) */
  static const char *azDH[] = { "所属部门", "编号", "类型", "议题（内容）", "日期", "主持（参加）领导", 0 };
  static const struct { const char *zType, *zTopic, *zChair; int nMin, nMore; } aDuty[] = {
    { "党委常委会会议研究法治建设", "研究部署年度法治建设重点工作", "县委书记", 1, 2 },
    { "政府常务会议专题研究法治政府建设", "专题研究法治政府建设工作", "县长", 2, 2 },
    { "全面依法治县（区）委员会及其协调小组会议", "县委全面依法治县委员会会议", "县委书记、县长", 1, 2 },
    { "专题听取法治建设工作汇报", "听取县司法局法治政府建设工作汇报", "县长", 3, 5 },
    { "述法专题会议", "部门和乡镇主要负责人述法", "县委书记", 1, 0 },
    { "领导干部旁听庭审", "组织领导干部旁听行政诉讼案件庭审", "常务副县长", 1, 1 },
  };
  demo_tab_init(&t, p->g->c, azDH);
  n = 0;
  /* so many a year, spread over the part of each year that has passed */
  for(Day y0=p->y0; y0<=TODAY; ){
    int iY, iM, iD;
    day_ymd(y0, &iY, &iM, &iD);
    Day yN = day_from_ymd(iY+1, 1, 1);
    Day yLast = yN-1 < TODAY ? yN-1 : TODAY;
    for(int i=0; i<(int)(sizeof aDuty/sizeof aDuty[0]); i++){
      int nThis = (aDuty[i].nMin + (int)rnd(aDuty[i].nMore+1)) * (int)(yLast-y0+1) / (int)(yN-y0);
      for(int j=0; j<nThis; j++){
        Day d = demo_rnd_workday(p->g, y0, yLast);
        char **r = demo_tab_row(&t);
        r[0] = (char*)p->zCounty;           /* the county's own: chapter 二 counts no other unit's */
        r[1] = (char*)arena_printf(p->a, "LZ%.4s-%03d", ymd(d), ++n);
        r[2] = (char*)aDuty[i].zType;
        r[3] = (char*)aDuty[i].zTopic;
        r[4] = (char*)ymd(d);
        r[5] = (char*)aDuty[i].zChair;
      }
    }
    y0 = yN;
  }
  if( demo_tab_import(&t, "leader_duty", p->bQuiet) ) return 1;

  static const char *azEH[] = { "所属部门", "编号", "类型", "名称", "层级", "日期", "参加人数", 0 };
  static const char *azDrill[] = { "防汛抢险", "森林防火", "危险化学品泄漏处置", "地震应急疏散", "消防安全", "道路交通事故救援" };
  demo_tab_init(&t, p->g->c, azEH);
  n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) || !chance(150) ) continue;
    char **r = demo_tab_row(&t);
    unsigned x = rnd(100);
    const char *zType = x<20 ? "应急预案编制修订" : x<60 ? "应急演练" : x<80 ? "应急培训" : x<90 ? "值班值守检查" : "紧急信息报送";
    int iDept = chance(300) ? 11 : (int)rnd(p->nBureau + p->nTown);
    r[0] = (char*)p->azDept[iDept];
    r[1] = (char*)arena_printf(p->a, "YJ%.4s-%03d", ymd(d), ++n);
    r[2] = (char*)zType;
    r[3] = (char*)(x>=90 ? arena_printf(p->a, "%s险情信息报送", azDrill[rnd(6)])
                  : x>=80 ? arena_printf(p->a, "%s值班值守检查", ymd(d))
                  : arena_printf(p->a, "%s%s", azDrill[rnd(6)], x<20 ? "应急预案" : x<60 ? "演练" : "培训"));
    r[4] = iDept==11 ? "县级" : iDept>=p->nBureau ? "乡镇（街道）" : "部门";
    r[5] = (char*)ymd(d);
    if( x>=20 && x<80 ) r[6] = (char*)arena_printf(p->a, "%u", 20 + rnd(300));
  }
  return demo_tab_import(&t, "emergency", p->bQuiet);
}

/* 案卷评查 and 执法监督/督察: entered while under way, then completed on
** their day through the transition, which opens their problems in the
** ledger as a clerk's click would. */
static int gen_reviews(DemoCounty *p){
  static const char *azRH[] = { "所属部门", "状态", "评查编号", "案卷号", "被评查单位", "案卷类别", "评查日期", "得分", "等次", "发现问题", 0 };
  static const char *azProblem[] = { "证据材料不完整", "执法文书送达程序不规范", "自由裁量理由说明不充分", "立案审批手续不全",
    "执法人员执法证号未记录", "卷内目录与材料不一致" };
  static const int aUnit[] = { 1, 2, 3, 5, 6, 10, 11, 12 };
  Tab t;
  demo_tab_init(&t, p->g->c, azRH);
  typedef struct Done { const char *zNo; Day d; } Done;
  Done aDone[512];
  int nDone = 0, n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) || !chance(300) ) continue;
    char **r = demo_tab_row(&t);
    int score = 60 + (int)rnd(40);
    if( chance(40) ) score = 40 + (int)rnd(20);
    r[0] = (char*)p->zJustice;
    r[1] = "评查中";
    r[2] = (char*)arena_printf(p->a, "PC%.4s-%03d", ymd(d), ++n);
    r[3] = (char*)arena_printf(p->a, "%s罚决字〔%.4s〕%u号", p->zCounty, ymd(d), 1 + rnd(300));
    r[4] = (char*)p->azDept[aUnit[rnd(8)]];
    r[5] = chance(800) ? "行政处罚" : chance(500) ? "行政许可" : "行政强制";
    r[6] = (char*)ymd(d);
    r[7] = (char*)arena_printf(p->a, "%d", score);
    r[8] = score>=90 ? "优秀" : score>=60 ? "合格" : "不合格";
    int nProb = score>=90 ? 0 : score>=75 ? (int)rnd(2) : 1 + (int)rnd(2);
    if( nProb ) r[9] = (char*)(nProb==1 ? azProblem[rnd(6)] : arena_printf(p->a, "%s\n%s", azProblem[rnd(3)], azProblem[3 + rnd(3)]));
    Day dDone = d + 2 + (Day)rnd(5);
    if( dDone <= TODAY && nDone<512 ) aDone[nDone++] = (Done){ r[2], dDone };
  }
  if( demo_tab_import(&t, "file_review", p->bQuiet) ) return 1;
  static const char *azSH[] = { "所属部门", "状态", "编号", "类型", "事项", "领域", "被监督单位", "日期", "发现问题", 0 };
  static const char *azType[] = { "执法监督检查", "投诉举报核查", "执法监督联系点活动", "特邀执法监督员活动", "法治督察" };
  static const int aTypeW[] = { 35, 15, 20, 15, 15 };
  static const char *azField[] = { "殡葬", "食品安全", "城市管理", "生态环境", "安全生产", "交通运输" };
  demo_tab_init(&t, p->g->c, azSH);
  int nFirst = nDone;
  n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) || !chance(120) ) continue;
    char **r = demo_tab_row(&t);
    int iT = demo_pick(p->g, aTypeW, 5);
    r[0] = (char*)p->zJustice;
    r[1] = "进行中";
    r[2] = (char*)arena_printf(p->a, "JD%.4s-%03d", ymd(d), ++n);
    r[3] = (char*)azType[iT];
    r[5] = (char*)azField[rnd(6)];
    r[4] = (char*)arena_printf(p->a, "%s领域%s", r[5], azType[iT]);
    r[6] = (char*)p->azDept[aUnit[rnd(8)]];
    r[7] = (char*)ymd(d);
    if( iT!=2 && iT!=3 && chance(500) ) r[8] = chance(500) ? "未按规定公示行政检查事项" : "执法人员未全程记录执法过程";
    Day dDone = d + 3 + (Day)rnd(10);
    if( dDone <= TODAY && nDone<512 ) aDone[nDone++] = (Done){ r[2], dDone };
  }
  if( demo_tab_import(&t, "supervision", p->bQuiet) ) return 1;
  /* completed in date order, each on its day */
  Ctx *c = p->g->c;
  char zToday[11];
  memcpy(zToday, c->zToday, sizeof zToday);
  int iToday = c->iToday, rc = 0;
  for(int i=0; i<nDone && rc==0; i++){
    const Kind *k = kind_find(i<nFirst ? "file_review" : "supervision");
    demo_set_today(c, aDone[i].d);
    rc = demo_do(c, k, rec_id_by_value(c, k, &k->aField[0], aDone[i].zNo, 0), "complete");
  }
  memcpy(c->zToday, zToday, sizeof zToday);
  c->iToday = iToday;
  if( rc ){ fprintf(stderr, "演示数据：评查、监督办结失败\n"); return 1; }
  return 0;
}

int demo_activities(DemoCounty *p){
  if( gen_reviews(p) ) return 1;
  if( gen_decisions(p) ) return 1;
  if( gen_counsel(p) ) return 1;
  if( gen_legal_aid(p) ) return 1;
  if( gen_hotline(p) ) return 1;
  if( gen_audits(p) ) return 1;
  return gen_activities(p);
}
