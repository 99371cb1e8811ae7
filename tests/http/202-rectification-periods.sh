#!/bin/sh
# tests/http/202-rectification-periods.sh
# Spawned 整改 periods are rules counted with the calendar (issue 16 §1):
# a 案卷评查 completed on Tue 2026-09-01 opens its problems with 整改期限
# 30日 from 2026-09-01, whose day 30, Thu 10-01, is in 国庆 (10-01..07): due
# Thu 2026-10-08, not a date frozen at 10-01. A 整改时限 a person sets is
# kept as set; a problem entered with neither is refused, naming both. The
# 行政处罚 +30 counts only under 市场监管's procedure rule, and 调解's 一个月
# is a month (2026-01-31 → 02-28, a Saturday but a make-up working day of
# the 2026 notice). Today pinned 2026-09-01.
. "$(dirname "$0")/lib.sh"
FAZHI_TODAY=2026-09-01; export FAZHI_TODAY
start_server
login admin
api_login admin

api POST /api/v1/k/file_review '{"review_no":"PC-HOL-1","case_no":"示城管罚〔2026〕9号","unit":"示范县城市管理局","category":"行政处罚","reviewed":"2026-08-31","score":70,"grade":"合格","problems":"证据材料不完整\n执法文书送达程序不规范"}'
expect_status 201 "a review with two problems"
PC=$(json .id)
api POST "/api/v1/k/file_review/$PC/do/complete"
expect_status 200 "review completed"
expect_eq "$(sql "SELECT problem_no||'|'||found||'|'||COALESCE(due,'')||'|'||CAST(days AS TEXT) FROM rectification WHERE problem_no LIKE 'PC-HOL-1-%' ORDER BY problem_no")" \
  "PC-HOL-1-1|2026-09-01||30
PC-HOL-1-2|2026-09-01||30" "opened with a 30-day period, no frozen date"
RID=$(sql "SELECT id FROM rectification WHERE problem_no='PC-HOL-1-1'")
api GET "/api/v1/k/rectification/$RID"
expect_json '.deadlines[] | select(.name=="rectify") | .due == "2026-10-08" and .active' "due 10-08: day 30 (10-01) is in 国庆"
get "/k/rectification/$RID"
expect_status 200
expect_contains "$BODY" '<td>整改时限</td><td>2026-10-08</td><td>剩' "the page shows 10-08"
expect_contains "$BODY" '《民法典》第二百零一条、第二百零三条' "…with the counting rule"
get "/k/rectification?f_problem_no=PC-HOL-1"
expect_contains "$BODY" '2026-10-08届满' "the list's period column agrees"

# a date a person sets is kept as set (Sun 2026-10-04 stays)
api POST /api/v1/k/rectification '{"problem_no":"ZG-HOL-2","source":"审计监督","problem":"某问题","found":"2026-09-01","due":"2026-10-04"}'
expect_status 201
api GET "/api/v1/k/rectification/$(json .id)"
expect_json '.deadlines[] | select(.name=="rectify") | .due == "2026-10-04" and .set_date' "a 整改时限 set by hand is the due date"
# neither: refused, both named, nothing written
api POST /api/v1/k/rectification '{"problem_no":"ZG-HOL-3","source":"审计监督","problem":"某问题","found":"2026-09-01"}'
expect_status 422 "no 整改时限 and no 整改期限"
expect_json '.errors | any(.field == "due" and (.message | contains("与「整改期限（日）」至少填写一项")))' "the message names both"
expect_eq "$(sql "SELECT count(*) FROM rectification WHERE problem_no='ZG-HOL-3'")" 0 "nothing written"

# 行政处罚: the +30 only where 市场监管's rule grants it (filed 2026-05-04:
# 05-31 day 27, 06-30 day 57, 07-31 day 88, Sun 08-02 day 90 → Mon 08-03;
# +30 from 08-03 = Wed 09-02)
api POST /api/v1/k/enforcement_case '{"case_no":"ZF-EXT-1","category":"行政处罚","party":"某公司","party_type":"企业","cause":"销售过期食品","filed":"2026-05-04","rules":"《市场监督管理行政处罚程序规定》","extended":true}'
expect_status 201 "a 市场监管 case"
api GET "/api/v1/k/enforcement_case/$(json .id)"
expect_json '.deadlines[] | select(.name=="decision") | .due == "2026-09-02" and .extended' "市场监管, approved: 30 days more from 08-03"
api POST /api/v1/k/enforcement_case '{"case_no":"ZF-EXT-2","category":"行政处罚","party":"某公司","party_type":"企业","cause":"违法占地建设","filed":"2026-05-04","rules":"《行政处罚法》（无延长规定）","extended":true}'
expect_status 201
E2=$(json .id)
api GET "/api/v1/k/enforcement_case/$E2"
expect_json '.deadlines[] | select(.name=="decision") | .due == "2026-08-03" and (.extended | not) and .late' "no rule granting it: 90 days, overdue"
get "/k/enforcement_case/$E2"
expect_contains "$BODY" '《市场监督管理行政处罚程序规定》第六十四条' "the page quotes the rule that grants the extension"
expect_contains "$BODY" '（所填延长不计入：适用的程序规定未准许延长）' "…and says the approval entered does not count here"

# 调解: a month, not 30 days
api POST /api/v1/k/mediation '{"dispute_no":"TJ-MON-1","dtype":"邻里纠纷","summary":"相邻通行纠纷","parties":"甲、乙","org":"城关镇人民调解委员会","channel":"人民调解","received":"2026-01-31"}'
expect_status 201
api GET "/api/v1/k/mediation/$(json .id)"
expect_json '.deadlines[] | select(.name=="settle") | .due == "2026-02-28"' "2026-01-31 + 1 month = 02-28 (February's last day; a make-up working day)"

"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
check "fazhi check passes" grep -q '均与日志最后一次记载一致' "$T/check.out"
finish
