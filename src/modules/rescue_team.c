/*
** src/modules/rescue_team.c — 应急救援队伍 (DOMAIN.md item 22): the
** county's rescue teams and their members by level (县级专业队伍, 社会救援
**力量, 乡镇（街道）级, 村（社区）级). A register counted as in force at a
** year's end; plans, drills and trainings are kind emergency.
*/
#include "engine/kind.h"

static const EnumVal aLevel[] = {
  { "county", "县级抢险救援队伍" }, { "social", "社会救援力量" },
  { "town", "乡镇（街道）级抢险救援队伍" }, { "village", "村（社区）级抢险救援队伍" }, { 0 }
};

static Field aField[] = {
  { "team_no", "登记编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "name", "队伍名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE|F_PUBLIC, .nMax=100 },
  { "level", "层级", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aLevel },
  { "specialty", "专业类别", FT_TEXT, F_LIST|F_FILTER|F_PUBLIC, .nMax=50, .zHelp="如 防汛抢险、森林消防、危化品处置、综合" },
  { "members", "队员人数", FT_INT, F_REQ|F_LIST|F_PUBLIC, .nMin=1, .nMax=100000 },
  { "founded", "组建日期", FT_DATE, F_REQ|F_LIST|F_PAST|F_PUBLIC },
  { "disbanded", "撤销日期", FT_DATE, F_PAST, .zReqIn="disbanded" },
  { 0 }
};
static const State aState[] = { { "active", "在编" }, { "disbanded", "已撤销", 1 }, { 0 } };
static Transition aTrans[] = {
  { "disband", "撤销", "active", "disbanded", R_STAFF, "disbanded" },
  { "restore", "恢复", "disbanded", "active", R_ADMIN },
  { 0 }
};
#define LEVEL(id, label, lv) \
  { id "_teams", label, IU_COUNT, .num = { .aCond = { { "level", "=", lv } } } }, \
  { id "_members", label "队员", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "members", .aCond = { { "level", "=", lv } } } }
/* in force at the year's end (pInForce), whatever their state is now */
static Indicator aIndicator[] = {
  { "teams", "应急救援队伍", IU_COUNT, .num = { .aCond = { { 0 } } } },
  { "members", "应急救援队员", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "members", .aCond = { { 0 } } } },
  LEVEL("county", "县级抢险救援队伍", "county"),
  LEVEL("social", "社会救援力量", "social"),
  LEVEL("town", "乡镇（街道）级抢险救援队伍", "town"),
  LEVEL("village", "村（社区）级抢险救援队伍", "village"),
  { 0 }
};
static const InForce inForce = { "founded", "disbanded" };
static const ReportText report = {
  "健全突发事件应对体系",
  0,
  { "全县组建[县级抢险救援队伍{county_teams}支{county_members}人][、社会救援力量{social_teams}支{social_members}人]"
    "[、乡镇（街道）级抢险救援队伍{town_teams}支{town_members}人][、村（社区）级抢险救援队伍{village_teams}支{village_members}人]。" }
};

const Kind kind_rescue_team = {
  .zName = "rescue_team", .nOrder = 221, .zLabel = "应急救援队伍", .zGroup = "应急管理",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report, .pInForce = &inForce,
  .zAbout = "县级、乡镇（街道）级、村（社区）级抢险救援队伍和社会救援力量名册：组建、队员人数、撤销。",
};
