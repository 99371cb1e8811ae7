/*
** src/modules/inspection_item.c — 涉企行政检查事项清单: what each
** department may inspect enterprises for, with its legal basis (DOMAIN.md
** item 10; LAW.md §4.2: 未公布的事项不得实施). An inspection, logged by
** scanning an enterprise's code or drawn by a plan, names one of its
** department's registered items; the scan page refuses any other.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "routine", "日常检查" }, { "random", "双随机抽查" }, { "special", "专项检查" }, { "case", "个案检查" }, { 0 }
};

static Field aField[] = {
  { "item_no", "事项编码", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=64 },
  { "name", "检查事项名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=200 },
  { "itype", "检查类别", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aType },
  { "basis", "检查依据", FT_LONGTEXT, F_REQ|F_PUBLIC },
  { "frequency", "检查频次", FT_TEXT, F_PUBLIC, .nMax=100, .zHelp="如“每年不超过1次”" },
  { "published", "公布日期", FT_DATE, F_LIST|F_PUBLIC|F_PAST },
  { 0 }
};
static const State aState[] = { { "active", "在用" }, { "cancelled", "已取消", 1 }, { 0 } };
static Transition aTrans[] = {
  { "cancel", "取消事项", "active", "cancelled", R_STAFF },
  { "restore", "恢复事项", "cancelled", "active", R_ADMIN },
  { 0 }
};
static Indicator aIndicator[] = {
  { "items", "备案涉企检查事项", IU_COUNT, .num = { .aCond = { { "", "state", "active" } } } },
  { 0 }
};
static const ReportText report = {
  "坚持严格规范公正文明执法",
  0,
  { "严格规范涉企行政检查，各执法部门共备案公布涉企检查事项{items}项，未备案的事项一律不得入企检查。" }
};

const Kind kind_inspection_item = {
  .zName = "inspection_item", .nOrder = 99, .zLabel = "涉企检查事项", .zGroup = "涉企检查",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "各执法部门备案并公布的涉企行政检查事项：检查类别、依据与频次；未备案的事项不得入企检查。",
};
