# tests/seed/rows.awk — writes import CSVs from a fixture spec
# (awk -v out=DIR -f dates.awk -f rows.awk SPEC). Each spec line is
#
#   year 2024                       the year records are spread over
#   KIND|N|column=value|…           N rows of KIND with these cells
#
# The file ORDER lists the kinds in the order the spec first names them,
# which is the order to import them in (a 办件 refers to its 事项).
# Columns are import headers (field labels or ids, 所属部门, 状态); a KIND's
# CSV has every column any of its lines names, in order of first mention.
# In a value:
#   {n}        the row's number within KIND (1, 2, …: unique values)
#   {d}        a working day spread evenly over the line's range — the
#              year, or @from=YYYY-MM-DD / @to=YYYY-MM-DD on the line
#   {d+K}      K calendar days after {d}; {w+K} K working days (Mon–Fri)
# Blank lines and lines starting with # are skipped. Values cannot hold
# commas or bars.
function after_weekdays(z, k){ while( k>0 ){ z++; if( wd(z)!=0 && wd(z)!=6 ) k-- } return z }
function fill(v, n, d,   out, p, q, tok, k){
  out = ""
  while( (p = index(v, "{"))>0 ){
    q = index(substr(v, p), "}")
    if( q==0 ) break
    tok = substr(v, p+1, q-2)
    out = out substr(v, 1, p-1)
    if( tok=="n" ) out = out n
    else if( tok=="d" ) out = out ds(d)
    else if( tok ~ /^d\+[0-9]+$/ ) out = out ds(d + substr(tok, 3))
    else if( tok ~ /^w\+[0-9]+$/ ) out = out ds(after_weekdays(d, substr(tok, 3)+0))
    else { print "rows.awk: unknown placeholder {" tok "}" > "/dev/stderr"; bad = 1 }
    v = substr(v, p+q)
  }
  return out v
}
/^[ \t]*(#|$)/ { next }
$1=="year" { year = $2; next }
{
  nf = split($0, a, "|")
  kind = a[1]; n = a[2]+0
  if( !(kind in nCol) ){ nCol[kind] = 0; kinds[++nKind] = kind }
  from = dn(year "-01-02"); to = dn(year "-12-20")
  delete cols; nc = 0
  for(i=3; i<=nf; i++){
    e = index(a[i], "=")
    if( e==0 ){ print "rows.awk: line " NR ": no = in «" a[i] "»" > "/dev/stderr"; bad = 1; continue }
    c = substr(a[i], 1, e-1); v = substr(a[i], e+1)
    if( c=="@from" ){ from = dn(v); continue }
    if( c=="@to" ){ to = dn(v); continue }
    cols[++nc] = c; vals[nc] = v
    if( !((kind, c) in colAt) ){ colAt[kind, c] = ++nCol[kind]; colName[kind, nCol[kind]] = c }
  }
  for(r=1; r<=n; r++){
    num = ++nRow[kind]
    d = weekday(from + int((r-1) * (to-from) / (n>1 ? n : 1)))
    for(j=1; j<=nc; j++) cell[kind, num, colAt[kind, cols[j]]] = fill(vals[j], num, d)
  }
}
END{
  if( bad ) exit 1
  for(k=1; k<=nKind; k++) print kinds[k] > (out "/ORDER")     # import order: as first mentioned
  close(out "/ORDER")
  for(k=1; k<=nKind; k++){
    kind = kinds[k]; f = out "/" kind ".csv"
    line = ""
    for(j=1; j<=nCol[kind]; j++) line = line (j>1 ? "," : "") colName[kind, j]
    print line > f
    for(r=1; r<=nRow[kind]; r++){
      line = ""
      for(j=1; j<=nCol[kind]; j++) line = line (j>1 ? "," : "") cell[kind, r, j]
      print line > f
    }
    close(f)
  }
}
