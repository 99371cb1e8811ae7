/*
** bench/gen.c — a county-year at scale, as the CSV files a clerk would
** import: 办件 (default 1,000,000), 政务服务事项 (≈2,400), 合法性审核 (65),
** 行政规范性文件 (12) and 行政复议 (270).
**
**   gen --db BASE.db --year Y --out DIR [--cases N] [--items N] [--seed S]
**
** Departments are read from BASE.db (a `fazhi demo` database), so every
** 所属部门 exists. Headers are the Chinese labels the importer matches.
** Codes and case numbers carry a "BX" prefix (or numbers far above the
** demo's) so they never collide with the demo's own records. Dates lie in
** year Y and never after today; finish dates are counted in working days on
** fazhi's own holiday calendar, about 97.5% within the promised period.
**
** No value contains a comma, quote or newline, so rows are written without
** quoting and bench/raw_insert.c can split them on commas.
** Deterministic: the same seed, year and today give the same files.
*/
#include "calendar/calendar.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned long long s = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n){
  s ^= s << 13; s ^= s >> 7; s ^= s << 17;
  return n ? (unsigned)(s % n) : 0;
}
static int chance(int nPerMille){ return (int)rnd(1000) < nPerMille; }

static Day add_workdays(Day d, int n){ Day out = d; if( n>0 ) cal_add_workdays(d, n, &out); return out; }
static const char *ymd(Day d, char z[11]){ day_format(d, z); return z; }

static FILE *open_csv(const char *zDir, const char *zName, const char *zHead){
  char zPath[1024];
  snprintf(zPath, sizeof zPath, "%s/%s.csv", zDir, zName);
  FILE *f = fopen(zPath, "wb");
  if( f==0 ){ fprintf(stderr, "gen: cannot write %s\n", zPath); exit(1); }
  setvbuf(f, 0, _IOFBF, 1<<20);
  fprintf(f, "%s\n", zHead);
  return f;
}

static const char *azItemBase[] = {
  "食品经营许可", "食品生产许可", "个体工商户设立登记", "企业设立登记", "药品零售企业许可", "特种设备使用登记",
  "建设工程规划许可", "建设用地规划许可", "不动产登记", "建筑工程施工许可", "商品房预售许可", "燃气经营许可",
  "社会保障卡申领", "失业保险金申领", "职业技能等级认定", "道路运输经营许可", "出租汽车经营许可", "医疗机构执业登记",
  "护士执业注册", "民办学校办学许可", "教师资格认定", "农药经营许可", "兽药经营许可", "种子生产经营许可",
  "社会团体成立登记", "婚姻登记", "最低生活保障审批", "排污许可", "建设项目环评审批", "危险化学品经营许可",
  "烟花爆竹经营许可", "城市道路占用许可", "户外广告设置许可", "居民身份证办理", "户口迁移", "机动车登记",
  "公共场所卫生许可", "娱乐场所经营许可", "网吧经营许可", "宗教活动场所登记", 0
};
static const char *azVariant[] = { "（新办）", "（变更）", "（延续）", "（注销）", "（补证）", "（迁移）" };
static const char *azSurname = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";   /* 3-byte characters */
static const char *azGiven = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";

int main(int argc, char **argv){
  const char *zDb = 0, *zOut = ".";
  int iYear = 0, nCase = 1000000, nItem = 2400;
  for(int i=1; i+1<argc; i+=2){
    if( strcmp(argv[i], "--db")==0 ) zDb = argv[i+1];
    else if( strcmp(argv[i], "--year")==0 ) iYear = atoi(argv[i+1]);
    else if( strcmp(argv[i], "--out")==0 ) zOut = argv[i+1];
    else if( strcmp(argv[i], "--cases")==0 ) nCase = atoi(argv[i+1]);
    else if( strcmp(argv[i], "--items")==0 ) nItem = atoi(argv[i+1]);
    else if( strcmp(argv[i], "--seed")==0 ) s = strtoull(argv[i+1], 0, 0) | 1;
    else{ fprintf(stderr, "gen: unknown option %s\n", argv[i]); return 2; }
  }
  if( zDb==0 || iYear<1990 || nCase<1 || nItem<1 ){
    fprintf(stderr, "usage: gen --db BASE.db --year Y --out DIR [--cases N] [--items N] [--seed S]\n");
    return 2;
  }

  /* Departments of the target county. */
  sqlite3 *db;
  sqlite3_stmt *q;
  if( sqlite3_open_v2(zDb, &db, SQLITE_OPEN_READONLY, 0)!=SQLITE_OK ){ fprintf(stderr, "gen: cannot open %s\n", zDb); return 1; }
  static char azDept[256][200];
  char zCounty[200] = "", zJustice[200] = "";
  int nDept = 0;
  sqlite3_prepare_v2(db, "SELECT name, dtype FROM dept ORDER BY id", -1, &q, 0);
  while( sqlite3_step(q)==SQLITE_ROW && nDept<256 ){
    const char *zName = (const char*)sqlite3_column_text(q, 0);
    const char *zType = (const char*)sqlite3_column_text(q, 1);
    size_t n = strlen(zName);
    if( strcmp(zType, "county")==0 ){ snprintf(zCounty, sizeof zCounty, "%s", zName); continue; }
    if( n>=9 && strcmp(zName+n-9, "司法局")==0 ){ snprintf(zJustice, sizeof zJustice, "%s", zName); continue; }
    if( strcmp(zType, "bureau")==0 || strcmp(zType, "town")==0 ) snprintf(azDept[nDept++], 200, "%s", zName);
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  if( nDept<3 || zCounty[0]==0 || zJustice[0]==0 ){
    fprintf(stderr, "gen: %s has no county/司法局/bureaus (create it with `fazhi demo --no-serve`)\n", zDb);
    return 1;
  }

  Day today, y0 = day_from_ymd(iYear, 1, 1), yEnd = day_from_ymd(iYear, 12, 31);
  {
    time_t t = time(0);
    struct tm tm;
    localtime_r(&t, &tm);
    today = day_from_ymd(tm.tm_year+1900, tm.tm_mon+1, tm.tm_mday);
  }
  if( yEnd>today ) yEnd = today;
  if( yEnd<y0 ){ fprintf(stderr, "gen: year %d is in the future\n", iYear); return 2; }
  char z1[11], z2[11];

  /* 政务服务事项: the first three departments carry a third of the items. */
  FILE *f = open_csv(zOut, "service_item", "所属部门,状态,事项编码,事项名称,事项类型,进驻政务服务中心,"
                     "网办深度,最多跑动次数,法定时限（工作日）,承诺时限（工作日）,申请材料数,办理环节数");
  int *aItemDept = malloc(sizeof(int)*(size_t)nItem);
  int *aItemPromise = malloc(sizeof(int)*(size_t)nItem);
  char (*azItemCode)[24] = malloc(24*(size_t)nItem);
  for(int i=0; i<nItem; i++){
    int d = i < nItem/3 ? i % 3 : 3 + i % (nDept-3);
    const char *zCat = chance(380) ? "行政许可" : chance(400) ? "公共服务" : chance(500) ? "行政确认"
                     : chance(500) ? "行政给付" : chance(700) ? "其他行政权力" : "行政奖励";
    int bLicense = strcmp(zCat, "行政许可")==0;
    int nLegal = bLicense ? (chance(700) ? 20 : 15) : (chance(500) ? 0 : 10 + (int)rnd(21));
    int nPromise = nLegal ? 1 + (int)rnd(3) : 1 + (int)rnd(5);
    if( nLegal && chance(80) ) nPromise = nLegal/2;
    snprintf(azItemCode[i], 24, "BX4106%02d%05d", d, i+1);
    aItemDept[i] = d;
    aItemPromise[i] = nPromise;
    char zLegal[8] = "";
    if( nLegal ) snprintf(zLegal, sizeof zLegal, "%d", nLegal);
    fprintf(f, "%s,%s,%s,%s%s,%s,%s,%s,%d,%s,%d,%d,%d\n",
            azDept[d], chance(15) ? "已取消" : "在用", azItemCode[i],
            azItemBase[(d*7 + i) % 40], azVariant[i % 6], zCat,
            chance(964) ? "是" : "否",
            chance(20) ? "涉密不可网办" : chance(620) ? "全程网办" : chance(800) ? "可网办" : "不可网办",
            chance(560) ? 0 : chance(930) ? 1 : 2, zLegal, nPromise, 1 + (int)rnd(7), 2 + (int)rnd(3));
  }
  fclose(f);

  /* 办件: spread evenly over the working days of the year (to today). */
  static const char *azRating[] = { "非常满意", "满意", "基本满意", "不满意", "非常不满意" };
  int nWork = 0;
  for(Day d=y0; d<=yEnd; d++) if( cal_is_workday(d, 0) ) nWork++;
  if( nWork==0 ){ fprintf(stderr, "gen: no working day in %d up to today\n", iYear); return 2; }
  f = open_csv(zOut, "service_case", "所属部门,状态,办件编号,政务服务事项,申请人,受理渠道,"
               "受理日期,承诺时限（工作日）,办结日期,好差评");
  int iWork = 0, nDone = 0;
  for(Day d=y0; d<=yEnd; d++){
    if( !cal_is_workday(d, 0) ) continue;
    int nToday = (int)((long long)nCase*(iWork+1)/nWork) - nDone;
    iWork++;
    ymd(d, z1);
    for(int i=0; i<nToday; i++){
      /* popular items: a quarter of the catalogue gets about half the cases */
      int it = chance(500) ? (int)rnd((unsigned)(nItem/4 ? nItem/4 : 1)) : (int)rnd((unsigned)nItem);
      int nLimit = aItemPromise[it];
      Day fin = add_workdays(d, chance(975) ? (int)rnd((unsigned)nLimit+1) : nLimit + 1 + (int)rnd(3));
      const char *zState = fin > today ? "办理中" : chance(8) ? "不予受理" : "已办结";
      int bDone = strcmp(zState, "已办结")==0;
      int k = (int)rnd(20), g = (int)rnd(20);
      const char *zRating = "";
      if( bDone && chance(800) ){
        unsigned x = rnd(1000);
        zRating = azRating[x<700 ? 0 : x<950 ? 1 : x<990 ? 2 : x<997 ? 3 : 4];
      }
      fprintf(f, "%s,%s,BX%.4s%.2s%.2s%06d,%s,%.3s%.3s%s,%s,%s,%d,%s,%s\n",
              azDept[aItemDept[it]], zState, z1, z1+5, z1+8, i+1, azItemCode[it],
              azSurname + 3*k, azGiven + 3*g, chance(300) ? "（企业）" : "",
              chance(720) ? "线上" : "线下", z1, nLimit, bDone ? ymd(fin, z2) : "", zRating);
    }
    nDone += nToday;
  }
  fclose(f);

  /* 合法性审核: 65 in the year, all by the 司法局. */
  static const char *azRevTitle[] = { "关于进一步优化营商环境的若干措施", "国有土地使用权出让合同", "城区集中供热特许经营协议",
    "关于加强农村集体资产管理的实施意见", "政府购买公共服务合同", "老旧小区改造项目框架协议", "关于规范行政裁量权基准的办法",
    "招商引资项目投资协议", "关于做好城乡居民医疗保险工作的通知", "重大行政决策事项目录" };
  f = open_csv(zOut, "legality_review", "所属部门,状态,审核编号,送审文件名称,文件类型,送审单位,"
               "收到送审日期,审核主体,出具书面审核意见,审核结论,审核完成日期");
  for(int i=0; i<65; i++){
    Day d = y0 + (Day)((long)(yEnd-y0)*i/65);
    while( !cal_is_workday(d, 0) && d<yEnd ) d++;
    unsigned x = rnd(100);
    const char *zType = x<17 ? "规范性文件" : x<61 ? "合同协议" : x<66 ? "重大行政决策" : "其他文件";
    Day done = add_workdays(d, 3 + (int)rnd(chance(950) ? 12 : 16));
    int bOpen = done > today;
    int bOpinion = strcmp(zType, "规范性文件")==0 || strcmp(zType, "重大行政决策")==0 || chance(250);
    fprintf(f, "%s,%s,BXHF%d-%03d,%s,%s,%s,%s,%s,%s,%s,%s\n", zJustice, bOpen ? "审核中" : "已审核", iYear, i+1,
            azRevTitle[rnd(10)], zType, azDept[rnd((unsigned)nDept)], ymd(d, z1),
            chance(550) ? "法律顾问" : "司法局", bOpen ? "" : bOpinion ? "是" : "否",
            bOpen ? "" : chance(800) ? "合法，同意提交" : "修改后提交", bOpen ? "" : ymd(done, z2));
  }
  fclose(f);

  /* 行政规范性文件: 12, numbered from 101 (the demo numbers from 1). */
  f = open_csv(zOut, "normative_doc", "所属部门,状态,文号,文件名称,公布日期,报送备案日期,备案机关,"
               "同时报人大常委会备案,清理结论");
  for(int i=0; i<12; i++){
    Day d = y0 + 9 + (Day)((long)(yEnd-y0-40 > 0 ? yEnd-y0-40 : 0)*i/12);
    while( !cal_is_workday(d, 0) && d<yEnd ) d++;
    if( d>yEnd ) d = yEnd;
    Day filed = d + 5 + (Day)rnd(chance(900) ? 20 : 40);
    int bFiled = filed <= today;
    fprintf(f, "%s,%s,示政规〔%d〕%d号,示范县第%d号管理办法,%s,%s,%s,%s,%s\n", zCounty,
            bFiled ? "已备案" : "已公布待备案", iYear, 101+i, i+1, ymd(d, z1),
            bFiled ? ymd(filed, z2) : "", bFiled ? "市人民政府" : "", bFiled ? "是" : "",
            i<4 ? (i==3 ? "废止" : i==2 ? "修改" : "保留") : "");
  }
  fclose(f);

  /* 行政复议: 270 received in the year, numbered from 1001. */
  static const char *azMatter[] = { "行政处罚", "行政强制", "行政许可", "政府信息公开", "不履行法定职责", "征收征用", "行政确认", "其他" };
  static const char *azOutcome[] = { "维持", "驳回", "撤销", "变更", "确认违法", "责令履行", "调解", "和解", "终止" };
  static const int aOutcomeW[] = { 450, 200, 80, 20, 50, 30, 50, 70, 50 };
  f = open_csv(zOut, "reconsideration", "所属部门,状态,案号,申请人,被申请人,案件类别,收到申请日期,"
               "受理日期,审理程序,经批准延长审理期限,结案日期,结案方式");
  for(int i=0; i<270; i++){
    Day d = y0 + (Day)((long)(yEnd-y0)*i/270);
    while( !cal_is_workday(d, 0) && d<yEnd ) d++;
    Day acc = add_workdays(d, 1 + (int)rnd(4));
    int bSimple = chance(150);
    int bExt = !bSimple && chance(120);
    int nLimit = bSimple ? 30 : 60 + (bExt ? 30 : 0);
    Day dec = acc + 15 + (Day)rnd((unsigned)(nLimit-17));
    int bReject = chance(40);
    const char *zState = acc > today ? "待审查" : bReject ? "不予受理" : dec > today ? "已受理" : "已结案";
    int bAcc = strcmp(zState, "已受理")==0 || strcmp(zState, "已结案")==0;
    int bClosed = strcmp(zState, "已结案")==0;
    unsigned x = rnd(1000), w = 0;
    int o = 0;
    for(; o<8; o++){ w += (unsigned)aOutcomeW[o]; if( x < w ) break; }
    int k = (int)rnd(20);
    char z3[11];
    fprintf(f, "%s,%s,示复〔%d〕%d号,%.3s某,%s,%s,%s,%s,%s,%s,%s,%s\n", zJustice, zState, iYear, 1001+i,
            azSurname + 3*k, azDept[rnd((unsigned)nDept)], azMatter[rnd(8)], ymd(d, z1),
            bAcc ? ymd(acc, z2) : "", bSimple ? "简易程序" : "普通程序", bExt ? "是" : "否",
            bClosed ? ymd(dec, z3) : "", bClosed ? azOutcome[o] : "");
  }
  fclose(f);
  printf("gen: year %d, %d working days, %d 办件, %d 事项, 65 审核, 12 规范性文件, 270 复议 -> %s/\n",
         iYear, nWork, nCase, nItem, zOut);
  free(aItemDept); free(aItemPromise); free(azItemCode);
  return 0;
}
