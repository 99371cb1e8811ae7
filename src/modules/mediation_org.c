/*
** src/modules/mediation_org.c — 矛盾纠纷化解的组织 (DOMAIN.md item 14):
** 人民调解委员会 (village, town, 行业性专业性), 一站式矛盾纠纷调处化解
** 中心 and 特色调解室, with the number of mediators each has. The
** disputes they handle are kind mediation.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "village", "村（社区）人民调解委员会" }, { "town", "乡镇（街道）人民调解委员会" },
  { "trade", "行业性专业性人民调解委员会" }, { "center", "一站式矛盾纠纷调处化解中心（平台）" },
  { "studio", "特色调解室" }, { 0 }
};

static Field aField[] = {
  { "org_no", "登记编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "otype", "类型", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aType },
  { "name", "名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE|F_PUBLIC, .nMax=100 },
  { "field", "领域", FT_TEXT, F_LIST|F_PUBLIC, .nMax=50, .zHelp="行业性专业性调委会填写，如“医疗纠纷”“道路交通”" },
  { "founded", "成立日期", FT_DATE, F_REQ|F_PAST|F_PUBLIC },
  { "mediators", "调解员人数", FT_INT, F_REQ|F_LIST|F_PUBLIC, .nMin=0, .nMax=10000 },
  { "closed_on", "撤销日期", FT_DATE, F_PAST, .zReqIn="closed" },
  { 0 }
};
static const State aState[] = { { "active", "运行中" }, { "closed", "已撤销", 1 }, { 0 } };
static Transition aTrans[] = {
  { "close", "撤销", "active", "closed", R_STAFF, "closed_on" },
  { "restore", "恢复", "closed", "active", R_ADMIN },
  { 0 }
};
/* in force at the year's end (pInForce), whatever their state is now */
static Indicator aIndicator[] = {
  { "centers", "一站式矛盾纠纷调处化解平台", IU_COUNT, .num = { .aCond = { { "otype", "=", "center" } } } },
  { "committees", "人民调解委员会", IU_COUNT, .num = { .aCond = { { "otype", "=", "village,town,trade" } } } },
  { "trade", "行业性专业性人民调解委员会", IU_COUNT, .num = { .aCond = { { "otype", "=", "trade" } } } },
  { "studios", "特色调解室", IU_COUNT, .num = { .aCond = { { "otype", "=", "studio" } } } },
  { "mediators", "调解员", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "mediators", .aCond = { { 0 } } } },
  { 0 }
};
static const InForce inForce = { "founded", "closed_on" };
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  0,
  { "健全矛盾纠纷多元化解体系，全县[建成“一站式”矛盾纠纷调处化解平台{centers}个][、人民调解委员会{committees}个]"
    "[（其中行业性、专业性人民调解委员会{trade}个）][、特色调解室{studios}个][，调解员{mediators}名]。" }
};

const Kind kind_mediation_org = {
  .zName = "mediation_org", .nOrder = 139, .zLabel = "调解组织", .zGroup = "矛盾纠纷化解",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report, .pInForce = &inForce,
  .zAbout = "人民调解委员会（村、乡镇、行业性专业性）、“一站式”矛盾纠纷调处化解中心和特色调解室，及其调解员人数。",
};
