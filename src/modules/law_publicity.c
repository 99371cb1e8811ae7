/*
** src/modules/law_publicity.c — 普法 activities (DOMAIN.md item 16): events
** by venue (法律“八进”), posts on new media and the media that carried
** them. An activity: a dated event with its counts.
*/
#include "engine/kind.h"

static const EnumVal aVenue[] = {
  { "organ", "进机关" }, { "village", "进乡村" }, { "community", "进社区" }, { "school", "进学校" },
  { "enterprise", "进企业" }, { "unit", "进单位" }, { "family", "进家庭" }, { "camp", "进军营" }, { "online", "网络新媒体" }, { 0 }
};
static const EnumVal aForm[] = {
  { "lecture", "法治讲座" }, { "stall", "集中宣传" }, { "show", "文艺演出" }, { "contest", "知识竞赛" },
  { "post", "新媒体推送" }, { "trial", "旁听庭审" }, { 0 }
};

static Field aField[] = {
  { "activity_no", "活动编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "title", "活动主题", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE, .nMax=200 },
  { "venue", "普法阵地", FT_ENUM, F_REQ|F_LIST|F_FILTER, aVenue },
  { "form", "活动形式", FT_ENUM, F_REQ|F_LIST|F_FILTER, aForm },
  { "held", "活动日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST },
  { "audience", "受众人次", FT_INT, F_REQ|F_LIST, .nMin=0, .nMax=10000000 },
  { "materials", "发放资料（份）", FT_INT, 0, .nMin=0, .nMax=10000000 },
  { "adopted_by", "被媒体采用", FT_TEXT, 0, .nMax=200, .zHelp="如“学习强国”“法治日报”，多个用顿号分隔" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "events", "开展普法活动", IU_COUNT, .num = { .aCond = { { "form", "!=", "post" } } }, .zAlias = "普法活动|普法宣传活动" },
  { "audience", "受众", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "audience", .aCond = { { 0 } } } },
  { "materials", "发放普法资料", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "materials", .aCond = { { 0 } } } },
  { "posts", "新媒体普法推送", IU_COUNT, .num = { .aCond = { { "form", "=", "post" } } } },
  { "adopted", "被媒体采用", IU_COUNT, .num = { .aCond = { { "adopted_by", "set", 0 } } } },
  { 0 }
};
static const ReportText report = {
  "深入推进法治宣传教育",
  "深入实施“八五”普法规划，推进法律“八进”。",
  { "全年开展普法活动{events}场次[，受众{audience}人次][，发放普法资料{materials}份]。",
    "普法活动场次{events^}。",
    "通过新媒体推送普法信息{posts}条[，被上级媒体采用{adopted}条]。" }
};

const Kind kind_law_publicity = {
  .zName = "law_publicity", .nOrder = 160, .zLabel = "普法活动", .zGroup = "普法与学法",
  .eShape = SHAPE_ACTIVITY,
  .aField = aField, .aIndicator = aIndicator, .pReport = &report,
  .zTrend = "events",
  .zAbout = "法律“八进”普法活动和新媒体普法：阵地、形式、受众人次、资料与媒体采用。",
};
