/*
** src/app/demo_public.c — the demo county's 公共法律服务 batches and its
** 安置帮教 register: the justice bureau's centre weekly, the town
** stations monthly; people released or discharged over the year, each
** taken over within days.
*/
#include "app/demo.h"
#include <stdio.h>

#define rnd(n)      demo_rnd(p->g, (unsigned)(n))
#define chance(pm)  demo_chance(p->g, (pm))
#define ymd(d)      demo_ymd(p->g, (d))
#define TODAY       (p->g->today)

static int month_of(Day d){
  int y, m, dd;
  day_ymd(d, &y, &m, &dd);
  return m;
}

static int gen_legal_services(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "登记编号", "服务类型", "服务平台", "日期", "服务内容", "服务件（人）次",
    "发放资料（份）", "参与评价人次", "满意人次", 0 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( day_weekday(d)!=5 || !cal_is_workday(d, 0) ) continue;     /* Fridays: the week's tally */
    static const char *azType[] = { "法律咨询", "12348热线", "免费法律服务便民工程", "公证" };
    for(int i=0; i<4; i++){
      char **r = demo_tab_row(&t);
      int served = i==0 ? 12 + (int)rnd(25) : i==1 ? 5 + (int)rnd(15) : i==2 ? 15 + (int)rnd(15) : 3 + (int)rnd(10);
      int rated = served * (6 + (int)rnd(4)) / 10;
      r[0] = (char*)p->zJustice;
      r[1] = (char*)arena_printf(p->a, "FW%.4s-%04d", ymd(d), ++n);
      r[2] = (char*)azType[i];
      r[3] = i==1 ? "网络平台" : "县公共法律服务中心";
      r[4] = (char*)ymd(d);
      r[5] = (char*)arena_printf(p->a, "%s周汇总", azType[i]);
      r[6] = (char*)arena_printf(p->a, "%d", served);
      if( i==0 ) r[7] = (char*)arena_printf(p->a, "%u", 20 + rnd(80));
      r[8] = (char*)arena_printf(p->a, "%d", rated);
      r[9] = (char*)arena_printf(p->a, "%d", rated - (chance(150) ? 1 : 0));
    }
    /* last Friday of the month: the town stations and the enterprise check-ups */
    if( month_of(d+7)!=month_of(d) ){
      for(int tw=0; tw<p->nTown; tw++){
        char **r = demo_tab_row(&t);
        int served = 8 + (int)rnd(30);
        r[0] = (char*)p->azDept[p->nBureau + tw];
        r[1] = (char*)arena_printf(p->a, "FW%.4s-%04d", ymd(d), ++n);
        r[2] = chance(300) ? "送法进村（社区）" : "基层法律服务";
        r[3] = "乡镇（街道）公共法律服务工作站";
        r[4] = (char*)ymd(d);
        r[5] = (char*)arena_printf(p->a, "%s本月法律服务", p->azDept[p->nBureau + tw]);
        r[6] = (char*)arena_printf(p->a, "%d", served);
        r[7] = (char*)arena_printf(p->a, "%u", 30 + rnd(120));
        r[8] = (char*)arena_printf(p->a, "%d", served / 2);
        r[9] = (char*)arena_printf(p->a, "%d", served / 2);
      }
      char **r = demo_tab_row(&t);
      r[0] = (char*)p->zJustice;
      r[1] = (char*)arena_printf(p->a, "FW%.4s-%04d", ymd(d), ++n);
      r[2] = "企业法治体检";
      r[3] = "县公共法律服务中心";
      r[4] = (char*)ymd(d);
      r[5] = "律师团队为中小微企业开展法治体检";
      r[6] = (char*)arena_printf(p->a, "%u", 2 + rnd(6));
      if( month_of(d)%3==0 ){      /* a quarter's 营商环境 salon with the chamber of commerce */
        r = demo_tab_row(&t);
        r[0] = (char*)p->zJustice;
        r[1] = (char*)arena_printf(p->a, "FW%.4s-%04d", ymd(d), ++n);
        r[2] = "政企法治沙龙（座谈）";
        r[3] = "县公共法律服务中心";
        r[4] = (char*)ymd(d);
        r[5] = "优化法治化营商环境政企座谈";
        r[6] = (char*)arena_printf(p->a, "%u", 20 + rnd(30));
      }
    }
  }
  return demo_tab_import(&t, "legal_service", p->bQuiet);
}

static int gen_resettlement(DemoCounty *p){
  static const char *azHead[] = { "所属部门", "状态", "帮教档案编号", "帮教对象", "来源", "原服刑（矫正）地",
    "释放（解除矫正）日期", "重点帮教对象", "衔接日期", "已落实安置", "重新违法犯罪", 0 };
  Tab t;
  demo_tab_init(&t, p->g->c, azHead);
  int n = 0;
  for(Day d=p->y0; d<=TODAY; d++){
    if( !chance(330) ) continue;
    char **r = demo_tab_row(&t);
    unsigned x = rnd(100);
    int iTown = (int)rnd(p->nTown);
    Day dLink = d + (Day)rnd(4);
    r[0] = (char*)p->azDept[p->nBureau + iTown];
    r[2] = (char*)arena_printf(p->a, "AB%.4s-%03d", ymd(d), ++n);
    r[3] = (char*)demo_person(p);
    r[4] = x<30 ? "监狱刑满释放" : x<35 ? "看守所刑满释放" : "社区矫正期满解除";
    r[5] = chance(x<30 ? 120 : 60) ? "外省" : "本省";
    r[6] = (char*)ymd(d);
    r[7] = x<30 && chance(250) ? "是" : "否";
    if( dLink <= TODAY ){
      r[1] = "帮教中";
      r[8] = (char*)ymd(dLink);
      r[9] = chance(900) ? "是" : "否";
      r[10] = chance(8) ? "是" : "否";
    }else{
      r[1] = "待衔接";
    }
  }
  return demo_tab_import(&t, "resettlement", p->bQuiet);
}

int demo_public_services(DemoCounty *p){
  if( gen_legal_services(p) ) return 1;
  return gen_resettlement(p);
}
