/*
** src/modules/audit_project.c — 审计监督 (DOMAIN.md item 19): audit
** projects, the problems they found and the money involved, the measures
** and the cases referred. The problems themselves go to the one
** rectification ledger (source 审计).
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "budget", "预算执行审计" }, { "leader", "经济责任审计" }, { "project", "政府投资项目审计" },
  { "fund", "专项资金审计" }, { "other", "其他" }, { 0 }
};

static Field aField[] = {
  { "project_no", "审计项目编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "title", "审计项目名称", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=200 },
  { "atype", "审计类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "auditee", "被审计单位", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100,
    .zOtherParty="《审计法》：审计对象还包括国有企业、国有资本占控股地位或者主导地位的企业和事业单位等，不在部门名单中的填写其全称" },
  { "started", "进点日期", FT_DATE, F_REQ|F_LIST|F_YEAR|F_PAST },
  { "reported", "出具审计报告日期", FT_DATE, F_LIST, .zReqIn="done" },
  { "problems", "发现问题（个）", FT_INT, 0, .nMin=0, .nMax=10000, .zReqIn="done" },
  { "amount", "涉及金额（万元）", FT_INT, 0, .nMin=0, .nMax=100000000 },
  { "measures", "提出审计建议（条）", FT_INT, 0, .nMin=0, .nMax=10000 },
  { "referred", "移送处理事项（件）", FT_INT, 0, .nMin=0, .nMax=10000 },
  { 0 }
};
static const State aState[] = { { "auditing", "审计中" }, { "done", "已出具报告", 1 }, { 0 } };
static Transition aTrans[] = {
  { "report", "出具报告", "auditing", "done", R_STAFF, "reported" },
  { "reopen", "撤回", "done", "auditing", R_ADMIN },
  { 0 }
};
static Indicator aIndicator[] = {
  { "projects", "审计项目", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "审计项目" },
  { "done", "完成审计项目", IU_COUNT, .num = { .aCond = { { "", "state", "done" } } } },
  { "problems", "发现问题", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "problems", .aCond = { { "", "state", "done" } } } },
  { "amount", "涉及金额（万元）", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "amount", .aCond = { { "", "state", "done" } } } },
  { "measures", "审计建议", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "measures", .aCond = { { "", "state", "done" } } } },
  { "referred", "移送处理事项", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "referred", .aCond = { { "", "state", "done" } } } },
  { 0 }
};
static const ReportText report = {
  "强化行政权力制约和监督",
  "自觉接受审计监督，强化审计结果运用。",
  { "全年实施审计项目{projects}个，完成{done}个。",
    "审计发现问题{problems}个[、涉及金额{amount}万元][，提出审计建议{measures}条][，移送处理事项{referred}件]。" }
};

const Kind kind_audit_project = {
  .zName = "audit_project", .nOrder = 190, .zLabel = "审计项目", .zGroup = "监督与整改",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans,
  .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "审计项目：发现问题、涉及金额、审计建议与移送事项；问题进入问题整改台账。",
};
