/*
** src/modules/power_item.c — 权责清单 / 行政执法事项清单 (DOMAIN.md item 2).
**
** The list of powers each department holds, published anew every year:
** one version per 清单年度, carried from the year before (POST
** /k/power_item/carry) and then adjusted item by item — 新增, 调整, or
** 取消 (the transition). Items may be delegated to towns (乡镇综合行政执法
** 赋权) and marked as touching enterprises. Year on year, the indicators
** of each year count that year's version.
*/
#include "engine/kind.h"

static const EnumVal aCategory[] = {
  { "license", "行政许可" }, { "penalty", "行政处罚" }, { "coercion", "行政强制" }, { "levy", "行政征收" },
  { "payment", "行政给付" }, { "inspect", "行政检查" }, { "confirm", "行政确认" }, { "reward", "行政奖励" },
  { "ruling", "行政裁决" }, { "other", "其他行政权力" }, { 0 }
};
static const EnumVal aChange[] = {
  { "carried", "沿用" }, { "added", "新增" }, { "modified", "调整" }, { 0 }
};

static Field aField[] = {
  { "list_year", "清单年度", FT_INT, F_REQ|F_YEAR|F_LIST|F_PUBLIC, .nMin=2000, .nMax=2100 },
  { "code", "事项编码", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=64,
    .zHelp="同一年度清单内不得重复；沿用到下一年度时保持不变" },
  { "name", "事项名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=200 },
  { "category", "职权类别", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aCategory },
  { "basis", "实施依据", FT_LONGTEXT, F_PUBLIC },
  { "delegated", "下放乡镇（街道）实施", FT_BOOL, F_LIST|F_FILTER|F_PUBLIC },
  { "towns", "承接乡镇（街道）", FT_TEXT, F_PUBLIC, .nMax=200 },
  { "enterprise", "涉企事项", FT_BOOL, F_FILTER|F_PUBLIC },
  { "change", "较上年度变动", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aChange,
    .zHelp="沿用生成的下一年度清单中为“沿用”；修改了名称、依据或实施层级的改为“调整”" },
  { "changed", "调整日期", FT_DATE, F_PAST },
  { "note", "调整说明", FT_LONGTEXT, 0 },
  { 0 }
};
static const State aState[] = {
  { "active", "在册" }, { "cancelled", "已取消", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "cancel", "取消事项", "active", "cancelled", R_STAFF, "changed" },
  { "restore", "恢复事项", "cancelled", "active", R_ADMIN },
  { 0 }
};
#define ACTIVE { "", "state", "active" }
static Indicator aIndicator[] = {
  { "items", "权责事项", IU_COUNT, .num = { .aCond = { ACTIVE } }, .zHelp = "该年度清单中在册的事项" },
  { "enforcement", "行政执法事项", IU_COUNT,
    .num = { .aCond = { ACTIVE, { "category", "=", "license,penalty,coercion,levy,inspect,confirm" } } },
    .zHelp = "行政许可、处罚、强制、征收、检查、确认类在册事项" },
  { "enterprise", "涉企事项", IU_COUNT, .num = { .aCond = { ACTIVE, { "enterprise", "=", "1" } } } },
  { "delegated", "下放乡镇（街道）实施的事项", IU_COUNT, .num = { .aCond = { ACTIVE, { "delegated", "=", "1" } } } },
  { "added", "较上年度新增", IU_COUNT, .num = { .aCond = { ACTIVE, { "change", "=", "added" } } } },
  { "modified", "较上年度调整", IU_COUNT, .num = { .aCond = { ACTIVE, { "change", "=", "modified" } } } },
  { "cancelled", "本年度取消", IU_COUNT, .num = { .aCond = { { "", "state", "cancelled" } } } },
  { 0 }
};
static const ReportText report = {
  "依法全面履行政府职能",
  0,
  { "全面实行权责清单制度，{year}年度权责清单共列权责事项{items}项，其中行政执法事项{enforcement}项[、涉企事项{enterprise}项]。",
    "权责事项{items^}。",
    "动态调整权责清单，较上年度[新增{added}项][、调整{modified}项][、取消{cancelled}项]。",
    "推进乡镇（街道）综合行政执法改革，{delegated}项权责事项下放乡镇（街道）实施。" }
};
static const Version version = { "change", "carried", { "changed", "note" } };

const Kind kind_power_item = {
  .zName = "power_item", .nOrder = 20, .zLabel = "权责清单", .zGroup = "政务服务",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans,
  .aIndicator = aIndicator, .pReport = &report, .pVersion = &version,
  .zAbout = "各部门权责清单（行政执法事项清单），按年度发布：上年度清单沿用生成本年度清单后逐项新增、调整或取消；标明下放乡镇（街道）实施和涉企的事项。",
};
