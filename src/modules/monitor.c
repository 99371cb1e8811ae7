/*
** src/modules/monitor.c — 行政执法监督联系点 and 特邀行政执法监督员
** (DOMAIN.md item 11): the points (in towns, enterprises, associations)
** and the citizens the county appoints to watch enforcement. A register:
** who or where, since when, until when; the 执法监督 activities they take
** part in are kind supervision.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "point", "行政执法监督联系点" }, { "enterprise_point", "涉企行政执法监督联系点" },
  { "supervisor", "特邀行政执法监督员" }, { 0 }
};

static Field aField[] = {
  { "monitor_no", "登记编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "mtype", "类型", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aType },
  { "name", "名称或姓名", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE|F_PUBLIC, .nMax=100,
    .zHelp="联系点写设点单位名称；监督员写姓名" },
  { "place", "所在单位或乡镇", FT_TEXT, F_LIST|F_PUBLIC, .nMax=100 },
  { "appointed", "设立（聘任）日期", FT_DATE, F_REQ|F_LIST|F_PAST|F_PUBLIC },
  { "term_end", "聘期届满日期", FT_DATE, F_LIST },
  { "ended", "撤销（解聘）日期", FT_DATE, F_PAST, .zReqIn="ended" },
  { 0 }
};
static const State aState[] = { { "active", "在任" }, { "ended", "已撤销或解聘", 1 }, { 0 } };
static Transition aTrans[] = {
  { "end", "撤销或解聘", "active", "ended", R_STAFF, "ended" },
  { "restore", "恢复", "ended", "active", R_ADMIN },
  { 0 }
};
/* in force at the year's end (pInForce), whatever their state is now */
static Indicator aIndicator[] = {
  { "points", "行政执法监督联系点", IU_COUNT, .num = { .aCond = { { "mtype", "=", "point,enterprise_point" } } } },
  { "enterprise_points", "涉企行政执法监督联系点", IU_COUNT, .num = { .aCond = { { "mtype", "=", "enterprise_point" } } } },
  { "supervisors", "特邀行政执法监督员", IU_COUNT, .num = { .aCond = { { "mtype", "=", "supervisor" } } } },
  { 0 }
};
static const InForce inForce = { "appointed", "ended" };
static const ReportText report = {
  "强化行政权力制约和监督",
  0,
  { "设立行政执法监督联系点{points}个[（其中涉企联系点{enterprise_points}个）][，聘请特邀行政执法监督员{supervisors}名]，参与行政执法监督工作。" }
};

const Kind kind_monitor = {
  .zName = "monitor", .nOrder = 109, .zLabel = "执法监督联系点与监督员", .zGroup = "执法监督",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report, .pInForce = &inForce,
  .zAbout = "行政执法监督联系点（含涉企联系点）和特邀行政执法监督员名册：设立或聘任、聘期、撤销或解聘。",
};
