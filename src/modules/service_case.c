/*
** src/modules/service_case.c — 办件 (transactions handled for a service item).
**
** DOMAIN.md item 1. A 办件 is received on a date and must be finished within
** the item's 承诺时限 in working days (copied onto the 办件 when it is
** received, since the catalog may change later). Declarations only.
**
** A 办件 of a 行政许可 item also runs the statutory period beside the
** promise (行政许可法 第四十二条: 20 working days from acceptance, +10 with
** the approval of the office's head; 第八十二条: working days; 第四十五条:
** 听证、检验、检测、检疫、鉴定、专家评审 not counted). The promise is what
** the centre publishes; the statutory period is the legal limit.
*/
#include "engine/kind.h"

static const EnumVal aChannel[] = {
  { "online", "线上" }, { "offline", "线下" }, { 0 }
};
static const EnumVal aRating[] = {
  { "very_good", "非常满意" }, { "good", "满意" }, { "fair", "基本满意" },
  { "bad", "不满意" }, { "very_bad", "非常不满意" }, { 0 }
};

static Field aField[] = {
  { "case_no", "办件编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_TITLE, .nMax=64 },
  { "item_id", "政务服务事项", FT_REF, F_REQ|F_LIST|F_FILTER, .zRef="service_item" },
  { "applicant", "申请人", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100 },
  { "channel", "受理渠道", FT_ENUM, F_REQ|F_LIST|F_FILTER, aChannel },
  { "received", "受理日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "limit_days", "承诺时限（工作日）", FT_INT, F_REQ, .nMin=0, .nMax=999 },
  { "finished", "办结日期", FT_DATE, F_LIST, .zReqIn="finished" },
  { "rating", "好差评", FT_ENUM, F_FILTER, aRating },
  { "license", "行政许可事项", FT_BOOL, F_FILTER,
    .zHelp="所办事项为行政许可的选“是”：另按《行政许可法》第四十二条计算法定期限（20个工作日）" },
  { "extended", "经本机关负责人批准延长", FT_BOOL, 0,
    .zHelp="行政许可20个工作日内不能作出决定，经本行政机关负责人批准延长10个工作日，并告知申请人理由" },
  { "expert_from", "听证、检验检测、鉴定、专家评审开始日期", FT_DATE, 0,
    .zHelp="依法需要听证、招标、拍卖、检验、检测、检疫、鉴定或专家评审的开始之日；至结束日期（含两端）不计入法定期限" },
  { "expert_to", "听证、检验检测、鉴定、专家评审结束日期", FT_DATE, 0 },
  { 0 }
};

static const State aState[] = {
  { "received", "办理中" }, { "finished", "已办结", 1 }, { "refused", "不予受理", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "finish", "办结", "received", "finished", R_STAFF, "finished" },
  { "refuse", "不予受理", "received", "refused", R_STAFF },
  { "reopen", "撤回办结", "finished,refused", "received", R_ADMIN },
  { 0 }
};
static const Pause aLicensePause[] = {
  { "听证、检验检测、鉴定、专家评审", PM_SUSPEND, "expert_from", "expert_to",
    "《行政许可法》第四十五条：行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在本节规定的期限内" },
  { 0 }
};
static Deadline aDeadline[] = {
  { "promise", "承诺办结期限", "received", 0, "limit_days", PU_WORKDAYS, 0, 0, "finished",
    0, "received", "办事指南公布的承诺时限（行政许可法第八十二条：期限以工作日计算）",
    .zReading = "承诺时限为0的为即办件，受理当日办结。承诺时限是服务承诺，行政许可的法律上的最后期限是下一行的法定办结期限" },
  { "statutory", "法定办结期限（行政许可）", "received", 20, 0, PU_WORKDAYS, "extended", 10, "finished",
    "license=1", "received",
    "《行政许可法》第四十二条：除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。"
    "二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人；第八十二条：本法规定的行政许可期限以工作日计算，不含法定节假日",
    .aPause = aLicensePause,
    .zReading = "只对标为“行政许可事项”的办件计算，与承诺时限并列显示；延长的10个工作日与原期限连续计算。"
                "法律、法规另有规定的期限（第四十二条但书）和统一办理的45日（第四十二条第二款）尚未区分，按20日计算" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "cases", "办件量", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "办件|受理办件|办理政务服务事项" },
  { "online_share", "网上办件占比", IU_PERCENT,
    .num = { .aCond = { { "channel", "=", "online" } } }, .den = { .aCond = { { 0 } } },
    .nDecimals = 1 },
  { "ontime_rate", "按承诺时限办结率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "finished" }, { "promise", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "finished" } } },
    .nDecimals = 1, .zTarget = "100" },
  { "license_legal_rate", "行政许可法定期限内办结率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "finished" }, { "license", "=", "1" }, { "statutory", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "finished" }, { "license", "=", "1" } } },
    .nDecimals = 1, .zTarget = "100",
    .zHelp = "在《行政许可法》第四十二条法定期限（含经批准延长，扣除听证、检验检测等时间）内办结的行政许可办件 ÷ 已办结的行政许可办件" },
  { "good_rate", "好评率", IU_PERCENT,
    .num = { .aCond = { { "rating", "=", "very_good,good,fair" } } },
    .den = { .aCond = { { "rating", "set", 0 } } },
    .nDecimals = 1,
    .zHelp = "非常满意、满意、基本满意的评价 ÷ 全部评价" },
  { 0 }
};

/* One paragraph with the catalog's (service_item). */
static const ReportText report = {
  "依法全面履行政府职能",
  "纵深推进“放管服”改革，持续优化政务服务。",
  { "{year}年，全年受理办件{cases}件[，网上办件占比{online_share%}]。",
    "[已办结办件按承诺时限办结率{ontime_rate%}][，“好差评”评价中好评率{good_rate%}|“好差评”评价中好评率{good_rate%}]。" },
  .bJoin = 1
};

const Kind kind_service_case = {
  .zName = "service_case", .nOrder = 11, .zLabel = "办件", .zGroup = "政务服务",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report,
  .zTrend = "cases",
  .zAbout = "政务服务事项的办件：受理、办结与承诺时限、好差评。",
};
