/*
** tests/unit/t_periods.c — statutory periods against dates computed by
** hand (issue 16 §1–§2): for each row, the start, the rule, the due date
** (or a minimum's least end) and the article that decides it. Every
** expected date was counted by hand from the statute and the State
** Council's holiday notices (2024–2026: 国办发明电〔2023〕7号, 国办发明电
** 〔2024〕12号, the 2026 notice of 2025-11-04), never taken from fazhi; the
** reasoning is the comment on each row.
**
** Counting rules applied by hand (LAW.md §0):
**   民法典 第二百零一条 / 民事诉讼法 第八十五条: the start day is not counted;
**   第二百零二条: a month ends on the corresponding day, or the month's
**     last day when it has none;
**   第二百零三条: a last day that is a rest day moves to the next working
**     day (a make-up Saturday or Sunday is a working day);
**   行政复议法 第八十八条 / 行政处罚法 第八十五条: 五日、七日 … are working
**     days; "N个工作日" are working days.
**
** Each row is imported twice in its own department: once met on the
** expected date and once a day the wrong side of it (a day late; for a
** minimum, a day short). The C calendar must give the expected date, and
** the indicator counting the period must count exactly the first record
** both in C and in SQL (Ctx.bPeriodsInC; the SQL path runs on PostgreSQL,
** FZ_TEST_PG). Rows whose record is still open are checked in C only:
** no indicator counts an open case.
*/
#include "app/app.h"
#include "t.h"
#include "audit/audit.h"
#include "auth/auth.h"
#include "engine/query.h"
#include "engine/todo.h"
#include "transfer/transfer.h"
#include <stdlib.h>
#include <unistd.h>

static Db *pDb;
static Arena arena;
static Actor admin = { 1, "admin", "管理员", R_ADMIN, 1, "/1/" };
static Ctx ctx;
static i64 iCounty;

static const char *zTarget;
static void open_db(void){
  static char zPath[64];
  snprintf(zPath, sizeof zPath, "/tmp/fazhi-t-periods-%d.db", (int)getpid());
  zTarget = t_db_target(zPath);
  pDb = app_open(zTarget, 1);
  arena_init(&arena);
  ctx_init(&ctx, pDb, &arena, &admin);
  i64 b;
  county_create(&ctx, "测试县", &iCounty, &b);
}

/* "@" in a value is the date the period is met on (or missed by a day);
** "#" a unique number. */
typedef struct Case {
  const char *zKind, *zDeadline, *zInd;
  const char *azH[14];
  const char *azV[14];
  const char *zDue;        /* the due date, or a minimum's least end */
  const char *zDeemed;     /* the deemed start expected (视为受理), or 0 */
  const char *zBasis;      /* the article deciding it */
} Case;

#define RECON_H "所属部门", "状态", "案号", "申请人", "被申请人", "案件类别", "收到申请日期", "受理日期", "审理程序", "经批准延长审理期限", "结案日期", "结案方式"
#define MED_H "所属部门", "状态", "纠纷编号", "纠纷类型", "纠纷概要", "当事人", "调解组织", "受理渠道", "受理日期", "调结日期", "调解结果"
#define RECT_H "所属部门", "状态", "问题编号", "问题来源", "问题描述", "发现日期", "整改时限", "整改期限（日）", "整改措施及佐证", "整改完成日期"
#define MD_H "所属部门", "状态", "决策事项编号", "决策事项名称", "事项类别", "列入目录日期", "公开征求意见开始日期", "公开征求意见截止日期", "送请合法性审查日期", "合法性审查意见日期", "集体讨论决定日期"
#define PEN_H "所属部门", "状态", "案件编号", "执法类别", "当事人", "当事人类型", "案由", "立案日期", "适用的程序规定", "经批准延长办案期限", "决定日期", "处理结果"
#define DISC_H "所属部门", "状态", "申请编号", "申请人", "申请人类型", "申请方式", "申请内容", "收到申请日期", "经批准延长答复期限", "答复日期", "答复结果"
#define PROP_H "所属部门", "状态", "建议提案编号", "类别", "标题", "代表或委员", "交办日期", "涉及面广、处理难度大", "答复日期"
#define LIT_H "所属部门", "状态", "案号", "原告", "被告（行政机关）", "案件类别", "审级", "收到起诉状副本日期", "提交答辩状日期"
#define ND_H "所属部门", "状态", "文号", "文件名称", "公布日期", "报送备案日期", "备案机关"

#define RECON(recv, acc, proc, ext, due, deemed, basis) \
  { "reconsideration", proc[0]=='s' ? "decision_simple" : "decision", "ontime_rate", { RECON_H }, \
    { "", "已结案", "#", "申", "甲局", "行政处罚", recv, acc, proc[0]=='s' ? "简易程序" : "普通程序", ext, "@", "维持" }, \
    due, deemed, basis }
#define MED(recv, due) \
  { "mediation", "settle", "ontime_rate", { MED_H }, \
    { "", "已调结", "#", "邻里纠纷", "纠纷", "甲乙", "某村人民调解委员会", "人民调解", recv, "@", "调解成功" }, \
    due, 0, "《人民调解工作若干规定》第三十三条；《民法典》第二百零二条、第二百零三条" }
#define RECT(found, set, days, due) \
  { "rectification", "rectify", "ontime_rate", { RECT_H }, \
    { "", "已销号", "#", "案卷评查", "问题", found, set, days, "已整改", "@" }, \
    due, 0, "整改期限按日数计算：《民法典》第二百零一条、第二百零三条" }
#define CONSULT(from, end) \
  { "major_decision", "consult", "period_rate", { MD_H }, \
    { "", "已决策", "#", "某决策", "重大公共政策和措施", from, from, "@", from, "2026-12-01", "2026-12-01" }, \
    end, 0, "《重大行政决策程序暂行条例》第十五条：公开征求意见的期限一般不少于30日" }
#define REVIEW(sent, end) \
  { "major_decision", "review", "period_rate", { MD_H }, \
    { "", "已决策", "#", "某决策", "重大公共政策和措施", sent, sent, "2026-12-01", sent, "@", "2026-12-01" }, \
    end, 0, "《重大行政决策程序暂行条例》第二十六条：送请合法性审查，一般不少于7个工作日" }
#define PEN(filed, rules, ext, due, basis) \
  { "enforcement_case", "decision", "ontime_rate", { PEN_H }, \
    { "", "已决定", "#", "行政处罚", "某公司", "企业", "案由", filed, rules, ext, "@", "给予处罚或处理" }, \
    due, 0, basis }
#define DISC(recv, ext, due) \
  { "disclosure_request", "answer", "ontime_rate", { DISC_H }, \
    { "", "已答复", "#", "申", "自然人", "网上申请", "某信息", recv, ext, "@", "予以公开" }, \
    due, 0, "《政府信息公开条例》第三十三条：收到申请之日起20个工作日内答复；经负责人同意延长不超过20个工作日" }
#define PROP(assigned, complex, due) \
  { "proposal", "reply", "ontime_rate", { PROP_H }, \
    { "", "已办复", "#", "人大代表建议", "某建议", "某代表", assigned, complex, "@" }, \
    due, 0, "《代表法》第五十一条：自交办之日起三个月内答复；涉及面广、处理难度大的，六个月内" }
#define LIT(served, due) \
  { "litigation", "answer", "answer_rate", { LIT_H }, \
    { "", "审理中", "#", "原告", "甲局", "行政处罚", "一审", served, "@" }, \
    due, 0, "《行政诉讼法》第六十七条：收到起诉状副本之日起十五日内提交答辩状" }

static const Case aCase[] = {
  /* ---- 行政复议 受理审查: 五日 = 5 working days (第三十条、第八十八条) ---- */
  /* Mon 2025-03-03: Tue 04 (1), Wed 05 (2), Thu 06 (3), Fri 07 (4), Mon 10 (5). */
  { "reconsideration", "acceptance", 0, { RECON_H },
    { "", "待审查", "#", "申", "甲局", "行政处罚", "2025-03-03", "", "普通程序", "", "", "" },
    "2025-03-10", 0, "《行政复议法》第三十条、第八十八条" },
  /* Fri 2025-09-26: Sun 09-28 is a make-up working day (1), Mon 29 (2),
  ** Tue 30 (3), 10-01..08 off, Thu 10-09 (4), Fri 10-10 (5). */
  { "reconsideration", "acceptance", 0, { RECON_H },
    { "", "待审查", "#", "申", "甲局", "行政处罚", "2025-09-26", "", "普通程序", "", "", "" },
    "2025-10-10", 0, "《行政复议法》第三十条、第八十八条；2025年国庆调休" },
  /* Fri 2025-01-24: Sun 01-26 make-up (1), Mon 27 (2), 01-28..02-04 春节
  ** off, Wed 02-05 (3), Thu 06 (4), Fri 07 (5). */
  { "reconsideration", "acceptance", 0, { RECON_H },
    { "", "待审查", "#", "申", "甲局", "行政处罚", "2025-01-24", "", "普通程序", "", "", "" },
    "2025-02-07", 0, "《行政复议法》第三十条、第八十八条；2025年春节调休" },
  /* Tue 2024-12-31: 2025-01-01 off, Thu 02 (1), Fri 03 (2), Mon 06 (3),
  ** Tue 07 (4), Wed 08 (5) — across the year end. */
  { "reconsideration", "acceptance", 0, { RECON_H },
    { "", "待审查", "#", "申", "甲局", "行政处罚", "2024-12-31", "", "普通程序", "", "", "" },
    "2025-01-08", 0, "《行政复议法》第三十条、第八十八条；2025年元旦" },
  /* Fri 2026-02-13: Sat 02-14 make-up (1), 02-15..23 春节 off, Tue 24 (2),
  ** Wed 25 (3), Thu 26 (4), Fri 27 (5). */
  { "reconsideration", "acceptance", 0, { RECON_H },
    { "", "待审查", "#", "申", "甲局", "行政处罚", "2026-02-13", "", "普通程序", "", "", "" },
    "2026-02-27", 0, "《行政复议法》第三十条、第八十八条；2026年春节调休" },

  /* ---- 行政复议 决定: 60日 from (deemed) acceptance (第三十条第三款、第六十二条) ---- */
  /* The issue's case: received Mon 2025-03-03, review ends Mon 03-10,
  ** acceptance recorded late on 03-20 → deemed accepted 03-10; 60 days:
  ** 03-31 is day 21, 04-30 day 51, 05-09 (Fri) day 60. */
  RECON("2025-03-03", "2025-03-20", "ordinary", "否", "2025-05-09", "2025-03-10",
        "《行政复议法》第三十条第三款：审查期限届满之日起视为受理；第六十二条"),
  /* Accepted in time on Wed 03-05: day 26 is 03-31, 04-30 day 56, 05-04
  ** (Sun) day 60, inside 劳动节 05-01..05 → Tue 05-06. */
  RECON("2025-03-03", "2025-03-05", "ordinary", "否", "2025-05-06", 0,
        "《行政复议法》第六十二条；《民法典》第二百零三条"),
  /* Simple procedure, received Fri 2025-09-26 (review ends 10-10),
  ** accepted late 10-13 → deemed 10-10; 30 days: 10-31 day 21, 11-09 (Sun)
  ** day 30 → Mon 11-10. */
  RECON("2025-09-26", "2025-10-13", "simple", "否", "2025-11-10", "2025-10-10",
        "《行政复议法》第三十条第三款、第六十二条（简易程序三十日）"),
  /* The issue's extension: received Mon 08-04, accepted Tue 2025-08-05;
  ** 60 days: 08-31 day 26, 09-30 day 56, Sat 10-04 day 60 in 国庆 → Thu
  ** 10-09; extension 30 days from 10-09: 10-31 day 22, Sat 11-08 day 30
  ** → Mon 11-10 (90 days from acceptance would be 11-03). */
  RECON("2025-08-04", "2025-08-05", "ordinary", "是", "2025-11-10", 0,
        "《行政复议法》第六十二条：延长期限最多不得超过三十日，自原期限届满日起算"),
  /* The same without extension: Thu 2025-10-09. */
  RECON("2025-08-04", "2025-08-05", "ordinary", "否", "2025-10-09", 0,
        "《行政复议法》第六十二条；2025年国庆"),
  /* Accepted Wed 2025-03-05 with extension: the sixty end Tue 05-06 (row
  ** above); 30 days from 05-06: 05-31 day 25, Thu 06-05 day 30. */
  RECON("2025-03-03", "2025-03-05", "ordinary", "是", "2025-06-05", 0,
        "《行政复议法》第六十二条（延长自顺延后的届满日起算）"),
  /* Accepted Mon 2025-11-03: 11-30 day 27, 12-31 day 58, Fri 2026-01-02
  ** day 60, off (元旦 01-01..03) → Sun 01-04, a make-up working day. */
  RECON("2025-11-03", "2025-11-03", "ordinary", "否", "2026-01-04", 0,
        "《行政复议法》第六十二条；2026年元旦调休（1月4日上班）"),
  /* Accepted Wed 2025-12-17: 12-31 day 14, 2026-01-31 day 45, Sun 02-15
  ** day 60, in 春节 02-15..23 → Tue 02-24. */
  RECON("2025-12-17", "2025-12-17", "ordinary", "否", "2026-02-24", 0,
        "《行政复议法》第六十二条；2026年春节"),
  /* Received Fri 2025-09-26 (review ends 10-10 over 国庆), accepted late
  ** 10-20 → deemed 10-10; 60 days: 10-31 day 21, 11-30 day 51, Tue 12-09. */
  RECON("2025-09-26", "2025-10-20", "ordinary", "否", "2025-12-09", "2025-10-10",
        "《行政复议法》第三十条第三款、第六十二条"),
  /* Still 待审查 on received Mon 2025-03-03: deemed accepted 03-10, so the
  ** decision is due 05-09 though no acceptance was recorded (C only: an
  ** open case is in no indicator). */
  { "reconsideration", "decision", 0, { RECON_H },
    { "", "待审查", "#", "申", "甲局", "行政处罚", "2025-03-03", "", "普通程序", "", "", "" },
    "2025-05-09", "2025-03-10", "《行政复议法》第三十条第三款：审查期限届满之日起视为受理" },

  /* ---- 人民调解 "一般在一个月内调结": a month (民法典 第二百零二条) ---- */
  /* 2025-01-31 + 1 month: February has no 31st → its last day, Fri 02-28. */
  MED("2025-01-31", "2025-02-28"),
  /* 2024-01-31 + 1 month: leap February's last day, Thu 2024-02-29. */
  MED("2024-01-31", "2024-02-29"),
  /* 2025-03-31 + 1 month: April has no 31st → Wed 04-30. */
  MED("2025-03-31", "2025-04-30"),
  /* 2025-09-05 + 1 month: Sun 10-05 in 国庆 → Thu 10-09. */
  MED("2025-09-05", "2025-10-09"),
  /* 2025-12-31 + 1 month: Sat 2026-01-31 → Mon 02-02 (across the year). */
  MED("2025-12-31", "2026-02-02"),
  /* 2026-01-15 + 1 month: Sun 02-15 in 春节 (02-15..23) → Tue 02-24. */
  MED("2026-01-15", "2026-02-24"),
  /* 2025-04-01 + 1 month: Thu 05-01, 劳动节 05-01..05 → Tue 05-06. */
  MED("2025-04-01", "2025-05-06"),

  /* ---- 问题整改: 30 days from 发现日期 as a period, not a frozen date ---- */
  /* The issue's case: 2025-09-05 + 30 = Sun 10-05 in 国庆 → Thu 10-09. */
  RECT("2025-09-05", "", "30", "2025-10-09"),
  /* 2025-12-02 + 30 = Thu 2026-01-01 (元旦 01-01..03) → Sun 01-04, a
  ** make-up working day. */
  RECT("2025-12-02", "", "30", "2026-01-04"),
  /* 2026-01-20 + 30 = Thu 02-19 in 春节 → Tue 02-24. */
  RECT("2026-01-20", "", "30", "2026-02-24"),
  /* 2025-03-10 + 15 = Tue 03-25, a working day. */
  RECT("2025-03-10", "", "15", "2025-03-25"),
  /* A 整改时限 a person set (Sun 2025-10-05) is that date, as set. */
  RECT("2025-09-05", "2025-10-05", "30", "2025-10-05"),

  /* ---- 重大行政决策 公开征求意见: at least 30 days (a minimum: no rest-day move) ---- */
  /* From 2025-09-05: day 30 is Sun 10-05; ending then is enough, 10-04 short. */
  CONSULT("2025-09-05", "2025-10-05"),
  /* From 2025-01-31: 02-28 day 28, 03-02 day 30. */
  CONSULT("2025-01-31", "2025-03-02"),
  /* From 2024-01-31 (leap): 02-29 day 29, 03-01 day 30. */
  CONSULT("2024-01-31", "2024-03-01"),
  /* From 2025-06-03: 06-30 day 27, 07-03 day 30. */
  CONSULT("2025-06-03", "2025-07-03"),

  /* ---- 重大行政决策 合法性审查: at least 7 working days ---- */
  /* Sent Fri 2025-09-26: Sun 09-28 (1), 29 (2), 30 (3), 10-09 (4), 10-10
  ** (5), Sat 10-11 make-up (6), Mon 10-13 (7). */
  REVIEW("2025-09-26", "2025-10-13"),
  /* Sent Mon 2025-03-03: 04, 05, 06, 07, 10, 11, Wed 12 (7). A one-day
  ** review (03-04) is 期限不足 (the HTTP test 201 shows it). */
  REVIEW("2025-03-03", "2025-03-12"),
  /* Sent Mon 2025-12-29: 30 (1), 31 (2), 2026-01-01..03 off, Sun 01-04
  ** make-up (3), 05 (4), 06 (5), 07 (6), Thu 08 (7). */
  REVIEW("2025-12-29", "2026-01-08"),
  /* Sent Wed 2026-02-11: 12 (1), 13 (2), Sat 14 make-up (3), 02-15..23
  ** off, 24 (4), 25 (5), 26 (6), Fri 27 (7). */
  REVIEW("2026-02-11", "2026-02-27"),

  /* ---- 行政处罚 决定: 90日 (第六十条); +30 only under 市场监管's rule ---- */
  /* Filed 2025-07-08: 07-31 day 23, 08-31 day 54, 09-30 day 84, Mon 10-06
  ** day 90 in 国庆 → Thu 10-09. */
  PEN("2025-07-08", "《行政处罚法》（无延长规定）", "否", "2025-10-09", "《行政处罚法》第六十条"),
  /* Under 市场监管's rule with approval: 30 days from 10-09: Sat 11-08 →
  ** Mon 11-10. */
  PEN("2025-07-08", "《市场监督管理行政处罚程序规定》", "是", "2025-11-10",
      "《市场监督管理行政处罚程序规定》第六十四条：经负责人批准可以延长三十日"),
  /* An "approved extension" under the law alone counts nothing: 10-09. */
  PEN("2025-07-08", "《行政处罚法》（无延长规定）", "是", "2025-10-09",
      "《行政处罚法》第六十条无延长规定"),
  /* Filed 2025-03-03 under 市场监管's rule, extended: 03-31 day 28, 04-30
  ** day 58, 05-31 day 89, Sun 06-01 day 90 (端午 05-31..06-02) → Tue
  ** 06-03; +30: 06-30 day 27, Thu 07-03 day 30. */
  PEN("2025-03-03", "《市场监督管理行政处罚程序规定》", "是", "2025-07-03",
      "《市场监督管理行政处罚程序规定》第六十四条；2025年端午"),

  /* ---- 依申请公开: 20 working days, +20 with approval (第三十三条) ---- */
  /* Mon 2025-09-15: 16..19 (4), 22..26 (9), Sun 28 make-up (10), 29 (11),
  ** 30 (12), 10-09 (13), 10 (14), Sat 11 make-up (15), 13..17 (20) → Fri
  ** 10-17. */
  DISC("2025-09-15", "否", "2025-10-17"),
  /* Extended: 10-20..24 (25), 27..31 (30), 11-03..07 (35), 10..14 (40) →
  ** Fri 11-14. */
  DISC("2025-09-15", "是", "2025-11-14"),

  /* ---- 代表建议: 3 months; 6 months from 交办 when complex (代表法 第五十一条) ---- */
  /* 2025-01-31 + 3 months: April has no 31st → Wed 04-30. */
  PROP("2025-01-31", "否", "2025-04-30"),
  /* 涉及面广: six months from 交办 (not three after the three): Thu 07-31. */
  PROP("2025-01-31", "是", "2025-07-31"),
  /* 2025-07-05 + 3 months: Sun 10-05 in 国庆 → Thu 10-09. */
  PROP("2025-07-05", "否", "2025-10-09"),

  /* ---- 行政诉讼 答辩: 15日 (行政诉讼法 第六十七条) ---- */
  /* 2025-09-20 + 15 = Sun 10-05 in 国庆 → Thu 10-09. */
  LIT("2025-09-20", "2025-10-09"),
  /* 2025-01-13 + 15 = Tue 01-28, first day of 春节 (01-28..02-04) → Wed 02-05. */
  LIT("2025-01-13", "2025-02-05"),

  /* ---- 规范性文件 备案: 30日 ---- */
  /* Published 2025-12-02: +30 = Thu 2026-01-01 (元旦 01-01..03) → Sun 01-04
  ** make-up working day. */
  { "normative_doc", "filing", "filing_ontime_rate", { ND_H },
    { "", "已备案", "#", "某办法", "2025-12-02", "@", "市人民政府" },
    "2026-01-04", 0, "报送备案三十日；2026年元旦调休" },
};

static int nval(const Case *p){ int n = 0; while( n<14 && p->azH[n] ) n++; return n; }

static const char *day_add(const char *z, int n){
  Day d;
  char zOut[11];
  day_parse(z, &d);
  day_format(d + n, zOut);
  return arena_strdup(&arena, zOut);
}

/* Imports the case's record(s) into a department of its own; returns the
** department's id (0 on failure). */
static i64 load(int iCase, const Case *p, const Deadline *d, int bTwo){
  char zDept[32];
  snprintf(zDept, sizeof zDept, "第%d例", iCase+1);
  i64 iDept = dept_add(&ctx, iCounty, zDept, "bureau");
  if( iDept==0 ) return 0;
  int n = nval(p);
  IoRow aRow[3];
  aRow[0].iRow = 1; aRow[0].nCell = n; aRow[0].azCell = (char**)p->azH;
  for(int r=1; r<=(bTwo ? 2 : 1); r++){
    char **az = arena_alloc(&arena, sizeof(char*)*(size_t)n);
    for(int i=0; i<n; i++){
      const char *v = p->azV[i];
      if( i==0 ) v = arena_strdup(&arena, zDept);
      else if( strcmp(v, "#")==0 ) v = arena_printf(&arena, "P%d-%d", iCase+1, r);
      else if( strcmp(v, "@")==0 ) v = r==1 ? p->zDue : day_add(p->zDue, d->bMinimum ? -1 : 1);
      az[i] = (char*)v;
    }
    aRow[r].iRow = r+1; aRow[r].nCell = n; aRow[r].azCell = az;
  }
  IoTable t = { bTwo ? 3 : 2, aRow };
  int nDone = 0;
  ctx.err.n = 0;
  if( import_table(&ctx, kind_find(p->zKind), &t, &nDone)!=FZ_OK ){
    for(int i=0; i<ctx.err.n; i++) fprintf(stderr, "  case %d: %s\n", iCase+1, err_text(&ctx, &ctx.err.a[i]));
    return 0;
  }
  return iDept;
}

static void test_dated_cases(void){
  int nCase = T_COUNT(aCase);
  T_CHECK(nCase>=40);
  for(int i=0; i<nCase; i++){
    const Case *p = &aCase[i];
    const Kind *k = kind_find(p->zKind);
    const Deadline *d = k ? kind_deadline(k, p->zDeadline) : 0;
    T_CHECK(d!=0);
    if( d==0 ) continue;
    i64 iDept = load(i, p, d, p->zInd!=0);
    T_CHECK(iDept!=0);
    if( iDept==0 ) continue;
    /* C: the due date (and the deemed start) of the record met on time */
    Query q;
    RecList l;
    query_init(&ctx, &q, k);
    q.iDept = iDept;
    T_EQ_INT(rec_list(&ctx, &q, &l), FZ_OK);
    T_EQ_INT(l.nTotal, p->zInd ? 2 : 1);
    int iYear = 0;
    for(int r=0; r<l.nRow; r++){
      DeadlineStatus s;
      deadline_eval(&ctx, l.aRow[r], d, ctx.iToday, &s);
      char zDue[11] = "", zDeemed[11] = "";
      if( s.bHasDue ) day_format(s.due, zDue);
      if( s.bDeemed ) day_format(s.deemed, zDeemed);
      if( strcmp(zDue, p->zDue)!=0 ) fprintf(stderr, "  case %d (%s/%s, %s)\n", i+1, p->zKind, p->zDeadline, p->zBasis);
      T_EQ_STR(zDue, p->zDue);
      T_EQ_STR(zDeemed, p->zDeemed ? p->zDeemed : "");
      const char *zY = rec_val(l.aRow[r], kind_year_field(k)->zName);
      iYear = zY ? atoi(zY) : 0;
    }
    if( p->zInd==0 ) continue;
    /* the indicator: the met record only, in SQL and in C alike */
    const Indicator *ind = kind_indicator(k, p->zInd);
    T_CHECK(ind!=0);
    for(int bC=0; bC<2 && ind; bC++){
      IndValue v;
      ctx.pIndCache = 0;
      ctx.bPeriodsInC = bC;
      T_EQ_INT(ind_compute(&ctx, k, ind, iYear, iDept, &v), 0);
      if( v.num!=1 || v.den!=2 ) fprintf(stderr, "  case %d (%s) on the %s path: %lld/%lld\n",
                                         i+1, p->zKind, bC ? "C" : "SQL", (long long)v.num, (long long)v.den);
      T_EQ_INT(v.num, 1);
      T_EQ_INT(v.den, 2);
    }
    ctx.bPeriodsInC = 0;
  }
}

/* A lawful 43-day comment period is not short, and a one-working-day
** review is; neither is ever "overdue". */
static void test_minimum(void){
  const Kind *k = kind_find("major_decision");
  const Deadline *dc = kind_deadline(k, "consult"), *dr = kind_deadline(k, "review");
  T_CHECK(dc->bMinimum && dr->bMinimum);
  Rec *r = rec_new(&ctx, k);
  r->zState = "decided";
  r->azVal[kind_field(k, "consult_from") - k->aField] = "2025-06-03";
  r->azVal[kind_field(k, "consult_to") - k->aField] = "2025-07-16";     /* 43 days */
  r->azVal[kind_field(k, "review_sent") - k->aField] = "2025-03-03";
  r->azVal[kind_field(k, "review_done") - k->aField] = "2025-03-04";    /* 1 working day */
  DeadlineStatus s;
  deadline_eval(&ctx, r, dc, ctx.iToday, &s);
  T_CHECK(s.bDone && !s.bLate && !s.bActive);
  T_CHECK(deadline_ontime(&ctx, r, dc));
  deadline_eval(&ctx, r, dr, ctx.iToday, &s);
  T_CHECK(s.bDone && s.bLate && !s.bActive);
  T_CHECK(!deadline_ontime(&ctx, r, dr));
  /* an end not yet recorded is no finding */
  r->azVal[kind_field(k, "review_done") - k->aField] = 0;
  deadline_eval(&ctx, r, dr, ctx.iToday, &s);
  T_CHECK(!s.bDone && !s.bLate && !s.bActive);
  T_CHECK(deadline_ontime(&ctx, r, dr));
}

/* An older database's rectifications opened by 案卷评查 carry a frozen
** 发现日期 + 30 (2025-09-05 → 2025-10-05, a Sunday in 国庆). Opening it
** adds 整改期限 and turns exactly those into the 30-day rule (due then
** 10-09), through audited updates; a date a person chose stays, and so
** does one of another source. Simulated by dropping the column. */
static void test_upgrade(void){
  const Kind *k = kind_find("rectification");
  i64 iDept = dept_add(&ctx, iCounty, "升级测试局", "bureau");
  T_CHECK(iDept!=0);
  const char *h[] = { "所属部门", "状态", "问题编号", "问题来源", "问题描述", "发现日期", "整改时限" };
  const char *r1[] = { "升级测试局", "整改中", "UP-1-1", "案卷评查", "问题一", "2025-09-05", "2025-10-05" };
  const char *r2[] = { "升级测试局", "整改中", "UP-1-2", "案卷评查", "问题二", "2025-09-05", "2025-10-10" };
  const char *r3[] = { "升级测试局", "整改中", "UP-2", "审计监督", "问题三", "2025-09-05", "2025-10-05" };
  IoRow aRow[4] = { { 1, 7, (char**)h }, { 2, 7, (char**)r1 }, { 3, 7, (char**)r2 }, { 4, 7, (char**)r3 } };
  IoTable t = { 4, aRow };
  int n = 0;
  T_EQ_INT(import_table(&ctx, k, &t, &n), FZ_OK);
  T_EQ_INT(n, 3);
  T_EQ_INT(db_exec(pDb, "ALTER TABLE rectification DROP COLUMN days"), 0);
  db_close(pDb);
  pDb = app_open(zTarget, 0);
  T_CHECK(pDb!=0);
  if( pDb==0 ) return;
  ctx_init(&ctx, pDb, &arena, &admin);
  Query q;
  RecList l;
  query_init(&ctx, &q, k);
  q.iDept = iDept;
  q.zSort = "problem_no";
  T_EQ_INT(rec_list(&ctx, &q, &l), FZ_OK);
  T_EQ_INT(l.nRow, 3);
  const char *azWant[] = { "UP-1-1||30|2025-10-09", "UP-1-2|2025-10-10||2025-10-10", "UP-2|2025-10-05||2025-10-05" };
  for(int i=0; i<l.nRow && i<3; i++){
    const Rec *r = l.aRow[i];
    DeadlineStatus s;
    deadline_eval(&ctx, r, kind_deadline(k, "rectify"), ctx.iToday, &s);
    char zDue[11] = "";
    if( s.bHasDue ) day_format(s.due, zDue);
    const char *zDue0 = rec_val(r, "due"), *zDays = rec_val(r, "days");
    T_EQ_STR(arena_printf(&arena, "%s|%s|%s|%s", rec_val(r, "problem_no"), zDue0 ? zDue0 : "", zDays ? zDays : "", zDue), azWant[i]);
  }
  AuditReport rep;
  T_EQ_INT(audit_verify(pDb, &rep), 0);
  if( rep.text.n ) fprintf(stderr, "%s\n", buf_cstr(&rep.text));
  buf_free(&rep.text);
}

/* The header's count of overdue periods (one SQL statement over cal_day)
** says what the 待办 list (deadline_eval in C) says, for every day from
** 2024-12-02 to 2027-01-31: the dated cases hold open records of every
** kind of period (working days, calendar days with an extension from the
** end, months, a deemed start, a date a person set). */
static void test_todo_agrees(void){
  char zSave[11];
  memcpy(zSave, ctx.zToday, 11);
  int iSave = ctx.iToday, nDiff = 0;
  long long nMax = 0;
  Day a, b;
  day_parse("2024-12-02", &a);
  day_parse("2027-01-31", &b);
  for(Day d=a; d<=b; d++){
    day_format(d, ctx.zToday);
    ctx.iToday = (int)d;
    long long nSql = -1, nC = -2;
    ctx.bPeriodsInC = 0;
    T_EQ_INT(todo_overdue_count(&ctx, &nSql), FZ_OK);
    ctx.bPeriodsInC = 1;
    T_EQ_INT(todo_overdue_count(&ctx, &nC), FZ_OK);
    ctx.bPeriodsInC = 0;
    if( nSql!=nC && nDiff++<5 ) fprintf(stderr, "  todo %s: SQL %lld, C %lld\n", ctx.zToday, nSql, nC);
    if( nC>nMax ) nMax = nC;
  }
  T_EQ_INT(nDiff, 0);
  T_CHECK(nMax>5);                    /* the range saw open periods fall due */
  memcpy(ctx.zToday, zSave, 11);
  ctx.iToday = iSave;
}

static const TestCase aTest[] = {
  { "upgrade", test_upgrade },        /* first: it drops a column the others fill */
  { "dated_cases", test_dated_cases },
  { "minimum", test_minimum },
  { "todo_agrees", test_todo_agrees },  /* after dated_cases: its open records */
};

int main(int argc, char **argv){
  setenv("FAZHI_TODAY", "2026-12-31", 1);
  open_db();
  int rc = t_main(argc, argv, aTest, T_COUNT(aTest));
  char z[64];
  snprintf(z, sizeof z, "/tmp/fazhi-t-periods-%d.db", (int)getpid());
  db_close(pDb);
  unlink(z);
  arena_free(&arena);
  return rc;
}
