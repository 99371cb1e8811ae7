/*
** src/modules/service_item.c — 政务服务事项 (the catalog of service items).
**
** DOMAIN.md item 1. Each item records whether it is handled in the county's
** 政务服务中心, how far it can be done online, how many visits it takes,
** its 法定时限 and the shorter 承诺时限 the centre promises (both in working
** days: 行政许可法 Art 82), materials and steps. Declarations only.
*/
#include "engine/kind.h"

static const EnumVal aCategory[] = {
  { "license", "行政许可" }, { "confirm", "行政确认" }, { "benefit", "行政给付" },
  { "ruling", "行政裁决" }, { "reward", "行政奖励" }, { "other_power", "其他行政权力" },
  { "public_service", "公共服务" }, { 0 }
};
static const EnumVal aOnline[] = {
  { "offline", "不可网办" }, { "partial", "可网办" }, { "full", "全程网办" },
  { "secret", "涉密不可网办" }, { 0 }
};

static Field aField[] = {
  { "code", "事项编码", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=64 },
  { "name", "事项名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=200 },
  { "category", "事项类型", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aCategory },
  { "in_center", "进驻政务服务中心", FT_BOOL, F_LIST|F_FILTER|F_PUBLIC },
  { "online", "网办深度", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aOnline },
  { "max_visits", "最多跑动次数", FT_INT, F_REQ|F_LIST|F_PUBLIC, .nMin=0, .nMax=9,
    .zHelp="0 表示零跑动，1 表示最多跑一次" },
  { "legal_days", "法定时限（工作日）", FT_INT, F_PUBLIC, .nMin=0, .nMax=999,
    .zHelp="法律法规规定的办理时限；无法定时限的留空" },
  { "promised_days", "承诺时限（工作日）", FT_INT, F_REQ|F_LIST|F_PUBLIC, .nMin=0, .nMax=999 },
  { "materials", "申请材料数", FT_INT, F_PUBLIC, .nMin=0, .nMax=200 },
  { "steps", "办理环节数", FT_INT, F_PUBLIC, .nMin=0, .nMax=50 },
  { "basis", "设定依据", FT_LONGTEXT, F_PUBLIC },
  { 0 }
};

static const State aState[] = {
  { "active", "在用" }, { "cancelled", "已取消", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "cancel", "取消事项", "active", "cancelled", R_STAFF },
  { "restore", "恢复事项", "cancelled", "active", R_ADMIN },
  { 0 }
};

/* Counts are over items in use; 压缩比 is Σ(法定−承诺) ÷ Σ法定 over 许可
** items that have a 法定时限 (LAW.md §1.4: a documented choice). */
static Indicator aIndicator[] = {
  { "items", "政务服务事项数", IU_COUNT,
    .num = { .aCond = { { "", "state", "active" } } },
    .zHelp = "在用的政务服务事项" },
  { "center_rate", "政务服务事项入驻率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "active" }, { "in_center", "=", "1" } } },
    .den = { .aCond = { { "", "state", "active" } } },
    .nDecimals = 1, .zTarget = "100",
    .zHelp = "纳入本级政务服务中心一体化管理的事项 ÷ 在用事项" },
  { "online_rate", "网上可办率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "active" }, { "online", "=", "partial,full" } } },
    .den = { .aCond = { { "", "state", "active" } } },
    .nDecimals = 1,
    .zHelp = "可网办与全程网办事项 ÷ 在用事项" },
  { "full_online_rate", "全程网办占比", IU_PERCENT,
    .num = { .aCond = { { "", "state", "active" }, { "online", "=", "full" } } },
    .den = { .aCond = { { "", "state", "active" } } },
    .nDecimals = 1 },
  { "one_visit_rate", "“最多跑一次”“一次都不跑”事项占比", IU_PERCENT,
    .num = { .aCond = { { "", "state", "active" }, { "max_visits", "<=", "1" } } },
    .den = { .aCond = { { "", "state", "active" } } },
    .nDecimals = 1,
    .zHelp = "最多跑动次数不超过 1 次的事项 ÷ 在用事项" },
  { "zero_visit_rate", "零跑动事项占比", IU_PERCENT,
    .num = { .aCond = { { "", "state", "active" }, { "max_visits", "<=", "0" } } },
    .den = { .aCond = { { "", "state", "active" } } },
    .nDecimals = 1 },
  { "license_compression", "行政许可类事项办理时限压缩比", IU_PERCENT,
    .num = { AGG_SUM, "legal_days", "promised_days",
             { { "", "state", "active" }, { "category", "=", "license" }, { "legal_days", "set", 0 } } },
    .den = { AGG_SUM, "legal_days", 0,
             { { "", "state", "active" }, { "category", "=", "license" }, { "legal_days", "set", 0 } } },
    .nDecimals = 1,
    .zHelp = "Σ(法定时限−承诺时限) ÷ Σ法定时限，限有法定时限的行政许可事项" },
  { "avg_materials", "平均申请材料数", IU_AVERAGE,
    .num = { AGG_SUM, "materials", 0, { { "", "state", "active" }, { "materials", "set", 0 } } },
    .den = { .aCond = { { "", "state", "active" }, { "materials", "set", 0 } } },
    .nDecimals = 1 },
  { "avg_steps", "平均办理环节数", IU_AVERAGE,
    .num = { AGG_SUM, "steps", 0, { { "", "state", "active" }, { "steps", "set", 0 } } },
    .den = { .aCond = { { "", "state", "active" }, { "steps", "set", 0 } } },
    .nDecimals = 2 },
  { 0 }
};

static const ReportText report = {
  "依法全面履行政府职能",
  "纵深推进“放管服”改革，持续优化政务服务。",
  { "{items}项政务服务事项中，{center_rate}项纳入本级政务服务中心一体化管理，政务服务事项入驻率达到{center_rate%}"
    "[，行政许可类事项办理时限压缩比达到{license_compression%}]。",
    /* these rates share the denominator of 入驻率: all or none of them */
    "“最多跑一次”“一次都不跑”事项占比达到{one_visit_rate%}，可网上办理事项占比{online_rate%}，全程网办事项占比{full_online_rate%}。",
    "[事项平均申请材料{avg_materials~份}][，平均办理环节{avg_steps~个}|事项平均办理环节{avg_steps~个}]。" }
};

const Kind kind_service_item = {
  .zName = "service_item", .nOrder = 10, .zLabel = "政务服务事项", .zGroup = "政务服务",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "本级政务服务事项目录：进驻情况、网办深度、跑动次数、法定与承诺时限。",
};
