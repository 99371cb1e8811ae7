/*
** src/modules/study_session.c — 学法 and 述法 (DOMAIN.md item 17): leaders'
** study before executive meetings (常务会会前学法), theory-group study,
** trainings, law exams for cadres, and 述法 (leaders reporting on their
** duties for the rule of law). An activity with its counts.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "meeting", "政府常务会议会前学法" }, { "group", "党委（党组）理论学习中心组学法" }, { "training", "法治专题培训" },
  { "exam", "领导干部法律知识考试" }, { "report", "述法" }, { 0 }
};

static Field aField[] = {
  { "session_no", "活动编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "stype", "类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "topic", "学习内容（主题）", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=200 },
  { "held", "日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST },
  { "participants", "参加人数", FT_INT, F_REQ|F_LIST, .nMin=0, .nMax=100000 },
  { "passed", "考试合格人数", FT_INT, 0, .nMin=0, .nMax=100000, .zHelp="法律知识考试填写", .zNotAbove="participants" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "meetings", "常务会议会前学法", IU_COUNT, .num = { .aCond = { { "stype", "=", "meeting" } } }, .zAlias = "常务会集体学法|常务会学法|会前学法" },
  { "groups", "中心组学法", IU_COUNT, .num = { .aCond = { { "stype", "=", "group" } } } },
  { "trainings", "法治专题培训", IU_COUNT, .num = { .aCond = { { "stype", "=", "training" } } } },
  { "trained", "培训人次", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "participants", .aCond = { { "stype", "=", "training" } } } },
  { "exam_pass_rate", "法律知识考试合格率", IU_PERCENT,
    .num = { .eAgg = AGG_SUM, .zField = "passed", .aCond = { { "stype", "=", "exam" } } },
    .den = { .eAgg = AGG_SUM, .zField = "participants", .aCond = { { "stype", "=", "exam" } } },
    .nDecimals = 1, .zTarget = "100" },
  { "reports", "述法", IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "participants", .aCond = { { "stype", "=", "report" } } } },
  { 0 }
};
static const ReportText report = {
  "提升法治思维和依法行政能力",
  "坚持领导干部带头尊法学法守法用法。",
  { "全年开展政府常务会议会前学法{meetings}次。",
    "各级党委（党组）理论学习中心组学法{groups}次。",
    "举办法治专题培训{trainings}期、培训{trained}人次。",
    "组织领导干部法律知识考试，合格率{exam_pass_rate%}。",
    "{reports}名部门和乡镇主要负责人现场述法。" }
};

const Kind kind_study_session = {
  .zName = "study_session", .nOrder = 170, .zLabel = "学法述法", .zGroup = "普法与学法",
  .eShape = SHAPE_ACTIVITY,
  .aField = aField, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "领导干部学法（会前学法、中心组学法）、法治培训、法律知识考试与述法。",
};
