/*
** src/modules/rectification.c — 问题台账: the one ledger of problems and
** their rectification that 案卷评查, 审计, 法治督察, 执法监督, 专项整治 and
** 12345 hand-offs all feed (DOMAIN.md item 23).
**
** A problem is opened against a department with a due date (整改时限, set
** per problem by whoever found it) or a number of days from its finding
** (整改期限, as 案卷评查 and 执法监督 open theirs: a period counted with the
** holiday calendar like any other, not a date frozen when it was opened);
** closing it needs the evidence of
** rectification (整改措施及佐证) and the date, so "对账销号" is checkable.
** 整改完成率 is computed over the ledger as a whole and by source.
*/
#include "engine/kind.h"

static const EnumVal aSource[] = {
  { "file_review", "案卷评查" }, { "audit", "审计监督" }, { "inspection", "法治督察" },
  { "supervision", "行政执法监督" }, { "campaign", "专项整治" }, { "hotline", "12345热线转办" },
  { "other", "其他" }, { 0 }
};

static Field aField[] = {
  { "problem_no", "问题编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "source", "问题来源", FT_ENUM, F_REQ|F_LIST|F_FILTER, aSource },
  { "problem", "问题描述", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE, .nMax=300 },
  { "found", "发现日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST },
  { "due", "整改时限", FT_DATE, F_LIST, .zHelp="应当完成整改的日期（填写的，以此日期为准）" },
  { "days", "整改期限（日）", FT_INT, 0, .nMin=1, .nMax=3650,
    .zHelp="未填写整改时限的，自发现日期起算的日数：发现当日不计入，届满日为法定休假日的顺延至其后第一个工作日" },
  { "measures", "整改措施及佐证", FT_LONGTEXT, 0, .zReqIn="closed",
    .zHelp="销号时必填：采取的措施和可查验的佐证（文件、文号、照片编号等）" },
  { "closed", "整改完成日期", FT_DATE, F_LIST, .zReqIn="closed" },
  { "note", "备注", FT_LONGTEXT, 0 },
  { 0 }
};

static const State aState[] = { { "open", "整改中" }, { "closed", "已销号", 1 }, { 0 } };
static Transition aTrans[] = {
  { "close", "销号", "open", "closed", R_STAFF, "closed" },
  { "reopen", "重新整改", "closed", "open", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "rectify", "整改时限", "found", 0, "days", PU_DAYS, 0, 0, "closed", 0, "open",
    "发现问题的机关确定的整改时限（问题台账“对账销号”）；按日数确定的，依《民法典》第二百零一条、第二百零三条计算"
    "（开始的当日不计入，届满的最后一日是法定休假日的，以法定休假日结束的次日为届满日）",
    .zOnDate = "due",
    .zReading = "案卷评查、执法监督、法治督察完成时生成的问题带“整改期限30日”（规则，不是生成当天写死的日期）：2025-09-05发现 → 10-05为国庆假日 → 10-09。人工填写的整改时限按填写的日期。旧版本写入的“发现日期+30日”日期在升级时改为30日整改期限（逐条记入审计日志），人工另定的日期保留" },
  { 0 }
};
#define BY_SOURCE(id, label, src) \
  { id, "整改完成率（" label "）", IU_PERCENT, \
    .num = { .aCond = { { "source", "=", src }, { "", "state", "closed" } } }, \
    .den = { .aCond = { { "source", "=", src } } }, .nDecimals = 1, \
    .zHelp = "来源为" label "的问题中已销号的 ÷ 来源为" label "的问题" }
static Indicator aIndicator[] = {
  { "problems", "问题总数", IU_COUNT, .num = { .aCond = { { 0 } } } },
  { "closed", "已整改销号", IU_COUNT, .num = { .aCond = { { "", "state", "closed" } } } },
  { "open", "尚在整改", IU_COUNT, .num = { .aCond = { { "", "state", "open" } } } },
  { "close_rate", "整改完成率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" } } }, .den = { .aCond = { { 0 } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "已销号的问题 ÷ 台账中的问题" },
  { "ontime_rate", "按期整改率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "rectify", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "closed" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "在整改时限内销号的问题 ÷ 已销号的问题" },
  BY_SOURCE("rate_file_review", "案卷评查", "file_review"),
  BY_SOURCE("rate_audit", "审计监督", "audit"),
  BY_SOURCE("rate_inspection", "法治督察", "inspection"),
  BY_SOURCE("rate_supervision", "行政执法监督", "supervision"),
  BY_SOURCE("rate_campaign", "专项整治", "campaign"),
  BY_SOURCE("rate_hotline", "12345热线转办", "hotline"),
  { 0 }
};
static const ReportText report = {
  "强化行政权力制约和监督",
  "建立问题整改台账，实行对账销号。",
  { "全年台账共记录问题{problems}件，已整改销号{closed}件，整改完成率{close_rate%}。",
    "已销号问题中，按期整改率{ontime_rate%}。",
    "其中，案卷评查发现问题整改完成率{rate_file_review%}。",
    "审计发现问题整改完成率{rate_audit%}。",
    "法治督察发现问题整改完成率{rate_inspection%}。",
    "行政执法监督发现问题整改完成率{rate_supervision%}。",
    "专项整治发现问题整改完成率{rate_campaign%}。",
    "12345热线转办问题整改完成率{rate_hotline%}。" }
};

/* Who is slow to rectify, and which sources' problems stay open. */
static const Breakdown aBreakdown[] = { { "close_rate", 0, 0 }, { "close_rate", "source", 0 }, { 0 } };
const Kind kind_rectification = {
  .zName = "rectification", .nOrder = 235, .zLabel = "问题整改台账", .zGroup = "监督与整改",
  .eShape = SHAPE_LEDGER,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zAbout = "案卷评查、审计、法治督察、执法监督、专项整治等发现的问题，逐项明确整改时限，凭整改措施及佐证销号。",
};
