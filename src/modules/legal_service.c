/*
** src/modules/legal_service.c — 公共法律服务 (DOMAIN.md item 15): the
** work of the county's 公共法律服务中心, stations and 12348 line that is
** not a 法律援助 case — consultations answered, 人民调解员/基层法律服务
** work, free legal-service tasks (免费法律服务便民工程), legal check-ups
** for enterprises — each entered as a dated batch with its counts and
** the satisfaction the people served gave.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "consult", "法律咨询" }, { "hotline", "12348热线" }, { "free", "免费法律服务便民工程" },
  { "grassroots", "基层法律服务" }, { "notary", "公证" }, { "checkup", "企业法治体检" }, { "salon", "政企法治沙龙（座谈）" },
  { "outreach", "送法进村（社区）" }, { 0 }
};
static const EnumVal aPlace[] = {
  { "center", "县公共法律服务中心" }, { "station", "乡镇（街道）公共法律服务工作站" },
  { "village", "村（社区）公共法律服务室" }, { "online", "网络平台" }, { 0 }
};

static Field aField[] = {
  { "service_no", "登记编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "stype", "服务类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "place", "服务平台", FT_ENUM, F_REQ|F_LIST|F_FILTER, aPlace },
  { "held", "日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST, .zHelp="按日或按周汇总登记的，填最后一天" },
  { "summary", "服务内容", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=200 },
  { "served", "服务件（人）次", FT_INT, F_REQ|F_LIST, .nMin=1, .nMax=1000000 },
  { "materials", "发放资料（份）", FT_INT, 0, .nMin=0, .nMax=10000000 },
  { "rated", "参与评价人次", FT_INT, 0, .nMin=0, .nMax=1000000 },
  { "satisfied", "满意人次", FT_INT, 0, .nMin=0, .nMax=1000000, .zNotAbove="rated" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "served", "公共法律服务", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "served", .aCond = { { 0 } } } },
  { "consultations", "解答法律咨询", IU_COUNT,
    .num = { .eAgg = AGG_SUM, .zField = "served", .aCond = { { "stype", "=", "consult,hotline" } } } },
  { "free_tasks", "免费法律服务便民工程办结", IU_COUNT,
    .num = { .eAgg = AGG_SUM, .zField = "served", .aCond = { { "stype", "=", "free" } } } },
  { "checkups", "企业法治体检", IU_COUNT,
    .num = { .eAgg = AGG_SUM, .zField = "served", .aCond = { { "stype", "=", "checkup" } } } },
  { "salons", "政企法治沙龙（座谈）", IU_COUNT, .num = { .aCond = { { "stype", "=", "salon" } } }, .zAlias = "法治沙龙|政企沙龙" },
  { "materials", "发放法律服务资料", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "materials", .aCond = { { 0 } } } },
  { "satisfaction", "群众满意度", IU_PERCENT,
    .num = { .eAgg = AGG_SUM, .zField = "satisfied", .aCond = { { 0 } } },
    .den = { .eAgg = AGG_SUM, .zField = "rated", .aCond = { { 0 } } }, .nDecimals = 1, .zTarget = "95",
    .zHelp = "满意人次之和 ÷ 参与评价人次之和" },
  { 0 }
};
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  0,
  { "完善公共法律服务体系，全年提供公共法律服务{served}件（人）次[，其中解答法律咨询{consultations}人次]"
    "[，办结免费法律服务便民工程事项{free_tasks}件][，为企业开展法治体检{checkups}次][，举办政企法治沙龙（座谈）{salons}场][，发放法律服务资料{materials}份]。",
    "服务对象满意度{satisfaction%}。" }
};

const Kind kind_legal_service = {
  .zName = "legal_service", .nOrder = 151, .zLabel = "公共法律服务", .zGroup = "公共法律服务",
  .eShape = SHAPE_ACTIVITY,
  .aField = aField, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "公共法律服务中心、站、室和12348热线的服务登记：法律咨询、免费法律服务便民工程、基层法律服务、企业法治体检和政企法治沙龙，按批登记人次与满意度。",
};
