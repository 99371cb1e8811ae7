/*
** src/app/demo_kinds.c — the demo county's own 台账 (自定义台账): the
** example definitions of examples/kinds/ (embedded by tools/mkexamples as
** aDemoExample[]) added as a county admin adds them (kinddef_save, one
** audited version each), then a year and a part of realistic records for
** each, entered through the importer as a clerk's spreadsheet would be.
** So the demo's menu, dashboard, breakdowns and report show what a county
** defined next to the built-in kinds.
*/
#include "app/demo.h"
#include "engine/kinddef.h"
#include <stdio.h>
#include <string.h>

#define rnd(n)      demo_rnd(p->g, (unsigned)(n))
#define chance(pm)  demo_chance(p->g, (pm))
#define ymd(d)      demo_ymd(p->g, (d))
#define TODAY       (p->g->today)
#define PR(...)     ((char*)arena_printf(p->a, __VA_ARGS__))

/* The towns' names (they come after the bureaus in azDept). */
static const char *town(DemoCounty *p, int i){ return p->azDept[p->nBureau + i % p->nTown]; }

/* 公证: about 90 公证 and 25 咨询 receptions a month at the 司法局's office. */
static int gen_notarization(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "登记编号", "办理日期", "业务类型", "公证事项", "咨询人次",
    "是否减免", "减免公证费", 0 };
  static const char *azMatter[] = { "民事", "经济", "涉外", "其他" };
  static const int aMatterW[] = { 620, 230, 90, 60 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) ) continue;
    int nCert = 2 + (int)rnd(5), nConsult = chance(600) ? 1 + (int)rnd(2) : 0;
    for(int i=0; i<nCert+nConsult; i++){
      char **r = demo_tab_row(&t);
      int bCert = i<nCert;
      r[0] = (char*)p->zJustice;
      r[1] = PR("%s%s%05d", bCert ? "GZ" : "ZX", ymd(d), ++n);
      r[2] = (char*)ymd(d);
      r[3] = bCert ? "办理公证" : "公证咨询";
      if( bCert ){
        r[4] = (char*)azMatter[demo_pick(p->g, aMatterW, 4)];
        if( chance(30) ){
          r[6] = "是";
          r[7] = PR("%d.%02d", 80 + (int)rnd(400), chance(700) ? 0 : 50);
        }
      }else{
        r[5] = PR("%d", 1 + (int)rnd(4));
      }
    }
  }
  return demo_tab_import(&t, "notarization", p->bQuiet);
}

/* 荣誉表彰: a handful a year, most from the city and the province. */
static int gen_honors(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "荣誉名称", "授予日期", "级别", "授予机关", "表彰对象", "获得单位或个人", "表彰文件文号", 0 };
  static const struct { const char *zTitle, *zLevel, *zBy, *zTarget; int bCounty; } aH[] = {
    { "全省平安建设先进县", "省级", "中共河南省委 河南省人民政府", "集体", 1 },
    { "全国法治政府建设示范项目", "国家级", "中央全面依法治国委员会办公室", "集体", 1 },
    { "全市“八五”普法中期先进单位", "市级", "中共示范市委宣传部 示范市司法局", "集体", 0 },
    { "全省人民调解工作先进集体", "省级", "河南省司法厅", "集体", 0 },
    { "全市行政复议工作先进个人", "市级", "示范市人民政府", "个人", 0 },
    { "全市法治政府建设先进单位", "市级", "示范市全面依法治市委员会", "集体", 0 },
    { "全县依法行政先进个人", "县级", "示范县人民政府", "个人", 0 },
    { "全省优秀人民调解员", "省级", "河南省司法厅", "个人", 0 },
  };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int nH = (int)(sizeof aH/sizeof aH[0]);
  for(int y=0; y<2; y++){
    Day y0 = day_from_ymd(p->iYear + y, 1, 1);
    for(int i=0; i<nH; i++){
      if( y==1 && i%2 ) continue;                  /* the running year: fewer so far */
      Day d = demo_rnd_workday(p->g, y0 + 30, y0 + 340);
      if( d > TODAY ) continue;
      char **r = demo_tab_row(&t);
      r[0] = aH[i].bCounty ? (char*)p->zCounty : (char*)p->zJustice;
      r[1] = (char*)aH[i].zTitle;
      r[2] = (char*)ymd(d);
      r[3] = (char*)aH[i].zLevel;
      r[4] = (char*)aH[i].zBy;
      r[5] = (char*)aH[i].zTarget;
      r[6] = strcmp(aH[i].zTarget, "个人")==0 ? (char*)demo_person(p) : (char*)r[0];
      r[7] = PR("示%s〔%d〕%d号", aH[i].bCounty ? "政" : "司", p->iYear + y, 3 + (int)rnd(60));
    }
  }
  return demo_tab_import(&t, "commendation", p->bQuiet);
}

/* 法治宣传作品与报道: a few 微视频 and about 4 reports a month. */
static int gen_publicity(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "作品或报道标题", "类别", "发布日期", "发布或采用媒体", "采用媒体的级别",
    "播放或阅读量", "是否获奖", 0 };
  static const char *azVideo[] = { "社区矫正微视频《回归》", "法治宣传微视频《民法典就在身边》", "微视频《调解员老李》",
    "动漫《防范电信网络诈骗》", "微视频《一张便民服务卡》", "公益广告《法治护航营商环境》" };
  static const char *azNews[] = { "示范县扎实推进“八五”普法", "示范县“评理说事点”把矛盾化解在家门口", "示范县开展宪法宣传周活动",
    "示范县推行行政执法“三项制度”", "示范县公证服务便民利民", "示范县法律进企业护航发展", "示范县深化“放管服”改革" };
  static const struct { const char *zMedia, *zLevel; int w; } aM[] = {
    { "法治日报", "中央级", 30 }, { "河南日报", "省级", 80 }, { "河南法制报", "省级", 120 },
    { "示范日报", "市级", 350 }, { "示范县融媒体中心", "县级", 420 } };
  int aW[5];
  for(int i=0; i<5; i++) aW[i] = aM[i].w;
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  for(int y=0; y<2; y++){
    Day y0 = day_from_ymd(p->iYear + y, 1, 1);
    for(int i=0; i<6 - 2*y; i++){
      Day d = demo_rnd_workday(p->g, y0 + 20, y0 + 350);
      if( d > TODAY ) continue;
      char **r = demo_tab_row(&t);
      r[0] = (char*)p->zJustice;
      r[1] = (char*)azVideo[(i + 3*y) % 6];
      r[2] = "微视频";
      r[3] = (char*)ymd(d);
      r[4] = i%3 ? "示范县融媒体中心" : "河南法制报";
      r[5] = i%3 ? "县级" : "省级";
      r[6] = PR("%d", 2000 + (int)rnd(30000));
      r[7] = i==1 ? "是" : "否";
    }
  }
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) || !chance(190) ) continue;
    int m = demo_pick(p->g, aW, 5);
    char **r = demo_tab_row(&t);
    r[0] = chance(600) ? (char*)p->zJustice : (char*)p->azDept[rnd(p->nBureau)];
    r[1] = (char*)azNews[rnd(7)];
    r[2] = chance(850) ? "新闻报道" : "理论文章";
    r[3] = (char*)ymd(d);
    r[4] = (char*)aM[m].zMedia;
    r[5] = (char*)aM[m].zLevel;
    r[6] = PR("%d", 300 + (int)rnd(8000));
    r[7] = "否";
  }
  return demo_tab_import(&t, "publicity_work", p->bQuiet);
}

/* 评理说事点: about 40 in the towns' villages and communities, set up over
** three years; two closed (merged villages). */
static int gen_points(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "评理说事点名称", "所在村（社区）", "设立日期", "撤销日期",
    "评理说事员人数", "发放便民服务卡（张）", "联系电话", 0 };
  static const char *azPlace[] = { "东街社区", "李庄村", "王营村", "南关社区", "柳树湾村", "北街社区", "大张庄村" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  for(int i=0; i<42; i++){
    Day d = demo_rnd_workday(p->g, day_from_ymd(p->iYear - 2, 3, 1), i<36 ? day_from_ymd(p->iYear, 10, 31) : TODAY);
    if( d > TODAY ) continue;
    char **r = demo_tab_row(&t);
    const char *zTown = town(p, i);
    r[0] = (char*)zTown;
    r[2] = PR("%s%s", zTown, azPlace[(i / p->nTown) % 7]);
    r[1] = PR("%s“评理说事点”%s", r[2], i >= 7*p->nTown ? PR("（%d）", i) : "");
    r[3] = (char*)ymd(d);
    if( i==5 || i==17 ) r[4] = (char*)ymd(demo_rnd_workday(p->g, day_from_ymd(p->iYear, 4, 1), day_from_ymd(p->iYear, 9, 30)));
    r[5] = PR("%d", 3 + (int)rnd(4));
    r[6] = PR("%d", 200 + 20*(int)rnd(30));
    r[7] = PR("0392-%07d", 6100000 + (int)rnd(899999));
  }
  return demo_tab_import(&t, "reasoning_point", p->bQuiet);
}

/* 矛盾纠纷排查: each town monthly, a few 专项 ones, before the festivals. */
static int gen_dispute_checks(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "排查日期", "排查类型", "排查重点", "发现矛盾纠纷件数", "已化解件数", "上报件数", 0 };
  static const char *azFocus[] = { "婚姻家庭、邻里纠纷", "土地承包、宅基地纠纷", "涉企矛盾纠纷", "征地拆迁、环境保护矛盾",
    "拖欠农民工工资", "物业服务纠纷" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  for(int y=0; y<2; y++){
    for(int mon=1; mon<=12; mon++){
      Day m0 = day_from_ymd(p->iYear + y, mon, 1);
      for(int i=0; i<p->nTown + 1; i++){
        int bSpecial = i==p->nTown;               /* the 司法局's own: a 专项 排查 some months */
        if( bSpecial && mon%3 ) continue;
        Day d = demo_rnd_workday(p->g, m0 + 2, m0 + 25);
        if( d > TODAY ) continue;
        char **r = demo_tab_row(&t);
        int nFound = bSpecial ? 2 + (int)rnd(6) : (int)rnd(4);
        int nUp = nFound && chance(120) ? 1 : 0;
        r[0] = bSpecial ? (char*)p->zJustice : (char*)town(p, i);
        r[1] = (char*)ymd(d);
        r[2] = bSpecial ? "专项排查" : (mon==1 || mon==9) ? "重要节点排查" : "日常排查";
        r[3] = (char*)azFocus[bSpecial ? 2 + (int)rnd(2) : (int)rnd(6)];
        r[4] = PR("%d", nFound);
        r[5] = PR("%d", nFound - nUp);
        r[6] = PR("%d", nUp);
      }
    }
  }
  return demo_tab_import(&t, "dispute_check", p->bQuiet);
}

/* 涉企诉求: about 10 a month, gathered by the bureaus. */
static int gen_appeals(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "诉求编号", "受理日期", "企业名称", "诉求渠道", "问题类别",
    "反映问题数", "已解决问题数", "办结日期", 0 };
  static const char *azFirm[] = { "示范县恒达建材有限公司", "示范县绿源农业专业合作社", "示范县华鑫机械制造有限公司",
    "示范县万家福超市", "示范县宏图物流有限公司", "示范县金穗面粉有限公司", "示范县新能光伏科技有限公司",
    "示范县康宁医药连锁有限公司", "示范县天润食品有限公司", "示范县城建开发有限公司", "示范县顺风汽车服务有限公司",
    "示范县锦绣纺织有限公司" };
  static const char *azChannel[] = { "走访企业", "政企座谈会", "12345热线", "网上平台" };
  static const int aChannelW[] = { 450, 150, 300, 100 };
  static const char *azCat[] = { "审批服务", "执法检查", "融资信贷", "政策兑现", "合同纠纷", "其他" };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !cal_is_workday(d, 0) || !chance(470) ) continue;
    char **r = demo_tab_row(&t);
    int nIssue = 1 + (chance(300) ? (int)rnd(4) : 0);
    Day done = demo_add_workdays(d, 3 + (int)rnd(25));
    int bDone = done <= TODAY && !chance(60);
    int nSolved = bDone ? nIssue - (chance(150) ? 1 : 0) : (int)rnd(nIssue);
    r[0] = (char*)p->azDept[rnd(p->nBureau < 6 ? p->nBureau : 6)];
    int yy, mm, dd;
    day_ymd(d, &yy, &mm, &dd);
    r[1] = PR("SQ%d-%04d", yy, ++n);
    r[2] = (char*)ymd(d);
    r[3] = (char*)azFirm[rnd(12)];
    r[4] = (char*)azChannel[demo_pick(p->g, aChannelW, 4)];
    r[5] = (char*)azCat[rnd(6)];
    r[6] = PR("%d", nIssue);
    r[7] = PR("%d", nSolved);
    if( bDone ) r[8] = (char*)ymd(done);
  }
  return demo_tab_import(&t, "enterprise_appeal", p->bQuiet);
}

int demo_kinds(DemoCounty *p){
  Ctx *c = p->g->c;
  for(const DemoExample *e=aDemoExample; e->zFile; e++){
    int iVersion = 0;
    int rc = kinddef_save(c, e->zJson, strlen(e->zJson), 0, &iVersion);
    if( rc ){
      fprintf(stderr, "示例台账定义 examples/kinds/%s 未能载入：\n", e->zFile);
      for(int i=0; i<c->err.n && i<20; i++) fprintf(stderr, "  %s\n", err_text(c, &c->err.a[i]));
      if( c->zInternal[0] ) fprintf(stderr, "  %s\n", c->zInternal);
      return 1;
    }
    if( !p->bQuiet ) printf("  示例台账  %s\n", e->zFile);
  }
  return gen_notarization(p) || gen_honors(p) || gen_publicity(p) || gen_points(p)
      || gen_dispute_checks(p) || gen_appeals(p);
}
