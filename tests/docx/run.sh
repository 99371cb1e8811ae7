#!/bin/sh
# tests/docx/run.sh FAZHI — the report as Word (GB/T 9704), opened the way a
# county office opens it: LibreOffice (headless) converts the .docx that
# `fazhi report --format docx` writes for the demo county to PDF, and
# poppler reads the PDF back: A4 pages; the body's left edge at 28 mm and
# right edge at 26 mm from the paper's edges; the first line of a page
# 37 mm from the top; 22 lines a page, 28.95 pt apart, 28 characters a
# full line; page numbers "—N—" right on odd pages, left on even ones,
# 7 mm below the type area; the title, chapters and figures of the
# Markdown report all there. Also the web download. Last line: "N passed,
# N failed".
set -u
FZ=${1:-build/fazhi}
case $FZ in /*) ;; *) FZ=$(pwd)/$FZ ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-docx.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 2' INT TERM
export FAZHI_TODAY=2026-06-30 FAZHI_QUIET=1 HOME="$T"    # LibreOffice keeps its profile in $HOME
P=0; F=0
pass(){ P=$((P+1)); printf 'ok    %s\n' "$*"; }
fail(){ F=$((F+1)); printf 'FAIL  %s\n' "$*"; }
finish(){ echo "$P passed, $F failed"; [ "$F" -eq 0 ]; exit $?; }
near(){   # LABEL ACTUAL WANT TOLERANCE (points)
  if awk -v a="$2" -v w="$3" -v t="$4" 'BEGIN{ d = a - w; if( d<0 ) d = -d; exit !(d <= t) }'; then
    pass "$1: $2 pt (want $3 ± $4)"
  else
    fail "$1: $2 pt, want $3 ± $4"
  fi
}
for t in soffice pdfinfo pdftotext; do
  command -v $t >/dev/null 2>&1 || { fail "$t is not installed (tools/deps.sh test installs it)"; finish; }
done

"$FZ" demo --db "$T/d.db" --no-serve >/dev/null 2>&1 || { fail "fazhi demo"; finish; }
"$FZ" report --db "$T/d.db" --year 2025 --format docx -o "$T/r.docx" 2>"$T/rep.err" || { fail "fazhi report --format docx: $(cat "$T/rep.err")"; finish; }
"$FZ" report --db "$T/d.db" --year 2025 --format md -o "$T/r.md" 2>/dev/null
pass "fazhi report --format docx wrote $(wc -c <"$T/r.docx") bytes"
timeout 180 soffice --headless --norestore --convert-to pdf --outdir "$T" "$T/r.docx" >"$T/lo.out" 2>&1
if [ -s "$T/r.pdf" ]; then pass "LibreOffice opened the .docx and converted it to PDF"
else fail "LibreOffice could not convert the .docx: $(tail -3 "$T/lo.out")"; finish; fi

PAGES=$(pdfinfo "$T/r.pdf" | sed -n 's/^Pages: *//p')
SIZE=$(pdfinfo "$T/r.pdf" | sed -n 's/^Page size: *//p')
case $SIZE in *"(A4)"*) pass "page size $SIZE" ;; *) fail "page size $SIZE, want A4" ;; esac
[ "${PAGES:-0}" -ge 3 ] && pass "$PAGES pages" || fail "only ${PAGES:-0} pages"

# Line boxes of pages 2 and 3 (full pages of body text), from poppler.
pdftotext -bbox-layout -f 2 -l 3 "$T/r.pdf" "$T/bbox.html"
awk '/<page /{p++} match($0, /<line xMin="[0-9.]*" yMin="[0-9.]*" xMax="[0-9.]*" yMax="[0-9.]*"/){
       s = substr($0, RSTART, RLENGTH); gsub(/[a-zA-Z<="]/, " ", s); split(s, v, " ");
       print p+1, v[1], v[2], v[3], v[4] }' "$T/bbox.html" >"$T/lines"
MM=2.8346
# left and right edges of the text: the most common left edge, and the most
# common right edge of the lines starting there (justified full lines end on
# the type area's edge; a paragraph's last line ends short, and a line whose
# last character is a full stop may let it hang into the margin, as Word and
# LibreOffice do for Chinese punctuation)
LEFT=$(awk '{ c[$2]++ } END{ for(x in c) if( c[x]>best ){ best=c[x]; v=x } print v }' "$T/lines")
RIGHT=$(awk '$2<100 { c[int($4+0.5)]++ } END{ for(x in c) if( c[x]>best ){ best=c[x]; v=x } print v }' "$T/lines")
near "left edge of the body (订口 28 mm)" "$LEFT" "$(awk "BEGIN{print 28*$MM}")" 3
near "right edge of a full line (26 mm from the edge)" "$(awk "BEGIN{print 595.3-$RIGHT}")" "$(awk "BEGIN{print 26*$MM}")" 6
# the first line of page 2 starts on the type area's top edge (天头 37 mm); its glyphs a little below
TOP=$(awk '$1==2 { print $3; exit }' "$T/lines")
near "first line of page 2 below the top edge (37 mm + the glyphs' ascent)" "$TOP" "$(awk "BEGIN{print 37*$MM + 6}")" 4
# lines 28.95 pt apart, 22 to a page (the page number is one more line)
PITCH=$(awk '$1==2 { if( n && $3-y>20 && $3-y<40 ){ s += $3-y; k++ } y=$3; n++ } END{ printf "%.2f", s/k }' "$T/lines")
near "line pitch (225 mm / 22)" "$PITCH" 28.95 0.3
N2=$(awk '$1==2 && $3 < 740 { n++ } END{ print n }' "$T/lines")
[ "$N2" -eq 22 ] && pass "22 lines on page 2" || fail "$N2 lines on page 2, want 22"
# a full line holds 28 characters (UTF-8 continuation bytes dropped, bytes then count characters)
# (lines with half-width digits hold more: only lines of full-width characters are measured)
FULL=$(pdftotext -f 2 -l 3 "$T/r.pdf" - | tr -d ' ' | grep -v '[0-9A-Za-z%./]' | LC_ALL=C sed 's/[\x80-\xbf]//g' | awk '{ if( length($0)>m ) m = length($0) } END{ print m+0 }')
[ "$FULL" -ge 27 ] && [ "$FULL" -le 29 ] && pass "a full line holds $FULL characters (28 wanted)" || fail "a full line holds $FULL characters, want 28"
# page numbers: 一字线 on both sides; odd pages right, even pages left, one character in
pdftotext -bbox-layout -f 1 -l 2 "$T/r.pdf" "$T/pn.html"
PN1=$(awk '/<page /{p++} /<line / && p==1 { l = $0 } END{ print l }' "$T/pn.html" | sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)".*/\1 \2 \3/p')
PN2=$(awk '/<page /{p++} /<line / && p==2 { l = $0 } END{ print l }' "$T/pn.html" | sed -n 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)".*/\1 \2 \3/p')
set -- $PN1
near "page 1's number: right, one character in from the type area" "$3" "$(awk "BEGIN{print 595.3 - 26*$MM - 14}")" 3
near "page numbers 7 mm below the type area" "$2" "$(awk "BEGIN{print 841.9 - 35*$MM + 7*$MM}")" 4
set -- $PN2
near "page 2's number: left, one character in" "$1" "$(awk "BEGIN{print 28*$MM + 14}")" 3
pdftotext -f 1 -l 2 "$T/r.pdf" - | tr -d ' \n' >"$T/pn.txt"
grep -q '—1—' "$T/pn.txt" && grep -q '—2—' "$T/pn.txt" && pass "page numbers read —1— and —2—" || fail "no —1—/—2— page numbers"

# the text: title, chapters and every figure sentence of the Markdown report
pdftotext "$T/r.pdf" - | tr -d ' \n\f' | sed 's/—[0-9]*—//g' >"$T/all.txt"   # page numbers fall mid-sentence
miss=0
for s in "关于2025年法治政府建设情况的报告" "一、推进法治政府建设的主要举措和成效" "三、存在的不足和原因" "四、2026年工作打算"; do
  grep -qF -- "$s" "$T/all.txt" || { miss=$((miss+1)); fail "the PDF lacks “$s”"; }
done
grep '（[0-9]*/[0-9]*）' "$T/r.md" | sed 's/。/。\n/g' | grep -o '[^，。；：]*（[0-9]*/[0-9]*）' | head -40 >"$T/figs"
nf=0
while IFS= read -r fig; do
  nf=$((nf+1))
  grep -qF -- "$fig" "$T/all.txt" || { miss=$((miss+1)); fail "the PDF lacks the figure “$fig”"; }
done <"$T/figs"
[ $miss -eq 0 ] && [ $nf -ge 20 ] && pass "the PDF has the title, the chapters and all $nf figures checked"

# the appendix, switched on: 附件 on a page of its own, each figure's definition
"$FZ" report --db "$T/d.db" --year 2025 --format docx --appendix -o "$T/a.docx" 2>/dev/null
timeout 180 soffice --headless --norestore --convert-to pdf --outdir "$T" "$T/a.docx" >"$T/lo2.out" 2>&1
if [ -s "$T/a.pdf" ]; then
  NP=$(pdfinfo "$T/r.pdf" | sed -n 's/^Pages: *//p'); NA=$(pdfinfo "$T/a.pdf" | sed -n 's/^Pages: *//p')
  pdftotext -f $((NP+1)) -l $((NP+1)) "$T/a.pdf" - | tr -d ' \n\f' >"$T/ann1.txt"
  pdftotext "$T/a.pdf" - | tr -d ' \n\f' | sed 's/—[0-9]*—//g' >"$T/ann.txt"
  case $(head -c 6 "$T/ann1.txt") in 附件*) pass "--appendix: 附件 starts page $((NP+1)) of $NA, after the report's $NP" ;;
    *) fail "--appendix: page $((NP+1)) does not start with 附件: $(head -c 60 "$T/ann1.txt")" ;; esac
  grep -qF "报告数字的统计口径" "$T/ann.txt" && grep -qF "行政复议·法定期限结案率：分子÷分母×100%，保留1位小数，四舍五入。分子：" "$T/ann.txt" \
    && pass "the appendix defines each figure (行政复议法定期限结案率 and its numerator)" || fail "the appendix lacks its title or a definition"
else
  fail "LibreOffice could not convert the .docx with the appendix: $(tail -3 "$T/lo2.out")"
fi

# the web download is the same document
PORT=$((20000 + ($$ % 20000)))
"$FZ" serve --db "$T/d.db" --listen "127.0.0.1:$PORT" >"$T/serve.out" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null; rm -rf "$T"' EXIT
i=0; while [ $i -lt 50 ] && ! curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 0.1; i=$((i+1)); done
TOK=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"login":"admin","password":"demo-2026"}' "http://127.0.0.1:$PORT/api/v1/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
code=$(curl -s -o "$T/web.docx" -w '%{http_code} %{content_type}' -H "Authorization: Bearer $TOK" "http://127.0.0.1:$PORT/report.docx?year=2025")
case $code in "200 application/vnd.openxmlformats-officedocument.wordprocessingml.document"*) pass "GET /report.docx: $code" ;; *) fail "GET /report.docx: $code" ;; esac
unzip -p "$T/web.docx" word/document.xml >"$T/web.xml" 2>/dev/null
unzip -p "$T/r.docx" word/document.xml >"$T/cli.xml" 2>/dev/null
cmp -s "$T/web.xml" "$T/cli.xml" && pass "the web download is the CLI's document" || fail "the web's document.xml differs from the CLI's"
kill $SPID 2>/dev/null; wait $SPID 2>/dev/null
finish
