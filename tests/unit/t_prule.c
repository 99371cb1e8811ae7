/*
** tests/unit/t_prule.c — 地方规定 (src/engine/prule.c; issue 16 §5):
** which rule is in force for a record (prule_pick: its unit, the
** jurisdictions above it, the days in force of each rule), and the same
** rules counted by deadline_eval, by the indicators in C and in SQL (the
** SQL path runs on PostgreSQL, FZ_TEST_PG), all alike.
**
** Dates by hand: 2026-03-02 is a Monday; 15 days later is Tue 03-17; 10
** days later Thu 03-12; 30 days later Wed 04-01; 20 days after Tue
** 06-02 is Mon 06-22.
*/
#include "app/app.h"
#include "t.h"
#include "engine/prule.h"
#include "engine/query.h"
#include "transfer/transfer.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static Day day(const char *z){ Day d = 0; day_parse(z, &d); return d; }

/* r: kind, deadline, jurisdiction id and path, from, to ("" open), length */
static PeriodRule rule(const char *zKind, const char *zDl, i64 iJur, const char *zPath,
                       const char *zFrom, const char *zTo, int n){
  PeriodRule p;
  memset(&p, 0, sizeof p);
  p.zKind = zKind; p.zDeadline = zDl; p.iJur = iJur; p.zJurPath = zPath;
  p.nLength = n; p.eUnit = PU_DAYS; p.zLevel = "county";
  p.from = day(zFrom); p.to = zTo[0] ? day(zTo) : 0;
  return p;
}

/* Province 1 ("/1/") holds city 2 ("/1/2/"), which holds counties 3
** ("/1/2/3/") and 4 ("/1/2/4/"). */
static void test_pick(void){
  PeriodRule a[] = {
    rule("normative_doc", "filing", 1, "/1/",     "2025-01-01", "",           20),   /* 0 province */
    rule("normative_doc", "filing", 3, "/1/2/3/", "2026-01-01", "2026-05-31", 15),   /* 1 county 3 */
    rule("normative_doc", "filing", 3, "/1/2/3/", "2026-06-01", "",           10),   /* 2 county 3, later */
    rule("normative_doc", "filing", 2, "/1/2/",   "2026-03-01", "2026-03-31", 25),   /* 3 city, one month */
    rule("hotline_ticket", "full",  4, "/1/2/4/", "2026-01-01", "",            5),   /* 4 another period */
    rule("normative_doc", "filing", 5, "/5/",     "2020-01-01", "",            7),   /* 5 another province */
  };
  int n = T_COUNT(a);
  const char *K = "normative_doc", *D = "filing";
  /* nothing in force yet: the declared length */
  T_CHECK(prule_pick(a, n, K, D, 3, "/1/2/3/", day("2024-12-31"))==0);
  /* the province's from its first day */
  T_CHECK(prule_pick(a, n, K, D, 3, "/1/2/3/", day("2025-01-01"))==&a[0]);
  T_CHECK(prule_pick(a, n, K, D, 4, "/1/2/4/", day("2025-12-31"))==&a[0]);
  /* the county's own comes first, on its first and last day */
  T_CHECK(prule_pick(a, n, K, D, 3, "/1/2/3/", day("2026-01-01"))==&a[1]);
  T_CHECK(prule_pick(a, n, K, D, 3, "/1/2/3/", day("2026-05-31"))==&a[1]);
  /* …then its next rule */
  T_CHECK(prule_pick(a, n, K, D, 3, "/1/2/3/", day("2026-06-01"))==&a[2]);
  /* a county rule beats the city's month; the other county takes the city's */
  T_CHECK(prule_pick(a, n, K, D, 3, "/1/2/3/", day("2026-03-15"))==&a[1]);
  T_CHECK(prule_pick(a, n, K, D, 4, "/1/2/4/", day("2026-03-15"))==&a[3]);
  T_CHECK(prule_pick(a, n, K, D, 4, "/1/2/4/", day("2026-04-01"))==&a[0]);
  /* the city itself (its own records) */
  T_CHECK(prule_pick(a, n, K, D, 2, "/1/2/", day("2026-03-15"))==&a[3]);
  /* another period's rule, another province's: never */
  T_CHECK(prule_pick(a, n, "hotline_ticket", "full", 3, "/1/2/3/", day("2026-03-15"))==0);
  T_CHECK(prule_pick(a, n, "hotline_ticket", "quick", 4, "/1/2/4/", day("2026-03-15"))==0);
  T_CHECK(prule_pick(a, n, "hotline_ticket", "full", 4, "/1/2/4/", day("2026-03-15"))==&a[4]);
  T_CHECK(prule_pick(a, n, K, D, 6, "/6/", day("2026-03-15"))==0);
  T_CHECK(prule_pick(a, n, K, D, 5, "/5/", day("2026-03-15"))==&a[5]);
  /* a unit whose path is not known: only its own rules */
  T_CHECK(prule_pick(a, n, K, D, 3, 0, day("2026-03-15"))==&a[1]);
  T_CHECK(prule_pick(a, n, K, D, 4, 0, day("2026-03-15"))==0);
  /* a path that only starts like a jurisdiction's is not under it */
  T_CHECK(prule_pick(a, n, K, D, 11, "/11/", day("2026-03-15"))==0);
}

static Db *pDb;
static Arena arena;
static Actor cli = { 0, "(命令行)", "系统", R_ADMIN, 0, "/" };
static Ctx ctx;

/* One filed document of county zCounty: published zPub, filed zFiled. */
static void doc(const char *zCounty, const char *zNo, const char *zPub, const char *zFiled){
  static const char *const azH[] = { "所属部门", "状态", "文号", "文件名称", "公布日期", "报送备案日期", "备案机关" };
  const char *azV[] = { arena_printf(&arena, "%s司法局", zCounty), "已备案", zNo, "测试文件", zPub, zFiled, "市人民政府" };
  IoRow aRow[2] = { { 1, 7, (char**)azH }, { 2, 7, (char**)azV } };
  IoTable t = { 2, aRow };
  int nDone = 0;
  ctx.err.n = 0;
  int rc = import_table(&ctx, kind_find("normative_doc"), &t, &nDone);
  for(int i=0; i<ctx.err.n; i++) fprintf(stderr, "  %s\n", err_text(&ctx, &ctx.err.a[i]));
  T_EQ_INT(rc, FZ_OK);
}

/* The due date of document zNo, and its source text. */
static const char *due_of(const char *zNo, const char **pzSource){
  const Kind *k = kind_find("normative_doc");
  Query q;
  RecList l;
  query_init(&ctx, &q, k);
  q.azFilter[0] = zNo;                       /* doc_no is the first field */
  T_EQ_INT(rec_list(&ctx, &q, &l), FZ_OK);
  T_EQ_INT(l.nTotal, 1);
  if( l.nRow!=1 ) return "";
  DeadlineStatus s;
  const Deadline *d = kind_deadline(k, "filing");
  deadline_eval(&ctx, l.aRow[0], d, ctx.iToday, &s);
  char z[11];
  day_format(s.due, z);
  *pzSource = prule_source(&arena, d, s.pRule);
  return arena_strdup(&arena, z);
}

/* 法定期限备案率 of a county in 2026, as "num/den", in SQL or in C. */
static const char *rate(i64 iUnit, int bC){
  const Kind *k = kind_find("normative_doc");
  IndValue v;
  ctx.pIndCache = 0;
  ctx.bPeriodsInC = bC;
  T_EQ_INT(ind_compute(&ctx, k, kind_indicator(k, "filing_ontime_rate"), 2026, iUnit, &v), 0);
  ctx.bPeriodsInC = 0;
  return arena_printf(&arena, "%lld/%lld", (long long)v.num, (long long)v.den);
}

static void test_counted(void){
  static char zPath[64];
  snprintf(zPath, sizeof zPath, "/tmp/fazhi-t-prule-%d.db", (int)getpid());
  pDb = app_open(t_db_target(zPath), 1);
  arena_init(&arena);
  ctx_init(&ctx, pDb, &arena, &cli);
  i64 iA, iB, j;
  T_EQ_INT(county_create(&ctx, "甲县", &iA, &j), FZ_OK);
  T_EQ_INT(county_create(&ctx, "乙县", &iB, &j), FZ_OK);
  const char *az[] = { "甲县", "乙县" };
  T_EQ_INT(city_group(&ctx, "某市", az, 2), FZ_OK);
  doc("甲县", "甲1", "2026-03-02", "2026-03-14");   /* 12 days */
  doc("甲县", "甲2", "2026-06-02", "2026-06-20");   /* 18 days */
  doc("乙县", "乙1", "2026-03-02", "2026-03-14");
  const char *zSrc;
  T_EQ_STR(due_of("甲1", &zSrc), "2026-04-01");
  T_EQ_STR(zSrc, "依据：行政规范性文件应当自公布之日起30日内报送备案（省级规范性文件管理办法；期限因省而异，可按本省规定调整）（默认规定）");
  for(int bC=0; bC<2; bC++){ T_EQ_STR(rate(iA, bC), "2/2"); T_EQ_STR(rate(iB, bC), "1/1"); }
  /* a province's 10 days (the city's unit), then 甲县's own 15 from June */
  i64 id;
  T_EQ_INT(prule_set(&ctx, "normative_doc", "filing", "某市", "province", "10", "days", "某省规定第九条", "2026-01-01", &id), FZ_OK);
  T_EQ_INT(prule_set(&ctx, "normative_doc", "filing", "甲县", 0, "20", "days", "甲县细则第三条", "2026-06-01", &id), FZ_OK);
  T_EQ_STR(due_of("甲1", &zSrc), "2026-03-12");
  T_EQ_STR(zSrc, "依据：某省规定第九条（省级规定，2026-01-01起施行）");
  T_EQ_STR(due_of("甲2", &zSrc), "2026-06-22");
  T_EQ_STR(zSrc, "依据：甲县细则第三条（县级规定，2026-06-01起施行）");
  T_EQ_STR(due_of("乙1", &zSrc), "2026-03-12");
  for(int bC=0; bC<2; bC++){
    T_EQ_STR(rate(iA, bC), "1/2");            /* 甲1 late under 10, 甲2 on time under 20 */
    T_EQ_STR(rate(iB, bC), "0/1");
    T_EQ_STR(rate(0, bC), "1/3");             /* the whole database: each county its own rule */
  }
  /* refused: a fixed period, a county level for a city, a bad unit */
  ctx.err.n = 0;
  T_EQ_INT(prule_set(&ctx, "reconsideration", "decision", "甲县", 0, "30", "days", "x", "2026-01-01", &id), FZ_INVALID);
  T_CHECK(ctx.err.n>=1 && strstr(ctx.err.a[0].zMsg, "行政复议法》第六十二条")!=0);
  ctx.err.n = 0;
  T_EQ_INT(prule_set(&ctx, "normative_doc", "filing", "某市", "county", "30", "days", "x", "2026-07-01", &id), FZ_INVALID);
  ctx.err.n = 0;
  T_EQ_INT(prule_set(&ctx, "normative_doc", "filing", "甲县司法局", 0, "30", "days", "x", "2026-07-01", &id), FZ_INVALID);
  ctx.err.n = 0;
  /* ending the province's rule on 03-01: 甲1 and 乙1 started after, back to 30 days */
  T_EQ_INT(prule_end(&ctx, "1", "2026-03-01"), FZ_OK);
  T_EQ_STR(due_of("乙1", &zSrc), "2026-04-01");
  for(int bC=0; bC<2; bC++) T_EQ_STR(rate(0, bC), "3/3");
  db_close(pDb);
  if( getenv("FZ_TEST_PG")==0 ) unlink(zPath);
  arena_free(&arena);
}

static const TestCase aTest[] = {
  { "pick", test_pick },
  { "counted", test_counted },
};

int main(int argc, char **argv){
  setenv("FAZHI_TODAY", "2026-12-31", 1);
  return t_main(argc, argv, aTest, T_COUNT(aTest));
}
