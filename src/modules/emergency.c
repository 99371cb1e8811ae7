/*
** src/modules/emergency.c — 突发事件应对 (DOMAIN.md item 22): emergency
** plans written or revised, drills and trainings, with their level and
** the people taking part, and the duty watch: checks of 值班值守 and the
** urgent reports sent up (紧急信息报送). An activity; the rescue teams are
** the register rescue_team.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "plan", "应急预案编制修订" }, { "drill", "应急演练" }, { "training", "应急培训" }, { "duty", "值班值守检查" },
  { "alert", "紧急信息报送" },
  /* before the register rescue_team: kept so that older records still read,
  ** filter and re-import; no indicator counts it */
  { "team", "应急救援队伍建设（旧类型，队伍请在“应急救援队伍”登记）" }, { 0 }
};
static const EnumVal aLevel[] = { { "county", "县级" }, { "dept", "部门" }, { "town", "乡镇（街道）" }, { "village", "村（社区）" }, { 0 } };

static Field aField[] = {
  { "event_no", "编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "etype", "类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "title", "名称", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=200 },
  { "level", "层级", FT_ENUM, F_REQ|F_LIST|F_FILTER, aLevel },
  { "held", "日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST },
  { "participants", "参加人数", FT_INT, 0, .nMin=0, .nMax=1000000 },
  { 0 }
};
static Indicator aIndicator[] = {
  { "plans", "编制修订应急预案", IU_COUNT, .num = { .aCond = { { "etype", "=", "plan" } } }, .zAlias = "应急预案" },
  { "drills", "开展应急演练", IU_COUNT, .num = { .aCond = { { "etype", "=", "drill" } } } },
  { "drilled", "参加演练人次", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "participants", .aCond = { { "etype", "=", "drill" } } } },
  { "trainings", "应急培训", IU_COUNT, .num = { .aCond = { { "etype", "=", "training" } } } },
  { "duty_checks", "值班值守检查", IU_COUNT, .num = { .aCond = { { "etype", "=", "duty" } } }, .zAlias = "检查值班" },
  { "alerts", "报送紧急信息", IU_COUNT, .num = { .aCond = { { "etype", "=", "alert" } } }, .zAlias = "紧急信息" },
  { 0 }
};
static const ReportText report = {
  "健全突发事件应对体系",
  "依法预防处置重大突发事件，健全应急预案体系。",
  { "全年编制修订应急预案{plans}件。",
    "开展应急演练{drills}次[、参加{drilled}人次]。",
    "开展应急培训{trainings}次。",
    "[开展值班值守检查{duty_checks}次][、报送紧急信息{alerts}条]。" }
};

const Kind kind_emergency = {
  .zName = "emergency", .nOrder = 220, .zLabel = "突发事件应对", .zGroup = "应急管理",
  .eShape = SHAPE_ACTIVITY,
  .aField = aField, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "应急预案编制修订、应急演练、应急培训、值班值守检查与紧急信息报送。",
};
