/*
** src/modules/officer.c — 行政执法人员 and 执法检查人员名录库 (DOMAIN.md
** item 7; LAW.md §5): certificates with their expiry, the qualification
** exam, 年审 and training hours. A random inspection draws only officers
** whose certificate is valid on the day of the draw, and never one who has
** declared an interest in the entity (回避对象).
*/
#include "engine/kind.h"

static const EnumVal aCert[] = { { "enforce", "行政执法证" }, { "supervise", "行政执法监督证" }, { 0 } };
static const EnumVal aExam[] = { { "passed", "通过" }, { "failed", "未通过" }, { 0 } };

static Field aField[] = {
  { "cert_no", "执法证号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=32 },
  { "name", "姓名", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=30 },
  { "cert_type", "证件类型", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aCert },
  { "post", "职务（岗位）", FT_TEXT, 0, .nMax=50 },
  { "exam_date", "资格考试日期", FT_DATE, F_PAST },
  { "exam_result", "资格考试结果", FT_ENUM, F_FILTER, aExam },
  { "issued", "发证日期", FT_DATE, F_REQ|F_PAST },
  { "expires", "有效期至", FT_DATE, F_REQ|F_LIST|F_FILTER|F_PUBLIC },
  { "reviewed_year", "最近年审年度", FT_INT, F_LIST, .nMin=2000, .nMax=2100 },
  { "training_hours", "本年度培训学时", FT_INT, 0, .nMin=0, .nMax=999,
    .zHelp="业务知识和法律法规培训，每人每年不少于60学时" },
  { "recuse", "回避对象", FT_LONGTEXT, 0,
    .zHelp="与本人有利害关系、抽查时应当回避的市场主体的统一社会信用代码，每行一个" },
  { 0 }
};

static const State aState[] = {
  { "active", "在岗持证" }, { "suspended", "暂扣证件" }, { "revoked", "已注销", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "suspend", "暂扣证件", "active", "suspended", R_ADMIN },
  { "restore", "恢复", "suspended", "active", R_ADMIN },
  { "revoke", "注销证件", "active,suspended", "revoked", R_ADMIN },
  { 0 }
};
static Indicator aIndicator[] = {
  { "officers", "持证执法人员", IU_COUNT, .num = { .aCond = { { "", "state", "active" } } } },
  { "trained_rate", "培训学时达标率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "active" }, { "training_hours", ">=", "60" } } },
    .den = { .aCond = { { "", "state", "active" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "本年度培训不少于60学时的在岗持证人员 ÷ 在岗持证人员" },
  { "reviewed", "年审人数", IU_COUNT, .num = { .aCond = { { "reviewed_year", "year", 0 } } },
    .zHelp = "最近年审年度为本年度的执法人员" },
  { "examined", "参加资格考试", IU_COUNT, .num = { .aCond = { { "exam_result", "set", 0 } } }, .zYearField = "exam_date" },
  { "exam_rate", "资格考试通过率", IU_PERCENT,
    .num = { .aCond = { { "exam_result", "=", "passed" } } }, .den = { .aCond = { { "exam_result", "set", 0 } } },
    .nDecimals = 1, .zYearField = "exam_date", .zHelp = "本年度资格考试通过人数 ÷ 参加人数" },
  { "expiring", "证件年内到期", IU_COUNT, .num = { .aCond = { { "", "state", "active" } } }, .zYearField = "expires",
    .zHelp = "在岗持证人员中，执法证有效期在本年度内届满的" },
  { 0 }
};
static const ReportText report = {
  "坚持严格规范公正文明执法",
  0,
  { "严格行政执法人员资格管理，全县在岗持证执法人员{officers}人[，本年度参加资格考试{examined}人，通过率{exam_rate%}]"
    "[，完成执法证件年审{reviewed}人][，{expiring}人的执法证件本年度到期需换领]。",
    "落实执法人员每人每年不少于60学时的培训要求，培训学时达标率{trained_rate%}。" }
};

const Kind kind_officer = {
  .zName = "officer", .nOrder = 70, .zLabel = "行政执法人员", .zGroup = "行政执法",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "行政执法人员与执法检查人员名录库：执法证件及有效期、资格考试、年审、培训学时与回避对象。",
};
