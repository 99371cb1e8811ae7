/*
** src/modules/legal_aid.c — 法律援助案件 (DOMAIN.md item 15; LAW.md §1.11,
** 法律援助法): applications decided within 7 days of receipt and, when
** granted, assigned to a lawyer within 3 days; cases the 公检法 notify
** for appointed defence are assigned within 3 days of the notice. The law
** counts these in days, not working days.
*/
#include "engine/kind.h"

/* 非诉讼: 法律援助法 第二十二条 (代理非诉讼法律事务, 劳动争议调解与仲裁). */
static const EnumVal aType[] = { { "criminal", "刑事" }, { "civil", "民事" }, { "admin", "行政" }, { "nonlit", "非诉讼" }, { 0 } };
static const EnumVal aSource[] = { { "apply", "当事人申请" }, { "notice", "办案机关通知辩护" }, { 0 } };
static const EnumVal aGroup[] = {
  { "worker", "农民工" }, { "elderly", "老年人" }, { "minor", "未成年人" }, { "disabled", "残疾人" },
  { "women", "妇女" }, { "veteran", "退役军人" }, { "other", "其他" }, { 0 }
};

static Field aField[] = {
  { "case_no", "援助案号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "applicant", "受援人", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=100 },
  { "atype", "案件类别", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "source", "案件来源", FT_ENUM, F_REQ|F_FILTER, aSource },
  { "aid_group", "受援人群体", FT_ENUM, F_FILTER, aGroup },
  { "received", "收到申请（通知）日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "decided", "审查决定日期", FT_DATE, F_PAST, .zHelp="当事人申请的：决定是否给予法律援助之日" },
  { "granted", "给予法律援助", FT_BOOL, F_LIST, .zReqIn="assigned,closed" },
  { "assigned", "指派日期", FT_DATE, F_LIST, .zReqIn="assigned,closed" },
  { "lawyer", "承办律师", FT_TEXT, 0, .nMax=50 },
  { "closed", "结案日期", FT_DATE, F_LIST, .zReqIn="closed" },
  { "satisfied", "受援人满意", FT_BOOL, 0 },
  { 0 }
};
static const State aState[] = {
  { "received", "审查中" }, { "assigned", "已指派" }, { "closed", "已结案", 1 }, { "refused", "不予援助", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "assign", "指派", "received", "assigned", R_STAFF, "assigned" },
  { "refuse", "不予援助", "received", "refused", R_STAFF, "decided" },
  { "close", "结案", "assigned", "closed", R_STAFF, "closed" },
  { "reopen", "撤回", "closed,refused", "received", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "decide", "审查决定期限", "received", 7, 0, PU_DAYS, 0, 0, "decided", "source=apply", "received",
    "《中华人民共和国法律援助法》第四十三条：法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定",
    .zReading = "法律未写明工作日，按自然日计算（LAW.md 标为待核实）" },
  { "assign", "指派期限", "decided", 3, 0, PU_DAYS, 0, 0, "assigned", "source=apply", "received",
    "《中华人民共和国法律援助法》第四十三条：决定给予法律援助的，应当自作出决定之日起三日内指派法律援助人员",
    .zReading = "法律未写明工作日，按自然日计算（LAW.md 标为待核实）" },
  { "assign_notice", "通知辩护指派期限", "received", 3, 0, PU_DAYS, 0, 0, "assigned", "source=notice", "received",
    "《中华人民共和国法律援助法》第三十六条：法律援助机构收到通知后，应当在三日内指派律师并通知办案机关",
    .zReading = "法律未写明工作日，按自然日计算（LAW.md 标为待核实）" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "cases", "法律援助案件", IU_COUNT, .num = { .aCond = { { "", "state", "assigned,closed" } } } },
  { "criminal", "刑事法律援助", IU_COUNT, .num = { .aCond = { { "", "state", "assigned,closed" }, { "atype", "=", "criminal" } } } },
  { "civil", "民事法律援助", IU_COUNT, .num = { .aCond = { { "", "state", "assigned,closed" }, { "atype", "=", "civil" } } } },
  { "admin", "行政法律援助", IU_COUNT, .num = { .aCond = { { "", "state", "assigned,closed" }, { "atype", "=", "admin" } } } },
  { "litigation", "诉讼案件", IU_COUNT, .num = { .aCond = { { "", "state", "assigned,closed" }, { "atype", "=", "criminal,civil,admin" } } } },
  { "closed", "已结案", IU_COUNT, .num = { .aCond = { { "", "state", "closed" } } } },
  { "workers", "为农民工提供法律援助", IU_COUNT, .num = { .aCond = { { "", "state", "assigned,closed" }, { "aid_group", "=", "worker" } } } },
  { "ontime_rate", "按期指派率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "assigned,closed" }, { "assign", "ontime", 0 }, { "assign_notice", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "assigned,closed" } } }, .nDecimals = 1, .zTarget = "100" },
  { "satisfaction", "受援人满意率", IU_PERCENT,
    .num = { .aCond = { { "satisfied", "=", "1" } } }, .den = { .aCond = { { "satisfied", "set", 0 } } }, .nDecimals = 1 },
  { 0 }
};
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  0,
  { "全年办理法律援助案件{cases}件，其中诉讼案件{litigation}件[，刑事{criminal}件][，民事{civil}件][，行政{admin}件]"
    "[，已结案{closed}件][，为农民工提供法律援助{workers}件]。",
    "按期指派率{ontime_rate%}[，受援人满意率{satisfaction%}]。" }
};

static const Breakdown aBreakdown[] = { { "ontime_rate", 0, 0 }, { 0 } };
const Kind kind_legal_aid = {
  .zName = "legal_aid", .nOrder = 150, .zLabel = "法律援助", .zGroup = "公共法律服务",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zAbout = "法律援助申请与通知辩护案件：七日内审查决定，三日内指派，结案与受援人评价。",
};
