/*
** src/calendar/calendar.h — dates, and the Chinese working-day calendar.
**
** This header is the one public interface of src/calendar/. It has two
** layers:
**
**   day_*   Pure date arithmetic on a Day (days since 1970-01-01 in the
**           proleptic Gregorian calendar). No holidays, no state.
**
**   cal_*   The working-day calendar of the State Council (国务院办公厅)
**           holiday notices, and the period-counting rules of
**           民法典 Art 201-203 / 民事诉讼法 Art 85 built on it
**           (see ../shared/LAW.md sections 0 and 6).
**
** Working day. A date is a working day iff it is Mon-Fri and not listed as
** "off" (放假) for its year, or it is listed as a make-up workday (调休上班),
** which is always a Saturday or Sunday. 除夕 in 2024 is therefore a
** working day: the notice only encourages rest that day.
**
** Known years. A year is "known" (whole) when its State Council notice is
** in the calendar entire: the built-in table (holidays.c, 2023-2026) has
** it; or a day off named for each of the seven festivals the notices name
** (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节; cal_festival_mask) is
** entered for it; or the admin marked it 年度安排已完整登记 (cal_mark).
** A year with some days entered but not whole is "partial": its entered
** days count, the rest is Mon-Fri. For a year not known the answer falls
** back to what is entered plus "Mon-Fri are working days", and every
** function that looks at such a day says so (pKnown=0 or CAL_UNKNOWN):
** LAW.md §6 requires that a period reaching a year without a whole notice
** be flagged, never silently computed with weekends only. cal_year_info()
** is the one place this rule is applied; the pages, the commands and the
** report ask it (or cal_year_known, cal_range_gap).
**
** Threads. Readers (every function except cal_load_entry() and cal_reset())
** are safe to call from any number of threads, also while cal_apply()
** changes the calendar. The calendar is built on
** first use under pthread_once(), or explicitly by cal_init() at start-up.
** cal_load_entry() and cal_reset() change shared state and must run before
** the server starts its worker threads.
*/
#ifndef FZ_CALENDAR_H
#define FZ_CALENDAR_H

typedef int Day;                  /* days since 1970-01-01, proleptic Gregorian */

#define CAL_OK       0
#define CAL_INVALID  1            /* malformed or impossible date / argument */
#define CAL_UNKNOWN  2            /* arithmetic touched a year with no loaded holiday calendar */

/* Years that day_parse() accepts and that the holiday calendar can hold. */
#define CAL_YEAR_MIN 1900
#define CAL_YEAR_MAX 2999

/*
** One row of the built-in holiday table (holidays.c). One row per date.
*/
typedef struct CalHoliday CalHoliday;
struct CalHoliday {
  const char *zDate;              /* "YYYY-MM-DD" */
  char cKind;                     /* 'o' = off (放假), 'w' = make-up workday (调休上班) */
  const char *zName;              /* holiday, e.g. "春节", "国庆节、中秋节" */
  const char *zSource;            /* the 国务院办公厅 notice the row comes from */
};

/* The built-in table, sorted by date, dates unique. *pnRow gets its length. */
const CalHoliday *cal_holiday_table(int *pnRow);

/* ---------------------------------------------------------------- day_* */

/*
** Parse a date. Accepted forms (the whole string, nothing before or after):
**   YYYY-MM-DD  YYYY-M-D  YYYY/MM/DD  YYYY/M/D  YYYY.M.D  YYYY年M月D日
** i.e. a 4-digit year, then a 1- or 2-digit month and day separated by the
** same one of '-', '/', '.', or by 年/月 and ended by 日. The year must be
** CAL_YEAR_MIN..CAL_YEAR_MAX and the date must exist (2025-02-29 does not).
** Returns CAL_OK and sets *pDay, or CAL_INVALID and leaves *pDay unchanged.
** Leading or trailing spaces are junk: callers trim user input first.
*/
int  day_parse(const char *z, Day *pDay);

/* Write d as "YYYY-MM-DD" plus NUL into zOut. Years outside 0..9999 give
** "0000-00-00" (which day_parse() rejects) rather than overrunning zOut. */
void day_format(Day d, char zOut[11]);

/* Split d into year, month 1..12 and day of month 1..31. Any pointer may be 0. */
void day_ymd(Day d, int *pY, int *pM, int *pD);

/* The Day of y-m-d. No validation: m and d must be in range for a
** meaningful answer (the caller has validated them, or built them itself). */
Day  day_from_ymd(int y, int m, int d);

/* Day of the week, 1=Monday .. 7=Sunday (ISO 8601). */
int  day_weekday(Day d);

/* Number of days in month m (1..12) of year y. */
int  day_month_length(int y, int m);

/* ---------------------------------------------------------------- cal_* */

/*
** Build the calendar from the built-in table. Safe to call any number of
** times from any thread; every cal_* function calls it implicitly, so an
** explicit call at start-up only moves the (small) cost out of the first
** request.
*/
void cal_init(void);

/* What the calendar knows of a year (see "Known years" above). */
#define CAL_YEAR_NONE     0       /* nothing entered: Mon-Fri */
#define CAL_YEAR_PARTIAL  1       /* some days entered, the notice not whole */
#define CAL_YEAR_COMPLETE 2       /* the notice is whole: the year is known */
#define CAL_FESTIVALS     7       /* 元旦 … 国庆节, in the order of the year */
#define CAL_FEST_ALL      0x7fu   /* every festival's bit */
typedef struct CalYearInfo {
  int eState;                     /* CAL_YEAR_NONE, _PARTIAL or _COMPLETE */
  int bBuiltin;                   /* the built-in table has the year */
  int bMarked;                    /* marked whole by the admin (cal_mark) */
  unsigned mNamed;                /* bit i: a day off of festival i is entered */
} CalYearInfo;
/* The year's state (returned) and, when pInfo is not 0, its parts. A year
** outside CAL_YEAR_MIN..MAX is CAL_YEAR_NONE. */
int  cal_year_info(int year, CalYearInfo *pInfo);
/* The festival i (0..CAL_FESTIVALS-1) as the notices name it, e.g. "清明节". */
const char *cal_festival_name(int i);
/* The festivals a day off named zName is for: bit i for festival i
** ("国庆节、中秋节" has two bits, "2027年春节" one, "调休" none). */
unsigned cal_festival_mask(const char *zName);
/* The year whose notice an entry named zName and dated in year yDate
** belongs to: a "YYYY年" in the name within one year of yDate ("2028年元旦"
** on 2027-12-31 is 2028's), else yDate. */
int  cal_notice_year(const char *zName, int yDate);

/* Non-zero iff the year is known: cal_year_info() says CAL_YEAR_COMPLETE. */
int  cal_year_known(int year);

/* Non-zero iff every year from the year of `from` to the year of `to`
** is known (checks both ends' years and everything between). */
int  cal_range_known(Day from, Day to);
/* The first year from the year of `from` to that of `to` that is not
** known, or 0 when all are (either order). */
int  cal_range_gap(Day from, Day to);

/*
** Non-zero iff d is a working day (see the header comment). If pKnown is
** not 0, *pKnown is set to 1 when d's year is known and to 0 when the
** answer is the weekends-only fallback. O(1).
*/
int  cal_is_workday(Day d, int *pKnown);

/*
** The end of a period of n calendar days (自然日) starting at `start`.
** The start day is not counted (民法典 Art 201), so the last day is
** start+n; if that is not a working day the period ends on the next
** working day instead (民法典 Art 203, 民诉法 Art 85).
** For n<0 (a day "N日前" some event) the last day is start+n and a rest
** day moves to the previous working day, so the deadline is never later
** than the law allows.
** Always sets *pOut. Returns CAL_OK; CAL_UNKNOWN if the last day or any
** day the rest-day rule looked at lies in an unknown year (*pOut is then
** the weekends-only answer); CAL_INVALID if the result would leave the
** years 1..9999 (*pOut = start).
*/
int  cal_add_days(Day start, int n, Day *pOut);

/*
** The n-th working day after start (start itself not counted), for periods
** written in 工作日. For n<0 the |n|-th working day before start; for n=0,
** start. Always sets *pOut. Returns CAL_OK, CAL_UNKNOWN if any day examined
** is in an unknown year, or CAL_INVALID as for cal_add_days().
*/
int  cal_add_workdays(Day start, int n, Day *pOut);

/*
** The end of a period of n months (民法典 Art 202): the day with the same
** day-of-month n months later, or that month's last day if it has no such
** day (2025-01-31 + 1 month = 2025-02-28); then the rest-day rule as in
** cal_add_days() (forward for n>=0, backward for n<0). Years are 12*n
** months. Return codes as for cal_add_days().
*/
int  cal_add_months(Day start, int n, Day *pOut);

/*
** The number of working days in [from, to], both ends counted; 0 if
** to<from. Days in unknown years are counted Mon-Fri; use
** cal_range_known() to find out whether that happened.
*/
int  cal_count_workdays(Day from, Day to);

/* Working days in the year, or -1 if the year is unknown. */
int  cal_year_workdays(int year);

/*
** The holiday name of an off or make-up day ("春节", "国庆节、中秋节"), or
** 0 for an ordinary day. Static or calendar-owned memory: do not free; valid
** until cal_reset(). Lets the UI say why a deadline moved.
*/
const char *cal_day_name(Day d);

/*
** Add or override one calendar entry at start-up (tests; the server loads
** the database's entries with cal_replace). zDate is any form day_parse()
** accepts, cKind is 'o' (off) or 'w' (make-up workday), zName the holiday
** name (copied). The entry's year is loaded (a year that was not starts
** from plain Mon-Fri before the entry is applied); it becomes known only
** by the rule above. Returns CAL_OK, or CAL_INVALID for a bad date, kind
** or null name (nothing changes). Out of memory aborts.
** NOT thread-safe: call only before serving.
*/
int  cal_load_entry(const char *zDate, char cKind, const char *zName);

/*
** Apply n entries (zDate, cKind 'o'|'w', zName; zSource unused) to the
** calendar while the server runs: safe while other threads read it (the
** change is published at once, with one atomic store; a reader sees the
** calendar before or after it). *pUndo records what cal_undo() needs to
** put the calendar back (the caller's write failed). Returns CAL_OK, or
** CAL_INVALID for a bad entry (nothing changes). Writers (cal_apply,
** cal_undo) must not run at the same time: the caller serializes them.
*/
typedef struct CalUndo { void *pPrev; int nLoaded; } CalUndo;
int  cal_apply(const CalHoliday *a, int n, CalUndo *pUndo);
void cal_undo(const CalUndo *pUndo);

/*
** Mark year (bOn) as 年度安排已完整登记, or take the mark away (!bOn),
** while the server runs, as cal_apply() does (same threads rule, same
** undo). CAL_OK, or CAL_INVALID for a year outside CAL_YEAR_MIN..MAX.
*/
int  cal_mark(int year, int bOn, CalUndo *pUndo);

/*
** The calendar becomes the built-in table plus exactly the n entries of a
** (zSource unused; a bad entry is skipped) and the nMarked years of
** aMarked marked whole, published at once as cal_apply() publishes: what
** the server does when the database's holiday rows changed (another
** server's or the command line's write), and at start. Writers must not
** run at the same time (the caller serializes them with cal_apply).
*/
void cal_replace(const CalHoliday *a, int n, const int *aMarked, int nMarked);

/*
** Forget every cal_load_entry() and rebuild from the built-in table.
** For tests and for a reload at start-up. NOT thread-safe.
*/
void cal_reset(void);

/*
** Check the built-in table: every date parses, dates are strictly
** increasing, kinds are 'o'/'w', names and sources are non-empty, and every
** make-up workday falls on a Saturday or Sunday. Returns the number of bad
** rows (0 when the table is sound) and sets *piBad to the first bad row
** index (-1 if none) when piBad is not 0.
*/
int  cal_selfcheck(int *piBad);

#endif /* FZ_CALENDAR_H */
