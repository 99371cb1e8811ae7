/*
** src/modules/proposal.c — 人大代表建议 and 政协委员提案 handled by the
** county's departments (DOMAIN.md item 18).
**
** LAW.md §1.8: 代表法 Art 51 — reply within 3 months of assignment, 6 for
** matters wide in scope or hard to handle; 政协 practice the same. Months
** count to the corresponding day (民法典 Art 202).
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "npc", "人大代表建议" }, { "cppcc", "政协委员提案" }, { 0 }
};
static const EnumVal aSatisfaction[] = {
  { "satisfied", "满意" }, { "basic", "基本满意" }, { "unsatisfied", "不满意" }, { 0 }
};

static Field aField[] = {
  { "proposal_no", "建议提案编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "ptype", "类别", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "title", "标题", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE, .nMax=200 },
  { "proposer", "代表或委员", FT_TEXT, F_REQ|F_LIST, .nMax=100 },
  { "assigned", "交办日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "complex", "涉及面广、处理难度大", FT_BOOL, 0, .zHelp="答复期限为六个月" },
  { "replied", "答复日期", FT_DATE, F_LIST, .zReqIn="replied" },
  { "satisfaction", "代表委员评价", FT_ENUM, F_FILTER, aSatisfaction },
  { "note", "备注", FT_LONGTEXT, 0 },
  { 0 }
};

static const State aState[] = { { "assigned", "办理中" }, { "replied", "已办复", 1 }, { 0 } };
static Transition aTrans[] = {
  { "reply", "办复", "assigned", "replied", R_STAFF, "replied" },
  { "reopen", "重新办理", "replied", "assigned", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "reply", "答复期限", "assigned", 3, 0, PU_MONTHS, "complex", 3, "replied", 0, "assigned",
    "《全国人民代表大会和地方各级人民代表大会代表法》第五十一条：自交办之日起三个月内答复；涉及面广、处理难度大的，应当在六个月内答复（政协提案按同一期限办理）",
    .zReading = "6个月自交办日起算（法条原文“六个月内”），不是3个月届满后再加3个月" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "proposals", "承办建议提案", IU_COUNT, .num = { .aCond = { { 0 } } } },
  { "npc", "人大代表建议", IU_COUNT, .num = { .aCond = { { "ptype", "=", "npc" } } }, .zAlias = "人大代表建议|代表建议" },
  { "cppcc", "政协委员提案", IU_COUNT, .num = { .aCond = { { "ptype", "=", "cppcc" } } }, .zAlias = "政协委员提案|委员提案" },
  { "reply_rate", "建议提案办复率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "replied" } } }, .den = { .aCond = { { 0 } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "已办复的建议提案 ÷ 承办的建议提案" },
  { "ontime_rate", "按期办复率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "replied" }, { "reply", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "replied" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "法定期限内办复的 ÷ 已办复的" },
  { "satisfaction_rate", "满意率", IU_PERCENT,
    .num = { .aCond = { { "satisfaction", "=", "satisfied,basic" } } },
    .den = { .aCond = { { "satisfaction", "set", 0 } } },
    .nDecimals = 1, .zHelp = "评价为满意、基本满意的 ÷ 有评价的" },
  { 0 }
};
static const ReportText report = {
  "自觉接受人大监督和政协民主监督",
  "认真办理人大代表建议和政协委员提案。",
  { "全年承办[人大代表建议{npc}件][、政协委员提案{cppcc}件]，办复率{reply_rate%}[，按期办复率{ontime_rate%}]。",
    "代表委员对办理结果的满意率{satisfaction_rate%}。" }
};

/* The departments slow to answer deputies and members. */
static const Breakdown aBreakdown[] = { { "ontime_rate", 0, 0 }, { "satisfaction_rate", 0, 0 }, { 0 } };
const Kind kind_proposal = {
  .zName = "proposal", .nOrder = 180, .zLabel = "建议提案办理", .zGroup = "监督与整改",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zAbout = "人大代表建议、政协委员提案的交办、答复期限（三个月，复杂的六个月）与代表委员评价。",
};
