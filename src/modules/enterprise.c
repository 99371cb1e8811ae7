/*
** src/modules/enterprise.c — 市场主体名录库: the entities random
** inspections are drawn from and inspectors log their visits against
** (DOMAIN.md item 10; LAW.md §4.1).
**
** The credit-risk class (信用风险分类) sets the share drawn per class in a
** plan; the yearly limit on on-site inspections (同一企业年度检查频次上限,
** 国办发〔2024〕54号) is data per entity: the draw holds back an entity that
** has reached it, and the QR page warns.
*/
#include "engine/kind.h"

static const EnumVal aType[] = {
  { "company", "企业" }, { "individual", "个体工商户" }, { "coop", "农民专业合作社" }, { "other", "其他组织" }, { 0 }
};
const EnumVal enterprise_industry[] = {
  { "food", "食品生产经营" }, { "catering", "餐饮服务" }, { "drug", "药品医疗器械" }, { "special", "特种设备" },
  { "product", "工业产品生产" }, { "retail", "批发零售" }, { "building", "建筑施工" }, { "transport", "交通运输" },
  { "chemical", "危险化学品" }, { "pollution", "重点排污单位" }, { "other", "其他" }, { 0 }
};
const EnumVal enterprise_risk[] = {
  { "a", "A类（低风险）" }, { "b", "B类（一般风险）" }, { "c", "C类（较高风险）" }, { "d", "D类（高风险）" }, { 0 }
};

static Field aField[] = {
  { "credit_code", "统一社会信用代码", FT_TEXT, F_REQ|F_UNIQUE|F_LIST|F_FILTER|F_PUBLIC, .nMax=18,
    .zHelp="18位代码；个体工商户无代码的填注册号" },
  { "name", "名称", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC|F_TITLE, .nMax=100 },
  { "etype", "主体类型", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, aType },
  { "industry", "行业", FT_ENUM, F_REQ|F_LIST|F_FILTER|F_PUBLIC, enterprise_industry },
  { "town", "所在乡镇（街道）", FT_TEXT, F_REQ|F_LIST|F_FILTER|F_PUBLIC, .nMax=50 },
  { "risk", "信用风险分类", FT_ENUM, F_REQ|F_LIST|F_FILTER, enterprise_risk },
  { "yearly_limit", "年度入企检查上限（次）", FT_INT, F_REQ, .nMin=0, .nMax=99,
    .zHelp="同一企业一年内入企现场检查的次数上限；0 表示不设上限" },
  { "address", "经营地址", FT_TEXT, F_PUBLIC, .nMax=200 },
  { "legal_rep", "法定代表人（负责人）", FT_TEXT, 0, .nMax=50 },
  { 0 }
};

static const State aState[] = { { "active", "存续" }, { "closed", "注销或吊销", 1 }, { 0 } };
static Transition aTrans[] = {
  { "close", "注销", "active", "closed", R_STAFF },
  { "restore", "恢复存续", "closed", "active", R_ADMIN },
  { 0 }
};
static Indicator aIndicator[] = {
  { "entities", "名录库市场主体", IU_COUNT, .num = { .aCond = { { "", "state", "active" } } } },
  { "low_risk", "低风险（A类）市场主体", IU_COUNT, .num = { .aCond = { { "", "state", "active" }, { "risk", "=", "a" } } } },
  { "high_risk", "高风险（D类）市场主体", IU_COUNT, .num = { .aCond = { { "", "state", "active" }, { "risk", "=", "d" } } } },
  { "limited", "设定年度入企检查上限", IU_COUNT,
    .num = { .aCond = { { "", "state", "active" }, { "yearly_limit", ">=", "1" } } } },
  { 0 }
};
/* 分级分类: the pool the draws come from, and how far checks are limited */
static const ReportText report = {
  "坚持严格规范公正文明执法",
  0,
  { "实施信用风险分级分类监管，市场主体名录库收录在营市场主体{entities}户[，其中低风险（A类）{low_risk}户][、高风险（D类）{high_risk}户]"
    "[，对{limited}户设定年度入企检查次数上限，减少对企业正常经营的干扰]。" }
};

static const Link aLink[] = { { "扫码入企二维码", "/qr/" }, { 0 } };

const Kind kind_enterprise = {
  .zName = "enterprise", .nOrder = 100, .zLabel = "市场主体名录库", .zGroup = "涉企检查",
  .eShape = SHAPE_CATALOG, .bPublic = 1,
  .aField = aField, .aState = aState, .aTrans = aTrans, .aIndicator = aIndicator, .aLink = aLink, .pReport = &report,
  .zAbout = "双随机抽查的检查对象名录库：主体类型、行业、乡镇、信用风险分类与年度入企检查上限。",
};
