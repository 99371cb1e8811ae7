/*
** src/modules/reconsideration.c — 行政复议 (administrative reconsideration).
**
** DOMAIN.md item 12; 行政复议法 (2023 修订, 施行 2024-01-01), LAW.md §1.1.
** Periods: acceptance review 5 working days from receipt (Art 30, 88),
** deemed accepted on its last day when no 不予受理 was decided in it
** (Art 30 ¶3); decision 60 days from (deemed) acceptance, extendable once
** by at most 30 with the approval of the 复议机构负责人 (Art 62); simple
** procedure 30 days (Art 62).
*/
#include "engine/kind.h"

static const EnumVal aProcedure[] = {
  { "ordinary", "普通程序" }, { "simple", "简易程序" }, { 0 }
};
static const EnumVal aMatter[] = {
  { "penalty", "行政处罚" }, { "coercion", "行政强制" }, { "license", "行政许可" },
  { "disclosure", "政府信息公开" }, { "omission", "不履行法定职责" }, { "expropriation", "征收征用" },
  { "confirmation", "行政确认" }, { "other", "其他" }, { 0 }
};
static const EnumVal aOutcome[] = {
  { "uphold", "维持" }, { "dismiss", "驳回" }, { "revoke", "撤销" }, { "change", "变更" },
  { "illegal", "确认违法" }, { "invalid", "确认无效" }, { "perform", "责令履行" },
  { "mediated", "调解" }, { "settled", "和解" }, { "terminated", "终止" }, { 0 }
};

static Field aField[] = {
  { "case_no", "案号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_TITLE, .nMax=64, .zNumbering="{short}复〔{year}〕{n}号" },
  { "applicant", "申请人", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100 },
  { "respondent", "被申请人", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100,
    .zOtherParty="《行政复议法》：被申请人也可以是法律、法规、规章授权的组织，不在部门名单中的填写其全称" },
  { "matter", "案件类别", FT_ENUM, F_REQ|F_FILTER, aMatter },
  { "received", "收到申请日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "accepted", "受理日期", FT_DATE, F_LIST, .zReqIn="accepted,closed" },
  { "procedure", "审理程序", FT_ENUM, F_REQ|F_FILTER, aProcedure },
  { "extended", "经批准延长审理期限", FT_BOOL, 0,
    .zHelp="情况复杂，经行政复议机构负责人批准延长（最多30日），并书面告知当事人" },
  { "decided", "结案日期", FT_DATE, F_LIST, .zReqIn="closed" },
  { "outcome", "结案方式", FT_ENUM, F_LIST|F_FILTER, aOutcome, .zReqIn="closed" },
  { "note", "备注", FT_LONGTEXT, 0 },
  { "correction_asked", "补正通知日期", FT_DATE, 0,
    .zHelp="材料不齐全或表述不清楚，书面通知申请人补正之日（应在收到申请后5个工作日内）；收到补正材料前受理审查暂停" },
  { "correction_received", "收到补正材料日期", FT_DATE, 0,
    .zHelp="受理审查的5个工作日自收到补正材料之日起重新计算（第三十一条），视为受理随之顺延" },
  { 0 }
};

static const State aState[] = {
  { "received", "待审查" }, { "accepted", "已受理" }, { "rejected", "不予受理", 1 },
  { "closed", "已结案", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "accept", "受理", "received", "accepted", R_STAFF, "accepted" },
  { "reject", "不予受理", "received", "rejected", R_STAFF },
  { "close", "结案", "accepted", "closed", R_STAFF, "decided" },
  { "reopen", "撤回结案", "closed,rejected", "accepted", R_ADMIN },
  { 0 }
};
/* Deemed acceptance (第三十条第三款): a case still 待审查 when its five
** working days of review have passed, or accepted after them, is
** accepted on the review period's last day, and the decision period runs
** from there. The extension (第六十二条) is thirty days from the end of
** the sixty, once that end has moved past a rest day (src/engine/kind.h
** says why: the reading that never marks a lawful decision late). */
#define DEEMED .zDeemed = "acceptance", .zDeemedAs = "视为受理", \
  .zDeemedBasis = "《行政复议法》第三十条第三款：行政复议申请的审查期限届满，行政复议机关未作出不予受理决定的，审查期限届满之日起视为受理"
static const Pause aReviewPause[] = {
  { "补正", PM_RESTART, "correction_asked", "correction_received",
    "《行政复议法》第三十一条：行政复议申请材料不齐全或者表述不清楚……行政复议机关应当自收到申请之日起五日内书面通知申请人补正……行政复议机关收到补正材料后，依照本法第三十条的规定处理" },
  { 0 }
};
static Deadline aDeadline[] = {
  { "acceptance", "受理审查期限", "received", 5, 0, PU_WORKDAYS, 0, 0, "accepted", 0, "received",
    "《行政复议法》第三十条：行政复议机关收到行政复议申请后，应当在五日内进行审查（第八十八条：五日指工作日，不含法定休假日）；审查期限届满未作出不予受理决定的，审查期限届满之日起视为受理",
    .aPause = aReviewPause,
    .zReading = "补正：通知补正之日起审查暂停，收到补正材料之日起重新审查5个工作日；视为受理日随之为重新审查期限届满之日" },
  { "decision", "复议决定期限", "accepted", 60, 0, PU_DAYS, "extended", 30, "decided",
    "procedure=ordinary", "received,accepted",
    "《行政复议法》第六十二条：自受理申请之日起六十日内作出行政复议决定；情况复杂的，经行政复议机构负责人批准可以适当延长，但延长期限最多不得超过三十日"
    "（延长的三十日自原六十日期限届满之日起算，届满日遇法定休假日先顺延：第八十八条、《民事诉讼法》第八十五条）",
    .bExtFromEnd = 1, DEEMED,
    .zReading = "自登记受理日与视为受理日中较早者起算。延长的30日自原60日期限届满日（已因节假日顺延的）起算：受理2025-08-05，60日届满10-04（国庆）顺延至10-09，"
                "延长至11-08（周六）顺延至11-10；另一读法（自受理日一次计算90日）得11-03，会把依法延长后按期作出的决定判为逾期，故不采用" },
  { "decision_simple", "简易程序决定期限", "accepted", 30, 0, PU_DAYS, 0, 0, "decided",
    "procedure=simple", "received,accepted",
    "《行政复议法》第六十二条：适用简易程序审理的行政复议案件，行政复议机关应当自受理申请之日起三十日内作出行政复议决定",
    DEEMED,
    .zReading = "自登记受理日与视为受理日中较早者起算；第六十二条未规定简易程序的延长，故不延长" },
  { 0 }
};
/* 纠错率: LAW.md §1.1 marks the formula as local practice; this county counts
** 变更、撤销、确认违法、确认无效、责令履行 over cases closed. */
static Indicator aIndicator[] = {
  { "received", "收到复议申请", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "行政复议案件|行政复议申请|复议申请" },
  { "accepted", "受理复议案件", IU_COUNT,
    .num = { .aCond = { { "", "state", "accepted,closed" } } } },
  { "closed", "审结复议案件", IU_COUNT, .num = { .aCond = { { "", "state", "closed" } } } },
  { "pending", "尚在审理", IU_COUNT, .num = { .aCond = { { "", "state", "received,accepted" } } } },
  { "ontime_rate", "法定期限结案率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "decision", "ontime", 0 }, { "decision_simple", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "closed" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "在法定期限内结案的案件 ÷ 已结案件" },
  { "correction_rate", "纠错率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "outcome", "=", "revoke,change,illegal,invalid,perform" } } },
    .den = { .aCond = { { "", "state", "closed" } } },
    .nDecimals = 1, .zHelp = "撤销、变更、确认违法、确认无效、责令履行 ÷ 已结案件" },
  { "mediated", "调解、和解结案", IU_COUNT,
    .num = { .aCond = { { "", "state", "closed" }, { "outcome", "=", "mediated,settled" } } } },
  { 0 }
};

/* Which respondents are corrected most often. */
static const Breakdown aBreakdown[] = { { "correction_rate", "respondent", 1 }, { 0 } };
/* The states partition the applications received (N): 待审查 W, 已受理
** a, 不予受理 R, 已结案 C. The first sentence states N, A = a + C, R, W, C
** and a, which add up visibly (N = A + R + W, A = C + a), and the on-time
** rate is over the C closed cases only: the seed's "270件 … 法定期限结案率
** 100%" beside 56 open cases is the contradiction this avoids. */
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  "推进行政复议规范化建设，发挥行政复议化解行政争议主渠道作用。",
  { "{year}年，共收到行政复议申请{received}件[，受理{accepted}件][，不予受理{@rejected}件]"
    "[，尚在审查是否受理{@received}件][；已审结{closed}件]"
    "[，尚在审理{@accepted|pending}件|；尚在审理{@accepted|pending}件]。"
    "[收到申请数量{received^}。]",
    "已审结案件法定期限结案率{ontime_rate%}[，纠错率{correction_rate%}][，以调解、和解方式结案{mediated}件]。" }
};

const Kind kind_reconsideration = {
  .zName = "reconsideration", .nOrder = 120, .zLabel = "行政复议", .zGroup = "矛盾纠纷化解",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zTrend = "received",
  .zAbout = "行政复议案件的受理、审理期限（含延长）与结案方式。",
};
