/*
** src/modules/hotline_ticket.c — 12345政务服务便民热线 and the county's
** mailboxes (DOMAIN.md item 21; LAW.md §1.10). No national period exists:
** the county sets one per ticket type (咨询、求助 3 working days, 投诉、
** 举报、建议 13), marked here as local rules; an extension needs approval.
*/
#include "engine/kind.h"

static const EnumVal aChannel[] = {
  { "phone", "12345热线电话" }, { "web", "网站" }, { "wechat", "微信小程序" }, { "mailbox", "县长信箱" }, { 0 }
};
static const EnumVal aType[] = {
  { "consult", "咨询" }, { "help", "求助" }, { "complaint", "投诉" }, { "report", "举报" }, { "suggest", "建议" }, { 0 }
};
static const EnumVal aRating[] = { { "satisfied", "满意" }, { "basic", "基本满意" }, { "unsatisfied", "不满意" }, { 0 } };

static Field aField[] = {
  { "ticket_no", "工单编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "channel", "受理渠道", FT_ENUM, F_REQ|F_LIST|F_FILTER, aChannel },
  { "ttype", "诉求类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "summary", "诉求内容", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=300 },
  { "received", "派单日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "extended", "经批准延期", FT_BOOL, 0 },
  { "closed", "办结日期", FT_DATE, F_LIST, .zReqIn="closed" },
  { "reply", "办理结果", FT_LONGTEXT, 0, .zReqIn="closed" },
  { "rating", "群众评价", FT_ENUM, F_FILTER, aRating },
  { 0 }
};
static const State aState[] = { { "open", "办理中" }, { "closed", "已办结", 1 }, { 0 } };
static Transition aTrans[] = {
  { "close", "办结", "open", "closed", R_STAFF, "closed" },
  { "reopen", "重新办理", "closed", "open", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "quick", "办理时限（咨询、求助）", "received", 3, 0, PU_WORKDAYS, "extended", 3, "closed", "ttype=consult,help", "open",
    "本县12345热线工单办理规定（地方规定）：咨询、求助类工单3个工作日内办结，经批准可延期",
    .bLocal = 1 },
  { "full", "办理时限（投诉、举报、建议）", "received", 13, 0, PU_WORKDAYS, "extended", 10, "closed", "ttype=complaint,report,suggest", "open",
    "本县12345热线工单办理规定（地方规定）：投诉、举报、建议类工单13个工作日内办结，经批准可延期",
    .bLocal = 1 },
  { 0 }
};
static Indicator aIndicator[] = {
  { "tickets", "受理热线工单", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "群众来信|热线工单|群众诉求|热线" },
  { "closed", "已办结", IU_COUNT, .num = { .aCond = { { "", "state", "closed" } } } },
  { "close_rate", "办结率", IU_PERCENT, .num = { .aCond = { { "", "state", "closed" } } }, .den = { .aCond = { { 0 } } },
    .nDecimals = 1, .zTarget = "99" },
  { "ontime_rate", "按时办结率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "quick", "ontime", 0 }, { "full", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "closed" } } }, .nDecimals = 1, .zTarget = "98" },
  { "satisfaction", "群众满意率", IU_PERCENT,
    .num = { .aCond = { { "rating", "=", "satisfied,basic" } } }, .den = { .aCond = { { "rating", "set", 0 } } },
    .nDecimals = 1, .zTarget = "95" },
  { 0 }
};
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  0,
  { "12345政务服务便民热线和县长信箱全年受理群众诉求{tickets}件，办结{closed}件，办结率{close_rate%}"
    "[，按时办结率{ontime_rate%}][，群众满意率{satisfaction%}]。",
    "受理量{tickets^}。" }
};

/* The departments whose tickets are late or leave people unsatisfied. */
static const Breakdown aBreakdown[] = { { "ontime_rate", 0, 0 }, { "satisfaction", 0, 0 }, { 0 } };
const Kind kind_hotline_ticket = {
  .zName = "hotline_ticket", .nOrder = 210, .zLabel = "12345热线工单", .zGroup = "政务公开",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zTrend = "tickets",
  .zAbout = "12345热线、网站、县长信箱受理的群众诉求：派单、按本县规定的时限办结、群众评价。",
};
