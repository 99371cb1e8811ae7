/*
** src/modules/inspection_plan.c — 双随机、一公开 random-inspection plans
** (DOMAIN.md item 10; LAW.md §4.1).
**
** A plan names its entity pool (行业, 乡镇, a share per credit-risk class)
** and its inspectors (the plan's department and, for a joint plan, its
** partners), and the public source of randomness. The draw itself is
** src/draw/: it fixes and publishes both pools with their SHA-256 digest
** before the source's value is known, then selects deterministically from
** them, writes one 检查记录 per entity drawn and fills the F_AUTO fields
** below. Results are public within 20 working days of the inspections'
** end.
*/
#include "engine/kind.h"

extern const EnumVal enterprise_industry[];

static Field aField[] = {
  { "plan_no", "计划编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=64 },
  { "title", "计划名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=200 },
  { "item", "抽查事项", FT_REF, F_REQ|F_PUBLIC|F_OWN, .zRef="inspection_item", .zHelp="本部门备案的涉企检查事项（编码或名称）" },
  { "joint", "联合抽查", FT_BOOL, F_LIST|F_FILTER|F_PUBLIC },
  { "partners", "联合部门", FT_TEXT, F_PUBLIC, .nMax=500,
    .zHelp="联合抽查的其他部门，用顿号或逗号分隔；其执法人员一并进入检查人员名录", .zNeeds="joint=1" },
  { "industry", "抽查行业", FT_ENUM, F_PUBLIC, enterprise_industry, .zHelp="留空表示不限行业" },
  { "town", "抽查乡镇（街道）", FT_TEXT, F_PUBLIC, .nMax=50, .zHelp="留空表示全县" },
  { "ratio_a", "A类抽查比例（%）", FT_INT, F_REQ|F_PUBLIC, .nMin=0, .nMax=100 },
  { "ratio_b", "B类抽查比例（%）", FT_INT, F_REQ|F_PUBLIC, .nMin=0, .nMax=100 },
  { "ratio_c", "C类抽查比例（%）", FT_INT, F_REQ|F_PUBLIC, .nMin=0, .nMax=100 },
  { "ratio_d", "D类抽查比例（%）", FT_INT, F_REQ|F_PUBLIC, .nMin=0, .nMax=100 },
  { "team_size", "每户检查人员数", FT_INT, F_REQ|F_PUBLIC, .nMin=2, .nMax=5,
    .zHelp="执法检查不得少于两人" },
  { "source", "随机源", FT_TEXT, F_REQ|F_PUBLIC, .nMax=200,
    .zHelp="抽取前公布的公开随机数来源，如“2026年7月10日福彩3D开奖号码”" },
  { "planned", "计划抽取日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PUBLIC },
  { "checked_end", "检查结束日期", FT_DATE, F_LIST|F_PUBLIC, .zReqIn="checked,public" },
  { "published", "结果公示日期", FT_DATE, F_LIST|F_PUBLIC, .zReqIn="public" },
  { "pool_size", "检查对象名录数", FT_INT, F_AUTO|F_PUBLIC },
  { "drawn", "抽中检查对象数", FT_INT, F_AUTO|F_LIST|F_PUBLIC },
  { "pool_sha256", "名录摘要（SHA-256）", FT_TEXT, F_AUTO|F_PUBLIC, .nMax=64 },
  { "draw_key", "随机数", FT_TEXT, F_AUTO|F_PUBLIC, .nMax=200 },
  { 0 }
};

/* fixed / drawn are reached only through the draw: their transitions name
** no role, so no button offers them. */
static const State aState[] = {
  { "draft", "草拟" }, { "fixed", "名录已公布" }, { "drawn", "已抽取" }, { "checked", "检查完毕" },
  { "public", "结果已公示", 1 }, { "cancelled", "已取消", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "fix", "固定并公布名录", "draft", "fixed", 0 },      /* by src/draw only (no role) */
  { "draw", "随机抽取", "fixed", "drawn", 0 },
  { "finish", "检查完毕", "drawn", "checked", R_STAFF, "checked_end" },
  { "publicize", "结果公示", "checked", "public", R_STAFF, "published" },
  { "cancel", "取消计划", "draft,fixed", "cancelled", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "publish", "结果公示期限", "checked_end", 20, 0, PU_WORKDAYS, 0, 0, "published", 0, "checked",
    "国办发〔2015〕58号：抽查情况及查处结果及时公布；冀政办发〔2015〕22号等：自抽查结束之日起20个工作日内公示" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "plans", "双随机抽查计划", IU_COUNT, .num = { .aCond = { { "", "state", "drawn,checked,public" } } } },
  { "joint_share", "联合抽查占比", IU_PERCENT,
    .num = { .aCond = { { "", "state", "drawn,checked,public" }, { "joint", "=", "1" } } },
    .den = { .aCond = { { "", "state", "drawn,checked,public" } } },
    .nDecimals = 1, .zHelp = "联合抽查计划 ÷ 已抽取的计划" },
  { "drawn_entities", "抽查市场主体", IU_COUNT,
    .num = { .eAgg = AGG_SUM, .zField = "drawn", .aCond = { { "", "state", "drawn,checked,public" } } } },
  { "draw_ratio", "抽查比例", IU_PERCENT,
    .num = { .eAgg = AGG_SUM, .zField = "drawn", .aCond = { { "", "state", "drawn,checked,public" } } },
    .den = { .eAgg = AGG_SUM, .zField = "pool_size", .aCond = { { "", "state", "drawn,checked,public" } } },
    .nDecimals = 1, .zHelp = "抽中的检查对象 ÷ 各计划检查对象名录数" },
  { "publish_rate", "结果按期公示率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "public" }, { "publish", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "checked,public" } } },
    .nDecimals = 1, .zTarget = "100",
    .zHelp = "检查结束后20个工作日内公示结果的计划 ÷ 检查完毕的计划" },
  { 0 }
};
static const ReportText report = {
  "坚持严格规范公正文明执法",
  0,
  { "全面推行“双随机、一公开”监管，{year}年开展双随机抽查{plans}次，其中联合抽查占比{joint_share%}，"
    "抽查市场主体{drawn_entities}户，结果按期公示率{publish_rate%}。" }
};
static const Link aLink[] = { { "双随机抽取与复核", "/draw/" }, { 0 } };

const Kind kind_inspection_plan = {
  .zName = "inspection_plan", .nOrder = 101, .zLabel = "双随机抽查计划", .zGroup = "涉企检查",
  .eShape = SHAPE_CASE, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report, .aLink = aLink,
  .zAbout = "双随机、一公开抽查计划：检查对象与检查人员两个名录库事先固定并公布摘要，以公开随机源可复核地抽取，结果按期公示。",
};
