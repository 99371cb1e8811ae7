/*
** src/modules/enforcement_case.c — 行政执法案件 and the 三项制度.
**
** DOMAIN.md item 8; LAW.md §1.3. The decision period runs 90 days from
** 立案 (行政处罚法 Art 60). The law has no extension; a department rule
** may grant one — 市场监管's 30 days with the head's approval (《市场监督
** 管理行政处罚程序规定》Art 64) — so the approved extension counts only
** where the case is declared under that rule (field rules).
** 三项制度 (国办发〔2018〕118号): 事后公开 of a 行政处罚 or 许可 decision
** within 7 working days, of other decisions within 20; 全过程记录 of every
** case; 法制审核 before every major decision (行政处罚法 Art 58).
*/
#include "engine/kind.h"

static const EnumVal aCategory[] = {
  { "penalty", "行政处罚" }, { "coercion", "行政强制" }, { "inspection", "行政检查" },
  { "levy", "行政征收" }, { "other", "其他" }, { 0 }
};
static const EnumVal aParty[] = {
  { "person", "自然人" }, { "enterprise", "企业" }, { "org", "其他组织" }, { 0 }
};
static const EnumVal aResult[] = {
  { "penalized", "给予处罚或处理" }, { "no_penalty", "不予处罚" }, { "transferred", "移送有关机关" },
  { "withdrawn", "撤销立案" }, { 0 }
};

/* Whose procedure governs the case: only a rule that grants an extension
** makes the approved one count (LAW.md §1.3: other ministries differ, and
** a rule this list lacks is 其他, with no extension). */
static const EnumVal aRules[] = {
  { "law", "《行政处罚法》（无延长规定）" },
  { "samr", "《市场监督管理行政处罚程序规定》" },
  { 0 }
};

static Field aField[] = {
  { "case_no", "案件编号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_TITLE, .nMax=64 },
  { "category", "执法类别", FT_ENUM, F_REQ|F_LIST|F_FILTER, aCategory },
  { "party", "当事人", FT_TEXT, F_REQ|F_LIST|F_FILTER, .nMax=100 },
  { "party_type", "当事人类型", FT_ENUM, F_REQ|F_FILTER, aParty },
  { "cause", "案由", FT_TEXT, F_REQ|F_LIST, .nMax=200 },
  { "filed", "立案日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR },
  { "recorded", "全过程记录", FT_BOOL, 0,
    .zHelp="启动、调查取证、审核、决定、送达、执行全过程以文字、音像记录并归档" },
  { "major", "重大执法决定", FT_BOOL, F_FILTER,
    .zHelp="涉及重大公共利益、经过听证、疑难复杂等情形（行政处罚法第五十八条），决定前须经法制审核" },
  { "reviewed", "法制审核日期", FT_DATE, F_PAST },
  { "rules", "适用的程序规定", FT_ENUM, F_FILTER, aRules,
    .zHelp="《行政处罚法》第六十条本身没有延长规定；只有部门规章准许延长的，批准的延长才计入期限" },
  { "extended", "经批准延长办案期限", FT_BOOL, 0,
    .zHelp="按适用的部门规章经负责人批准延长（《市场监督管理行政处罚程序规定》第六十四条：延长三十日）；其他程序规定下不延长期限" },
  { "decided", "决定日期", FT_DATE, F_LIST, .zReqIn="decided,closed" },
  { "result", "处理结果", FT_ENUM, F_FILTER, aResult, .zReqIn="decided,closed" },
  { "fine", "罚没金额（元）", FT_INT, 0, .nMin=0, .nMax=2000000000 },
  { "published", "公示日期", FT_DATE, 0, .zHelp="执法决定信息向社会公开之日" },
  { "closed", "结案日期", FT_DATE, 0, .zReqIn="closed" },
  { "note", "备注", FT_LONGTEXT, 0 },
  { 0 }
};

static const State aState[] = {
  { "filed", "办理中" }, { "decided", "已决定" }, { "closed", "已结案", 1 }, { "withdrawn", "已撤案", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "decide", "作出决定", "filed", "decided", R_STAFF, "decided" },
  { "close", "结案", "decided", "closed", R_STAFF, "closed" },
  { "withdraw", "撤案", "filed", "withdrawn", R_STAFF },
  { "reopen", "撤回结案", "closed,withdrawn", "decided", R_ADMIN },
  { 0 }
};
static Deadline aDeadline[] = {
  { "decision", "行政处罚决定期限", "filed", 90, 0, PU_DAYS, "extended", 30, "decided",
    "category=penalty", "filed",
    "《行政处罚法》第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定",
    .zExtWhen = "rules=samr", .bExtFromEnd = 1,
    .zExtBasis = "《市场监督管理行政处罚程序规定》第六十四条：因案情复杂或者其他原因，不能在规定期限内作出处理决定的，"
                 "经市场监督管理部门负责人批准，可以延长三十日（自九十日期限届满之日起算）",
    .zReading = "“经批准延长30日”只在“适用的程序规定”为《市场监督管理行政处罚程序规定》（第六十四条）时计入，自90日届满日（已因节假日顺延的）起算；《行政处罚法》本身没有延长规定，其他部门勾选“经批准延长”不改变期限" },
  { "publish_penalty", "处罚决定公示期限", "decided", 7, 0, PU_WORKDAYS, 0, 0, "published",
    "category=penalty", "decided,closed",
    "国办发〔2018〕118号：行政处罚决定自作出之日起七个工作日内公开" },
  { "publish_other", "执法决定公示期限", "decided", 20, 0, PU_WORKDAYS, 0, 0, "published",
    "category=coercion,inspection,levy,other", "decided,closed",
    "国办发〔2018〕118号：执法决定自作出之日起二十个工作日内向社会公布" },
  { 0 }
};
static Indicator aIndicator[] = {
  { "cases", "行政执法案件", IU_COUNT, .num = { .aCond = { { 0 } } }, .zAlias = "行政执法案件|执法案件|办理案件" },
  { "penalty", "行政处罚案件", IU_COUNT, .num = { .aCond = { { "category", "=", "penalty" } } } },
  { "enterprise", "涉企执法案件", IU_COUNT, .num = { .aCond = { { "party_type", "=", "enterprise" } } } },
  { "decided", "已作出决定", IU_COUNT, .num = { .aCond = { { "", "state", "decided,closed" } } } },
  { "record_rate", "执法全过程记录率", IU_PERCENT,
    .num = { .aCond = { { "recorded", "=", "1" } } }, .den = { .aCond = { { 0 } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "全过程记录的案件 ÷ 全部执法案件" },
  { "review_rate", "重大执法决定法制审核率", IU_PERCENT,
    .num = { .aCond = { { "major", "=", "1" }, { "", "state", "decided,closed" }, { "reviewed", "set", 0 } } },
    .den = { .aCond = { { "major", "=", "1" }, { "", "state", "decided,closed" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "经法制审核的重大执法决定 ÷ 已作出的重大执法决定" },
  { "publish_rate", "执法决定按期公示率", IU_PERCENT,
    .num = { .aCond = { { "", "state", "decided,closed" }, { "result", "!=", "withdrawn" },
                        { "publish_penalty", "ontime", 0 }, { "publish_other", "ontime", 0 } } },
    .den = { .aCond = { { "", "state", "decided,closed" }, { "result", "!=", "withdrawn" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "在规定工作日内公示的执法决定 ÷ 已作出的执法决定" },
  { "ontime_rate", "行政处罚按期办结率", IU_PERCENT,
    .num = { .aCond = { { "category", "=", "penalty" }, { "", "state", "decided,closed" }, { "decision", "ontime", 0 } } },
    .den = { .aCond = { { "category", "=", "penalty" }, { "", "state", "decided,closed" } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "九十日（含经批准延长）内作出决定的处罚案件 ÷ 已决定的处罚案件" },
  { 0 }
};
static const ReportText report = {
  "坚持严格规范公正文明执法",
  "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
  { "全年办理行政执法案件{cases}件[，其中行政处罚案件{penalty}件][，涉企执法案件{enterprise}件]。",
    "案件数量{cases^}。",
    "执法全过程记录率{record_rate%}，重大执法决定法制审核率{review_rate%}。",
    "已作出决定的案件按期公示率{publish_rate%}。",
    "已作出决定的行政处罚案件按期办结率{ontime_rate%}。" }
};

/* The 三项制度 department by department. */
static const Breakdown aBreakdown[] = { { "cases", 0, 0 }, { "record_rate", 0, 0 }, { "publish_rate", 0, 0 }, { "ontime_rate", 0, 0 }, { 0 } };
const Kind kind_enforcement_case = {
  .zName = "enforcement_case", .nOrder = 80, .zLabel = "行政执法案件", .zGroup = "行政执法",
  .eShape = SHAPE_CASE,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .aBreakdown = aBreakdown, .pReport = &report,
  .zTrend = "cases",
  .zAbout = "行政执法案件的立案、法制审核、决定、公示与全过程记录（行政执法“三项制度”）。",
};
