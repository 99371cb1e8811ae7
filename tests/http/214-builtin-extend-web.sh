#!/bin/sh
# tests/http/214-builtin-extend-web.sh
# Issue 15 §3 in the browser: 内置台账的扩展 (/admin/kinds/KIND/extend), as
# the page posts it (tests/http/ext_form.py reads every input of the form
# the page sent, as a browser without JavaScript does).
# - /admin/kinds lists the built-in kinds, each with a link to its page;
#   the page has its sections (扩展字段, 枚举值, 指标, 报告语句, 目标与小数位).
# - 12345's 群众满意率 set to two decimals and a target of 96.5: the
#   dashboard, the API and the report write it with two decimals, rounded
#   half up from its two counts; other indicators keep one decimal.
# - 普法活动 gets, in one save, a field, a venue (its id made up), a rate
#   with two decimals and a target, and a sentence naming it with a
#   「」 marker: a clerk's record on the new venue counts in it, the
#   dashboard and report write it with two decimals.
# - Refusals beside the input they name (a venue repeating one, decimals
#   7, a target that is no number), nothing saved; a save made on an
#   older version's page is a conflict (409); clerks get 403.
. "$(dirname "$0")/lib.sh"
start_server
FORM=$(dirname "$0")/ext_form.py
login zhengwu
get /admin/kinds/law_publicity/extend
expect_status 403 "a clerk does not extend"
login admin
get /admin/kinds
expect_status 200
expect_contains "$BODY" '内置台账的扩展'
expect_contains "$BODY" 'href="/admin/kinds/hotline_ticket/extend"' "each built-in links its page"
get /admin/kinds/no_such/extend
expect_status 404
get /admin/kinds/hotline_ticket/extend
expect_status 200 "the page of a built-in kind"
for s in 扩展字段 枚举值 '指标（新增）' 报告语句 目标与小数位; do expect_contains "$BODY" "<h2>$s</h2>" "section $s"; done
expect_contains "$BODY" '这个台账还没有扩展'
cp "$BODY" "$T/page1.html"

# 1. 群众满意率 with two decimals and a target.
api_login admin
api GET "/api/v1/indicators?year=2026"
NUM=$(json '.indicators[] | select(.kind=="hotline_ticket" and .name=="satisfaction") | .numerator')
DEN=$(json '.indicators[] | select(.kind=="hotline_ticket" and .name=="satisfaction") | .denominator')
V1=$(json '.indicators[] | select(.kind=="hotline_ticket" and .name=="satisfaction") | .value')
check "one decimal before" sh -c "echo '$V1' | grep -Eq '^[0-9]+\.[0-9]$'"
# half up, in integers: (num×10000×2 + den) ÷ (2×den)
EXP=$(awk -v n="$NUM" -v d="$DEN" 'BEGIN{v=int((n*10000*2+d)/(2*d)); printf "%d.%02d", int(v/100), v%100}')
ROW=$(python3 "$FORM" "$T/page1.html" --find satisfaction)
check "the page has 群众满意率's row" test -n "$ROW"
req POST /admin/kinds/hotline_ticket/extend --data "$(python3 "$FORM" "$T/page1.html" "i${ROW}_dec=7")"
expect_status 422 "decimals 7"
expect_contains "$BODY" '小数位应为0至4的整数'
expect_contains "$BODY" "name=\"i${ROW}_dec\" value=\"7\" aria-label=\"小数位\" aria-invalid=\"true\"" "…beside its input, with what was typed"
req POST /admin/kinds/hotline_ticket/extend --data "$(python3 "$FORM" "$T/page1.html" "i${ROW}_target=很高")"
expect_status 422 "a target that is no number"
expect_contains "$BODY" '目标与小数位“群众满意率”（satisfaction）：目标值应为数字'
expect_contains "$BODY" "name=\"i${ROW}_target\" value=\"很高\" aria-label=\"目标值\" aria-invalid=\"true\""
expect_eq "$(sql "SELECT count(*) FROM kind_def WHERE name='hotline_ticket'")" 0 "nothing saved"
req POST /admin/kinds/hotline_ticket/extend --data "$(python3 "$FORM" "$T/page1.html" "i${ROW}_dec=2" "i${ROW}_target=96.5")"
expect_status 303 "saved"
check "back to the page, saying so" sh -c "echo '$(location)' | grep -q '/admin/kinds/hotline_ticket/extend?msg=kind_extended'"
get /admin/kinds/hotline_ticket/extend
expect_contains "$BODY" '现行扩展为第1版'
expect_contains "$BODY" '第1版（现行）' "its version list"
api GET "/api/v1/indicators?year=2026"
expect_json ".indicators[] | select(.kind==\"hotline_ticket\" and .name==\"satisfaction\") | .value == \"$EXP\"" "two decimals, half up: $EXP"
expect_json '.indicators[] | select(.kind=="hotline_ticket" and .name=="ontime_rate") | .value | test("^[0-9]+\\.[0-9]$")' "the others keep one"
expect_json '[.indicators[] | select(.kind=="hotline_ticket" and .name=="satisfaction") | .target] == ["96.5"]' "the target"
get "/?year=2026"
expect_contains "$BODY" "$EXP%" "the dashboard writes $EXP%"
expect_contains "$BODY" '目标 96.5%'
get "/report.md?year=2026"
expect_contains "$BODY" "群众满意率$EXP%" "the report writes $EXP%"
# an older page's save is a conflict
req POST /admin/kinds/hotline_ticket/extend --data "$(python3 "$FORM" "$T/page1.html" "i${ROW}_dec=3")"
expect_status 409 "saved on version 0's page after version 1"

# 2. 普法活动: a field, a venue, a rate with two decimals and a sentence, in one save.
get /admin/kinds/law_publicity/extend
cp "$BODY" "$T/page2.html"
NI=$(sed -n 's/.*name="ni" value="\([0-9]*\)".*/\1/p' "$T/page2.html" | head -1)
NEW=$((NI-1))         # the first of the two blank indicator rows
req POST /admin/kinds/law_publicity/extend --data "$(python3 "$FORM" "$T/page2.html" \
  f1_id=partner f1_label=协办单位 f1_type=text \
  e1_field=venue e1_id= e1_label=进学校 \
  "i${NEW}_label=进乡村活动占比" "i${NEW}_agg=rate" "i${NEW}_cond=venue=village" "i${NEW}_den=count" "i${NEW}_dec=2" "i${NEW}_target=15" \
  "s1=进乡村活动占全部活动的「进乡村活动占比」。")"
expect_status 422 "a venue repeating 进学校"
expect_contains "$BODY" '名称“进学校”与已有的选项（school）重复'
expect_contains "$BODY" 'name="e1_label" value="进学校" aria-label="名称" aria-invalid="true"' "…beside its input"
expect_eq "$(sql "SELECT count(*) FROM kind_def WHERE name='law_publicity'")" 0 "nothing saved"
req POST /admin/kinds/law_publicity/extend --data "$(python3 "$FORM" "$T/page2.html" \
  f1_id=partner f1_label=协办单位 f1_type=text \
  e1_field=venue e1_id= e1_label=进广场 \
  "i${NEW}_label=进乡村活动占比" "i${NEW}_agg=rate" "i${NEW}_cond=venue=village" "i${NEW}_den=count" "i${NEW}_dec=2" "i${NEW}_target=15" \
  "s1=进乡村活动占全部活动的「进乡村活动占比」。")"
expect_status 303 "saved: a field, a venue, a rate, a sentence"
expect_eq "$(sql "SELECT count(*) FROM kind_def WHERE name='law_publicity'")" 1
get /admin/kinds/law_publicity/extend
expect_contains "$BODY" '<code>v1</code>' "the venue's id made up"
expect_contains "$BODY" '进乡村活动占全部活动的「进乡村活动占比」。' "the sentence comes back with its marker"
D_FUYI=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")
login fuyi
post_form /k/law_publicity/new "dept_id=$D_FUYI" activity_no=PF-WEB-1 title=乡村普法 venue=village form=stall held=2026-05-03 audience=50 partner=县团委
expect_status 303 "a clerk's record with the new field"
post_form /k/law_publicity/new "dept_id=$D_FUYI" activity_no=PF-WEB-2 title=广场普法 venue=进广场 form=stall held=2026-05-04 audience=60
expect_status 303 "…and one on the new venue"
api GET "/api/v1/indicators?year=2026"
IND=$(json '.indicators[] | select(.kind=="law_publicity" and .label=="进乡村活动占比") | .name')
N2=$(json ".indicators[] | select(.kind==\"law_publicity\" and .name==\"$IND\") | .numerator")
D2=$(json ".indicators[] | select(.kind==\"law_publicity\" and .name==\"$IND\") | .denominator")
N0=$(sql "SELECT count(*) FROM law_publicity WHERE venue='village' AND held LIKE '2026-%'")
T0=$(sql "SELECT count(*) FROM law_publicity WHERE held LIKE '2026-%'")
expect_eq "$N2/$D2" "$N0/$T0" "the rate counts the records, the new one too"
EXP2=$(awk -v n="$N2" -v d="$D2" 'BEGIN{v=int((n*10000*2+d)/(2*d)); printf "%d.%02d", int(v/100), v%100}')
expect_json ".indicators[] | select(.kind==\"law_publicity\" and .name==\"$IND\") | .value == \"$EXP2\" and .target == \"15\"" "two decimals: $EXP2"
login admin
get "/?year=2026"
expect_contains "$BODY" "data-indicator=\"law_publicity.$IND\"" "on the dashboard"
expect_contains "$BODY" "$EXP2%"
get "/report.md?year=2026"
expect_contains "$BODY" "进乡村活动占全部活动的$EXP2%（$N2/$D2）。" "the sentence in the report"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
finish
