/*
** tests/unit/t_kindform.c — unit tests for src/engine/kindform.c, the
** 自定义台账 page's form as a definition and back: rows to JSON (made-up
** ids, enum lines, the four ways of counting), 「指标名称」 markers to the
** engine's figures and back, the form's own refusals, kinddef_save's JSON
** paths renamed to the form's inputs, what changed between two versions,
** and an uploaded definition file. No database: kindform runs no SQL.
*/
#include "engine/kindform.h"
#include "t.h"
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <unistd.h>

static Arena arena;
static Ctx c;
static const Actor admin = { .iUser = 1, .zLogin = "admin", .zName = "管理员", .mRole = R_ADMIN, .iDept = 1, .zDeptPath = "/1/" };

static void fresh(void){
  arena_free(&arena);
  arena_init(&arena);
  ctx_init(&c, 0, &arena, &admin);
}

/* A posted form as name/value pairs (NULL-terminated). */
typedef struct Post { const char *const *az; } Post;
static const char *post_get(void *pArg, const char *zName){
  const Post *p = pArg;
  const char *z = 0;
  for(int i=0; p->az[i]; i+=2) if( strcmp(p->az[i], zName)==0 ) z = p->az[i+1];
  return z;
}

static const char *const azNotary[] = {
  "id", "notary", "label", "公证", "group", "公共法律服务", "shape", "activity",
  "nf", "5",
  "f1_id", "cert_no", "f1_label", "公证书编号", "f1_type", "text", "f1_req", "1", "f1_list", "1",
  "f2_id", "", "f2_label", "类别", "f2_type", "enum", "f2_enum", "issue 办证\n咨询\n\n v1x 其他 说明", "f2_filter", "1",
  "f3_id", "fee_cut", "f3_label", "减免金额", "f3_type", "money",
  "f4_id", "done_on", "f4_label", "办理日期", "f4_type", "date", "f4_req", "1",
  "f5_id", "", "f5_label", "", "f5_type", "text",
  "ni", "5",
  "i1_id", "certs", "i1_label", "办证件数", "i1_agg", "count", "i1_cond", "f1=issue", "i1_unit", "件",
  "i2_id", "cut", "i2_label", "减免公证费", "i2_agg", "sum", "i2_field", "fee_cut", "i2_unit", "元",
  "i3_id", "share", "i3_label", "办证占比", "i3_agg", "rate", "i3_cond", "f1=issue", "i3_den", "count", "i3_unit", "%",
  "i4_id", "avg", "i4_label", "平均减免", "i4_agg", "average", "i4_field", "fee_cut", "i4_unit", "元", "i4_dec", "2",
  "i5_id", "", "i5_label", "", "i5_agg", "count",
  "sec", "依法有效化解矛盾纠纷", "intro", "公证服务便民。",
  "s1", "「年度」全年办理公证「办证件数」件，占「办证占比」，减免「减免公证费」元。",
  "s3", "办证「办证件数（同比）」，平均「平均减免」。",
  0
};

static cJSON *json_of(KindForm *f, int rcWant){
  const char *z = 0;
  int rc = kindform_json(&c, f, &z);
  T_EQ_INT(rc, rcWant);
  if( rc!=FZ_OK ){
    for(int e=0; e<c.err.n; e++) fprintf(stderr, "    [%s] %s\n", c.err.a[e].zField ? c.err.a[e].zField : "-", c.err.a[e].zMsg);
    return 0;
  }
  cJSON *o = cJSON_Parse(z);
  T_CHECK(o!=0);
  return o;
}

static const char *jpath_str(const cJSON *o, const char *zA, int i, const char *zB){
  const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, zA);
  const cJSON *x = cJSON_GetArrayItem(a, i);
  const cJSON *v = zB ? cJSON_GetObjectItemCaseSensitive(x, zB) : x;
  return cJSON_IsString(v) ? v->valuestring : "(none)";
}

/* Rows become the definition: blank rows left out, ids made up where the
** admin left them empty, enum lines with and without ids, the four ways
** of counting, markers as figures. */
static void test_form_to_json(void){
  fresh();
  KindForm f;
  Post p = { azNotary };
  kindform_read(&c, &f, post_get, &p);
  /* the condition names row 1's field by the id it gets: fix it up as the
  ** page would after 刷新选项 (f2 has no id yet: it becomes f1) */
  cJSON *o = json_of(&f, FZ_OK);
  if( o==0 ) return;
  T_EQ_STR(jpath_str(o, "fields", 1, "id"), "f1");                 /* the first made-up id */
  const cJSON *aV = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "fields"), 1), "values");
  T_EQ_INT(cJSON_GetArraySize(aV), 3);                             /* the empty line is no value */
  T_EQ_STR(jpath_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "fields"), 1), "values", 0, "id"), "issue");
  T_EQ_STR(jpath_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "fields"), 1), "values", 1, "id"), "v1");
  T_EQ_STR(jpath_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "fields"), 1), "values", 1, "label"), "咨询");
  /* "v1x 其他 说明": an id, then a label with a space in it */
  T_EQ_STR(jpath_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "fields"), 1), "values", 2, "id"), "v1x");
  T_EQ_STR(jpath_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "fields"), 1), "values", 2, "label"), "其他 说明");
  T_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "fields")), 4);   /* the blank row 5 is left out */
  T_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "indicators")), 4);
  T_EQ_STR(jpath_str(o, "indicators", 0, "unit"), "count");
  T_EQ_STR(jpath_str(o, "indicators", 0, "unit_word"), "件");
  T_EQ_STR(jpath_str(o, "indicators", 2, "unit"), "percent");
  T_EQ_STR(jpath_str(o, "indicators", 2, "unit_word"), "(none)");  /* a rate has none */
  T_EQ_STR(jpath_str(o, "indicators", 3, "unit"), "average");
  const cJSON *pAvg = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "indicators"), 3);
  T_EQ_STR(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(pAvg, "numerator"), "agg")->valuestring, "sum");
  T_EQ_STR(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(pAvg, "denominator"), "agg")->valuestring, "count");
  T_EQ_INT(cJSON_GetObjectItemCaseSensitive(pAvg, "decimals")->valueint, 2);
  const cJSON *pShare = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "indicators"), 2);
  const cJSON *w = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(pShare, "numerator"), "where"), 0);
  T_EQ_STR(cJSON_GetObjectItemCaseSensitive(w, "field")->valuestring, "f1");
  T_EQ_STR(cJSON_GetObjectItemCaseSensitive(w, "value")->valuestring, "issue");
  T_EQ_INT(cJSON_GetObjectItemCaseSensitive(pShare, "decimals")->valueint, 1);     /* a rate's default */
  const cJSON *pRep = cJSON_GetObjectItemCaseSensitive(o, "report");
  T_EQ_STR(cJSON_GetObjectItemCaseSensitive(pRep, "section")->valuestring, "依法有效化解矛盾纠纷");
  T_EQ_STR(jpath_str(pRep, "sentences", 0, 0), "{year}全年办理公证{certs}件，占{share%}，减免{cut}元。");
  T_EQ_STR(jpath_str(pRep, "sentences", 1, 0), "办证{certs^}，平均{avg~}。");
  T_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "states")), 0);
  cJSON_Delete(o);
}

/* The definition back into the form: the markers read as typed, enum
** lines with their ids, every row old (its id and type fixed). */
static void test_round_trip(void){
  fresh();
  KindForm f, g;
  Post p = { azNotary };
  kindform_read(&c, &f, post_get, &p);
  const char *z = 0;
  T_EQ_INT(kindform_json(&c, &f, &z), FZ_OK);
  T_EQ_INT(kindform_from_def(&c, &g, z, 2), FZ_OK);
  T_EQ_INT(g.nField, 6);                                 /* four fields and two blank rows */
  T_EQ_INT(g.nInd, 6);
  T_CHECK(g.aField[0].bOld && !g.aField[4].bOld);
  T_EQ_STR(g.aField[1].zEnum, "issue 办证\nv1 咨询\nv1x 其他 说明");
  T_EQ_STR(g.azSentence[0], "「年度」全年办理公证「办证件数」件，占「办证占比」，减免「减免公证费」元。");
  T_EQ_STR(g.azSentence[1], "办证「办证件数（同比）」，平均「平均减免」。");
  T_EQ_STR(g.aInd[2].zAgg, "rate");
  T_EQ_STR(g.aInd[2].zCond, "f1=issue");
  T_EQ_STR(g.aInd[3].zAgg, "average");
  T_EQ_STR(g.aInd[3].zDecimals, "2");
  T_EQ_STR(g.zIntro, "公证服务便民。");
  /* and once more into JSON: the same definition */
  const char *z2 = 0;
  T_EQ_INT(kindform_json(&c, &g, &z2), FZ_OK);
  const char **az;
  T_EQ_INT(kindform_diff(&c, z, z2, &az), 0);
}

/* What the form refuses itself, beside the input concerned. */
static void test_form_refusals(void){
  static const char *const azBad[] = {
    "id", "bad", "label", "坏", "shape", "activity", "nf", "2",
    "f1_id", "day", "f1_label", "日期", "f1_type", "date", "f1_req", "1",
    "f2_id", "kind", "f2_label", "类别", "f2_type", "enum", "f2_enum", "甲\nonlyid",
    "ni", "2", "i1_id", "n", "i1_label", "件数", "i1_agg", "count", "i1_dec", "9",
    "i2_id", "m", "i2_label", "件数", "i2_agg", "count",
    "s1", "共「件数」件。", "s2", "共{n}件。", "s4", "共「没有」件，「件数", 0
  };
  fresh();
  KindForm f;
  Post p = { azBad };
  kindform_read(&c, &f, post_get, &p);
  const char *z = 0;
  T_EQ_INT(kindform_json(&c, &f, &z), FZ_INVALID);
  int bEnum = 0, bDec = 0, bDup = 0, bBrace = 0, bUnknown = 0, bOpen = 0, bSec = 0;
  for(int e=0; e<c.err.n; e++){
    const char *zF = c.err.a[e].zField ? c.err.a[e].zField : "", *zM = c.err.a[e].zMsg;
    if( strcmp(zF, "f2_enum")==0 && strstr(zM, "字段“类别”的选项第2行“onlyid”") ) bEnum = 1;
    if( strcmp(zF, "i1_dec")==0 ) bDec = 1;
    if( strcmp(zF, "i2_label")==0 && strstr(zM, "与第1行相同") ) bDup = 1;
    if( strcmp(zF, "s2")==0 && strstr(zM, "花括号") ) bBrace = 1;
    if( strcmp(zF, "s4")==0 && strstr(zM, "「没有」不是本台账的指标名称（本台账的指标：「件数」、「件数」）") ) bUnknown = 1;
    if( strcmp(zF, "s4")==0 && strstr(zM, "缺少配对的」") ) bOpen = 1;
    if( strcmp(zF, "sec")==0 && strstr(zM, "请选择“报告章节”") ) bSec = 1;     /* sentences, no section */
    T_CHECK(strstr(zM, "（section）")==0);        /* the form names its own select, not the JSON key */
  }
  T_CHECK(bEnum); T_CHECK(bDec); T_CHECK(bDup); T_CHECK(bBrace); T_CHECK(bUnknown); T_CHECK(bOpen); T_CHECK(bSec);
}

/* kinddef_save's JSON paths become the form's inputs: with the 所属部门
** pseudo-field first (a stored definition has it), fields[j] is the row
** whose field was written j-th; the j-th sentence written is the j-th
** non-empty one. */
static void test_error_paths(void){
  fresh();
  KindForm f;
  Post p = { azNotary };
  kindform_read(&c, &f, post_get, &p);
  f.zBase = "{\"id\":\"notary\",\"fields\":[{\"id\":\"dept_id\",\"label\":\"所属部门\",\"type\":\"dept\"}]}";
  const char *z = 0;
  T_EQ_INT(kindform_json(&c, &f, &z), FZ_OK);
  static const char *const az[][2] = {
    { "fields[2].values[1].id", "f2_enum" }, { "fields[1].label", "f1_label" }, { "fields[4].type", "f4_type" },
    { "indicators[1].unit_word", "i2_unit" }, { "indicators[2].numerator.where[0].value", "i3_cond" },
    { "indicators[2].denominator", "i3_den" }, { "report.sentences[1]", "s3" }, { "report.section", "sec" },
    { "in_force.to", "inf_to" }, { "label", "label" }, { "fields[9].id", 0 }, { "", 0 }, { "states", 0 },
  };
  for(int i=0; i<T_COUNT(az); i++){
    Field x = { .zName = az[i][0] };
    err_add(&c, 0, &x, "错误%d", i);
  }
  kindform_errors_to_inputs(&c, &f, 0);
  for(int i=0; i<T_COUNT(az); i++){
    const char *zGot = c.err.a[i].zField;
    if( az[i][1] ) T_EQ_STR(zGot, az[i][1]);
    else T_CHECK(zGot==0);
  }
}

/* What changed between two versions, in the words the versions page uses. */
static void test_diff(void){
  fresh();
  const char *zOld = "{\"id\":\"k\",\"label\":\"公证\",\"fields\":["
    "{\"id\":\"dept_id\",\"label\":\"所属部门\",\"type\":\"dept\"},"
    "{\"id\":\"cat\",\"label\":\"类别\",\"type\":\"enum\",\"values\":[{\"id\":\"a\",\"label\":\"办证\"},{\"id\":\"b\",\"label\":\"咨询\"}]},"
    "{\"id\":\"remark\",\"label\":\"备注\",\"type\":\"text\"},"
    "{\"id\":\"day\",\"label\":\"日期\",\"type\":\"date\"}],"
    "\"indicators\":[{\"id\":\"n\",\"label\":\"件数\",\"unit\":\"count\"}]}";
  const char *zNew = "{\"id\":\"k\",\"label\":\"公证\",\"fields\":["
    "{\"id\":\"cat\",\"label\":\"业务类别\",\"type\":\"enum\",\"values\":[{\"id\":\"a\",\"label\":\"出具公证书\"},{\"id\":\"b\",\"label\":\"咨询\"},{\"id\":\"c\",\"label\":\"减免\"}]},"
    "{\"id\":\"day\",\"label\":\"日期\",\"type\":\"date\",\"required\":true},"
    "{\"id\":\"fee\",\"label\":\"金额\",\"type\":\"money\"}],"
    "\"indicators\":[{\"id\":\"n\",\"label\":\"件数\",\"unit\":\"count\",\"target\":\"10\"}],"
    "\"report\":{\"section\":\"x\",\"sentences\":[\"{n}\"]}}";
  const char **az;
  int n = kindform_diff(&c, zOld, zNew, &az);
  static const char *const azWant[] = {
    "字段“类别”改名为“业务类别”：标识 cat 不变，已有记录不受影响",
    "字段“业务类别”新增选项“减免”",
    "字段“业务类别”的选项“办证”改名为“出具公证书”，已有记录随之显示新名称",
    "字段“日期”改为必填：只对新增和修改的记录适用，已有记录不受影响",
    "新增字段“金额”（金额（元），标识 fee）",
    "字段“备注”（标识 remark）不再显示：已录入的数据保留，不会删除",
    "指标“件数”的统计方式、单位或目标值有改动",
    "新增年度报告中的段落",
  };
  T_EQ_INT(n, T_COUNT(azWant));
  for(int i=0; i<T_COUNT(azWant); i++){
    int bFound = 0;
    for(int j=0; j<n; j++) bFound |= strcmp(az[j], azWant[i])==0;
    if( !bFound ) fprintf(stderr, "    missing: %s\n", azWant[i]);
    T_CHECK(bFound);
  }
  T_EQ_INT(kindform_diff(&c, zOld, zOld, &az), 0);
  T_EQ_INT(kindform_diff(&c, zOld, "not json", &az), -1);
  n = kindform_diff(&c, 0, zNew, &az);
  T_CHECK(n>0 && strcmp(az[0], "新建台账“公证”")==0);
}

/* An uploaded definition file: refusals name the line; a new id replaces the file's. */
static void test_upload(void){
  fresh();
  const char *zPath = "/tmp/fazhi-t-kindform.json";
  const char *z = 0;
  size_t n = 0;
  T_EQ_INT(kindform_upload(&c, 0, 0, &z, &n), FZ_INVALID);
  T_CHECK(strstr(c.err.a[0].zMsg, "没有收到文件")!=0);
  FILE *out = fopen(zPath, "w");
  fputs("{\n  \"id\": \"a\",\n  \"label\": \"甲\"\n  \"fields\": []\n}\n", out);
  fclose(out);
  fresh();
  T_EQ_INT(kindform_upload(&c, zPath, 0, &z, &n), FZ_INVALID);
  T_CHECK(c.err.n==1 && strstr(c.err.a[0].zMsg, "在第4行附近")!=0);
  out = fopen(zPath, "w");
  fputs("\xef\xbb\xbf{\"id\":\"notary\",\"label\":\"公证\",\"version\":3}", out);
  fclose(out);
  fresh();
  T_EQ_INT(kindform_upload(&c, zPath, "notary_b", &z, &n), FZ_OK);
  cJSON *o = cJSON_Parse(z);
  T_EQ_STR(cJSON_GetObjectItemCaseSensitive(o, "id")->valuestring, "notary_b");
  T_CHECK(cJSON_GetObjectItemCaseSensitive(o, "version")==0);
  cJSON_Delete(o);
  fresh();
  T_EQ_INT(kindform_upload(&c, zPath, "", &z, &n), FZ_OK);      /* the BOM is dropped, the text kept */
  T_CHECK(z[0]=='{' && strstr(z, "\"version\":3"));
  unlink(zPath);
}

/* 分单位情况: a kind the page makes has each indicator broken down by
** 所属部门, in step as indicators go; breakdowns a definition file brought
** are kept, less those naming an indicator no longer there. */
static void test_breakdowns(void){
  fresh();
  KindForm f, g;
  Post p = { azNotary };
  kindform_read(&c, &f, post_get, &p);
  const char *z = 0;
  T_EQ_INT(kindform_json(&c, &f, &z), FZ_OK);
  cJSON *o = cJSON_Parse(z);
  T_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "breakdowns")), 4);
  T_EQ_STR(jpath_str(o, "breakdowns", 1, "indicator"), "cut");
  T_EQ_STR(jpath_str(o, "breakdowns", 1, "by"), "(none)");       /* 所属部门 */
  cJSON_Delete(o);
  /* the admin removes 平均减免 (and the sentence naming it) */
  T_EQ_INT(kindform_from_def(&c, &g, z, 2), FZ_OK);
  g.aInd[3].zId = ""; g.aInd[3].zLabel = "";
  g.azSentence[1] = "";
  o = json_of(&g, FZ_OK);
  if( o==0 ) return;
  T_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "breakdowns")), 3);
  T_EQ_STR(jpath_str(o, "breakdowns", 2, "indicator"), "share");
  cJSON_Delete(o);
  /* a definition file's own breakdowns */
  fresh();
  kindform_read(&c, &f, post_get, &p);
  f.zBase = "{\"id\":\"notary\",\"breakdowns\":[{\"indicator\":\"certs\",\"by\":\"f1\"},{\"indicator\":\"gone\"}]}";
  o = json_of(&f, FZ_OK);
  if( o==0 ) return;
  T_EQ_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "breakdowns")), 1);
  T_EQ_STR(jpath_str(o, "breakdowns", 0, "indicator"), "certs");
  T_EQ_STR(jpath_str(o, "breakdowns", 0, "by"), "f1");
  cJSON_Delete(o);
}

/* A 案件 whose deadline takes its length from a field and an indicator
** counting what was done on time (schema --json's 办件 with a new id) goes
** through the form unchanged: the empty 期限长度 input keeps length_field. */
static void test_length_field(void){
  fresh();
  const char *zDef = "{\"id\":\"case_copy\",\"label\":\"办件副本\",\"shape\":\"case\",\"fields\":["
    "{\"id\":\"dept_id\",\"label\":\"所属部门\",\"type\":\"dept\"},"
    "{\"id\":\"received\",\"label\":\"受理日期\",\"type\":\"date\",\"required\":true,\"year_field\":true},"
    "{\"id\":\"limit_days\",\"label\":\"承诺时限（工作日）\",\"type\":\"int\",\"required\":true},"
    "{\"id\":\"finished\",\"label\":\"办结日期\",\"type\":\"date\"}],"
    "\"states\":[{\"id\":\"received\",\"label\":\"办理中\"},{\"id\":\"finished\",\"label\":\"已办结\",\"final\":true}],"
    "\"transitions\":[{\"id\":\"finish\",\"label\":\"办结\",\"from\":\"received\",\"to\":\"finished\",\"roles\":[\"admin\",\"clerk\"],\"stamps\":\"finished\"}],"
    "\"deadlines\":[{\"id\":\"promise\",\"label\":\"承诺办结期限\",\"start\":\"received\",\"length_field\":\"limit_days\","
    "\"unit\":\"workdays\",\"done\":\"finished\",\"basis\":\"办事指南\"}],"
    "\"indicators\":[{\"id\":\"ontime_rate\",\"label\":\"按承诺时限办结率\",\"unit\":\"percent\","
    "\"numerator\":{\"agg\":\"count\",\"where\":[{\"field\":\"promise\",\"op\":\"ontime\"},"
    "{\"field\":\"limit_days\",\"op\":\"<=\",\"value\":\"30\"}]},"
    "\"denominator\":{\"agg\":\"count\",\"where\":[{\"field\":\"state\",\"op\":\"state\",\"value\":\"finished\"}]}}]}";
  KindForm f;
  T_EQ_INT(kindform_from_def(&c, &f, zDef, 0), FZ_OK);
  const char *z = 0;
  T_EQ_INT(kindform_json(&c, &f, &z), FZ_OK);
  cJSON *o = z ? cJSON_Parse(z) : 0;
  const cJSON *d = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "deadlines"), 0);
  T_EQ_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "length_field")), "limit_days");
  T_CHECK(d && cJSON_GetObjectItemCaseSensitive(d, "length")==0);
  const cJSON *x = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "indicators"), 0);
  const cJSON *wn = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(x, "numerator"), "where"), 0);
  const cJSON *wd = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(x, "denominator"), "where"), 0);
  T_EQ_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(wn, "op")), "ontime");
  const cJSON *wn2 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(x, "numerator"), "where"), 1);
  T_EQ_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(wn2, "op")), "<=");
  T_EQ_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(wn2, "value")), "30");
  /* a condition with a value ("state:state:finished" in the form) comes back whole */
  T_EQ_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(wd, "field")), "state");
  T_EQ_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(wd, "op")), "state");
  T_EQ_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(wd, "value")), "finished");
  cJSON_Delete(o);
}

static const TestCase aTest[] = {
  { "form_to_json", test_form_to_json },
  { "round_trip", test_round_trip },
  { "form_refusals", test_form_refusals },
  { "error_paths", test_error_paths },
  { "diff", test_diff },
  { "upload", test_upload },
  { "breakdowns", test_breakdowns },
  { "length_field", test_length_field },
};

int main(int argc, char **argv){
  arena_init(&arena);
  int rc = t_main(argc, argv, aTest, T_COUNT(aTest));
  arena_free(&arena);
  return rc;
}
