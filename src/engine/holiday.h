/*
** src/engine/holiday.h — adding a State Council notice's days to the
** calendar (holiday.c): the 节假日 page and `fazhi holiday add`; whether
** a year's notice is whole (the calendar's rule, cal_year_info) and the
** admin's 年度安排已完整登记 mark; keeping a running server's calendar
** in step with the database (holiday_load, holiday_refresh).
*/
#ifndef FZ_HOLIDAY_H
#define FZ_HOLIDAY_H
#include "engine/ctx.h"
#include "calendar/calendar.h"

#define HOLIDAY_YEAR_MIN  2000   /* the years a notice may be added for */
#define HOLIDAY_YEAR_MAX  2100
#define HOLIDAY_RANGE_MAX 31     /* days one addition may cover */

/* One day (zDay "YYYY-MM-DD", zKind "o" 放假 | "w" 调休上班) written to the
** table `holiday`, replacing the day's row, with its audit entry; in the
** caller's write transaction or its own. 0 on success. The caller checked
** the day; the calendar in memory is not touched (see holiday_add). */
int holiday_set(Ctx*, const char *zDay, const char *zKind, const char *zName);

/* Adds a notice's days: every day from zFrom to zTo (zTo NULL or "": zFrom
** alone), zKind "off" or "work", named zName (e.g. 2027年春节), each by
** holiday_set, in one transaction; then the running calendar (cal_apply)
** and the table cal_day (deadline_cal_sync) follow, so a deadline computed
** afterwards counts the new days. All or nothing. FZ_OK; FZ_INVALID with
** the reasons in c->err on the fields "from", "to", "kind", "name" (a
** date that does not parse or lies outside HOLIDAY_YEAR_MIN..MAX, a range
** backwards or longer than HOLIDAY_RANGE_MAX days, a 调休上班 on a
** weekday, a day already set the same way, a name empty or not one line
** of text); FZ_INTERNAL. */
int holiday_add(Ctx*, const char *zFrom, const char *zTo, const char *zKind, const char *zName);

/* The admin's word that year zYear's notice is entered whole
** (年度安排已完整登记), citing the notice zNotice, or (zUndo "1") taking
** the mark away: the table holiday_year, audited ("holiday_year"), guarded by
** `fazhi check`, the running calendar (cal_mark) at once. FZ_OK;
** FZ_INVALID with the reasons in c->err on "year" (not a year of
** HOLIDAY_YEAR_MIN..MAX; a built-in year; a year with nothing entered;
** already whole; when undoing, not marked) or "notice" (empty, not one
** line, over 100 characters); FZ_INTERNAL. */
int holiday_mark(Ctx*, const char *zYear, const char *zUndo, const char *zNotice);

/* What the calendar knows of a year, for the 节假日 page and `fazhi
** holiday status`: the one rule (cal_year_info) in words. */
typedef struct HolidayYear {
  int iYear;
  int eState;              /* CAL_YEAR_NONE, CAL_YEAR_PARTIAL, CAL_YEAR_COMPLETE */
  int bBuiltin;            /* in the built-in table */
  int bMarked;             /* marked whole by an admin */
  const char *zMissing;    /* the festivals with no day off entered, "春节、清明节" ("" none) */
  const char *zState;      /* "已完整（内置）", "已完整（管理员已标记）", "已完整（七个节日均已登记）",
                           ** "未完整：尚缺春节、清明节", "未登记" */
  const char *zNotice;     /* the mark's notice, who and when (NULL when not marked) */
  const char *zMarkedBy;
  const char *zMarkedAt;
} HolidayYear;
/* DB_OK, or a database error code. Arena memory. */
int holiday_year_get(Ctx*, int iYear, HolidayYear*);

/* The calendar becomes the built-in table plus the database's rows
** (holiday, holiday_year), and the change counter (setting holiday_gen)
** read first is remembered: at start, and by holiday_refresh. 0, or a
** database error code (the calendar is then unchanged). */
int holiday_load(Db*);
/* Once per request: reads the change counter (one row) and, when another
** process (a second server, `fazhi holiday`) changed the calendar since
** it was loaded, loads it again, so the request computes with it. 0, or
** a database error code (the calendar in force stays). */
int holiday_refresh(Ctx*);
/* One more change of the calendar's rows (the setting holiday_gen), in the
** caller's write transaction: what holiday_add and holiday_mark do, and a
** migration that moves rows in. 0 on success. */
int holiday_gen_bump(Db*);

/* The first year that is not known (cal_year_known) which the periods an
** indicator counts (its "ontime"/"late" conditions) may reach for records
** of iYear, or 0 (no such year, or the indicator counts no period). The
** reach is taken wide: from 1 January of the year before (a record placed
** in its year by its end may have started then) to 31 December of iYear
** plus the period's longest length (for a length each record gives, the
** largest its records hold: one query). */
int holiday_ind_gap(Ctx*, const Kind*, const Indicator*, int iYear);

/* One day of a month grid (Monday first): iDay 0 for a blank cell. */
typedef struct HolidayCell {
  int iDay;               /* 1..31, 0: outside the month */
  int bWeekend;           /* Saturday or Sunday */
  int eKind;              /* 'o' 放假 (a named day off, or a weekday off), 'w' 调休上班, 0 */
  const char *zName;      /* the holiday's name (calendar memory), or NULL */
} HolidayCell;
/* The six weeks of month m of year y as the calendar now has them. */
void holiday_month(int y, int m, HolidayCell aCell[42]);
#endif
