/*
** src/modules/publication.c — 政务公开: 主动公开 (DOMAIN.md item 20;
** 《政府信息公开条例》第十九条至第二十六条). What each department
** published of its own accord — government information in general, and
** among it 公告公示, 政策解读, 民意征集 — entered as dated batches with the
** number of items, plus the channels it opened and its 政务公开日 events.
** Requests (依申请公开) are kind disclosure_request.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "info", "政府信息" }, { "notice", "公告公示" }, { "interpretation", "政策解读" }, { "consultation", "民意征集" },
  { "column", "新增公开栏目" }, { "event", "政务公开宣传活动" }, { 0 }
};
static const EnumVal aChannel[] = {
  { "website", "政府门户网站" }, { "wechat", "政务新媒体" }, { "bulletin", "公开栏" }, { "hall", "政务服务大厅" },
  { "gazette", "政府公报" }, { 0 }
};

static Field aField[] = {
  { "pub_no", "登记编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "ptype", "公开类别", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "channel", "公开渠道", FT_ENUM, F_REQ|F_LIST|F_FILTER, aChannel },
  { "published", "公开日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST, .zHelp="按月汇总登记的，填当月最后一个公开日" },
  { "title", "标题或内容摘要", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=200 },
  { "items", "条数", FT_INT, F_REQ|F_LIST, .nMin=1, .nMax=100000, .zHelp="单条登记的填 1；栏目、活动按个（次）计" },
  { "materials", "发放宣传资料（份）", FT_INT, 0, .nMin=0, .nMax=10000000 },
  { 0 }
};
#define ITEMS(types) { .eAgg = AGG_SUM, .zField = "items", .aCond = { { "ptype", "=", types } } }
static Indicator aIndicator[] = {
  { "published", "主动公开政府信息", IU_COUNT, .num = ITEMS("info,notice,interpretation,consultation"),
    .zHelp = "政府信息、公告公示、政策解读、民意征集的条数之和" , .zAlias = "主动公开政府信息|主动公开信息" },
  { "notices", "公告公示", IU_COUNT, .num = ITEMS("notice") },
  { "interpretations", "政策解读", IU_COUNT, .num = ITEMS("interpretation") },
  { "consultations", "民意征集", IU_COUNT, .num = ITEMS("consultation") },
  { "columns", "新增公开栏目", IU_COUNT, .num = ITEMS("column") },
  { "events", "政务公开宣传活动", IU_COUNT, .num = ITEMS("event") },
  { "materials", "发放政务公开宣传资料", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "materials", .aCond = { { 0 } } } },
  { 0 }
};
static const ReportText report = {
  "推进政务公开",
  "坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
  { "全年主动公开政府信息{published}条。",
    "其中[发布公告公示{notices}次][、政策解读{interpretations}篇][、民意征集{consultations}次]。",
    "新增公开栏目{columns}个。",
    "开展政务公开宣传活动{events}次[，发放宣传资料{materials}份]。" }
};

const Kind kind_publication = {
  .zName = "publication", .nOrder = 199, .zLabel = "主动公开", .zGroup = "政务公开",
  .eShape = SHAPE_ACTIVITY,
  .aField = aField, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "各部门主动公开的政府信息（含公告公示、政策解读、民意征集）、新增公开栏目和政务公开宣传活动，按批登记条数。",
};
