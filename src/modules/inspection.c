/*
** src/modules/inspection.c — 涉企行政检查记录: every on-site inspection of
** an entity, whether drawn by a 双随机 plan (the draw writes these),
** logged by scanning the entity's QR code (扫码入企), or a case or special
** inspection (DOMAIN.md item 10; LAW.md §4.2). Results of random
** inspections are public within 20 working days.
*/
#include "engine/kind.h"

static const EnumVal aWay[] = {
  { "random", "双随机抽查" }, { "qr", "扫码入企", "scan" }, { "case", "个案检查" }, { "special", "专项检查" },
  { "routine", "日常检查" }, { 0 }
};
static const EnumVal aResult[] = {
  { "ok", "未发现问题" }, { "fixed", "发现问题已责令整改" }, { "case", "发现问题立案查处" },
  { "absent", "未找到检查对象" }, { 0 }
};

/* Two on-duty officers of the inspecting department whose 行政执法证 is
** valid on the day of the inspection (《行政处罚法》第四十二条、
** 《行政执法证件管理办法》), none of whom declared an interest in the
** enterprise (回避, 《行政处罚法》第四十三条). */
static Roster inspectors = {
  .zKind = "officer", .zKey = "cert_no", .zName = "name", .zUntil = "expires", .zOn = "checked,assigned",
  .zState = "active", .zEnumField = "cert_type", .zEnumValue = "enforce", .nMin = 2, .bOwn = 1,
  .zRecuse = "recuse", .zAgainst = "enterprise_id",
  .zWhat = "本部门执法证有效的在岗执法人员",
};

static Field aField[] = {
  { "insp_no", "检查编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=64 },
  { "enterprise_id", "检查对象", FT_REF, F_REQ|F_LIST|F_FILTER|F_PUBLIC, .zRef="enterprise" },
  { "way", "检查方式", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aWay },
  { "plan_id", "抽查计划", FT_REF, F_FILTER|F_PUBLIC, .zRef="inspection_plan" },
  { "item", "检查事项", FT_REF, F_REQ|F_PUBLIC|F_OWN, .zRef="inspection_item" },
  { "inspectors", "检查人员", FT_TEXT, F_REQ, .nMax=300, .zHelp="姓名（执法证号）或执法证号，用“、”分隔，至少两人",
    .pRoster=&inspectors },
  { "assigned", "下达日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST },
  { "checked", "检查日期", FT_DATE, F_LIST|F_PUBLIC, .zReqIn="done" },
  { "result", "检查结果", FT_ENUM, F_LIST|F_FILTER|F_PUBLIC, aResult, .zReqIn="done" },
  { "published", "结果公示日期", FT_DATE, F_PUBLIC },
  { "note", "检查情况", FT_LONGTEXT, 0 },
  { "over_reason", "超过年度上限的理由", FT_LONGTEXT, 0, .nMax=500,
    .zHelp="检查对象本年度入企检查已达到上限时必须填写：为何不能合并检查或书面核查" },
  { 0 }
};
static const YearLimit limit = {
  .zRef = "enterprise_id", .zMax = "yearly_limit", .zReason = "over_reason",
  .zBasis = "国办发〔2024〕54号：同一企业年度入企检查频次上限",
};

static const State aState[] = { { "assigned", "待检查" }, { "done", "已检查", 1 }, { 0 } };
static Transition aTrans[] = {
  { "done", "完成检查", "assigned", "done", R_STAFF, "checked" },
  { "reopen", "撤回", "done", "assigned", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "publish", "结果公示期限", "checked", 20, 0, PU_WORKDAYS, 0, 0, "published", "way=random", "done",
    "国办发〔2015〕58号：抽查情况及查处结果及时公布；自抽查结束之日起20个工作日内通过国家企业信用信息公示系统公示" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "inspections", "涉企现场检查", IU_COUNT, .num = { .aCond = { { "", "state", "done" } } }, .zAlias = "入企检查|涉企检查|现场检查" },
  { "random", "其中双随机抽查", IU_COUNT, .num = { .aCond = { { "", "state", "done" }, { "way", "=", "random" } } } },
  { "qr", "其中扫码入企", IU_COUNT, .num = { .aCond = { { "", "state", "done" }, { "way", "=", "qr" } } } },
  { "problems", "发现问题", IU_COUNT, .num = { .aCond = { { "", "state", "done" }, { "result", "=", "fixed,case" } } } },
  { "publish_rate", "双随机结果按期公示率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "done" }, { "way", "=", "random" }, { "publish", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "done" }, { "way", "=", "random" } } },
    .nDecimals = 1, .zTarget = "100" },
  { "covered", "双随机抽查覆盖市场主体", IU_COUNT,
    .num = { .eAgg = AGG_DISTINCT, .zField = "enterprise_id", .aCond = { { "way", "=", "random" } } },
    .zHelp = "本年度双随机抽查下达检查的市场主体，一户只计一次" },
  { "coverage_rate", "双随机抽查覆盖率", IU_PERCENT,
    .num = { .eAgg = AGG_DISTINCT, .zField = "enterprise_id", .aCond = { { "way", "=", "random" } } },
    .den = { .aCond = { { "", "state", "active" } }, .zKind = "enterprise" },
    .nDecimals = 1,
    .zHelp = "本年度双随机抽查的市场主体（不重复计） ÷ 市场主体名录库中存续的市场主体" },
  { 0 }
};
static const ReportText report = {
  "坚持严格规范公正文明执法",
  0,
  { "全年入企现场检查{inspections}次[，其中双随机抽查{random}次][，扫码入企{qr}次][，发现问题{problems}个]。",
    "全县入企现场检查{inspections^}。",
    "双随机抽查覆盖市场主体{covered}户，覆盖率{coverage_rate%}。" }
};

const Kind kind_inspection = {
  .zName = "inspection", .nOrder = 102, .zLabel = "涉企检查记录", .zGroup = "涉企检查",
  .eShape = SHAPE_CASE, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report, .pLimit = &limit,
  .zTrend = "inspections",
  .zAbout = "每一次入企现场检查：双随机抽中、扫码入企登记或个案、专项检查，检查人员、结果与公示。",
};
