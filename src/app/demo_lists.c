/*
** src/app/demo_lists.c — the demo county's registers (执法监督联系点 and
** 监督员, 调解组织), its 权责清单 (last year's version, carried into this
** year's in early January and then adjusted, as the departments would),
** its 制度建设 and its 主动公开 batches.
*/
#include "app/demo.h"
#include "engine/record.h"
#include <stdio.h>
#include <string.h>

#define rnd(n)      demo_rnd(p->g, (unsigned)(n))
#define chance(pm)  demo_chance(p->g, (pm))
#define ymd(d)      demo_ymd(p->g, (d))
#define TODAY       (p->g->today)

/* The law each bureau (in demo.c's order) mostly enforces. */
static const char *azLaw[] = {
  "《优化营商环境条例》", "《中华人民共和国食品安全法》", "《中华人民共和国土地管理法》", "《建设工程质量管理条例》",
  "《中华人民共和国劳动合同法》", "《中华人民共和国公路法》", "《中华人民共和国传染病防治法》", "《中华人民共和国教育法》",
  "《中华人民共和国农产品质量安全法》", "《社会组织登记管理条例》", "《中华人民共和国大气污染防治法》",
  "《中华人民共和国安全生产法》", "《城市市容和环境卫生管理条例》", "《中华人民共和国治安管理处罚法》",
  "《中华人民共和国会计法》", "《娱乐场所管理条例》"
};
#define N_LAW ((int)(sizeof azLaw / sizeof azLaw[0]))

static const char *item_name(DemoCounty *p, const char *zCat, const char *zLaw, int iArt){
  if( strcmp(zCat, "行政处罚")==0 ) return arena_printf(p->a, "对违反%s第%d条规定行为的处罚", zLaw, iArt);
  if( strcmp(zCat, "行政检查")==0 ) return arena_printf(p->a, "对执行%s第%d条规定情况的监督检查", zLaw, iArt);
  if( strcmp(zCat, "行政强制")==0 ) return arena_printf(p->a, "依据%s第%d条实施的查封、扣押", zLaw, iArt);
  return arena_printf(p->a, "依据%s第%d条实施的%s", zLaw, iArt, zCat);
}

/* The item with that code in that year's version. */
static i64 item_id(Ctx *c, const Kind *k, int iYear, const char *zCode){
  Rec *r = rec_new(c, k);
  const Field *fCode = kind_field(k, "code");
  r->azVal[kind_year_field(k) - k->aField] = arena_printf(c->pArena, "%d", iYear);
  r->azVal[fCode - k->aField] = zCode;
  return rec_id_unique(c, r, fCode, 0);
}

/* 权责清单: iYear's version by import; next year's by carrying it
** forward on the first working days of January, then a few items added,
** adjusted and cancelled over the year. */
static int gen_power_items(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "清单年度", "事项编码", "事项名称", "职权类别", "实施依据",
    "下放乡镇（街道）实施", "承接乡镇（街道）", "涉企事项", "较上年度变动", "调整日期", 0 };
  static const char *azCat[] = { "行政处罚", "行政许可", "行政强制", "行政检查", "行政确认", "行政征收", "行政给付",
    "行政奖励", "行政裁决", "其他行政权力" };
  static const int aCatW[] = { 55, 8, 7, 10, 5, 3, 4, 3, 1, 4 };
  static const int aFieldDept[] = { 2, 3, 8, 10, 12 };  /* whose penalties towns take over */
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int nBureau = p->nBureau < N_LAW ? p->nBureau : N_LAW;
  const char **azCode = arena_alloc(p->a, sizeof(char*) * (size_t)nBureau * 90);  /* carried codes */
  int nCode = 0;
  for(int b=0; b<nBureau; b++){
    int n = 30 + (int)rnd(60);
    int bEnterprise = b==1 || b==3 || b==5 || b==8 || b==10 || b==11 || b==15;
    int bField = 0;
    for(int j=0; j<5; j++) if( aFieldDept[j]==b ) bField = 1;
    for(int i=0; i<n; i++){
      char **r = demo_tab_row(&t);
      const char *zCat = azCat[demo_pick(p->g, aCatW, 10)];
      int iArt = 10 + i*2 + (int)rnd(2);
      r[0] = (char*)p->azDept[b];
      r[1] = "在册";
      r[2] = (char*)arena_printf(p->a, "%d", p->iYear);
      r[3] = (char*)arena_printf(p->a, "QZ%02d-%03d", b+1, i+1);
      r[4] = (char*)item_name(p, zCat, azLaw[b], iArt);
      r[5] = (char*)zCat;
      r[6] = (char*)arena_printf(p->a, "%s第%d条", azLaw[b], iArt);
      if( bField && strcmp(zCat, "行政处罚")==0 && chance(200) ){
        r[7] = "是";
        r[8] = "城关镇、东关镇、南湖镇、北山乡、西岗乡、黎阳街道";
      }else{
        r[7] = "否";
      }
      r[9] = bEnterprise && strcmp(zCat, "行政给付")!=0 && chance(650) ? "是" : "否";
      r[10] = chance(60) ? "新增" : chance(60) ? "调整" : "沿用";
      if( chance(15) ){
        r[1] = "已取消";
        r[11] = (char*)ymd(demo_rnd_workday(p->g, p->y0 + 60, p->y0 + 330));
        azCode[nCode++] = 0;
      }else{
        azCode[nCode++] = r[3];
      }
    }
  }
  if( demo_tab_import(&t, "power_item", p->bQuiet) ) return 1;

  /* this year's version, if the year has begun far enough */
  Ctx *c = p->g->c;
  Day dCarry = demo_add_workdays(day_from_ymd(p->iYear+1, 1, 1), 3);
  if( dCarry > TODAY ) return 0;
  const Kind *k = kind_find("power_item");
  char zToday[11];
  memcpy(zToday, c->zToday, sizeof zToday);
  int iToday = c->iToday, nCopied = 0, rc;
  demo_set_today(c, dCarry);
  rc = rec_carry(c, k, p->iYear, &nCopied);
  /* over the year: a few carried items adjusted, a few cancelled */
  Day dAdjust = dCarry + 30;
  for(int i=0; rc==0 && i<nCode && dAdjust<=TODAY; i++){
    if( azCode[i]==0 || chance(985) ) continue;
    demo_set_today(c, dAdjust);
    i64 id = item_id(c, k, p->iYear+1, azCode[i]);
    if( chance(500) ){
      rc = demo_do(c, k, id, "cancel");
    }else{
      rc = demo_set_field(c, k, id, "change", "modified");
      if( rc==0 ) rc = demo_set_field(c, k, id, "changed", ymd(dAdjust));
    }
    dAdjust += 1 + (Day)rnd(5);
  }
  memcpy(c->zToday, zToday, sizeof zToday);
  c->iToday = iToday;
  if( rc ){ fprintf(stderr, "演示数据：%d年度权责清单生成失败\n", p->iYear+1); return 1; }
  /* a few new items this year */
  demo_tab_init(&t, p->g->c, azHead);
  for(int i=0; i<8; i++){
    Day d = demo_rnd_workday(p->g, dCarry + 10, dCarry + 200);
    if( d > TODAY ) continue;
    int b = (int)rnd(nBureau);
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->azDept[b];
    r[1] = "在册";
    r[2] = (char*)arena_printf(p->a, "%d", p->iYear+1);
    r[3] = (char*)arena_printf(p->a, "QZ%02d-9%02d", b+1, i+1);
    r[4] = (char*)item_name(p, "行政处罚", azLaw[b], 100 + i);
    r[5] = "行政处罚";
    r[6] = (char*)arena_printf(p->a, "%s第%d条", azLaw[b], 100 + i);
    r[7] = "否";
    r[9] = chance(500) ? "是" : "否";
    r[10] = "新增";
    r[11] = (char*)ymd(d);
  }
  return demo_tab_import(&t, "power_item", p->bQuiet);
}

/* 制度建设: a score of rules a year, a few answering ledger problems. */
static int gen_regulations(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "登记编号", "制度名称", "发文字号", "领域", "制定层级", "印发日期", "针对问题整改", 0 };
  static const struct { const char *zTitle, *zArea; } aRule[] = {
    { "涉企行政检查备案管理办法", "优化营商环境" }, { "包容审慎监管“四张清单”", "优化营商环境" },
    { "优化营商环境投诉处理办法", "优化营商环境" }, { "政企沟通恳谈会制度", "优化营商环境" },
    { "行政执法案卷管理制度", "行政执法" }, { "行政裁量权基准适用规则", "行政执法" },
    { "行政执法投诉举报处理办法", "监督问责" }, { "重大行政执法决定法制审核目录", "行政执法" },
    { "政务服务“好差评”管理办法", "政务服务" }, { "窗口服务规范十条", "政务服务" },
    { "重大行政决策事项目录管理办法", "行政决策" }, { "政府法律顾问工作规则", "行政决策" },
    { "机关学法制度", "内部管理" }, { "公文处理办法", "内部管理" }
  };
  int nRule = (int)(sizeof aRule / sizeof aRule[0]);
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(int y=0; y<2; y++){
    int iYr = p->iYear + y;
    for(int i=0; i<(y==0 ? 18 : 14); i++){
      Day d = demo_rnd_workday(p->g, day_from_ymd(iYr, 1, 15), day_from_ymd(iYr, 12, 20));
      if( d > TODAY ) continue;
      int j = (int)rnd(nRule), bGov = chance(300), b = (int)rnd(p->nBureau);
      char **r = demo_tab_row(&t);
      r[0] = (char*)(bGov ? p->zCounty : p->azDept[b]);
      r[1] = (char*)arena_printf(p->a, "ZD%d-%03d", iYr, ++n);
      r[2] = (char*)arena_printf(p->a, "%s%s", bGov ? p->zCounty : p->azDept[b], aRule[j].zTitle);
      if( bGov ) r[3] = (char*)arena_printf(p->a, "%.3s政办〔%d〕%d号", p->zCounty, iYr, 10 + n);
      r[4] = (char*)aRule[j].zArea;
      r[5] = bGov ? "县政府（含办公室）" : "部门";
      r[6] = (char*)ymd(d);
      r[7] = chance(250) ? "是" : "否";
    }
  }
  return demo_tab_import(&t, "regulation", p->bQuiet);
}

/* 主动公开: each bureau's month of publishing as one batch, plus notices,
** interpretations and consultations one by one, new columns now and then,
** and the county's 5·15 政务公开日 event. */
static int gen_publications(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "登记编号", "公开类别", "公开渠道", "公开日期", "标题或内容摘要", "条数",
    "发放宣传资料（份）", 0 };
  static const char *azTopic[] = { "城乡居民医疗保险缴费", "农村危房改造补助", "秋粮收购", "冬季供暖", "城区道路改造",
    "中小学招生", "耕地地力保护补贴", "创业担保贷款", "养老服务补贴", "燃气安全排查" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(int y=0; y<2; y++){
    int iYr = p->iYear + y;
    for(int m=1; m<=12; m++){
      Day dEnd = day_from_ymd(m==12 ? iYr+1 : iYr, m==12 ? 1 : m+1, 1) - 1;
      while( !cal_is_workday(dEnd, 0) ) dEnd--;
      if( dEnd > TODAY ) break;
      for(int b=-1; b<p->nBureau; b++){
        const char *zDept = b<0 ? p->zCounty : p->azDept[b];
        char **r = demo_tab_row(&t);
        r[0] = (char*)zDept;
        r[1] = (char*)arena_printf(p->a, "GK%d%02d-%03d", iYr, m, ++n);
        r[2] = "政府信息";
        r[3] = "政府门户网站";
        r[4] = (char*)ymd(dEnd);
        r[5] = (char*)arena_printf(p->a, "%d年%d月政府信息", iYr, m);
        r[6] = (char*)arena_printf(p->a, "%u", b<0 ? 120 + rnd(80) : 10 + rnd(40));
        if( !chance(b<0 ? 700 : 150) ) continue;
        static const char *azType[] = { "公告公示", "政策解读", "民意征集" };
        int iT = (int)rnd(3);
        Day d = demo_rnd_workday(p->g, dEnd - 25, dEnd);
        r = demo_tab_row(&t);
        r[0] = (char*)zDept;
        r[1] = (char*)arena_printf(p->a, "GK%d%02d-%03d", iYr, m, ++n);
        r[2] = (char*)azType[iT];
        r[3] = chance(300) ? "政务新媒体" : "政府门户网站";
        r[4] = (char*)ymd(d);
        r[5] = (char*)arena_printf(p->a, "关于%s的%s", azTopic[rnd(10)], iT==0 ? "公示" : iT==1 ? "政策解读" : "意见征集公告");
        r[6] = "1";
      }
      if( m==5 ){
        Day d = day_from_ymd(iYr, 5, 15);
        char **r = demo_tab_row(&t);
        r[0] = (char*)p->zCounty;
        r[1] = (char*)arena_printf(p->a, "GK%d05-%03d", iYr, ++n);
        r[2] = "政务公开宣传活动";
        r[3] = "政务服务大厅";
        r[4] = (char*)ymd(d);
        r[5] = "“5·15”政务公开日宣传活动";
        r[6] = "1";
        r[7] = (char*)arena_printf(p->a, "%u", 1500 + rnd(2000));
      }
      if( m==3 || m==9 ){
        char **r = demo_tab_row(&t);
        r[0] = (char*)p->zCounty;
        r[1] = (char*)arena_printf(p->a, "GK%d%02d-%03d", iYr, m, ++n);
        r[2] = "新增公开栏目";
        r[3] = "政府门户网站";
        r[4] = (char*)ymd(dEnd);
        r[5] = m==3 ? "“优化营商环境”专栏" : "“重大行政决策”专栏";
        r[6] = "1";
      }
    }
  }
  return demo_tab_import(&t, "publication", p->bQuiet);
}

/* 执法监督联系点 and 特邀监督员, and the 调解组织: registers set up
** before the year, a few added during it. */
static int gen_registers(DemoCounty *p){
  static const char *azMH[] = { "所属部门", "登记编号", "类型", "名称或姓名", "所在单位或乡镇", "设立（聘任）日期", "聘期届满日期", 0 };
  static const char *azEnt[] = { "示范县食品工业园区", "示范县商会" };
  Tab t;
  demo_tab_init(&t, p->g->c, azMH);
  int n = 0;
  Day d0 = p->y0 - 200;
  for(int i=0; i<p->nTown; i++){
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->zJustice;
    r[1] = (char*)arena_printf(p->a, "JDD-%02d", ++n);
    r[2] = "行政执法监督联系点";
    r[3] = (char*)arena_printf(p->a, "%s司法所行政执法监督联系点", p->azDept[p->nBureau + i]);
    r[4] = (char*)p->azDept[p->nBureau + i];
    r[5] = (char*)ymd(d0 + (Day)rnd(60));
  }
  for(int i=0; i<2; i++){
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->zJustice;
    r[1] = (char*)arena_printf(p->a, "JDD-%02d", ++n);
    r[2] = "涉企行政执法监督联系点";
    r[3] = (char*)arena_printf(p->a, "%s涉企行政执法监督联系点", azEnt[i]);
    r[4] = (char*)azEnt[i];
    r[5] = (char*)ymd(p->y0 + 60 + (Day)rnd(120));
  }
  for(int i=0; i<24; i++){
    Day d = i<18 ? d0 + (Day)rnd(100) : p->y0 + 370 + (Day)rnd(60);
    if( d > TODAY ) continue;
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->zJustice;
    r[1] = (char*)arena_printf(p->a, "JDY-%02d", i+1);
    r[2] = "特邀行政执法监督员";
    r[3] = (char*)demo_person(p);
    r[4] = (char*)p->azDept[p->nBureau + (int)rnd(p->nTown)];
    r[5] = (char*)ymd(d);
    r[6] = (char*)ymd(d + 3*365);
  }
  if( demo_tab_import(&t, "monitor", p->bQuiet) ) return 1;
  static const char *azOH[] = { "所属部门", "登记编号", "类型", "名称", "领域", "成立日期", "调解员人数", 0 };
  static const char *azTrade[] = { "医疗纠纷", "道路交通事故", "劳动争议", "婚姻家庭", "物业纠纷" };
  demo_tab_init(&t, p->g->c, azOH);
  n = 0;
  for(int i=-1; i<p->nTown; i++){
    const char *zWhere = i<0 ? p->zCounty : p->azDept[p->nBureau + i];
    char **r = demo_tab_row(&t);
    r[0] = (char*)(i<0 ? p->zJustice : zWhere);
    r[1] = (char*)arena_printf(p->a, "TJZZ-%02d", ++n);
    r[2] = "一站式矛盾纠纷调处化解中心（平台）";
    r[3] = (char*)arena_printf(p->a, "%s矛盾纠纷调处化解中心", zWhere);
    r[5] = (char*)ymd(d0 + (Day)rnd(90));
    r[6] = (char*)arena_printf(p->a, "%u", 4 + rnd(6));
    if( i<0 ) continue;
    r = demo_tab_row(&t);
    r[0] = (char*)zWhere;
    r[1] = (char*)arena_printf(p->a, "TJZZ-%02d", ++n);
    r[2] = "乡镇（街道）人民调解委员会";
    r[3] = (char*)arena_printf(p->a, "%s人民调解委员会", zWhere);
    r[5] = (char*)ymd(d0 - 2000 + (Day)rnd(900));
    r[6] = (char*)arena_printf(p->a, "%u", 5 + rnd(6));
    for(int v=0; v<5; v++){
      r = demo_tab_row(&t);
      r[0] = (char*)zWhere;
      r[1] = (char*)arena_printf(p->a, "TJZZ-%02d", ++n);
      r[2] = "村（社区）人民调解委员会";
      r[3] = (char*)arena_printf(p->a, "%s第%d村人民调解委员会", zWhere, v+1);
      r[5] = (char*)ymd(d0 - 3000 + (Day)rnd(1500));
      r[6] = (char*)arena_printf(p->a, "%u", 3 + rnd(3));
    }
  }
  for(int i=0; i<5; i++){
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->zJustice;
    r[1] = (char*)arena_printf(p->a, "TJZZ-%02d", ++n);
    r[2] = "行业性专业性人民调解委员会";
    r[3] = (char*)arena_printf(p->a, "%s%s人民调解委员会", p->zCounty, azTrade[i]);
    r[4] = (char*)azTrade[i];
    r[5] = (char*)ymd(d0 - 400 + (Day)rnd(300));
    r[6] = (char*)arena_printf(p->a, "%u", 3 + rnd(5));
  }
  return demo_tab_import(&t, "mediation_org", p->bQuiet);
}

/* 应急救援队伍 and 普法队伍与阵地: registers built up over the years,
** a few added during the year. */
static Day founded(DemoCounty *p, int bThisYear){
  Day d = bThisYear ? p->y0 + 30 + (Day)rnd(300) : p->y0 - 1500 + (Day)rnd(1400);
  return d > TODAY ? TODAY : d;
}
static int gen_teams(DemoCounty *p){
  static const char *azTH[] = { "所属部门", "登记编号", "队伍名称", "层级", "专业类别", "队员人数", "组建日期", 0 };
  static const char *azSpec[] = { "防汛抢险", "森林消防", "危险化学品处置", "道路交通救援", "地震救援", "综合" };
  static const char *azSocial[] = { "蓝天救援队", "红十字应急救援队", "志愿者应急服务队" };
  Tab t;
  demo_tab_init(&t, p->g->c, azTH);
  int n = 0;
  for(int i=0; i<12; i++){
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->azDept[11];                     /* 应急管理局 */
    r[1] = (char*)arena_printf(p->a, "JYD-%03d", ++n);
    r[2] = (char*)arena_printf(p->a, "%s%s救援%s队", p->zCounty, azSpec[i%6], i<6 ? "" : "二");
    r[3] = "县级抢险救援队伍";
    r[4] = (char*)azSpec[i%6];
    r[5] = (char*)arena_printf(p->a, "%u", 20 + rnd(60));
    r[6] = (char*)ymd(founded(p, i>=10));
  }
  for(int i=0; i<3; i++){
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->azDept[11];
    r[1] = (char*)arena_printf(p->a, "JYD-%03d", ++n);
    r[2] = (char*)arena_printf(p->a, "%s%s", p->zCounty, azSocial[i]);
    r[3] = "社会救援力量";
    r[4] = "综合";
    r[5] = (char*)arena_printf(p->a, "%u", 30 + rnd(90));
    r[6] = (char*)ymd(founded(p, 0));
  }
  for(int i=0; i<p->nTown; i++){
    const char *zTown = p->azDept[p->nBureau + i];
    for(int v=0; v<=6; v++){
      char **r = demo_tab_row(&t);
      r[0] = (char*)zTown;
      r[1] = (char*)arena_printf(p->a, "JYD-%03d", ++n);
      r[2] = v==0 ? (char*)arena_printf(p->a, "%s应急救援队", zTown) : (char*)arena_printf(p->a, "%s第%d村应急救援分队", zTown, v);
      r[3] = v==0 ? "乡镇（街道）级抢险救援队伍" : "村（社区）级抢险救援队伍";
      r[4] = "综合";
      r[5] = (char*)arena_printf(p->a, "%u", v==0 ? 30 + rnd(30) : 10 + rnd(20));
      r[6] = (char*)ymd(founded(p, v==6));
    }
  }
  if( demo_tab_import(&t, "rescue_team", p->bQuiet) ) return 1;

  static const char *azFH[] = { "所属部门", "登记编号", "类型", "姓名或名称", "所在学校、村（社区）或地点", "人数（个数）",
    "聘任（建成）日期", 0 };
  demo_tab_init(&t, p->g->c, azFH);
  n = 0;
  for(int i=0; i<18; i++){
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->azDept[7];                      /* 教育局 */
    r[1] = (char*)arena_printf(p->a, "PFDW-%03d", ++n);
    r[2] = "法治副校长";
    r[3] = (char*)demo_person(p);
    r[4] = (char*)arena_printf(p->a, "%s第%d%s", p->zCounty, i/2 + 1, i%2 ? "小学" : "中学");
    r[5] = "1";
    r[6] = (char*)ymd(founded(p, i>=15));
  }
  for(int i=0; i<p->nTown; i++){
    const char *zTown = p->azDept[p->nBureau + i];
    char **r = demo_tab_row(&t);
    r[0] = (char*)zTown;
    r[1] = (char*)arena_printf(p->a, "PFDW-%03d", ++n);
    r[2] = "法律明白人";
    r[3] = (char*)arena_printf(p->a, "%s法律明白人", zTown);
    r[4] = (char*)zTown;
    r[5] = (char*)arena_printf(p->a, "%u", 60 + rnd(140));
    r[6] = (char*)ymd(founded(p, 0));
    r = demo_tab_row(&t);
    r[0] = (char*)zTown;
    r[1] = (char*)arena_printf(p->a, "PFDW-%03d", ++n);
    r[2] = "法治文化阵地";
    r[3] = (char*)arena_printf(p->a, "%s法治文化广场", zTown);
    r[4] = (char*)zTown;
    r[5] = "1";
    r[6] = (char*)ymd(founded(p, i==0));
  }
  for(int i=0; i<12; i++){
    char **r = demo_tab_row(&t);
    r[0] = (char*)p->zJustice;
    r[1] = (char*)arena_printf(p->a, "PFDW-%03d", ++n);
    r[2] = "普法讲师团成员";
    r[3] = (char*)demo_person(p);
    r[4] = (char*)arena_printf(p->a, "%s普法讲师团", p->zCounty);
    r[5] = "1";
    r[6] = (char*)ymd(founded(p, 0));
  }
  char **r = demo_tab_row(&t);
  r[0] = (char*)p->zJustice;
  r[1] = (char*)arena_printf(p->a, "PFDW-%03d", ++n);
  r[2] = "普法志愿者";
  r[3] = (char*)arena_printf(p->a, "%s普法志愿者服务队", p->zCounty);
  r[5] = (char*)arena_printf(p->a, "%u", 150 + rnd(100));
  r[6] = (char*)ymd(founded(p, 0));
  r = demo_tab_row(&t);
  r[0] = (char*)p->zJustice;
  r[1] = (char*)arena_printf(p->a, "PFDW-%03d", ++n);
  r[2] = "法治文化阵地";
  r[3] = (char*)arena_printf(p->a, "%s宪法主题公园", p->zCounty);
  r[5] = "1";
  r[6] = (char*)ymd(founded(p, 0));
  return demo_tab_import(&t, "publicity_force", p->bQuiet);
}

int demo_lists(DemoCounty *p){
  if( gen_registers(p) ) return 1;
  if( gen_teams(p) ) return 1;
  if( gen_power_items(p) ) return 1;
  if( gen_regulations(p) ) return 1;
  return gen_publications(p);
}
