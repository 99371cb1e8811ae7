/*
** src/modules/disclosure_request.c — 依申请公开: requests for government
** information and their answers (DOMAIN.md item 20).
**
** LAW.md §1.5, 政府信息公开条例 (2019): answer within 20 working days of
** receipt, extendable by at most 20 working days with the consent of the
** office's head, the applicant told (Art 33). A request that needed 补正
** counts anew from the receipt of the completed request (Art 30), and the
** time spent asking a third party or another office is not counted (Art 33
** ¶3): the dates are fields, the pauses of the period (Deadline.aPause)
** do the counting.
*/
#include "engine/kind.h"

static const EnumVal aChannel[] = {
  { "online", "网上申请" }, { "letter", "信函" }, { "in_person", "当面申请" }, { "fax", "传真" }, { "other", "其他" }, { 0 }
};
static const EnumVal aApplicant[] = {
  { "person", "自然人" }, { "enterprise", "企业" }, { "org", "其他组织" }, { 0 }
};
static const EnumVal aOutcome[] = {
  { "disclosed", "予以公开" }, { "partial", "部分公开" }, { "refused", "不予公开" },
  { "not_held", "本机关不掌握相关信息" }, { "not_info", "不属于政府信息" }, { "other", "其他处理" }, { 0 }
};

static Field aField[] = {
  { "request_no", "申请编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_TITLE, .nMax=64 },
  { "applicant", "申请人", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100 },
  { "applicant_type", "申请人类型", FT_ENUM, F_REQ|F_FILTER, aApplicant },
  { "channel", "申请方式", FT_ENUM, F_REQ|F_FILTER, aChannel },
  { "subject", "申请内容", FT_TEXT, F_REQ|F_LIST, .nMax=300 },
  { "received", "收到申请日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR,
    .zHelp="最初收到申请之日；需要补正的，另填补正通知和收到补正申请的日期，答复期限自动重新计算" },
  { "extended", "经批准延长答复期限", FT_BOOL, 0,
    .zHelp="经政府信息公开工作机构负责人同意并告知申请人，延长不超过20个工作日" },
  { "answered", "答复日期", FT_DATE, F_LIST, .zReqIn="answered" },
  { "outcome", "答复结果", FT_ENUM, F_LIST|F_FILTER, aOutcome, .zReqIn="answered" },
  { "note", "备注", FT_LONGTEXT, 0 },
  { "correction_asked", "告知补正日期", FT_DATE, 0,
    .zHelp="申请内容不明确，一次性告知申请人补正之日（应在收到申请后7个工作日内）；收到补正前答复期限暂停计算" },
  { "correction_received", "收到补正申请日期", FT_DATE, 0,
    .zHelp="答复期限自收到补正的申请之日起重新计算（第三十条）" },
  { "consult_from", "征求第三方意见开始日期", FT_DATE, 0,
    .zHelp="书面征求第三方或其他机关意见之日；至结束日期（含两端）不计入答复期限（第三十三条第三款）" },
  { "consult_to", "征求第三方意见结束日期", FT_DATE, 0,
    .zHelp="收到最后一份意见或意见期限届满之日；未填的，答复期限暂停计算" },
  { 0 }
};

static const State aState[] = { { "received", "办理中" }, { "answered", "已答复", 1 }, { 0 } };
static Transition aTrans[] = {
  { "answer", "答复", "received", "answered", R_STAFF, "answered" },
  { "reopen", "撤回答复", "answered", "received", R_ADMIN },
  { 0 }
};
static const Pause aAnswerPause[] = {
  { "补正", PM_RESTART, "correction_asked", "correction_received",
    "《政府信息公开条例》第三十条：政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正……答复期限自行政机关收到补正的申请之日起计算" },
  { "征求第三方意见", PM_SUSPEND, "consult_from", "consult_to",
    "《政府信息公开条例》第三十三条第三款：行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内" },
  { 0 }
};
static Deadline aDeadline[] = {
  { "answer", "答复期限", "received", 20, 0, PU_WORKDAYS, "extended", 20, "answered", 0, "received",
    "《政府信息公开条例》第三十三条：收到申请之日起二十个工作日内予以答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不得超过二十个工作日",
    .aPause = aAnswerPause,
    .zReading = "延长的20个工作日与原期限连续计算（工作日期限两种读法结果相同）。补正：告知补正之日起暂停，收到补正申请之日起重新计算20个工作日（原已经过的不计）。"
                "征求第三方意见：发出征求意见之日至收到意见（或意见期限届满）之日，两端均不计入，只扣除其中的工作日；在期限届满后才开始征求的不影响期限；尚未填写结束日期的，期限暂停计算" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "requests", "依申请公开申请", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "依申请公开|政府信息公开申请" },
  { "answered", "已答复", IU_COUNT, .num = { .aCond = { { "", "state", "answered" } } } },
  { "disclosed", "予以公开或部分公开", IU_COUNT,
    .num = { .aCond = { { "", "state", "answered" }, { "outcome", "=", "disclosed,partial" } } } },
  { "ontime_rate", "依申请公开按期答复率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "answered" }, { "answer", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "answered" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "法定期限（含经批准延长）内答复的申请 ÷ 已答复的申请" },
  { 0 }
};
static const ReportText report = {
  "推进政务公开",
  "坚持以公开为常态、不公开为例外，依法办理政府信息公开申请。",
  { "全年收到政府信息公开申请{requests}件，已答复{answered}件[，其中予以公开或部分公开{disclosed}件]。",
    "已答复申请的法定期限内答复率{ontime_rate%}。" }
};

static const Breakdown aBreakdown[] = { { "ontime_rate", 0, 0 }, { 0 } };
const Kind kind_disclosure_request = {
  .zName = "disclosure_request", .nOrder = 200, .zLabel = "依申请公开", .zGroup = "政务公开",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zAbout = "政府信息公开申请的登记、答复期限（工作日计算，可经批准延长）与答复结果。",
};
