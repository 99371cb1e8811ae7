/*
** src/modules/service_case.c — 办件 (transactions handled for a service item).
**
** DOMAIN.md item 1. A 办件 is received on a date and must be finished within
** the item's 承诺时限 in working days (copied onto the 办件 when it is
** received, since the catalog may change later). Declarations only.
*/
#include "engine/kind.h"

static const EnumVal aChannel[] = {
  { "online", "线上" }, { "offline", "线下" }, { 0 }
};
static const EnumVal aRating[] = {
  { "very_good", "非常满意" }, { "good", "满意" }, { "fair", "基本满意" },
  { "bad", "不满意" }, { "very_bad", "非常不满意" }, { 0 }
};

static Field aField[] = {
  { "case_no", "办件编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_TITLE, .nMax=64 },
  { "item_id", "政务服务事项", FT_REF, F_REQ|F_LIST|F_FILTER, .zRef="service_item" },
  { "applicant", "申请人", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100 },
  { "channel", "受理渠道", FT_ENUM, F_REQ|F_LIST|F_FILTER, aChannel },
  { "received", "受理日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "limit_days", "承诺时限（工作日）", FT_INT, F_REQ, .nMin=0, .nMax=999 },
  { "finished", "办结日期", FT_DATE, F_LIST, .zReqIn="finished" },
  { "rating", "好差评", FT_ENUM, F_FILTER, aRating },
  { 0 }
};

static const State aState[] = {
  { "received", "办理中" }, { "finished", "已办结", 1 }, { "refused", "不予受理", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "finish", "办结", "received", "finished", R_STAFF, "finished" },
  { "refuse", "不予受理", "received", "refused", R_STAFF },
  { "reopen", "撤回办结", "finished,refused", "received", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "promise", "承诺办结期限", "received", 0, "limit_days", PU_WORKDAYS, 0, 0, "finished",
    0, "received", "办事指南公布的承诺时限（行政许可法第八十二条：期限以工作日计算）" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "cases", "办件量", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "办件|受理办件|办理政务服务事项" },
  { "online_share", "网上办件占比", IU_PERCENT,
    .num = { .aCond = { { "channel", "=", "online" } } }, .den = { .aCond = { { 0 } } },
    .nDecimals = 1 },
  { "ontime_rate", "按承诺时限办结率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "finished" }, { "promise", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "finished" } } },
    .nDecimals = 1, .zTarget = "100" },
  { "good_rate", "好评率", IU_PERCENT,
    .num = { .aCond = { { "rating", "=", "very_good,good,fair" } } },
    .den = { .aCond = { { "rating", "set", 0 } } },
    .nDecimals = 1,
    .zHelp = "非常满意、满意、基本满意的评价 ÷ 全部评价" },
  { 0 }
};

/* One paragraph with the catalog's (service_item). */
static const ReportText report = {
  "依法全面履行政府职能",
  "纵深推进“放管服”改革，持续优化政务服务。",
  { "{year}年，全年受理办件{cases}件[，网上办件占比{online_share%}]。",
    "[已办结办件按承诺时限办结率{ontime_rate%}][，“好差评”评价中好评率{good_rate%}|“好差评”评价中好评率{good_rate%}]。" },
  .bJoin = 1
};

const Kind kind_service_case = {
  .zName = "service_case", .nOrder = 11, .zLabel = "办件", .zGroup = "政务服务",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report,
  .zTrend = "cases",
  .zAbout = "政务服务事项的办件：受理、办结与承诺时限、好差评。",
};
