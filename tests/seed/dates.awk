# tests/seed/dates.awk — date arithmetic for the seed fixtures' generators
# (awk -f dates.awk -f GENERATOR): day numbers and back, weekdays.
function dn(s,   y, m, d, era, yoe, doy, doe){
  y = substr(s,1,4)+0; m = substr(s,6,2)+0; d = substr(s,9,2)+0
  if( m<=2 ) y--
  era = int(y/400); yoe = y - era*400
  doy = int((153*(m + (m>2 ? -3 : 9)) + 2)/5) + d - 1
  doe = yoe*365 + int(yoe/4) - int(yoe/100) + doy
  return era*146097 + doe - 719468
}
function ds(z,   era, doe, yoe, y, doy, mp, d, m){
  z += 719468
  era = int(z/146097); doe = z - era*146097
  yoe = int((doe - int(doe/1460) + int(doe/36524) - int(doe/146096))/365)
  y = yoe + era*400; doy = doe - (365*yoe + int(yoe/4) - int(yoe/100))
  mp = int((5*doy + 2)/153); d = doy - int((153*mp + 2)/5) + 1
  m = mp + (mp<10 ? 3 : -9); if( m<=2 ) y++
  return sprintf("%04d-%02d-%02d", y, m, d)
}
function wd(z){ return (z + 4) % 7 }          # 0 = Sunday (1970-01-01 was a Thursday)
function weekday(z){ while( wd(z)==0 || wd(z)==6 ) z++; return z }   # Sat/Sun -> Monday

