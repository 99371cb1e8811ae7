/*
** src/calendar/clock.c — UTC moments in the county's time zone (clock.h).
*/
#include "calendar/clock.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

/* The zone names a Chinese county may write for UTC+8. */
static const char *const azUtc8[] = {
  "Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC", "Asia/Hong_Kong",
  "Asia/Macau", "北京时间", 0
};

int clock_zone_parse(const char *z, int *pnMin){
  if( z==0 ) return 1;
  for(int i=0; azUtc8[i]; i++) if( strcmp(z, azUtc8[i])==0 ){ *pnMin = 480; return 0; }
  if( strcmp(z, "UTC")==0 || strcmp(z, "Z")==0 ){ *pnMin = 0; return 0; }
  if( strncmp(z, "UTC", 3)==0 || strncmp(z, "GMT", 3)==0 ) z += 3;
  if( (z[0]!='+' && z[0]!='-') || z[1]<'0' || z[1]>'9' ) return 1;
  int h = z[1]-'0', m = 0, i = 2;
  if( z[i]>='0' && z[i]<='9' ) h = h*10 + (z[i++]-'0');
  if( z[i]==':' ){
    if( z[i+1]<'0' || z[i+1]>'5' || z[i+2]<'0' || z[i+2]>'9' ) return 1;
    m = (z[i+1]-'0')*10 + (z[i+2]-'0');
    i += 3;
  }
  if( z[i]!=0 || h>14 || m%15!=0 || h*60+m>14*60 ) return 1;
  *pnMin = (z[0]=='-' ? -1 : 1)*(h*60+m);
  return 0;
}

static const char *format(time_t t, int nMin, int bSeconds, char *zOut, size_t nOut){
  struct tm tm;
  t += (time_t)nMin*60;
  gmtime_r(&t, &tm);
  strftime(zOut, nOut, bSeconds ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d %H:%M", &tm);
  return zOut;
}

const char *clock_local_iso(const char *zIso, int nMin, int bSeconds, char *zOut, size_t nOut){
  int y, mo, d, h, mi, s = 0, n = 0;
  if( zIso==0 ){ snprintf(zOut, nOut, "%s", ""); return zOut; }
  if( sscanf(zIso, "%4d-%2d-%2d%*1[T ]%2d:%2d%n", &y, &mo, &d, &h, &mi, &n)!=5
   || mo<1 || mo>12 || d<1 || d>31 || h>23 || mi>59 ){
    snprintf(zOut, nOut, "%s", zIso);
    return zOut;
  }
  if( zIso[n]==':' && zIso[n+1]>='0' && zIso[n+1]<='5' ) s = (zIso[n+1]-'0')*10 + (zIso[n+2]-'0');
  struct tm tm = { .tm_year = y-1900, .tm_mon = mo-1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_sec = s };
  return format(timegm(&tm), nMin, bSeconds, zOut, nOut);
}

const char *clock_local_unix(long long t, int nMin, int bSeconds, char *zOut, size_t nOut){
  return format((time_t)t, nMin, bSeconds, zOut, nOut);
}
