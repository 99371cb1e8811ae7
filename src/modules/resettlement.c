/*
** src/modules/resettlement.c — 安置帮教 (DOMAIN.md item 15): people
** released from prison or detention, or discharged from 社区矫正, taken
** over by the county (衔接) and helped to settle. 《关于加强刑满释放人员
** 救助管理工作的意见》 and the 司法部 安置帮教 rules ask that each be met
** and registered; the county records when, where they come from, and
** whether they are a 重点帮教对象.
*/
#include "engine/kind.h"

static const EnumVal aSource[] = {
  { "prison", "监狱刑满释放" }, { "detention", "看守所刑满释放" }, { "correction", "社区矫正期满解除" }, { 0 }
};
static const EnumVal aOrigin[] = { { "province", "本省" }, { "other", "外省" }, { 0 } };

static Field aField[] = {
  { "person_no", "帮教档案编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "person", "帮教对象", FT_TEXT, F_REQ|F_LIST|F_TITLE, .nMax=50, .zHelp="姓名只录入姓氏加“某”，如“张某”" },
  { "source", "来源", FT_ENUM, F_REQ|F_LIST|F_FILTER, aSource },
  { "origin", "原服刑（矫正）地", FT_ENUM, F_REQ|F_FILTER, aOrigin },
  { "released", "释放（解除矫正）日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PAST },
  { "key_person", "重点帮教对象", FT_BOOL, F_LIST|F_FILTER },
  { "linked", "衔接日期", FT_DATE, F_LIST|F_PAST, .zReqIn="linked,ended", .zHelp="接回或报到登记之日" },
  { "placed", "已落实安置", FT_BOOL, 0, .zHelp="就业、低保、技能培训等至少一项帮扶措施已落实" },
  { "ended", "帮教期满日期", FT_DATE, F_PAST, .zReqIn="ended" },
  { "reoffended", "重新违法犯罪", FT_BOOL, F_FILTER },
  { 0 }
};
static const State aState[] = {
  { "notified", "待衔接" }, { "linked", "帮教中" }, { "ended", "帮教期满", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "link", "衔接登记", "notified", "linked", R_STAFF, "linked" },
  { "end", "帮教期满", "linked", "ended", R_STAFF, "ended" },
  { "reopen", "撤回", "ended", "linked", R_ADMIN },
  { 0 }
};
static Indicator aIndicator[] = {
  { "persons", "接收刑满释放（解除矫正）人员", IU_COUNT, .num = { .aCond = { { 0 } } } },
  { "prison", "监狱刑满释放", IU_COUNT, .num = { .aCond = { { "source", "=", "prison" } } } },
  { "detention", "看守所刑满释放", IU_COUNT, .num = { .aCond = { { "source", "=", "detention" } } } },
  { "correction", "社区矫正期满解除", IU_COUNT, .num = { .aCond = { { "source", "=", "correction" } } } },
  { "key", "重点帮教对象", IU_COUNT, .num = { .aCond = { { "key_person", "=", "1" } } } },
  { "province", "本省", IU_COUNT, .num = { .aCond = { { "origin", "=", "province" } } } },
  { "other", "外省", IU_COUNT, .num = { .aCond = { { "origin", "=", "other" } } } },
  { "link_rate", "衔接率", IU_PERCENT,
    .num = { .aCond = { { "linked", "set", 0 } } }, .den = { .aCond = { { 0 } } }, .nDecimals = 1, .zTarget = "100" },
  { "placed_rate", "安置率", IU_PERCENT,
    .num = { .aCond = { { "linked", "set", 0 }, { "placed", "=", "1" } } }, .den = { .aCond = { { "linked", "set", 0 }, { "placed", "set", 0 } } },
    .nDecimals = 1, .zTarget = "95" },
  { "reoffended", "重新违法犯罪", IU_COUNT, .num = { .aCond = { { "reoffended", "=", "1" } } } },
  { 0 }
};
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  0,
  { "{year}年接收安置帮教对象{persons}人，其中监狱刑满释放{prison}人、看守所刑满释放{detention}人、社区矫正期满解除{correction}人，"
    "本省{province}人、外省{other}人[，重点帮教对象{key}人]；衔接率{link_rate%}[，安置率{placed_rate%}]。" }
};

const Kind kind_resettlement = {
  .zName = "resettlement", .nOrder = 152, .zLabel = "安置帮教", .zGroup = "公共法律服务",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "刑满释放和社区矫正期满解除人员的衔接、安置与帮教：来源、原服刑地、重点帮教对象、衔接与安置情况。",
};
