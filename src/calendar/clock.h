/*
** src/calendar/clock.h — moments as a county reads them.
**
** Moments are stored in UTC ("2026-12-07T13:56:30Z", or Unix seconds for
** the login log); pages show them in the county's time zone, a fixed
** offset from UTC (China keeps no summer time: Asia/Shanghai is +08:00 all
** year), as "2026-12-07 21:56".
*/
#ifndef FZ_CLOCK_H
#define FZ_CLOCK_H
#include <stddef.h>

#define CLOCK_DEFAULT_ZONE "+08:00"
/* "+08:00", "-03:30", "UTC+8", "Asia/Shanghai" (and the other names of
** UTC+8 in China) → minutes east of UTC in *pnMin; 0, or 1 when z is none
** of those or the offset is beyond ±14:00 or not a whole quarter hour. */
int clock_zone_parse(const char *z, int *pnMin);
/* An ISO-8601 UTC moment ("YYYY-MM-DDTHH:MM[:SS][Z]", or with a space) as
** local time "YYYY-MM-DD HH:MM" (bSeconds: ":SS" too) into zOut; a text
** that is not such a moment is copied as it is. Returns zOut. */
const char *clock_local_iso(const char *zIso, int nMin, int bSeconds, char *zOut, size_t nOut);
/* The same for Unix seconds. */
const char *clock_local_unix(long long t, int nMin, int bSeconds, char *zOut, size_t nOut);
#endif
