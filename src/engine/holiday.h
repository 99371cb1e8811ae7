/*
** src/engine/holiday.h — adding a State Council notice's days to the
** calendar (holiday.c): the 节假日 page and `fazhi holiday add`.
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
