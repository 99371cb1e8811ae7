/*
** src/modules/leader_duty.c — 党政主要负责人履行推进法治建设第一责任人职责
** (DOMAIN.md item 23, and chapter 二 of the report): the meetings at which
** the county's leaders deploy and review rule-of-law work — 党委常委会,
** 政府常务会议专题研究, 全面依法治县委员会 and its coordination groups, 专题
** 听取汇报, 述法专题会议 — and their 带头 activities such as 旁听庭审.
** Chapter 二 states these figures before the drafter's own account.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "party", "党委常委会会议研究法治建设" }, { "gov", "政府常务会议专题研究法治政府建设" },
  { "committee", "全面依法治县（区）委员会及其协调小组会议" }, { "hearing", "专题听取法治建设工作汇报" },
  { "report", "述法专题会议" }, { "trial", "领导干部旁听庭审" }, { "other", "其他部署推动" }, { 0 }
};

static Field aField[] = {
  { "duty_no", "编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "duty_type", "类型", FT_ENUM, F_REQ|F_LIST|F_FILTER, aType },
  { "topic", "议题（内容）", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=200 },
  { "held", "日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST },
  { "chair", "主持（参加）领导", FT_TEXT, F_LIST, .nMax=100, .zHelp="如“县长”“县委书记”，多人用顿号分隔" },
  { "outcome", "研究解决的问题或形成的文件", FT_LONGTEXT, 0 },
  { 0 }
};
/* chapter 二 speaks of the reporting government's own leaders: records
** filed by a bureau or town are that unit's own duties, not counted here */
#define OWN { "dept_id", "own", 0 }
static Indicator aIndicator[] = {
  { "party", "党委常委会会议研究法治建设", IU_COUNT, .num = { .aCond = { { "duty_type", "=", "party" }, OWN } } },
  { "gov", "政府常务会议专题研究法治政府建设", IU_COUNT, .num = { .aCond = { { "duty_type", "=", "gov" }, OWN } },
    .zAlias = "常务会专题研究法治政府建设|常务会议专题研究法治政府建设" },
  { "committee", "全面依法治县（区）委员会会议", IU_COUNT, .num = { .aCond = { { "duty_type", "=", "committee" }, OWN } } },
  { "hearings", "专题听取法治建设工作汇报", IU_COUNT, .num = { .aCond = { { "duty_type", "=", "hearing" }, OWN } }, .zAlias = "听取汇报|专题听取" },
  { "report_meetings", "述法专题会议", IU_COUNT, .num = { .aCond = { { "duty_type", "=", "report" }, OWN } } },
  { "trials", "领导干部旁听庭审", IU_COUNT, .num = { .aCond = { { "duty_type", "=", "trial" }, OWN } }, .zAlias = "旁听庭审" },
  { 0 }
};
static const ReportText report = {
  REPORT_SEC_DUTY,
  0,
  { "{year}年，[党委常委会会议研究法治建设工作{party}次][、政府常务会议专题研究法治政府建设工作{gov}次]"
    "[、召开全面依法治县委员会及其协调小组会议{committee}次][、专题听取法治建设工作汇报{hearings}次]"
    "[、召开述法专题会议{report_meetings}次][、组织领导干部旁听庭审{trials}次]。" }
};

const Kind kind_leader_duty = {
  .zName = "leader_duty", .nOrder = 236, .zLabel = "第一责任人履职", .zGroup = "监督与整改",
  .eShape = SHAPE_ACTIVITY, .bUnitOwned = 1,
  .aField = aField, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "党政主要负责人履行推进法治建设第一责任人职责：党委常委会、政府常务会议专题研究，依法治县委员会会议，专题听取汇报，述法专题会议，领导干部旁听庭审。"
            "报告第二部分只统计所属部门为县（区、市）本级的记录；部门、乡镇登记的是其自身主要负责人的履职。",
};
