/*
** src/modules/publicity_force.c — 普法队伍与阵地 (DOMAIN.md item 16): the
** people and places law publicity relies on — 法治副校长, "法律明白人",
** 普法讲师团, 普法志愿者 and 法治文化阵地 (parks, squares, corridors). A
** register counted as in force at a year's end; one row may stand for a
** group ("城关镇法律明白人 120名"). The events are kind law_publicity.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "vice_principal", "法治副校长" }, { "law_savvy", "法律明白人" }, { "lecturer", "普法讲师团成员" },
  { "volunteer", "普法志愿者" }, { "venue", "法治文化阵地" }, { 0 }
};

static Field aField[] = {
  { "force_no", "登记编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER, .nMax=64 },
  { "ftype", "类型", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aType },
  { "name", "姓名或名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_TITLE|F_PUBLIC, .nMax=100,
    .zHelp="个人写姓名；按乡镇、村成批登记的写“某镇法律明白人”；阵地写名称，如“宪法主题公园”" },
  { "place", "所在学校、村（社区）或地点", FT_TEXT, F_LIST|F_PUBLIC, .nMax=100 },
  { "headcount", "人数（个数）", FT_INT, F_REQ|F_LIST|F_PUBLIC, .nMin=1, .nMax=100000,
    .zHelp="登记一人或一处阵地填1" },
  { "appointed", "聘任（建成）日期", FT_DATE, F_REQ|F_LIST|F_PAST|F_PUBLIC },
  { "ended", "解聘（撤销）日期", FT_DATE, F_PAST, .zReqIn="ended" },
  { 0 }
};
static const State aState[] = { { "active", "在册" }, { "ended", "已解聘或撤销", 1 }, { 0 } };
static Transition aTrans[] = {
  { "end", "解聘或撤销", "active", "ended", R_STAFF, "ended" },
  { "restore", "恢复", "ended", "active", R_ADMIN },
  { 0 }
};
#define HEADS(id, label, t) \
  { id, label, IU_COUNT, .num = { .eAgg = AGG_SUM, .zField = "headcount", .aCond = { { "ftype", "=", t } } } }
/* in force at the year's end (pInForce), whatever their state is now */
static Indicator aIndicator[] = {
  HEADS("vice_principals", "法治副校长", "vice_principal"),
  HEADS("law_savvy", "法律明白人", "law_savvy"),
  HEADS("lecturers", "普法讲师团成员", "lecturer"),
  HEADS("volunteers", "普法志愿者", "volunteer"),
  HEADS("venues", "法治文化阵地", "venue"),
  { 0 }
};
static const InForce inForce = { "appointed", "ended" };
static const ReportText report = {
  "深入推进法治宣传教育",
  0,
  { "[配备法治副校长{vice_principals}名][、培育“法律明白人”{law_savvy}名][、聘任普法讲师团成员{lecturers}名]"
    "[、发展普法志愿者{volunteers}名]。",
    "建成法治文化阵地{venues}个。" }
};

const Kind kind_publicity_force = {
  .zName = "publicity_force", .nOrder = 161, .zLabel = "普法队伍与阵地", .zGroup = "普法与学法",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report, .pInForce = &inForce,
  .zAbout = "法治副校长、“法律明白人”、普法讲师团、普法志愿者名册和法治文化阵地：聘任或建成、人数、解聘或撤销。",
};
