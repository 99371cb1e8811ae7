/*
** src/modules/supervision.c — 行政执法监督 and 法治督察 (DOMAIN.md items 11
** and 23): supervision inspections by field (e.g. 殡葬), complaint
** checks, activities of the contact points and social supervisors, and
** the county's 法治督察 tasks. Completing one opens a 问题台账 item per
** problem against the supervised unit, due in 30 days.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "check", "执法监督检查" }, { "complaint", "投诉举报核查" }, { "contact", "执法监督联系点活动" },
  { "supervisor", "特邀执法监督员活动" }, { "inspection", "法治督察" }, { 0 }
};

static Field aField[] = {
  { "sup_no", "编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "stype", "类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "title", "事项", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=200 },
  { "field", "领域", FT_TEXT, F_LIST|F_FILTER, .nMax=50, .zHelp="如 殡葬、食品安全、城市管理" },
  { "unit", "被监督单位", FT_DEPT, F_REQ|F_LIST, .zHelp="从本县的部门、乡镇中选择，问题整改记在该单位名下" },
  { "held", "日期", FT_DATE, F_REQ|F_LIST|F_YEAR|F_PAST },
  { "problems", "发现问题", FT_LONGTEXT, 0, .zHelp="每行一个问题；办结时逐条记入问题整改台账，整改时限30日" },
  { "done_date", "办结日期", FT_DATE, 0, .zReqIn="done" },
  { 0 }
};
static const State aState[] = { { "open", "进行中" }, { "done", "已办结", 1 }, { 0 } };
static Transition aTrans[] = {
  { "complete", "办结", "open", "done", R_STAFF, "done_date" },
  { 0 }
};
#define TO_LEDGER(when, source) \
  { "complete", "rectification", "problems", when, \
    { { "dept_id", "unit" }, { "problem_no", "@seq" }, { "source", source }, { "problem", "@line" }, \
      { "found", "@today" }, { "days", "=30" } } }
static Spawn aSpawn[] = {
  TO_LEDGER("stype=check,complaint,contact,supervisor", "=supervision"),
  TO_LEDGER("stype=inspection", "=inspection"),
  { 0 }
};
static Indicator aIndicator[] = {
  { "checks", "执法监督检查", IU_COUNT, .num = { .aCond = { { "stype", "=", "check" } } } },
  { "complaints", "投诉举报核查", IU_COUNT, .num = { .aCond = { { "stype", "=", "complaint" } } } },
  { "contacts", "联系点、监督员活动", IU_COUNT, .num = { .aCond = { { "stype", "=", "contact,supervisor" } } } },
  { "inspections", "法治督察", IU_COUNT, .num = { .aCond = { { "stype", "=", "inspection" } } } },
  { 0 }
};
static const ReportText report = {
  "强化行政权力制约和监督",
  0,
  { "全年开展行政执法监督检查{checks}次[，核查投诉举报{complaints}件][，执法监督联系点和特邀执法监督员开展活动{contacts}次][，开展法治督察{inspections}次]。" }
};

const Kind kind_supervision = {
  .zName = "supervision", .nOrder = 110, .zLabel = "执法监督与督察", .zGroup = "执法监督",
  .eShape = SHAPE_ACTIVITY,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aSpawn = aSpawn,
  .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "行政执法监督检查、投诉举报核查、联系点与监督员活动、法治督察；办结时发现的问题进入问题整改台账。",
};
