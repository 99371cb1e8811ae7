/*
** src/report/figures.c — where the report's facts come from: the county's
** settings, the declared indicators computed for the report year, and the
** Chinese forms of dates, ordinals and indicator names.
**
** Every figure the report prints passes through fig_get(), which looks the
** indicator up by name in the registry and computes it with ind_compute()
** over the actor's scope; no figure is written anywhere as a literal.
** Errors are sticky on the Report (p->rc): after the first one every
** fig_get() returns an empty value and report_write() discards the draft.
*/
#include "report/report_int.h"
#include "engine/holiday.h"
#include "engine/setting.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* A setting's value, or NULL when the row is missing or blank. Control
** characters (a pasted newline) become spaces so a setting cannot break
** the layout of a Markdown line or an HTML attribute. */
static const char *setting(Report *p, const char *zName){
  Ctx *c = p->pCtx;
  const char *zValue;
  if( p->rc ) return 0;
  if( setting_read(c->pDb, c->pArena, zName, &zValue) ){
    p->rc = err_internal(c, "report: setting %s: %s", zName, db_errmsg(c->pDb));
    return 0;
  }
  if( zValue==0 ) return 0;
  char *z = arena_strdup(c->pArena, zValue);
  for(char *s=z; *s; s++) if( (unsigned char)*s<0x20 || *s==0x7f ) *s = ' ';
  while( *z==' ' ) z++;
  size_t n = strlen(z);
  while( n>0 && z[n-1]==' ' ) z[--n] = 0;
  return n ? z : 0;
}

/* The name of the department at the root of the actor's scope, the
** county itself for a county admin; NULL when there is none. */
static const char *scope_root_name(Report *p){
  Ctx *c = p->pCtx;
  Stmt q;
  const char *z = 0;
  if( p->rc || c->pActor==0 || c->pActor->zDeptPath==0 ) return 0;
  if( db_prepare(c->pDb, &q, "SELECT name FROM dept WHERE path=?1") ){
    p->rc = err_internal(c, "report: dept: %s", db_errmsg(c->pDb));
    return 0;
  }
  db_bind_text(&q, 1, c->pActor->zDeptPath);
  if( db_step(&q)==DB_ROW ) z = arena_strdup(c->pArena, db_column_text(&q, 0));
  db_finalize(&q);
  return z && z[0] ? z : 0;
}

/* Number of UTF-8 characters in z, and a pointer to the last one. */
static int utf8_len(const char *z, const char **pzLast){
  int n = 0;
  *pzLast = z;
  for(const char *s=z; *s; s++){
    if( ((unsigned char)*s & 0xC0)!=0x80 ){ n++; *pzLast = s; }
  }
  return n;
}

/* "2025-01-23" -> "2025年1月23日"; other text is returned unchanged. */
const char *fig_cn_date(Report *p, const char *zIso){
  Day d;
  int y, m, dd;
  if( zIso==0 || day_parse(zIso, &d)!=CAL_OK ) return zIso ? zIso : "";
  day_ymd(d, &y, &m, &dd);
  return arena_printf(p->pCtx->pArena, "%d年%d月%d日", y, m, dd);
}

static const char *cn_moment(Report *p, const struct tm *tm){
  return arena_printf(p->pCtx->pArena, "%d年%d月%d日 %02d:%02d",
                      tm->tm_year+1900, tm->tm_mon+1, tm->tm_mday, tm->tm_hour, tm->tm_min);
}

/*
** The data-freeze moment as "YYYY年M月D日 HH:MM" (the county's zone, the
** time_zone setting). Setting
** frozen_at may be "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or the ISO form
** with 'T' (a trailing 'Z' means UTC and is converted); anything else is
** printed as written. Without the setting: now — unless "today" is pinned
** (FAZHI_TODAY, tests and reproducible drafts), then that day: a report
** cannot have been frozen after the day it is dated.
*/
const char *fig_now(Report *p){
  struct tm tm;
  time_t now = time(0) + (time_t)ctx_zone(p->pCtx)*60;   /* the county's clock (time_zone) */
  gmtime_r(&now, &tm);
  char zNow[11];
  strftime(zNow, sizeof zNow, "%Y-%m-%d", &tm);
  if( strcmp(zNow, p->pCtx->zToday)!=0 ) return fig_cn_date(p, p->pCtx->zToday);
  return cn_moment(p, &tm);
}
static const char *frozen_at(Report *p){
  const char *z = setting(p, "frozen_at");
  struct tm tm;
  if( z==0 ) return fig_now(p);
  int y = 0, mo = 0, d = 0, hh = 0, mi = 0, n = 0;
  char sep = 0;
  char zDay[11];
  if( sscanf(z, "%4d-%2d-%2d%n", &y, &mo, &d, &n)!=3 || n!=10 ) return z;
  memcpy(zDay, z, 10);
  zDay[10] = 0;
  Day dd;
  if( day_parse(zDay, &dd)!=CAL_OK ) return z;
  if( z[10]==0 ) return fig_cn_date(p, zDay);
  const char *t = z+10;
  if( sscanf(t, "%c%2d:%2d%n", &sep, &hh, &mi, &n)!=3 || (sep!=' ' && sep!='T')
   || hh<0 || hh>23 || mi<0 || mi>59 ){
    return z;
  }
  t += n;
  if( t[0]==':' ) t += 3;                       /* seconds */
  while( t[0]=='.' || (t[0]>='0' && t[0]<='9') ) t++;   /* fraction */
  memset(&tm, 0, sizeof tm);
  tm.tm_year = y-1900; tm.tm_mon = mo-1; tm.tm_mday = d; tm.tm_hour = hh; tm.tm_min = mi;
  if( t[0]=='Z' && t[1]==0 ){
    time_t utc = timegm(&tm) + (time_t)ctx_zone(p->pCtx)*60;   /* in the county's zone */
    gmtime_r(&utc, &tm);
  }else if( t[0]!=0 ){
    return z;
  }
  return cn_moment(p, &tm);
}

/*
** Read the settings the report needs (see report.h) and derive the
** issuers' names. Defaults follow official usage: 中共<名>委 with the
** county's own suffix (交口县 -> 中共交口县委, 立山区 -> 中共立山区委), but a
** two-character name keeps the suffix whole (浚县 -> 中共浚县县委), since
** "浚县委" would read as the bare county.
*/
/* A database of several counties (a city's or a province's) keeps each
** county's names as "county_party@ID"; its own report, the sum of its
** counties, is named by city_name and city_party, city_gov, city_report_to. */
/* Whose report it is: the county or city at or above the actor's scope
** (iUnit, its name and whether a city), how many counties and cities the
** database holds, and the first county (whose settings are the plain
** names). The whole of a database of several counties, seen from the
** command line, is a city without a department of its own (iUnit 0). */
typedef struct Unit { i64 iUnit; const char *zName; int bCity; int nCounty, nCity; i64 iFirst; } Unit;

static void unit_of(Report *p, Unit *u){
  Ctx *c = p->pCtx;
  Stmt q;
  memset(u, 0, sizeof *u);
  if( p->rc ) return;
  if( db_prepare(c->pDb, &q, "SELECT (SELECT COUNT(*) FROM dept WHERE dtype='county'),"
                             " (SELECT MIN(id) FROM dept WHERE dtype='county'),"
                             " (SELECT COUNT(*) FROM dept WHERE dtype='city')") ){
    p->rc = err_internal(c, "report: dept: %s", db_errmsg(c->pDb));
    return;
  }
  if( db_step(&q)==DB_ROW ){
    u->nCounty = (int)db_column_int64(&q, 0);
    u->iFirst = db_column_int64(&q, 1);
    u->nCity = (int)db_column_int64(&q, 2);
  }
  db_finalize(&q);
  const char *zScope = c->pActor && c->pActor->zDeptPath ? c->pActor->zDeptPath : "/";
  const char *zUnit = 0;
  if( strcmp(zScope, "/")==0 ){
    i64 iRoot = report_scope(c);          /* the one root, if there is one */
    if( iRoot ) zUnit = dept_root_path(c, iRoot);
  }else{
    zUnit = dept_unit_path(c->pDb, c->pArena, zScope, "county,city");
  }
  if( zUnit && db_prepare(c->pDb, &q, "SELECT id, name, dtype FROM dept WHERE path=?1")==DB_OK ){
    db_bind_text(&q, 1, zUnit);
    if( db_step(&q)==DB_ROW ){
      u->iUnit = db_column_int64(&q, 0);
      u->zName = arena_strdup(c->pArena, db_column_text(&q, 1));
      u->bCity = strcmp(db_column_text(&q, 2), "city")==0;
    }
    db_finalize(&q);
  }
  if( u->iUnit==0 && u->nCounty>1 ) u->bCity = 1;
}

/* The setting for this report: "NAME@ID" for county ID when it holds its
** own (the 参数设置 page writes so), else the database's when it holds
** one county; else, with several, "NAME@ID" only for county ID (fazhi migrate writes a moved county's so),
** the plain NAME still being the first county's; a city's city_party,
** city_gov, city_report_to (@ID when the database holds several cities). */
static const char *setting_for(Report *p, const Unit *u, const char *zName){
  Arena *a = p->pCtx->pArena;
  if( !u->bCity ){
    /* a county's own row first (the 参数设置 page writes NAME@ID) */
    const char *z = u->iUnit ? setting(p, arena_printf(a, "%s@%lld", zName, (long long)u->iUnit)) : 0;
    return z || (u->nCounty>1 && u->iUnit!=u->iFirst) ? z : setting(p, zName);
  }
  const char *zCity = strncmp(zName, "city_", 5)==0 ? zName
                    : arena_printf(a, "city_%s", strncmp(zName, "county_", 7)==0 ? zName+7 : zName);
  const char *z = u->iUnit ? setting(p, arena_printf(a, "%s@%lld", zCity, (long long)u->iUnit)) : 0;
  return z || u->nCity>1 ? z : setting(p, zCity);
}

void fig_settings(Report *p){
  Ctx *c = p->pCtx;
  const char *zLast;
  Unit u;
  unit_of(p, &u);
  int bCity = u.bCity;
  #define SETTING(NAME) setting_for(p, &u, NAME)
  p->zCounty = bCity ? SETTING("city_name") : u.nCounty<=1 ? setting(p, "county_name") : 0;
  if( p->zCounty==0 ) p->zCounty = u.zName;
  if( p->zCounty==0 && !bCity ) p->zCounty = scope_root_name(p);
  if( p->zCounty==0 ) p->zCounty = bCity ? "本市" : "本县";
  int n = utf8_len(p->zCounty, &zLast);
  int bSuffix = strcmp(zLast, "县")==0 || strcmp(zLast, "区")==0
             || strcmp(zLast, "市")==0 || strcmp(zLast, "旗")==0;
  p->zWe = bSuffix ? arena_printf(c->pArena, "我%s", zLast) : "我县";
  p->zParty = SETTING("county_party");
  if( p->zParty==0 && bCity && strcmp(p->zCounty, "本市")==0 ) p->zParty = "中共市委";   /* no city_name set */
  if( p->zParty==0 ){
    if( bSuffix && n>2 ) p->zParty = arena_printf(c->pArena, "中共%s委", p->zCounty);
    else if( bSuffix ) p->zParty = arena_printf(c->pArena, "中共%s%s委", p->zCounty, zLast);
    else p->zParty = arena_printf(c->pArena, "中共%s县委", p->zCounty);
  }
  p->zGov = SETTING("county_gov");
  if( p->zGov==0 && bCity && strcmp(p->zCounty, "本市")==0 ) p->zGov = "市人民政府";
  if( p->zGov==0 ) p->zGov = arena_printf(c->pArena, "%s人民政府", p->zCounty);
  p->zTo = SETTING("report_to");
  if( p->zTo==0 ) p->zTo = bCity ? "省委、省政府：" : "市委、市政府：";
  #undef SETTING
  p->zFrozen = frozen_at(p);
  p->zDate = fig_cn_date(p, c->zToday);
}

/*
** Compute indicator zInd of kind zKind for the report year over the
** actor's whole scope. An undeclared name is an internal error (the unit
** test then fails at once rather than the report silently losing a
** sentence). After any error *pv is empty: num=den=0, bEmpty=1, so the
** wording functions print nothing from it.
*/
int fig_get(Report *p, const char *zKind, const char *zInd, IndValue *pv){
  return fig_get_year(p, zKind, zInd, p->iYear, pv);
}
int fig_get_year(Report *p, const char *zKind, const char *zInd, int iYear, IndValue *pv){
  memset(pv, 0, sizeof(*pv));
  pv->bEmpty = 1;
  if( p->rc ) return p->rc;
  const Kind *k = kind_find(zKind);
  const Indicator *ind = k ? kind_indicator(k, zInd) : 0;
  if( ind==0 ){
    p->rc = err_internal(p->pCtx, "report: indicator %s/%s is not declared", zKind, zInd);
    return p->rc;
  }
  if( ind_compute(p->pCtx, k, ind, iYear, 0, pv) ){
    memset(pv, 0, sizeof(*pv));
    pv->bEmpty = 1;
    p->rc = FZ_INTERNAL;
    return p->rc;
  }
  return FZ_OK;
}

/* The number of the report year's records of kind k in state zState (the
** records the list page shows for ?year=Y&state=S) into *pn. Nonzero, with
** p->rc set, when the query fails. */
int fig_state_count(Report *p, const Kind *k, const char *zState, long long *pn){
  *pn = 0;
  if( p->rc ) return p->rc;
  /* every state of the kind counted at once, kept for the rest of the drafting */
  StateCount *sc = p->pStates;
  while( sc && sc->k!=k ) sc = sc->pNext;
  if( sc==0 ){
    int nState = 0;
    while( k->aState && k->aState[nState].zId ) nState++;
    sc = arena_alloc(p->pCtx->pArena, sizeof(StateCount));
    sc->k = k;
    sc->an = arena_alloc(p->pCtx->pArena, sizeof(long long)*(size_t)(nState+1));
    Query q;
    query_init(p->pCtx, &q, k);
    q.iYear = p->iYear;
    if( rec_count_states(p->pCtx, &q, sc->an) ){ p->rc = FZ_INTERNAL; return p->rc; }
    sc->pNext = p->pStates;
    p->pStates = sc;
  }
  for(int i=0; k->aState && k->aState[i].zId; i++) if( strcmp(k->aState[i].zId, zState)==0 ) *pn = sc->an[i];
  return FZ_OK;
}

/* Last year's figure to set this year's against: for a year still running
** (the report drafted before it ends), the same period of last year, up
** to today's month and day, and *pbSame is set. */
int fig_last_year(Report *p, const char *zKind, const char *zInd, IndValue *pv, int *pbSame){
  Ctx *c = p->pCtx;
  const Kind *k = kind_find(zKind);
  /* a versioned catalog compares whole versions */
  *pbSame = atoi(c->zToday)==p->iYear && strcmp(c->zToday+5, "12-31")!=0 && k && !k->pVersion;
  if( *pbSame ) memcpy(c->zYearUntil, c->zToday+5, 6);
  int rc = fig_get_year(p, zKind, zInd, p->iYear-1, pv);
  c->zYearUntil[0] = 0;
  p->bLastFromBase = 0;
  /* last year's published report, when it was imported as the baseline,
  ** says what last year was (records entered since may cover part of it
  ** only); a whole year, so not for a year still running */
  if( rc==FZ_OK && !*pbSame && pv->pInd && pv->pInd->eUnit==IU_COUNT ){
    if( p->pBase==0 ){
      p->pBase = arena_alloc(c->pArena, sizeof(Baseline));
      if( baseline_load(c, p->iYear-1, p->pBase) ) return p->rc = FZ_INTERNAL;
    }
    const BaseFig *b = baseline_find(p->pBase, pv->pKind, pv->pInd);
    if( b && b->v>=1 && b->v<=1e9 ){
      pv->num = (long long)(b->v + 0.5);
      p->bLastFromBase = 1;
    }
  }
  return rc;
}

/* 1..99 as Chinese numerals, for 一是/二是 and （一）/（二）. */
const char *fig_cn_number(Report *p, int n){
  static const char *const aDigit[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  if( n<=0 || n>99 ) return arena_printf(p->pCtx->pArena, "%d", n);
  int t = n/10, u = n%10;
  return arena_printf(p->pCtx->pArena, "%s%s%s", t>1 ? aDigit[t] : "", t ? "十" : "", aDigit[u]);
}

/*
** The name of an indicator as a sentence names it: the kind's label and
** the indicator's, with the part they share said once (政务服务事项 +
** 政务服务事项入驻率 -> 政务服务事项入驻率; 合法性审核 + 审核按期完成率 ->
** 合法性审核按期完成率; 行政复议 + 法定期限结案率 -> 行政复议法定期限结案率).
*/
const char *fig_ind_label(Report *p, const Kind *k, const Indicator *ind){
  return ind_full_label(p->pCtx->pArena, k, ind);
}
const char *ind_full_label(Arena *a, const Kind *k, const Indicator *ind){
  const char *zK = k->zLabel, *zI = ind->zLabel;
  size_t nK = strlen(zK), nI = strlen(zI);
  size_t nOver = 0;
  for(size_t i=0; i<nK; i++){
    if( ((unsigned char)zK[i] & 0xC0)==0x80 ) continue;   /* character boundaries only */
    size_t m = nK-i;
    /* two characters at least: 学法述法 + 法律知识… share a 法 by chance */
    if( m<=nI && m>=6 && memcmp(zK+i, zI, m)==0 ){ nOver = m; break; }
  }
  return arena_printf(a, "%.*s%s", (int)(nK-nOver), zK, zI);
}

int report_cal_gap(Ctx *c, int iYear){
  for(int i=0; i<kind_count(); i++){
    const Kind *k = kind_at(i);
    for(const Indicator *ind=k->aIndicator; ind && ind->zName; ind++){
      int y = holiday_ind_gap(c, k, ind, iYear);
      if( y ) return y;
    }
  }
  return 0;
}
