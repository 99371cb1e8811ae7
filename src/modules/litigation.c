/*
** src/modules/litigation.c — 行政应诉: lawsuits against the county's
** organs, their outcome and whether the agency head appeared in court.
**
** DOMAIN.md item 13; LAW.md §1.2. The defendant answers (证据、依据、答辩状)
** within 15 days of receiving the copy of the complaint (行政诉讼法 Art 67);
** the head appears in court or entrusts staff (Art 3 ¶3 and 法释〔2020〕3号).
** 败诉 counts judgments against the organ (撤销、确认违法、责令履行、变更 …);
** 胜诉率 is over cases closed by judgment or ruling, as the seeds state it.
*/
#include "engine/kind.h"

static const EnumVal aLevel[] = {
  { "first", "一审" }, { "second", "二审" }, { "retrial", "再审" }, { 0 }
};
static const EnumVal aMatter[] = {
  { "penalty", "行政处罚" }, { "coercion", "行政强制" }, { "license", "行政许可" },
  { "disclosure", "政府信息公开" }, { "omission", "不履行法定职责" }, { "expropriation", "征收征用" },
  { "reconsideration", "行政复议" }, { "other", "其他" }, { 0 }
};
static const EnumVal aOutcome[] = {
  { "won", "驳回诉讼请求（胜诉）" }, { "dismissed", "驳回起诉（胜诉）" }, { "lost", "败诉" },
  { "withdrawn", "原告撤诉" }, { "mediated", "调解结案" }, { "other", "其他" }, { 0 }
};

static Field aField[] = {
  { "case_no", "案号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_TITLE, .nMax=64 },
  { "plaintiff", "原告", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100 },
  { "defendant", "被告（行政机关）", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100,
    .zOtherParty="《行政诉讼法》第二条第二款：行政行为包括法律、法规、规章授权的组织作出的行政行为，被告不在部门名单中的填写其全称" },
  { "matter", "案件类别", FT_ENUM, F_REQ|F_FILTER, aMatter },
  { "level", "审级", FT_ENUM, F_REQ|F_FILTER, aLevel },
  { "served", "收到起诉状副本日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "answered", "提交答辩状日期", FT_DATE, 0 },
  { "hearing", "开庭日期", FT_DATE, F_PAST },
  { "head_appeared", "负责人出庭应诉", FT_BOOL, F_FILTER,
    .zHelp="被诉机关正职、副职或分管负责人出庭（法释〔2020〕3号第二条）" },
  { "closed", "结案日期", FT_DATE, F_LIST, .zReqIn="closed" },
  { "outcome", "结案方式", FT_ENUM, F_LIST|F_FILTER, aOutcome, .zReqIn="closed" },
  { "note", "备注", FT_LONGTEXT, 0 },
  { 0 }
};

static const State aState[] = { { "pending", "审理中" }, { "closed", "已结案", 1 }, { 0 } };
static Transition aTrans[] = {
  { "close", "结案", "pending", "closed", R_STAFF, "closed" },
  { "reopen", "撤回结案", "closed", "pending", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "answer", "答辩期限", "served", 15, 0, PU_DAYS, 0, 0, "answered", 0, "pending",
    "《行政诉讼法》第六十七条：被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "cases", "行政应诉案件", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "行政案件|行政应诉案件|行政诉讼案件|应诉案件" },
  { "closed", "审结应诉案件", IU_COUNT, .num = { .aCond = { { "", "state", "closed" } } } },
  { "lost", "败诉案件", IU_COUNT, .num = { .aCond = { { "", "state", "closed" }, { "outcome", "=", "lost" } } } },
  { "win_rate", "胜诉率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "outcome", "=", "won,dismissed" } } },
    .den = { .aCond = { { "", "state", "closed" }, { "outcome", "=", "won,dismissed,lost" } } },
    .nDecimals = 1, .zHelp = "驳回诉讼请求、驳回起诉的案件 ÷ 以判决、裁定结案（胜诉或败诉）的案件" },
  { "loss_rate", "败诉率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "closed" }, { "outcome", "=", "lost" } } },
    .den = { .aCond = { { "", "state", "closed" } } },
    .nDecimals = 1, .zHelp = "败诉案件 ÷ 审结案件" },
  { "head_rate", "行政机关负责人出庭应诉率", IU_PERCENT,
    .num = { .aCond = { { "hearing", "set", 0 }, { "head_appeared", "=", "1" } } },
    .den = { .aCond = { { "hearing", "set", 0 } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "负责人出庭的案件 ÷ 已开庭的案件" },
  { "answer_rate", "按期答辩率", IU_PERCENT,
    .num = { .aCond = { { "answered", "set", 0 }, { "answer", "ontime", 0 } } },
    .den = { .aCond = { { "answered", "set", 0 } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "十五日内提交答辩状的案件 ÷ 已答辩的案件" },
  { 0 }
};
static const ReportText report = {
  "依法有效化解矛盾纠纷",
  "支持人民法院依法受理和审理行政案件，认真做好行政应诉工作。",
  { "全年办理行政应诉案件{cases}件[，审结{closed}件]。",
    "案件数量{cases^}。",
    "以判决、裁定结案的案件胜诉率{win_rate%}[，败诉{lost}件]。",
    "开庭审理的案件中，行政机关负责人出庭应诉率{head_rate%}。",
    "按期提交答辩状率{answer_rate%}。" }
};

/* Which defendants lose most often, and where heads do not appear. */
static const Breakdown aBreakdown[] = { { "loss_rate", "defendant", 1 }, { "head_rate", "defendant", 0 }, { 0 } };
const Kind kind_litigation = {
  .zName = "litigation", .nOrder = 130, .zLabel = "行政应诉", .zGroup = "矛盾纠纷化解",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zTrend = "cases",
  .zAbout = "以县政府及其部门为被告的行政诉讼：答辩期限、负责人出庭应诉与裁判结果。",
};
