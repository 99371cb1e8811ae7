/*
** src/modules/file_review.c — 行政执法案卷评查 (DOMAIN.md item 9; LAW.md
** §5): case files sampled from a department, scored against the
** provincial standard (基本标准 + 卷面 20 + 内容 80), graded, and the
** problems found. Completing a review opens one 问题台账 item per problem
** against the reviewed department, due in 30 days.
*/
#include "engine/kind.h"

static const EnumVal aCategory[] = {
  { "license", "行政许可" }, { "penalty", "行政处罚" }, { "coercion", "行政强制" }, { "inspection", "行政检查" },
  { "other", "其他" }, { 0 }
};
static const EnumVal aGrade[] = { { "excellent", "优秀" }, { "pass", "合格" }, { "fail", "不合格" }, { 0 } };

static Field aField[] = {
  { "review_no", "评查编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "case_no", "案卷号", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE, .nMax=64 },
  { "unit", "被评查单位", FT_DEPT, F_REQ|F_LIST, .zHelp="从本县的部门、乡镇中选择，问题整改记在该单位名下" },
  { "category", "案卷类别", FT_ENUM, F_REQ|F_LIST|F_FILTER, aCategory },
  { "reviewed", "评查日期", FT_DATE, F_REQ|F_LIST|F_YEAR|F_PAST },
  { "score", "得分", FT_INT, F_LIST, .nMin=0, .nMax=100, .zReqIn="done" },
  { "grade", "等次", FT_ENUM, F_LIST|F_FILTER, aGrade, .zReqIn="done" },
  { "problems", "发现问题", FT_LONGTEXT, 0, .zHelp="每行一个问题；评查完成时逐条记入问题整改台账，整改时限30日" },
  { "done_date", "评查完成日期", FT_DATE, 0, .zReqIn="done" },
  { 0 }
};
static const State aState[] = { { "reviewing", "评查中" }, { "done", "评查完成", 1 }, { 0 } };
static Transition aTrans[] = {
  { "complete", "评查完成", "reviewing", "done", R_STAFF, "done_date" },
  { 0 }
};
static Spawn aSpawn[] = {
  { "complete", "rectification", "problems", 0,
    { { "dept_id", "unit" }, { "problem_no", "@seq" }, { "source", "=file_review" }, { "problem", "@line" },
      { "found", "@today" }, { "days", "=30" } } },
  { 0 }
};
static Indicator aIndicator[] = {
  { "files", "评查案卷", IU_COUNT, .num = { .aCond = { { "", "state", "done" } } } },
  { "excellent_rate", "案卷优秀率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "done" }, { "grade", "=", "excellent" } } },
    .den = { .aCond = { { "", "state", "done" } } }, .nDecimals = 1 },
  { "failed", "不合格案卷", IU_COUNT, .num = { .aCond = { { "", "state", "done" }, { "grade", "=", "fail" } } } },
  { "avg_score", "平均得分", IU_AVERAGE,
    .num = { .eAgg = AGG_SUM, .zField = "score", .aCond = { { "", "state", "done" } } },
    .den = { .aCond = { { "", "state", "done" } } }, .nDecimals = 1 },
  { "units", "被评查单位", IU_COUNT,
    .num = { .eAgg = AGG_DISTINCT, .zField = "unit", .aCond = { { "", "state", "done" } } } },
  { "coverage_rate", "评查覆盖率", IU_PERCENT,
    .num = { .eAgg = AGG_DISTINCT, .zField = "unit", .aCond = { { "", "state", "done" } } },
    .den = { .eAgg = AGG_DISTINCT, .zField = "dept_id", .aCond = { { 0 } }, .zKind = "enforcement_case" },
    .nDecimals = 1, .zTarget = "100",
    .zHelp = "本年度案卷被评查的单位（不重复计）÷ 本年度办理行政执法案件的单位" },
  { 0 }
};
static const ReportText report = {
  "强化行政权力制约和监督",
  0,
  { "开展行政执法案卷评查，全年评查案卷{files}卷，平均得分{avg_score~}，优秀率{excellent_rate%}[，不合格案卷{failed}卷]，发现的问题逐条纳入问题整改台账。",
    "被评查单位{units}个，占办理行政执法案件单位的{coverage_rate%}。" }
};

/* The units whose files score lowest. */
static const Breakdown aBreakdown[] = { { "avg_score", "unit", 0 }, { "failed", "unit", 1 }, { 0 } };
const Kind kind_file_review = {
  .zName = "file_review", .nOrder = 90, .zLabel = "案卷评查", .zGroup = "执法监督",
  .eShape = SHAPE_LEDGER,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aSpawn = aSpawn,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zAbout = "行政执法案卷评查：评分、等次和发现的问题；评查完成时问题逐条进入问题整改台账。",
};
