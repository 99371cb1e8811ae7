/*
** src/calendar/calendar.c — day arithmetic and the working-day calendar.
**
** This file answers "is this date a working day?" and "when does a period
** of N days / N working days / N months that starts on this date end?"
** under the counting rules of LAW.md §0 (民法典 Art 201-203, 民事诉讼法
** Art 85). It knows nothing about which matter uses which period; the rule
** tables in src/modules/ and the deadline engine decide that.
**
** Data. The holiday rows are in holidays.c (built in) and may be extended
** at start-up by cal_load_entry() (e.g. next year's notice read from the
** database). From them this file builds, once, one bitmap per known year:
** bit i of aYear[y].aWork is set iff day-of-year i is a working day. Days
** of unknown years are never stored: their answer is computed from the
** weekday, and reported as unknown.
**
** Invariants.
**   - The calendar readers see is the table pYear points to (aYear at
**     start). It is written in place only by cal_build() (run once under
**     pthread_once, or again by cal_reset()) and by cal_load_entry(), which
**     run before the server starts its threads. While the server runs, a
**     change (cal_apply(), cal_mark(): the 节假日 page; cal_replace(): the
**     database's rows read again after another process changed them)
**     builds a copy and publishes it with one atomic store, so readers
**     need no lock; a table replaced so is kept (readers may still hold
**     it) until cal_reset(). The loaded names (aLoaded) are read and grown
**     under calNames; names taken out of force stay allocated (azOldName).
**   - Whether a year is whole is year_state() of its flags (bBuiltin,
**     bMarked, mNamed), nowhere else: see "Known years" in calendar.h.
**   - For a known year, aWork and nWork agree (year_recount() after every
**     change).
**   - Arithmetic stays within years 1..9999 (DAY_MIN..DAY_MAX); anything
**     that would leave it is CAL_INVALID, so no Day overflows.
**
** Intended callers: the deadline engine (src/engine/deadline.c), the hidden
** `fazhi test-workdays` command, and start-up code that loads newer notices.
*/
#include "calendar/calendar.h"
#include "base/arena.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define N_YEAR   (CAL_YEAR_MAX-CAL_YEAR_MIN+1)
#define DAY_MIN  (-719162)        /* 0001-01-01 */
#define DAY_MAX  2932896          /* 9999-12-31 */

/*
** The working-day bitmap of one year. Only years in CAL_YEAR_MIN..MAX can
** have one; 1100 of these are about 55 KB, cheaper than any lookup
** structure and O(1) to index.
*/
typedef struct CalYear CalYear;
struct CalYear {
  Day dJan1;                      /* Day of 1 January; valid when bLoaded */
  short nWork;                    /* working days in the year; valid when bLoaded */
  unsigned char bLoaded;          /* some day of the year is entered: aWork is its calendar */
  unsigned char bBuiltin;         /* the built-in table has the year's notice (holidays.c) */
  unsigned char bMarked;          /* the admin marked the year 年度安排已完整登记 (cal_mark) */
  unsigned char mNamed;           /* bit i: a day off named for festival i (aFest) is entered */
  unsigned char aWork[46];        /* bit i: day-of-year i (0-based) is a working day */
};

/* One cal_load_entry() row, kept only so cal_day_name() can name it. */
typedef struct CalLoaded CalLoaded;
struct CalLoaded {
  Day d;                          /* the date */
  char *zName;                    /* holiday name; owned, freed by cal_reset() */
};

static CalYear aYear[N_YEAR];     /* indexed by year-CAL_YEAR_MIN: the table built at start */
static _Atomic(CalYear*) pYear = aYear;   /* the table in force (aYear or a published copy) */
static CalYear **apRetired;       /* copies replaced while serving, freed by cal_reset() */
static int nRetired, nRetiredAlloc;
static pthread_mutex_t calNames = PTHREAD_MUTEX_INITIALIZER;   /* aLoaded, nLoaded, apRetired */
static CalLoaded *aLoaded;        /* entries from cal_load_entry(), in call order */
static int nLoaded;               /* used slots in aLoaded */
static int nLoadedAlloc;          /* allocated slots in aLoaded */
static char **azOldName;          /* names cal_replace() took out of force, freed by cal_reset() */
static int nOldName, nOldNameAlloc;
static pthread_once_t calOnce = PTHREAD_ONCE_INIT;

/* ============================================================ day_* */

/*
** Days since 1970-01-01 from a civil date, valid for every year (negative
** ones too). The year is counted from 1 March so that the leap day is the
** last day of the "year" and month lengths follow a fixed 153-day pattern
** per five months; an era is 400 years = 146097 days. (Algorithm after
** H. Hinnant, "chrono-compatible low-level date algorithms".)
*/
Day day_from_ymd(int y, int m, int d){
  long long yy = (long long)y - (m<=2);
  long long era = (yy>=0 ? yy : yy-399)/400;
  long long yoe = yy - era*400;                 /* year of era, 0..399 */
  long long mp = (m+9)%12;                      /* March=0 .. February=11 */
  long long doy = (153*mp + 2)/5 + d - 1;       /* day of (March-based) year */
  long long doe = yoe*365 + yoe/4 - yoe/100 + doy;
  return (Day)(era*146097 + doe - 719468);      /* 719468 = 0000-03-01 .. 1970-01-01 */
}

/* The inverse of day_from_ymd(). */
void day_ymd(Day d, int *pY, int *pM, int *pD){
  long long z = (long long)d + 719468;
  long long era = (z>=0 ? z : z-146096)/146097;
  long long doe = z - era*146097;                               /* 0..146096 */
  long long yoe = (doe - doe/1460 + doe/36524 - doe/146096)/365; /* 0..399 */
  long long doy = doe - (365*yoe + yoe/4 - yoe/100);            /* 0..365 */
  long long mp = (5*doy + 2)/153;                               /* 0..11 */
  long long dd = doy - (153*mp + 2)/5 + 1;
  long long m = mp<10 ? mp+3 : mp-9;
  long long y = yoe + era*400 + (m<=2);
  if( pY ) *pY = (int)y;
  if( pM ) *pM = (int)m;
  if( pD ) *pD = (int)dd;
}

/* 1970-01-01 was a Thursday (4). */
int day_weekday(Day d){
  int w = (int)(((long long)d + 3) % 7);
  if( w<0 ) w += 7;
  return w + 1;
}

static int is_leap(int y){
  return (y%4==0 && y%100!=0) || y%400==0;
}

int day_month_length(int y, int m){
  static const unsigned char aLen[12] = {31,28,31,30,31,30,31,31,30,31,30,31};
  if( m<1 || m>12 ) return 0;
  return m==2 && is_leap(y) ? 29 : aLen[m-1];
}

void day_format(Day d, char zOut[11]){
  int y, m, dd;
  day_ymd(d, &y, &m, &dd);
  if( y<0 || y>9999 ){
    memcpy(zOut, "0000-00-00", 11);
    return;
  }
  zOut[0] = (char)('0' + y/1000);
  zOut[1] = (char)('0' + y/100%10);
  zOut[2] = (char)('0' + y/10%10);
  zOut[3] = (char)('0' + y%10);
  zOut[4] = '-';
  zOut[5] = (char)('0' + m/10);
  zOut[6] = (char)('0' + m%10);
  zOut[7] = '-';
  zOut[8] = (char)('0' + dd/10);
  zOut[9] = (char)('0' + dd%10);
  zOut[10] = 0;
}

/*
** Read between nMin and nMax ASCII digits at *pz into *pV and advance *pz.
** Returns 0 on success, 1 if the digit count is outside nMin..nMax.
*/
static int parse_digits(const char **pz, int nMin, int nMax, int *pV){
  const char *z = *pz;
  int n = 0, v = 0;
  while( z[n]>='0' && z[n]<='9' ){
    if( n==nMax ) return 1;          /* too many digits: "02025", "2025-001-01" */
    v = v*10 + (z[n]-'0');
    n++;
  }
  if( n<nMin ) return 1;
  *pz = z + n;
  *pV = v;
  return 0;
}

/* If z starts with zLit, return the text after it, else 0. */
static const char *skip_lit(const char *z, const char *zLit){
  size_t n = strlen(zLit);
  return strncmp(z, zLit, n)==0 ? z+n : 0;
}

int day_parse(const char *z, Day *pDay){
  int y, m, d;
  const char *zSep2;             /* what must follow the month */
  const char *zEnd;              /* what must follow the day */
  if( z==0 ) return CAL_INVALID;
  if( parse_digits(&z, 4, 4, &y) ) return CAL_INVALID;
  if( *z=='-' || *z=='/' || *z=='.' ){
    /* The second separator must repeat the first: "2025-3/5" is a typo,
    ** not a date. */
    zSep2 = *z=='-' ? "-" : *z=='/' ? "/" : ".";
    zEnd = "";
    z++;
  }else if( (z = skip_lit(z, "年"))!=0 ){
    zSep2 = "月";
    zEnd = "日";
  }else{
    return CAL_INVALID;
  }
  if( parse_digits(&z, 1, 2, &m) ) return CAL_INVALID;
  if( (z = skip_lit(z, zSep2))==0 ) return CAL_INVALID;
  if( parse_digits(&z, 1, 2, &d) ) return CAL_INVALID;
  if( (z = skip_lit(z, zEnd))==0 || *z!=0 ) return CAL_INVALID;
  if( y<CAL_YEAR_MIN || y>CAL_YEAR_MAX ) return CAL_INVALID;
  if( m<1 || m>12 || d<1 || d>day_month_length(y, m) ) return CAL_INVALID;
  *pDay = day_from_ymd(y, m, d);
  return CAL_OK;
}

/* ============================================================ the bitmap */

/* The table in force. */
static CalYear *cur(void){ return atomic_load_explicit(&pYear, memory_order_acquire); }

static void bit_set(CalYear *p, int i, int bOn){
  if( bOn ) p->aWork[i>>3] |= (unsigned char)(1u<<(i&7));
  else      p->aWork[i>>3] &= (unsigned char)~(1u<<(i&7));
}
static int bit_get(const CalYear *p, int i){
  return (p->aWork[i>>3]>>(i&7)) & 1;
}

static int year_length(int y){ return is_leap(y) ? 366 : 365; }

/*
** The seven festivals a State Council notice names (全国年节及纪念日放假
** 办法 Art 2): a year entered from the database is whole when a day off
** of each is entered, or when the admin marks it so (cal_mark). A name
** matches by its stem ("清明" in "2027年清明节", "国庆" in "国庆节、中秋节");
** 劳动节 is also written 五一.
*/
static const struct { const char *zName, *zStem, *zAlt; } aFest[CAL_FESTIVALS] = {
  { "元旦",   "元旦", 0 },
  { "春节",   "春节", 0 },
  { "清明节", "清明", 0 },
  { "劳动节", "劳动节", "五一" },
  { "端午节", "端午", 0 },
  { "中秋节", "中秋", 0 },
  { "国庆节", "国庆", 0 },
};

const char *cal_festival_name(int i){
  return i>=0 && i<CAL_FESTIVALS ? aFest[i].zName : 0;
}

unsigned cal_festival_mask(const char *zName){
  unsigned m = 0;
  if( zName==0 ) return 0;
  for(int i=0; i<CAL_FESTIVALS; i++){
    if( strstr(zName, aFest[i].zStem) || (aFest[i].zAlt && strstr(zName, aFest[i].zAlt)) ) m |= 1u<<i;
  }
  return m;
}

int cal_notice_year(const char *zName, int yDate){
  /* "2028年元旦" dated 2027-12-31 belongs to the 2028 notice */
  for(const char *z=zName; z && z[0]; z++){
    if( z[0]>='0' && z[0]<='9' && z[1]>='0' && z[1]<='9' && z[2]>='0' && z[2]<='9'
     && z[3]>='0' && z[3]<='9' && strncmp(z+4, "年", strlen("年"))==0
     && (z==zName || z[-1]<'0' || z[-1]>'9') ){
      int y = (z[0]-'0')*1000 + (z[1]-'0')*100 + (z[2]-'0')*10 + (z[3]-'0');
      if( y>=yDate-1 && y<=yDate+1 ) return y;
    }
  }
  return yDate;
}

/* The year's state from its flags: the one definition of "known". */
static int year_state(const CalYear *p){
  if( p->bBuiltin || p->bMarked || p->mNamed==CAL_FEST_ALL ) return CAL_YEAR_COMPLETE;
  return p->bLoaded || p->mNamed ? CAL_YEAR_PARTIAL : CAL_YEAR_NONE;
}

/* The CalYear for d's year, or 0 if nothing of that year is entered. */
static const CalYear *year_of_day(Day d){
  int y;
  day_ymd(d, &y, 0, 0);
  if( y<CAL_YEAR_MIN || y>CAL_YEAR_MAX ) return 0;
  CalYear *a = cur();
  return a[y-CAL_YEAR_MIN].bLoaded ? &a[y-CAL_YEAR_MIN] : 0;
}

/* Give year y the plain Mon-Fri pattern, the base every notice is an
** edit of (its flags stay). */
static void year_plain(CalYear *p, int y){
  int i, n = year_length(y);
  memset(p->aWork, 0, sizeof p->aWork);
  p->dJan1 = day_from_ymd(y, 1, 1);
  p->bLoaded = 1;
  for(i=0; i<n; i++) bit_set(p, i, day_weekday(p->dJan1+i)<=5);
}

static void year_recount(CalYear *p, int y){
  int i, n = year_length(y), nWork = 0;
  for(i=0; i<n; i++) nWork += bit_get(p, i);
  p->nWork = (short)nWork;
}

/*
** Apply one entry to the bitmap, loading its year first if needed, and
** note the festival a day off is named for on the year of its notice
** (cal_notice_year). d must lie in CAL_YEAR_MIN..CAL_YEAR_MAX (day_parse()
** guarantees it). The caller recounts the year it returns.
*/
static CalYear *year_apply(CalYear *a, Day d, char cKind, const char *zName){
  int y;
  CalYear *p;
  day_ymd(d, &y, 0, 0);
  p = &a[y-CAL_YEAR_MIN];
  if( !p->bLoaded ) year_plain(p, y);
  bit_set(p, d - p->dJan1, cKind=='w');
  if( cKind=='o' ){
    int yN = cal_notice_year(zName, y);
    if( yN<CAL_YEAR_MIN || yN>CAL_YEAR_MAX ) yN = y;
    CalYear *pN = &a[yN-CAL_YEAR_MIN];
    if( !pN->bLoaded ){ year_plain(pN, yN); year_recount(pN, yN); }
    pN->mNamed |= (unsigned char)cal_festival_mask(zName);
  }
  return p;
}

/*
** Build every year from the built-in table into a (N_YEAR entries). Rows
** that do not parse are skipped here and reported by cal_selfcheck(),
** which the unit tests run; the calendar must not refuse to start over one
** bad row. A year the table has rows for is whole (bBuiltin).
*/
static void cal_build_into(CalYear *a){
  int i, nRow;
  const CalHoliday *h = cal_holiday_table(&nRow);
  memset(a, 0, sizeof(CalYear)*N_YEAR);
  for(i=0; i<nRow; i++){
    Day d;
    int y;
    if( day_parse(h[i].zDate, &d) ) continue;
    if( h[i].cKind!='o' && h[i].cKind!='w' ) continue;
    year_apply(a, d, h[i].cKind, h[i].zName);
    day_ymd(d, &y, 0, 0);
    a[y-CAL_YEAR_MIN].bBuiltin = 1;
  }
  for(i=0; i<N_YEAR; i++){
    if( a[i].bLoaded ) year_recount(&a[i], i+CAL_YEAR_MIN);
  }
}
static void cal_build(void){ cal_build_into(aYear); }

void cal_init(void){
  pthread_once(&calOnce, cal_build);
}

/* ============================================================ queries */

int cal_year_info(int year, CalYearInfo *pInfo){
  CalYearInfo x;
  memset(&x, 0, sizeof x);
  cal_init();
  if( year>=CAL_YEAR_MIN && year<=CAL_YEAR_MAX ){
    const CalYear *p = &cur()[year-CAL_YEAR_MIN];
    x.eState = year_state(p);
    x.bBuiltin = p->bBuiltin;
    x.bMarked = p->bMarked;
    x.mNamed = p->mNamed;
  }
  if( pInfo ) *pInfo = x;
  return x.eState;
}

int cal_year_known(int year){
  return cal_year_info(year, 0)==CAL_YEAR_COMPLETE;
}

int cal_range_known(Day from, Day to){
  return cal_range_gap(from, to)==0;
}

int cal_range_gap(Day from, Day to){
  int y, yFrom, yTo;
  if( to<from ){ Day t = from; from = to; to = t; }
  day_ymd(from, &yFrom, 0, 0);
  day_ymd(to, &yTo, 0, 0);
  for(y=yFrom; y<=yTo; y++){
    if( !cal_year_known(y) ) return y;
  }
  return 0;
}

int cal_is_workday(Day d, int *pKnown){
  const CalYear *p;
  cal_init();
  p = year_of_day(d);
  if( pKnown ) *pKnown = p!=0 && year_state(p)==CAL_YEAR_COMPLETE;
  if( p ) return bit_get(p, d - p->dJan1);
  return day_weekday(d)<=5;
}

int cal_year_workdays(int year){
  if( !cal_year_known(year) ) return -1;
  return cur()[year-CAL_YEAR_MIN].nWork;
}

static int day_in_range(long long d){
  return d>=DAY_MIN && d<=DAY_MAX;
}

/*
** The rest-day rule (民法典 Art 203): if d is not a working day, step by
** dir (+1 or -1) until one is. Sets *pOut. Returns CAL_UNKNOWN if any day
** looked at (d included) is in an unknown year, CAL_INVALID if the walk
** leaves years 1..9999 (cannot happen with real data: every unknown year
** has weekdays).
*/
static int cal_roll(Day d, int dir, Day *pOut){
  int rc = CAL_OK, bKnown;
  while( !cal_is_workday(d, &bKnown) ){
    if( !bKnown ) rc = CAL_UNKNOWN;
    if( !day_in_range((long long)d + dir) ) return CAL_INVALID;
    d += dir;
  }
  if( !bKnown ) rc = CAL_UNKNOWN;
  *pOut = d;
  return rc;
}

int cal_add_days(Day start, int n, Day *pOut){
  long long e = (long long)start + n;
  int rc;
  *pOut = start;
  if( !day_in_range(start) || !day_in_range(e) ) return CAL_INVALID;
  rc = cal_roll((Day)e, n<0 ? -1 : +1, pOut);
  if( rc==CAL_INVALID ) *pOut = start;
  return rc;
}

int cal_add_workdays(Day start, int n, Day *pOut){
  long long nLeft = n<0 ? -(long long)n : n;   /* -(INT_MIN) needs 64 bits */
  int dir = n<0 ? -1 : +1;
  int rc = CAL_OK, bKnown;
  Day d = start;
  *pOut = start;
  if( !day_in_range(start) ) return CAL_INVALID;
  while( nLeft>0 ){
    if( !day_in_range((long long)d + dir) ) return CAL_INVALID;
    d += dir;
    if( cal_is_workday(d, &bKnown) ) nLeft--;
    if( !bKnown ) rc = CAL_UNKNOWN;
  }
  *pOut = d;
  return rc;
}

int cal_add_months(Day start, int n, Day *pOut){
  int y, m, d, rc;
  long long mm, yy;
  *pOut = start;
  if( !day_in_range(start) ) return CAL_INVALID;
  day_ymd(start, &y, &m, &d);
  mm = (long long)y*12 + (m-1) + n;            /* months since year 0 */
  yy = mm>=0 ? mm/12 : -((-mm+11)/12);         /* floor division */
  if( yy<1 || yy>9999 ) return CAL_INVALID;
  m = (int)(mm - yy*12) + 1;
  y = (int)yy;
  /* Art 202: the corresponding day, or the month's last day if the month
  ** is too short (1-31 + 1 month = 2-28 or 2-29). */
  if( d>day_month_length(y, m) ) d = day_month_length(y, m);
  rc = cal_roll(day_from_ymd(y, m, d), n<0 ? -1 : +1, pOut);
  if( rc==CAL_INVALID ) *pOut = start;
  return rc;
}

/* Mon-Fri days in [a, b], b>=a, in O(1). */
static long long weekdays_between(Day a, Day b){
  long long len = (long long)b - a + 1;
  long long n = len/7*5;
  int i, r = (int)(len%7), w = day_weekday(a)-1;   /* w: Monday=0 */
  for(i=0; i<r; i++){
    if( (w+i)%7<5 ) n++;
  }
  return n;
}

/*
** Count every day Mon-Fri first (O(1)), then correct for each known year
** that overlaps [from, to] by its real bitmap. At most 1100 years are
** visited, each for at most 366 bits, whatever the range.
*/
int cal_count_workdays(Day from, Day to){
  long long n;
  int y, yFrom, yTo;
  if( to<from ) return 0;
  cal_init();
  n = weekdays_between(from, to);
  day_ymd(from, &yFrom, 0, 0);
  day_ymd(to, &yTo, 0, 0);
  if( yFrom<CAL_YEAR_MIN ) yFrom = CAL_YEAR_MIN;
  if( yTo>CAL_YEAR_MAX ) yTo = CAL_YEAR_MAX;
  for(y=yFrom; y<=yTo; y++){
    const CalYear *p = &cur()[y-CAL_YEAR_MIN];
    Day a, b, d;
    if( !p->bLoaded ) continue;
    a = from>p->dJan1 ? from : p->dJan1;
    b = p->dJan1 + year_length(y) - 1;
    if( to<b ) b = to;
    n -= weekdays_between(a, b);
    for(d=a; d<=b; d++) n += bit_get(p, d - p->dJan1);
  }
  return n>0x7fffffff ? 0x7fffffff : (int)n;
}

const char *cal_day_name(Day d){
  int i, lo, hi, nRow;
  const CalHoliday *a;
  char zDay[11];
  cal_init();
  /* A loaded entry overrides the table, and a later one an earlier one.
  ** (A name, once loaded, lives until cal_reset(): returned unlocked.) */
  pthread_mutex_lock(&calNames);
  for(i=nLoaded-1; i>=0; i--){
    if( aLoaded[i].d==d ){
      const char *z = aLoaded[i].zName;
      pthread_mutex_unlock(&calNames);
      return z;
    }
  }
  pthread_mutex_unlock(&calNames);
  /* "YYYY-MM-DD" strings sort like dates, so search the table by text. */
  day_format(d, zDay);
  a = cal_holiday_table(&nRow);
  lo = 0;
  hi = nRow-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    int c = strcmp(a[mid].zDate, zDay);
    if( c==0 ) return a[mid].zName;
    if( c<0 ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

/* ============================================================ start-up */

/* A copy of zName (heap), aborting when out of memory. */
static char *name_copy(const char *zName){
  size_t nName = strlen(zName);
  char *zCopy = malloc(nName+1);
  if( zCopy==0 ) abort();
  memcpy(zCopy, zName, nName+1);
  return zCopy;
}

/* Append a name for d to aLoaded. Caller holds calNames. */
static void name_add(Day d, const char *zName){
  aLoaded = fz_grow(aLoaded, nLoaded, &nLoadedAlloc, sizeof aLoaded[0]);   /* OOM aborts */
  aLoaded[nLoaded].d = d;
  aLoaded[nLoaded].zName = name_copy(zName);
  nLoaded++;
}

/* The table readers use is replaced by pNew (kept until cal_reset(), as
** a reader may still hold the old one). Caller holds calNames. */
static void publish(CalYear *pNew){
  apRetired = fz_grow(apRetired, nRetired, &nRetiredAlloc, sizeof apRetired[0]);
  apRetired[nRetired++] = pNew;            /* freed by cal_reset(), never while serving */
  atomic_store_explicit(&pYear, pNew, memory_order_release);
}

/* A heap copy of the table in force, to edit and publish. */
static CalYear *table_copy(void){
  CalYear *pNew = malloc(sizeof(CalYear)*N_YEAR);
  if( pNew==0 ) abort();
  memcpy(pNew, cur(), sizeof(CalYear)*N_YEAR);
  return pNew;
}

int cal_load_entry(const char *zDate, char cKind, const char *zName){
  Day d;
  int y;
  cal_init();       /* else a later first use would rebuild over this entry */
  if( zDate==0 || zName==0 || (cKind!='o' && cKind!='w') ) return CAL_INVALID;
  if( day_parse(zDate, &d) ) return CAL_INVALID;
  pthread_mutex_lock(&calNames);
  name_add(d, zName);
  pthread_mutex_unlock(&calNames);
  day_ymd(d, &y, 0, 0);
  year_recount(year_apply(cur(), d, cKind, zName), y);
  return CAL_OK;
}

int cal_apply(const CalHoliday *a, int n, CalUndo *pUndo){
  Day d;
  cal_init();
  for(int i=0; i<n; i++){
    if( a[i].zDate==0 || a[i].zName==0 || (a[i].cKind!='o' && a[i].cKind!='w') ) return CAL_INVALID;
    if( day_parse(a[i].zDate, &d) ) return CAL_INVALID;
  }
  pthread_mutex_lock(&calNames);
  pUndo->pPrev = cur();
  pUndo->nLoaded = nLoaded;
  CalYear *pNew = table_copy();
  for(int i=0; i<n; i++){
    int y;
    day_parse(a[i].zDate, &d);
    name_add(d, a[i].zName);
    day_ymd(d, &y, 0, 0);
    year_recount(year_apply(pNew, d, a[i].cKind, a[i].zName), y);
  }
  publish(pNew);
  pthread_mutex_unlock(&calNames);
  return CAL_OK;
}

int cal_mark(int year, int bOn, CalUndo *pUndo){
  cal_init();
  if( year<CAL_YEAR_MIN || year>CAL_YEAR_MAX ) return CAL_INVALID;
  pthread_mutex_lock(&calNames);
  pUndo->pPrev = cur();
  pUndo->nLoaded = nLoaded;
  CalYear *pNew = table_copy();
  CalYear *p = &pNew[year-CAL_YEAR_MIN];
  if( bOn && !p->bLoaded ){ year_plain(p, year); year_recount(p, year); }
  p->bMarked = bOn!=0;
  publish(pNew);
  pthread_mutex_unlock(&calNames);
  return CAL_OK;
}

void cal_undo(const CalUndo *pUndo){
  pthread_mutex_lock(&calNames);
  atomic_store_explicit(&pYear, (CalYear*)pUndo->pPrev, memory_order_release);
  /* the names past the mark are no longer in force; their text may still
  ** be in a reader's hands, so it stays allocated (moved to the end) */
  if( pUndo->nLoaded < nLoaded ){
    for(int i=pUndo->nLoaded; i<nLoaded; i++) aLoaded[i].d = DAY_MIN-1;   /* matches no day */
  }
  pthread_mutex_unlock(&calNames);
}

void cal_replace(const CalHoliday *a, int n, const int *aMarked, int nMarked){
  cal_init();
  CalYear *pNew = malloc(sizeof(CalYear)*N_YEAR);
  if( pNew==0 ) abort();
  cal_build_into(pNew);
  pthread_mutex_lock(&calNames);
  /* The names in force now are only a's. The old texts may be in a
  ** reader's hands: they stay allocated, on azOldName, until cal_reset(). */
  for(int i=0; i<nLoaded; i++){
    azOldName = fz_grow(azOldName, nOldName, &nOldNameAlloc, sizeof azOldName[0]);
    azOldName[nOldName++] = aLoaded[i].zName;
  }
  nLoaded = 0;
  for(int i=0; i<n; i++){
    Day d;
    int y;
    if( a[i].zDate==0 || a[i].zName==0 || (a[i].cKind!='o' && a[i].cKind!='w') ) continue;
    if( day_parse(a[i].zDate, &d) ) continue;
    name_add(d, a[i].zName);
    day_ymd(d, &y, 0, 0);
    year_recount(year_apply(pNew, d, a[i].cKind, a[i].zName), y);
  }
  for(int i=0; i<nMarked; i++){
    int y = aMarked[i];
    if( y<CAL_YEAR_MIN || y>CAL_YEAR_MAX ) continue;
    CalYear *p = &pNew[y-CAL_YEAR_MIN];
    if( !p->bLoaded ){ year_plain(p, y); year_recount(p, y); }
    p->bMarked = 1;
  }
  publish(pNew);
  pthread_mutex_unlock(&calNames);
}

void cal_reset(void){
  int i;
  cal_init();       /* so pthread_once never runs cal_build() after us */
  for(i=0; i<nLoaded; i++) free(aLoaded[i].zName);
  free(aLoaded);
  for(i=0; i<nOldName; i++) free(azOldName[i]);
  free(azOldName);
  azOldName = 0;
  nOldName = nOldNameAlloc = 0;
  aLoaded = 0;
  nLoaded = nLoadedAlloc = 0;
  atomic_store_explicit(&pYear, aYear, memory_order_release);
  for(i=0; i<nRetired; i++) free(apRetired[i]);
  free(apRetired);
  apRetired = 0;
  nRetired = nRetiredAlloc = 0;
  cal_build();
}

int cal_selfcheck(int *piBad){
  int i, nRow, nBad = 0;
  const CalHoliday *a = cal_holiday_table(&nRow);
  Day dPrev = 0;
  if( piBad ) *piBad = -1;
  for(i=0; i<nRow; i++){
    Day d = 0;
    int bBad = day_parse(a[i].zDate, &d)!=CAL_OK
            || (i>0 && d<=dPrev)
            || (a[i].cKind!='o' && a[i].cKind!='w')
            || a[i].zName==0 || a[i].zName[0]==0
            || a[i].zSource==0 || a[i].zSource[0]==0
            || (a[i].cKind=='w' && day_weekday(d)<=5);
    if( bBad ){
      if( piBad && *piBad<0 ) *piBad = i;
      nBad++;
    }
    dPrev = d;
  }
  return nBad;
}
