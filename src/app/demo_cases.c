/*
** src/app/demo_cases.c — the demo county's records of the later
** mechanisms: enforcement cases, lawsuits, 依申请公开, 建议提案 and the
** rectification ledger, sized like a small county's year and dated so the
** statutory periods come out mostly met, with the few misses a real
** county has. Every row goes through the importer.
*/
#include "app/demo.h"
#include <string.h>

#define rnd(n)      demo_rnd(p->g, (unsigned)(n))
#define chance(pm)  demo_chance(p->g, (pm))
#define ymd(d)      demo_ymd(p->g, (d))

const char *demo_person(DemoCounty *p){
  static const char *azSurname = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
  return arena_printf(p->a, "%.3s某%s", azSurname + 3*rnd(20), chance(150) ? "某" : "");
}
static const char *company(DemoCounty *p){
  static const char *az[] = { "顺达物流", "金穗农业", "宏远建材", "惠民超市", "康宁药房", "鑫源餐饮", "绿野食品",
                              "恒通汽修", "新城置业", "丰源养殖", "佳美装饰", "安泰化工" };
  return arena_printf(p->a, "%s%s有限公司", p->zCounty, az[rnd(12)]);
}
static const char *dept(DemoCounty *p, int i){ return p->azDept[i]; }
static Day year_of_today(DemoCounty *p){ return p->g->today; }

/* 行政执法案件: about 420 a year, mostly 市场监管, 城管, 自然资源 and the towns. */
static int gen_enforcement(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "案件编号", "执法类别", "当事人", "当事人类型", "案由",
    "立案日期", "全过程记录", "重大执法决定", "法制审核日期", "经批准延长办案期限", "决定日期", "处理结果",
    "罚没金额（元）", "公示日期", "结案日期", "适用的程序规定", 0 };
  static const int aDept[] = { 1, 1, 1, 12, 12, 2, 3, 5, 6, 8, 10, 11, 13, 15 };   /* 1: 市场监督管理局 */
  static const char *azCause[] = { "销售过期食品", "未取得许可从事经营", "违法占地建设", "占道经营", "未按规定公示价格",
    "超限运输", "未依法处置危险废物", "安全生产隐患未整改", "无证行医", "违规燃放烟花爆竹", "擅自改变房屋用途", "违法排放污水" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=p->yEnd; d++){
    if( !cal_is_workday(d, 0) || !chance(700) ) continue;
    for(int k = chance(300) ? 2 : 1; k>0; k--){
      char **r = demo_tab_row(&t);
      int iDept = chance(150) ? p->nBureau + (int)rnd(p->nTown) : aDept[rnd(14)];
      unsigned x = rnd(100);
      const char *zCat = x<70 ? "行政处罚" : x<80 ? "行政强制" : x<95 ? "行政检查" : "其他";
      /* only 市场监管's procedure rule grants an extension (+30 with approval) */
      int bSamr = iDept==1;
      int bPenalty = x<70, bEnt = chance(550), bMajor = chance(80), bExt = bPenalty && chance(50) && bSamr;
      Day dec = d + 10 + (Day)rnd(bExt ? 110 : 75);
      if( bPenalty && !bExt && chance(15) ) dec = d + 91 + (Day)rnd(10);          /* a few late decisions */
      Day pub = demo_add_workdays(dec, 1 + (int)rnd(bPenalty ? (chance(40) ? 12 : 6) : 18));
      Day closed = dec + 5 + (Day)rnd(30);
      Day today = year_of_today(p);
      r[0] = (char*)dept(p, iDept);
      r[2] = (char*)arena_printf(p->a, "ZF%.4s-%04d", ymd(d), ++n);
      r[3] = (char*)zCat;
      r[4] = (char*)(bEnt ? company(p) : demo_person(p));
      r[5] = bEnt ? "企业" : chance(900) ? "自然人" : "其他组织";
      if( !bEnt && strcmp(r[5], "其他组织")==0 ) r[4] = (char*)arena_printf(p->a, "%s某某合作社", p->zCounty);
      r[6] = (char*)azCause[rnd(12)];
      r[7] = (char*)ymd(d);
      r[8] = chance(970) ? "是" : "否";
      r[9] = bMajor ? "是" : "否";
      r[11] = bExt ? "是" : "否";
      r[17] = bSamr ? "《市场监督管理行政处罚程序规定》" : "《行政处罚法》（无延长规定）";
      if( dec > today ){ r[1] = "办理中"; continue; }
      if( bMajor && chance(960) ) r[10] = (char*)ymd(dec - 3 - (Day)rnd(5));
      r[12] = (char*)ymd(dec);
      unsigned y = rnd(100);
      r[13] = y<85 ? "给予处罚或处理" : y<95 ? "不予处罚" : "移送有关机关";
      if( bPenalty && y<85 ) r[14] = (char*)arena_printf(p->a, "%u", 200 + 100*rnd(500));
      if( pub <= today ) r[15] = (char*)ymd(pub);
      if( closed > today ){ r[1] = "已决定"; continue; }
      r[1] = "已结案";
      r[16] = (char*)ymd(closed);
    }
  }
  return demo_tab_import(&t, "enforcement_case", p->bQuiet);
}

/* 行政应诉: about 45 a year. */
static int gen_litigation(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "案号", "原告", "被告（行政机关）", "案件类别", "审级",
    "收到起诉状副本日期", "提交答辩状日期", "开庭日期", "负责人出庭应诉", "结案日期", "结案方式", 0 };
  static const char *azMatter[] = { "行政处罚", "行政强制", "行政许可", "政府信息公开", "不履行法定职责", "征收征用", "行政复议", "其他" };
  static const char *azOut[] = { "驳回诉讼请求（胜诉）", "驳回起诉（胜诉）", "败诉", "原告撤诉", "调解结案" };
  static const int aOutW[] = { 55, 15, 8, 17, 5 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=p->yEnd; d++){
    if( !cal_is_workday(d, 0) || !chance(180) ) continue;
    char **r = demo_tab_row(&t);
    Day today = year_of_today(p);
    Day ans = d + 5 + (Day)rnd(chance(30) ? 14 : 10);
    Day hear = d + 30 + (Day)rnd(60);
    Day closed = hear + 15 + (Day)rnd(45);
    r[0] = (char*)p->zJustice;
    r[1] = "审理中";
    r[2] = (char*)arena_printf(p->a, "（%.4s）示01行初%d号", ymd(d), ++n);
    r[3] = (char*)(chance(300) ? company(p) : demo_person(p));
    r[4] = (char*)(chance(200) ? arena_printf(p->a, "%s人民政府", p->zCounty) : dept(p, 1 + (int)rnd(p->nBureau-1)));
    r[5] = (char*)azMatter[rnd(8)];
    r[6] = chance(850) ? "一审" : "二审";
    r[7] = (char*)ymd(d);
    if( ans <= today ) r[8] = (char*)ymd(ans);
    if( hear <= today ){
      r[9] = (char*)ymd(hear);
      r[10] = chance(920) ? "是" : "否";
    }
    if( closed > today ) continue;
    int o = demo_pick(p->g, aOutW, 5);
    r[1] = "已结案";
    r[11] = (char*)ymd(closed);
    r[12] = (char*)azOut[o];
  }
  return demo_tab_import(&t, "litigation", p->bQuiet);
}

/* 依申请公开: about 90 a year. */
static int gen_disclosure(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "申请编号", "申请人", "申请人类型", "申请方式", "申请内容",
    "收到申请日期", "经批准延长答复期限", "答复日期", "答复结果", 0 };
  static const char *azSubject[] = { "征收补偿安置方案", "某项目环境影响评价批复", "年度财政预决算明细", "某路段拆迁公告",
    "低保资格审核材料", "建设工程规划许可证", "行政处罚决定书", "土地出让合同" };
  static const char *azOut[] = { "予以公开", "部分公开", "不予公开", "本机关不掌握相关信息", "不属于政府信息" };
  static const int aOutW[] = { 52, 18, 8, 15, 7 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=p->yEnd; d++){
    if( !cal_is_workday(d, 0) || !chance(360) ) continue;
    char **r = demo_tab_row(&t);
    int bExt = chance(50);
    int nWork = 3 + (int)rnd(bExt ? 33 : 16);
    if( !bExt && chance(20) ) nWork = 21 + (int)rnd(4);      /* an occasional late answer */
    Day ans = demo_add_workdays(d, nWork);
    int bEnt = chance(200);
    r[0] = (char*)(chance(300) ? dept(p, 2 + (int)rnd(p->nBureau-2)) : p->zCounty);
    r[2] = (char*)arena_printf(p->a, "YSQ%.4s-%03d", ymd(d), ++n);
    r[3] = (char*)(bEnt ? company(p) : demo_person(p));
    r[4] = bEnt ? "企业" : "自然人";
    r[5] = chance(700) ? "网上申请" : chance(600) ? "信函" : "当面申请";
    r[6] = (char*)azSubject[rnd(8)];
    r[7] = (char*)ymd(d);
    r[8] = bExt ? "是" : "否";
    if( ans > year_of_today(p) ){ r[1] = "办理中"; continue; }
    int o = demo_pick(p->g, aOutW, 5);
    r[1] = "已答复";
    r[9] = (char*)ymd(ans);
    r[10] = (char*)azOut[o];
  }
  return demo_tab_import(&t, "disclosure_request", p->bQuiet);
}

/* 建议提案: assigned after the spring sessions (March), replied by summer. */
static int gen_proposals(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "建议提案编号", "类别", "标题", "代表或委员", "交办日期",
    "涉及面广、处理难度大", "答复日期", "代表委员评价", 0 };
  static const char *azTitle[] = { "关于加快农村道路提质改造的建议", "关于加强校园周边交通安全管理的建议",
    "关于完善社区养老服务设施的建议", "关于优化营商环境降低企业办事成本的建议", "关于加强农村饮水安全保障的建议",
    "关于推进老旧小区加装电梯的建议", "关于加大农产品品牌培育力度的建议", "关于规范城区停车秩序的建议" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  for(int yr=p->iYear; yr<=p->iYear+1; yr++){
    Day assigned = demo_rnd_workday(p->g, day_from_ymd(yr, 3, 20), day_from_ymd(yr, 3, 31));
    if( assigned > year_of_today(p) ) continue;
    for(int i=0; i<80; i++){
      char **r = demo_tab_row(&t);
      int bNpc = i<44, bComplex = chance(100);
      Day rep = assigned + 20 + (Day)rnd(bComplex ? 160 : 70);
      if( !bComplex && chance(25) ) rep = assigned + 93 + (Day)rnd(10);
      r[0] = (char*)dept(p, (int)rnd(p->nBureau));
      r[2] = (char*)arena_printf(p->a, "%s%d-%03d", bNpc ? "RD" : "ZX", yr, bNpc ? i+1 : i-43);
      r[3] = bNpc ? "人大代表建议" : "政协委员提案";
      r[4] = (char*)azTitle[rnd(8)];
      r[5] = (char*)arena_printf(p->a, "%s%s", demo_person(p), bNpc ? "代表" : "委员");
      r[6] = (char*)ymd(assigned);
      r[7] = bComplex ? "是" : "否";
      if( rep > year_of_today(p) ){ r[1] = "办理中"; continue; }
      r[1] = "已办复";
      r[8] = (char*)ymd(rep);
      unsigned x = rnd(100);
      r[9] = x<88 ? "满意" : x<98 ? "基本满意" : "不满意";
    }
  }
  return demo_tab_import(&t, "proposal", p->bQuiet);
}

/* 问题台账: problems found by 评查, 审计, 督察, 监督 and campaigns. */
static int gen_ledger(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "问题编号", "问题来源", "问题描述", "发现日期", "整改时限",
    "整改措施及佐证", "整改完成日期", 0 };
  static const struct { const char *zSource, *zProblem; } aP[] = {
    { "案卷评查", "行政处罚案卷证据材料不完整" }, { "案卷评查", "执法文书送达程序不规范" },
    { "案卷评查", "自由裁量理由说明不充分" }, { "审计监督", "专项资金拨付不及时" },
    { "审计监督", "政府采购程序不规范" }, { "法治督察", "重大行政决策未履行公众参与程序" },
    { "法治督察", "规范性文件未按期报送备案" }, { "行政执法监督", "执法人员未出示执法证件" },
    { "行政执法监督", "行政检查未公示检查事项" }, { "专项整治", "涉企检查频次过高" },
    { "12345热线转办", "群众反映的噪音扰民问题处置不及时" } };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=p->yEnd; d++){
    if( !cal_is_workday(d, 0) || !chance(450) ) continue;
    char **r = demo_tab_row(&t);
    int k = (int)rnd(11);
    Day due = d + 30 + (Day)rnd(60);
    Day closed = d + 10 + (Day)rnd((unsigned)(due - d - 5));
    if( chance(70) ) closed = due + 3 + (Day)rnd(20);        /* late */
    r[0] = (char*)dept(p, (int)rnd(p->nBureau + p->nTown));
    r[2] = (char*)arena_printf(p->a, "TZ%.4s-%03d", ymd(d), ++n);
    r[3] = (char*)aP[k].zSource;
    r[4] = (char*)aP[k].zProblem;
    r[5] = (char*)ymd(d);
    r[6] = (char*)ymd(due);
    if( closed > year_of_today(p) || chance(40) ){ r[1] = "整改中"; continue; }
    r[1] = "已销号";
    r[7] = (char*)arena_printf(p->a, "已制定整改方案并落实，佐证材料：整改报告%s号", r[2]);
    r[8] = (char*)ymd(closed);
  }
  return demo_tab_import(&t, "rectification", p->bQuiet);
}

/* 矛盾纠纷调解: about 700 a year, most at the towns' 调委会. */
static int gen_mediation(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "纠纷编号", "纠纷类型", "纠纷概要", "当事人", "调解组织",
    "受理渠道", "受理日期", "调结日期", "调解结果", "达成书面协议", 0 };
  static const char *azType[] = { "婚姻家庭", "邻里纠纷", "合同纠纷", "损害赔偿", "劳动争议", "土地承包及宅基地", "物业纠纷", "其他" };
  static const int aTypeW[] = { 20, 25, 12, 12, 8, 13, 6, 4 };
  static const char *azSummary[] = { "因赡养老人费用分担发生争执", "因宅基地界址发生纠纷", "因房屋漏水影响邻居",
    "拖欠货款引发纠纷", "交通事故赔偿协商不成", "拖欠工资引发争议", "承包地流转费用争议", "物业费收取争议" };
  static const char *azChannel[] = { "人民调解", "警调联动", "诉调对接", "访调对接", "一站式矛盾纠纷调处中心" };
  static const int aChanW[] = { 60, 15, 10, 5, 10 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=p->yEnd; d++){
    if( !chance(950) ) continue;
    for(int k = 1 + (int)rnd(3); k>0; k--){
      char **r = demo_tab_row(&t);
      int iTown = (int)rnd(p->nTown), iType = demo_pick(p->g, aTypeW, 8);
      Day closed = d + 1 + (Day)rnd(chance(60) ? 60 : 25);
      r[0] = (char*)dept(p, p->nBureau + iTown);
      r[2] = (char*)arena_printf(p->a, "TJ%.4s-%04d", ymd(d), ++n);
      r[3] = (char*)azType[iType];
      r[4] = (char*)azSummary[iType];
      r[5] = (char*)arena_printf(p->a, "%s、%s", demo_person(p), demo_person(p));
      r[6] = (char*)arena_printf(p->a, "%s人民调解委员会", dept(p, p->nBureau + iTown));
      r[7] = (char*)azChannel[demo_pick(p->g, aChanW, 5)];
      r[8] = (char*)ymd(d);
      if( closed > year_of_today(p) ){ r[1] = "调解中"; continue; }
      int bOk = chance(965);
      r[1] = "已调结";
      r[9] = (char*)ymd(closed);
      r[10] = bOk ? "调解成功" : "调解不成";
      r[11] = bOk && chance(700) ? "是" : "否";
    }
  }
  return demo_tab_import(&t, "mediation", p->bQuiet);
}

int demo_cases(DemoCounty *p){
  if( gen_enforcement(p) ) return 1;
  if( gen_litigation(p) ) return 1;
  if( gen_mediation(p) ) return 1;
  if( gen_disclosure(p) ) return 1;
  if( gen_proposals(p) ) return 1;
  if( gen_ledger(p) ) return 1;
  if( demo_inspections(p) ) return 1;
  if( demo_lists(p) ) return 1;
  if( demo_public_services(p) ) return 1;
  if( demo_activities(p) ) return 1;
  return demo_kinds(p);
}
