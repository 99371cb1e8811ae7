/*
** src/modules/mediation.c — 矛盾纠纷排查化解: disputes taken up by the
** mediation organisations (人民调解委员会, 特色调解室, 调解中心), the
** channel they came by, and the outcome (DOMAIN.md item 14).
**
** LAW.md §1.12: the 人民调解法 sets no period for mediation itself; the
** 《人民调解工作若干规定》 Art 33 asks that a dispute be settled "一般在一个
** 月内"; provinces repeat it. The period is kept as that guidance, marked
** as such, and counted as the month it is (民法典 Art 202: 2025-01-31 →
** 2025-02-28), not as 30 days. 司法确认 must be applied for within 30 days of the
** agreement taking effect (人民调解法 Art 33).
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "family", "婚姻家庭" }, { "neighbor", "邻里纠纷" }, { "contract", "合同纠纷" }, { "injury", "损害赔偿" },
  { "labor", "劳动争议" }, { "land", "土地承包及宅基地" }, { "property", "物业纠纷" }, { "other", "其他" }, { 0 }
};
static const EnumVal aChannel[] = {
  { "people", "人民调解" }, { "police", "警调联动" }, { "court", "诉调对接" }, { "petition", "访调对接" },
  { "center", "一站式矛盾纠纷调处中心" }, { 0 }
};
static const EnumVal aResult[] = {
  { "success", "调解成功" }, { "failed", "调解不成" }, { 0 }
};

static Field aField[] = {
  { "dispute_no", "纠纷编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "dtype", "纠纷类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "summary", "纠纷概要", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=300 },
  { "parties", "当事人", FT_TEXT, F_REQ, .nMax=200 },
  { "org", "调解组织", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100 },
  { "channel", "受理渠道", FT_ENUM, F_REQ|F_FILTER, aChannel },
  { "received", "受理日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "closed", "调结日期", FT_DATE, F_LIST, .zReqIn="closed" },
  { "result", "调解结果", FT_ENUM, F_LIST|F_FILTER, aResult, .zReqIn="closed" },
  { "agreement", "达成书面协议", FT_BOOL, 0 },
  { "note", "备注", FT_LONGTEXT, 0 },
  { 0 }
};

static const State aState[] = { { "mediating", "调解中" }, { "closed", "已调结", 1 }, { 0 } };
static Transition aTrans[] = {
  { "close", "调结", "mediating", "closed", R_STAFF, "closed" },
  { "reopen", "重新调解", "closed", "mediating", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "settle", "调结期限（一般）", "received", 1, 0, PU_MONTHS, 0, 0, "closed", 0, "mediating",
    "《人民调解工作若干规定》第三十三条：人民调解委员会调解纠纷，一般在一个月内调结（指导性期限）；"
    "按月计算，到期月的对应日为期间的最后一日，没有对应日的，月末日为最后一日（《民法典》第二百零二条）",
    .zReading = "“一般在一个月内调结”按月计算而非30日：2025-01-31受理 → 2025-02-28（二月没有对应日，以月末日为期间最后一日）" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "disputes", "受理矛盾纠纷", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "受理矛盾纠纷|调解矛盾纠纷|排查矛盾纠纷" },
  { "closed", "已调结", IU_COUNT, .num = { .aCond = { { "", "state", "closed" } } } },
  { "success", "调解成功", IU_COUNT,
    .num = { .aCond = { { "", "state", "closed" }, { "result", "=", "success" } } } },
  { "success_rate", "调解成功率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "result", "=", "success" } } },
    .den = { .aCond = { { "", "state", "closed" } } },
    .nDecimals = 1, .zHelp = "调解成功的纠纷 ÷ 已调结的纠纷" },
  { "linked", "警调、诉调、访调对接受理", IU_COUNT,
    .num = { .aCond = { { "channel", "=", "police,court,petition" } } } },
  { "ontime_rate", "一个月内调结率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "settle", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "closed" } } },
    .nDecimals = 1, .zHelp = "受理后一个月内调结的 ÷ 已调结的" },
  { 0 }
};
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  "坚持和发展新时代“枫桥经验”，健全矛盾纠纷多元化解机制。",
  { "全年受理矛盾纠纷{disputes}件，已调结{closed}件，调解成功{success}件，调解成功率{success_rate%}。",
    "受理量{disputes^}。",
    "其中通过警调、诉调、访调对接受理{linked}件。",
    "已调结纠纷中一个月内调结率{ontime_rate%}。" }
};

const Kind kind_mediation = {
  .zName = "mediation", .nOrder = 140, .zLabel = "矛盾纠纷调解", .zGroup = "矛盾纠纷化解",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report,
  .zTrend = "disputes",
  .zAbout = "人民调解委员会、特色调解室、调解中心受理的矛盾纠纷：受理渠道、调结期限与调解结果。",
};
