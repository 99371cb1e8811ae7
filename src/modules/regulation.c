/*
** src/modules/regulation.c — 制度建设 (DOMAIN.md item 23): the rules the
** county and its departments adopt for themselves — 营商环境 measures,
** enforcement and service rules, internal management — the "建章立制"
** figures a report states. A rule may answer a problem in the 问题台账.
*/
#include "engine/kind.h"

static const EnumVal aArea[] = {
  { "business", "优化营商环境" }, { "enforcement", "行政执法" }, { "service", "政务服务" },
  { "decision", "行政决策" }, { "supervision", "监督问责" }, { "internal", "内部管理" }, { "other", "其他" }, { 0 }
};
static const EnumVal aLevel[] = {
  { "party_gov", "县委、县政府（含两办）" }, { "gov", "县政府（含办公室）" }, { "dept", "部门" }, { "town", "乡镇（街道）" }, { 0 }
};

static Field aField[] = {
  { "rule_no", "登记编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "title", "制度名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE|F_PUBLIC, .nMax=200 },
  { "doc_no", "发文字号", FT_TEXT, F_LIST|F_PUBLIC, .nMax=64, .zHelp="内部制度无文号的留空" },
  { "area", "领域", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aArea },
  { "level", "制定层级", FT_ENUM, F_REQ|F_FILTER|F_PUBLIC, aLevel },
  { "adopted", "印发日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST|F_PUBLIC },
  { "from_problem", "针对问题整改", FT_BOOL, F_FILTER, .zHelp="为整改问题台账中的问题而建立的制度" },
  { 0 }
};
static const State aState[] = { { "in_force", "施行中" }, { "repealed", "已废止", 1 }, { 0 } };
static Transition aTrans[] = {
  { "repeal", "废止", "in_force", "repealed", R_STAFF },
  { "restore", "恢复", "repealed", "in_force", R_ADMIN },
  { 0 }
};
static Indicator aIndicator[] = {
  { "rules", "建立制度", IU_COUNT, .num = { .aCond = { { 0 } } } },
  { "business", "优化营商环境制度", IU_COUNT, .num = { .aCond = { { "area", "=", "business" } } } },
  { "from_problems", "针对问题整改建章立制", IU_COUNT, .num = { .aCond = { { "from_problem", "=", "1" } } } },
  { 0 }
};
static const ReportText report = {
  "健全依法行政制度体系",
  0,
  { "全年县政府及各部门建立健全制度{rules}项[，其中优化营商环境制度{business}项]。",
    "针对发现的问题建章立制{from_problems}项。" }
};

const Kind kind_regulation = {
  .zName = "regulation", .nOrder = 45, .zLabel = "制度建设", .zGroup = "依法行政制度",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "县政府和各部门印发的制度（营商环境、行政执法、政务服务、内部管理等），含为整改问题而建立的制度。",
};
