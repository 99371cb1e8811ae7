/*
** src/modules/major_decision.c — 重大行政决策 (DOMAIN.md item 5; LAW.md
** §1.7, 重大行政决策程序暂行条例): the year's catalog of decisions and the
** five procedure steps, each dated. 公众参与 and 合法性审查 and 集体讨论决定
** are required of every decision; 专家论证 and 风险评估 where the matter
** calls for them (flags). A decision cannot be made (决定) before its
** legality review and its public consultation are dated.
*/
#include "engine/kind.h"

static const EnumVal aArea[] = {
  { "policy", "重大公共政策和措施" }, { "plan", "经济社会发展重要规划" }, { "resource", "重要资源开发保护政策" },
  { "project", "重大公共建设项目" }, { "other", "其他重大事项" }, { 0 }
};
static Field aField[] = {
  { "decision_no", "决策事项编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=64 },
  { "title", "决策事项名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=200 },
  { "area", "事项类别", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aArea },
  { "listed", "列入目录日期", FT_DATE, F_REQ|F_LIST|F_YEAR|F_PUBLIC|F_PAST, .zHelp="决策事项目录经同级党委同意后公布之日" },
  { "consult_from", "公开征求意见开始日期", FT_DATE, F_PAST, .zReqIn="decided" },
  { "consult_to", "公开征求意见截止日期", FT_DATE, 0, .zReqIn="decided", .zHelp="一般不少于30日" },
  { "needs_expert", "需专家论证", FT_BOOL, 0 },
  { "expert_date", "专家论证日期", FT_DATE, F_PAST },
  { "needs_risk", "需风险评估", FT_BOOL, 0 },
  { "risk_date", "风险评估日期", FT_DATE, F_PAST },
  { "review_sent", "送请合法性审查日期", FT_DATE, F_PAST, .zReqIn="decided" },
  { "review_done", "合法性审查意见日期", FT_DATE, F_PAST, .zReqIn="decided" },
  { "decided", "集体讨论决定日期", FT_DATE, F_LIST|F_PUBLIC, .zReqIn="decided", .zHelp="政府常务会议或全体会议" },
  { "published", "决策公布日期", FT_DATE, F_PUBLIC|F_PAST },
  { 0 }
};
static const State aState[] = { { "listed", "已列入目录" }, { "decided", "已决策", 1 }, { "withdrawn", "已调出目录", 1 }, { 0 } };
static Transition aTrans[] = {
  { "decide", "集体讨论决定", "listed", "decided", R_STAFF, "decided" },
  { "withdraw", "调出目录", "listed", "withdrawn", R_ADMIN },
  { "reopen", "撤回", "decided,withdrawn", "listed", R_ADMIN },
  { 0 }
};
/* Least times, not deadlines (bMinimum): a comment period or a review
** shorter than these is the finding (期限不足); a longer one is lawful. */
static Deadline aDeadline[] = {
  { "consult", "公开征求意见期（一般不少于30日）", "consult_from", 30, 0, PU_DAYS, 0, 0, "consult_to", 0, 0,
    "《重大行政决策程序暂行条例》第十五条：公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明"
    "（起算日不计入：截止日期不早于开始日期后第30日）",
    .bMinimum = 1,
    .zReading = "最短期间：截止日期早于开始后第30日的显示“期限不足”及依据；更长的（如43日）合法，不算逾期；末日不因节假日顺延（顺延只会提高要求）；尚未截止的不作判断" },
  { "review", "合法性审查时间（一般不少于7个工作日）", "review_sent", 7, 0, PU_WORKDAYS, 0, 0, "review_done", 0, 0,
    "《重大行政决策程序暂行条例》第二十六条：送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日"
    "（送审日不计入：审查意见日期不早于送审后第7个工作日）",
    .bMinimum = 1,
    .zReading = "最短期间：审查意见日期早于送审后第7个工作日的为“期限不足”（如只审了1个工作日）；指标“合法性审查时间不足”等按此计数" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "decisions", "重大行政决策事项", IU_COUNT, .num = { .aCond = { { "", "state", "listed,decided" } } } },
  { "decided", "已作出决策", IU_COUNT, .num = { .aCond = { { "", "state", "decided" } } } },
  { "review_rate", "合法性审查率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "decided" }, { "review_done", "set", 0 } } },
    .den = { .aCond = { { "", "state", "decided" } } }, .nDecimals = 1, .zTarget = "100",
    .zHelp = "经合法性审查的已决策事项 ÷ 已决策事项" },
  { "complete_rate", "决策程序完备率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "decided" }, { "consult_from", "set", 0 }, { "review_done", "set", 0 },
                        { "expert_date", "setif", "needs_expert" }, { "risk_date", "setif", "needs_risk" } } },
    .den = { .aCond = { { "", "state", "decided" } } }, .nDecimals = 1, .zTarget = "100",
    .zHelp = "公众参与、专家论证（需要时）、风险评估（需要时）、合法性审查、集体讨论决定五个程序齐全的 ÷ 已决策事项" },
  { "consult_short", "公开征求意见期限不足", IU_COUNT,
    .num = { .aCond = { { "", "state", "decided" }, { "consult_from", "set", 0 }, { "consult", "late", 0 } } },
    .zHelp = "已决策事项中，公开征求意见不足30日的（第十五条；缩短的须在征求意见时说明）" },
  { "review_short", "合法性审查时间不足", IU_COUNT,
    .num = { .aCond = { { "", "state", "decided" }, { "review_sent", "set", 0 }, { "review", "late", 0 } } },
    .zHelp = "已决策事项中，合法性审查时间不足7个工作日的（第二十六条）" },
  { "period_rate", "征求意见和合法性审查时间充足率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "decided" }, { "consult_from", "set", 0 }, { "review_sent", "set", 0 },
                        { "consult", "ontime", 0 }, { "review", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "decided" }, { "consult_from", "set", 0 }, { "review_sent", "set", 0 } } },
    .nDecimals = 1, .zTarget = "100",
    .zHelp = "公开征求意见不少于30日且合法性审查不少于7个工作日的已决策事项 ÷ 两项日期齐全的已决策事项" },
  { 0 }
};
static const ReportText report = {
  "推进行政决策科学化、民主化、法治化",
  "严格落实《重大行政决策程序暂行条例》，向社会公布年度重大行政决策事项目录。",
  { "{year}年列入目录的重大行政决策事项{decisions}项，已作出决策{decided}项，合法性审查率{review_rate%}，"
    "公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序完备率{complete_rate%}。" }
};

const Kind kind_major_decision = {
  .zName = "major_decision", .nOrder = 50, .zLabel = "重大行政决策", .zGroup = "行政决策",
  .eShape = SHAPE_CASE, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "年度重大行政决策事项目录，及每项决策的公众参与、专家论证、风险评估、合法性审查、集体讨论决定五个程序的日期。",
};
