/*
** src/modules/normative_doc.c — 行政规范性文件 (register, filing, clean-up).
**
** DOMAIN.md item 4. Documents are registered under one number (三统一),
** filed with the higher level within the period after publication, and
** given a decision in each 清理 campaign. The filing period is local law
** (LAW.md §1.6, "L"): 30 days is the common provincial rule.
*/
#include "engine/kind.h"

static const EnumVal aFiledTo[] = {
  { "city_gov", "市人民政府" }, { "prov_system", "省规章规范性文件管理系统" },
  { "higher_dept", "上级主管部门" }, { 0 }
};
static const EnumVal aCleanup[] = {
  { "keep", "保留" }, { "amend", "修改" }, { "repeal", "废止" }, { "expire", "宣布失效" }, { 0 }
};

static Field aField[] = {
  { "doc_no", "文号", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=64,
    .zHelp="统一编号，如 浚政规〔2024〕1号" },
  { "title", "文件名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=200 },
  { "review_id", "合法性审核", FT_REF, 0, .zRef="legality_review" },
  { "published", "公布日期", FT_DATE, F_REQ|F_LIST|F_FILTER|F_YEAR|F_PUBLIC },
  { "valid_until", "有效期至", FT_DATE, F_PUBLIC },
  { "filed_date", "报送备案日期", FT_DATE, F_LIST, .zReqIn="filed" },
  { "filed_to", "备案机关", FT_ENUM, F_FILTER, aFiledTo, .zReqIn="filed" },
  { "npc_filed", "同时报人大常委会备案", FT_BOOL, 0 },
  { "cleanup", "清理结论", FT_ENUM, F_LIST|F_FILTER|F_PUBLIC, aCleanup },
  { "cleanup_date", "清理日期", FT_DATE, F_PAST },
  { 0 }
};

static const State aState[] = {
  { "published", "已公布待备案" }, { "filed", "已备案" }, { "void", "已废止/失效", 1 }, { 0 }
};
static Transition aTrans[] = {
  { "file", "报送备案", "published", "filed", R_STAFF, "filed_date" },
  { "repeal", "废止/失效", "published,filed", "void", R_ADMIN, "cleanup_date" },
  { 0 }
};
static Deadline aDeadline[] = {
  { "filing", "报送备案期限", "published", 30, 0, PU_DAYS, 0, 0, "filed_date", 0, "published",
    "行政规范性文件应当自公布之日起30日内报送备案（省级规范性文件管理办法；期限因省而异，可按本省规定调整）",
    .bLocal = 1 },
  { 0 }
};
static Indicator aIndicator[] = {
  { "issued", "制发规范性文件", IU_COUNT, .num = { .aCond = { { 0 } } } },
  { "filing_rate", "报备率", IU_PERCENT,
    .num = { .aCond = { { "filed_date", "set", 0 } } }, .den = { .aCond = { { 0 } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "报送备案数 ÷ 制发数" },
  { "filing_ontime_rate", "法定期限备案率", IU_PERCENT,
    .num = { .aCond = { { "filed_date", "set", 0 }, { "filing", "ontime", 0 } } },
    .den = { .aCond = { { "filed_date", "set", 0 } } },
    .nDecimals = 1, .zTarget = "100", .zHelp = "法定期限内报送备案数 ÷ 报送备案数" },
  { "cleanup_total", "清理文件", IU_COUNT, .num = { .aCond = { { "cleanup", "set", 0 } } }, .zYearField = "cleanup_date" },
  { "cleanup_keep", "清理保留", IU_COUNT, .num = { .aCond = { { "cleanup", "=", "keep" } } }, .zYearField = "cleanup_date" },
  { "cleanup_amend", "清理修改", IU_COUNT, .num = { .aCond = { { "cleanup", "=", "amend" } } }, .zYearField = "cleanup_date" },
  { "cleanup_repeal", "清理废止", IU_COUNT, .num = { .aCond = { { "cleanup", "=", "repeal" } } }, .zYearField = "cleanup_date" },
  { "cleanup_expire", "清理宣布失效", IU_COUNT, .num = { .aCond = { { "cleanup", "=", "expire" } } }, .zYearField = "cleanup_date" },
  { 0 }
};

/* One paragraph with the legality reviews' (legality_review). */
static const ReportText report = {
  "健全依法行政制度体系",
  "强化规范性文件管理，严格落实合法性审核和备案审查制度。",
  { "制发规范性文件{issued}件，报送备案{filing_rate}件，报备率{filing_rate%}"
    "[；已报送备案的文件法定期限备案率{filing_ontime_rate%}]。",
    "开展规范性文件清理，共清理{cleanup_total}件，其中[保留{cleanup_keep}件][、修改{cleanup_amend}件]"
    "[、废止{cleanup_repeal}件][、宣布失效{cleanup_expire}件]。" },
  .bJoin = 1
};

const Kind kind_normative_doc = {
  .zName = "normative_doc", .nOrder = 40, .zLabel = "行政规范性文件", .zGroup = "依法行政制度",
  .eShape = SHAPE_CASE, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aDeadline = aDeadline,
  .aIndicator = aIndicator, .pReport = &report,
  .zAbout = "行政规范性文件统一登记、统一编号、统一印发，公布后报送备案，定期清理。",
};
