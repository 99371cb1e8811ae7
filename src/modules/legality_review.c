/*
** src/modules/legality_review.c — 合法性审核 (legality review).
**
** DOMAIN.md item 3. The Justice Bureau or the government's 法律顾问 reviews
** 规范性文件, 合同协议, 重大决策 and other documents before they are
** adopted, and issues a written opinion. Declarations only.
*/
#include "engine/kind.h"

static const EnumVal aDocType[] = {
  { "normative", "规范性文件" }, { "contract", "合同协议" }, { "decision", "重大行政决策" },
  { "other", "其他文件" }, { 0 }
};
static const EnumVal aReviewer[] = {
  { "justice", "司法局" }, { "counsel", "法律顾问" }, { "both", "司法局会同法律顾问" }, { 0 }
};
static const EnumVal aConclusion[] = {
  { "legal", "合法，同意提交" }, { "revise", "修改后提交" }, { "illegal", "不合法，不得提交" },
  { 0 }
};

static Field aField[] = {
  { "ref_no", "审核编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "title", "送审文件名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE, .nMax=200 },
  { "doc_type", "文件类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aDocType },
  { "submitter", "送审单位", FT_TEXT, F_LIST, .nMax=100 },
  { "received", "收到送审日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "reviewer", "审核主体", FT_ENUM, F_REQ|F_FILTER, aReviewer },
  { "opinion_issued", "出具书面审核意见", FT_BOOL, F_LIST|F_FILTER, .zReqIn="done",
    .zHelp="是否出具书面合法性审核意见书" },
  { "conclusion", "审核结论", FT_ENUM, F_LIST|F_FILTER, aConclusion, .zReqIn="done" },
  { "done_date", "审核完成日期", FT_DATE, F_LIST, .zReqIn="done" },
  { "note", "审核意见摘要", FT_LONGTEXT, 0 },
  { 0 }
};

static const State aState[] = {
  { "reviewing", "审核中" }, { "done", "已审核", 1 }, { "withdrawn", "已撤回", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "complete", "完成审核", "reviewing", "done", R_STAFF, "done_date" },
  { "withdraw", "送审单位撤回", "reviewing", "withdrawn", R_STAFF },
  { "reopen", "重新审核", "done,withdrawn", "reviewing", R_ADMIN },
  { 0 }
};
/* 国办发〔2018〕115号: review takes at most 15 working days (LAW.md §1.6 marks
** the figure "to confirm"; a province may override the rule). */
static Deadline aDeadline[] = {
  { "review", "审核期限", "received", 15, 0, PU_WORKDAYS, 0, 0, "done_date", 0, "reviewing",
    "国办发〔2018〕115号《关于全面推行行政规范性文件合法性审核机制的指导意见》：审核时间一般不少于5个工作日、最长不超过15个工作日",
    .zReading = "只作为最长期限计算；“一般不少于5个”的最短要求未核实原文，不作判断" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "reviews", "合法性审核件数", IU_COUNT,
    .num = { .aCond = { { "", "state", "reviewing,done" } } }, .zAlias = "审核文件|合法性审核" },
  { "reviews_normative", "审核规范性文件", IU_COUNT,
    .num = { .aCond = { { "", "state", "reviewing,done" }, { "doc_type", "=", "normative" } } } },
  { "reviews_contract", "审核合同协议", IU_COUNT,
    .num = { .aCond = { { "", "state", "reviewing,done" }, { "doc_type", "=", "contract" } } } },
  { "reviews_decision", "审核重大行政决策", IU_COUNT,
    .num = { .aCond = { { "", "state", "reviewing,done" }, { "doc_type", "=", "decision" } } } },
  { "reviews_other", "审核其他文件", IU_COUNT,
    .num = { .aCond = { { "", "state", "reviewing,done" }, { "doc_type", "=", "other" } } } },
  { "opinions", "出具合法性审核意见", IU_COUNT,
    .num = { .aCond = { { "", "state", "done" }, { "opinion_issued", "=", "1" } } } },
  { "ontime_rate", "审核按期完成率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "done" }, { "review", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "done" } } }, .nDecimals = 1, .zTarget = "100" },
  { 0 }
};

static const ReportText report = {
  "健全依法行政制度体系",
  "强化规范性文件管理，严格落实合法性审核和备案审查制度。",
  { "{year}年，共审核文件{reviews}件[，其中规范性文件{reviews_normative}件]"
    "[、合同协议{reviews_contract}件|，其中合同协议{reviews_contract}件]"
    "[、重大行政决策{reviews_decision}件|，其中重大行政决策{reviews_decision}件]"
    "[、其他文件{reviews_other}件|，其中其他文件{reviews_other}件]"
    "[，出具合法性审核意见{opinions}份]。",
    "已完成审核的文件按期完成率{ontime_rate%}。" }
};

const Kind kind_legality_review = {
  .zName = "legality_review", .nOrder = 30, .zLabel = "合法性审核", .zGroup = "依法行政制度",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "规范性文件、合同协议、重大行政决策等的合法性审核及出具的审核意见。",
};
