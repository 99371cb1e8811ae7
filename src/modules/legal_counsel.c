/*
** src/modules/legal_counsel.c — 法律顾问 and 公职律师 (DOMAIN.md item 6):
** which units have counsel for the year and the work done for them
** (opinions, contracts reviewed, lawsuits handled). A catalog of
** engagements, one per unit and year.
*/
#include "engine/kind.h"

static const EnumVal aType[] = { { "counsel", "法律顾问（律师事务所）" }, { "public", "公职律师" }, { 0 } };

static Field aField[] = {
  { "engagement_no", "聘用编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "counsel", "法律顾问（公职律师）", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE, .nMax=100 },
  { "ctype", "类别", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "engaged", "聘用（任职）日期", FT_DATE, F_REQ|F_LIST|F_YEAR|F_PAST },
  { "until", "聘期至", FT_DATE, F_LIST },
  { "opinions", "出具法律意见（份）", FT_INT, 0, .nMin=0, .nMax=100000 },
  { "contracts", "审查合同（份）", FT_INT, 0, .nMin=0, .nMax=100000 },
  { "lawsuits", "代理诉讼案件（件）", FT_INT, 0, .nMin=0, .nMax=100000 },
  { 0 }
};
static const State aState[] = { { "active", "在聘" }, { "ended", "已解聘", 1 }, { 0 } };
static Transition aTrans[] = {
  { "end", "解聘", "active", "ended", R_STAFF },
  { "restore", "恢复", "ended", "active", R_ADMIN },
  { 0 }
};
static Indicator aIndicator[] = {
  { "engagements", "聘请法律顾问、设立公职律师", IU_COUNT, .num = { .aCond = { { 0 } } } },
  { "public", "公职律师", IU_COUNT, .num = { .aCond = { { "ctype", "=", "public" } } } },
  { "opinions", "出具法律意见", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "opinions", .aCond = { { 0 } } } },
  { "contracts", "审查合同", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "contracts", .aCond = { { 0 } } } },
  { "lawsuits", "代理诉讼案件", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "lawsuits", .aCond = { { 0 } } } },
  { "coverage_rate", "法律顾问覆盖率", IU_PERCENT,
    .num = { .eAgg = AGG_DISTINCT, .zField = "dept_id", .aCond = { { "dept_id", "dtype", "county,bureau,town" } } },
    .den = { .aCond = { { "dtype", "=", "county,bureau,town" } }, .zKind = IND_DEPTS },
    .nDecimals = 1, .zTarget = "100",
    .zHelp = "本年度聘请法律顾问或设立公职律师的单位 ÷ 县政府、政府部门和乡镇（街道）总数（纲要：法律顾问全覆盖）" },
  { 0 }
};
static const ReportText report = {
  "推进行政决策科学化、民主化、法治化",
  0,
  { "全县各单位共聘请法律顾问、设立公职律师{engagements}名[，其中公职律师{public}名]。",
    "县政府、政府部门和乡镇（街道）法律顾问覆盖率{coverage_rate%}。",
    "法律顾问、公职律师全年出具法律意见{opinions}份。",
    "审查合同协议{contracts}份。",
    "代理诉讼案件{lawsuits}件。" }
};

const Kind kind_legal_counsel = {
  .zName = "legal_counsel", .nOrder = 60, .zLabel = "法律顾问", .zGroup = "行政决策",
  .eShape = SHAPE_CATALOG,
  .aField = aField, .aState = aState, .aTrans = aTrans,
  .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "各单位聘请的法律顾问和公职律师，及其出具法律意见、审查合同、代理诉讼的工作量。",
};
