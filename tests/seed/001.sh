#!/bin/sh
# tests/seed/001.sh FAZHI — seeds/001: 关于2020年度法治政府建设情况的公示
# (交口县, 2021-02-02). 001.spec holds the records behind each figure the
# report states that a mechanism records; they are imported with "today"
# pinned to the report's date, and the report for 2020 must state the same
# figures. What no mechanism records, and where the seed contradicts
# itself, are info lines.
FZ=${1:-build/fazhi}
HERE=$(cd "$(dirname "$0")" && pwd)
FAZHI_TODAY=2021-02-02 COUNTY=交口县 SEED=001
. "$HERE/lib.sh"

echo "== fixture (seeds/001: 交口县 2020, frozen at the report's date $FAZHI_TODAY)"
county_init
out=$("$FZ" dept --db "$DB" add 交口县行政审批服务管理局 2>&1) || fail "fazhi dept add: $out"
fixture_report "$HERE/001.spec" 2020
R="report 2020"

echo "== what seeds/001 states, as the report states it"
# (二)5 健全完善学习制度、工作制度、廉政制度等12项管理制度
has "$R" "$MD" "全年县政府及各部门建立健全制度12项。"
# (四)1 调解案件28件 … 调处率达100%
has "$R" "$MD" "全年受理矛盾纠纷28件，已调结28件，调解成功28件，调解成功率100.0%（28/28）。"
# (五)3 安置帮教
has "$R" "$MD" "2020年接收安置帮教对象132人，其中监狱刑满释放40人、看守所刑满释放0人、社区矫正期满解除92人，本省117人、外省15人，重点帮教对象15人；衔接率100.0%（132/132）。"
# (五)5 法律援助案件256件，其中诉讼案件246件 … 已结案总数为136件
has "$R" "$MD" "全年办理法律援助案件256件，其中诉讼案件246件，民事246件，已结案136件。"
# (五)5 咨询800余人次，资料3千余份，免费法律服务便民工程完成1173件，满意度100%
has "$R" "$MD" "其中解答法律咨询800人次，办结免费法律服务便民工程事项1173件，发放法律服务资料3000份。"
has "$R" "$MD" "服务对象满意度100.0%（655/655）。"
no_zero_counts "$R" "$MD" "看守所刑满释放0人"     # the seed: 看守所释放0人

echo "== what no mechanism records (info)"
info "seed (二)3 划转事项260项、调整4项、实际划转256项; (二)4 “证照分离”52项 (告知承诺12、优化审批40), 材料减少52份、"
info "  审批局提供22份, “一件事”套餐30项; 712项 四级四同 catalog (its centre and online shares are not stated, so no"
info "  service_item rows: the 政务服务 paragraph would state them); 评价器30台; (四)1 参与矛盾纠纷40件、排查3件、预防18件,"
info "  协议金额88.6万元; (五)2 受教育1000余人次 (no count of events); (五)4 微视频; (五)5 受援人数130人 (fazhi counts cases),"
info "  任务959件 (fazhi holds no yearly targets for counts); 法律援助 types: the seed gives none, the fixture makes the 246 litigation cases 民事"
echo "== seeds/001: its own arithmetic (info; not asserted against the system)"
chk "调解案件 = 主动调解18 + 依申请调解12" 28 $((18+12))
chk "划转率 = 实际划转256 / 首批划转260" 78.8 "$(pct 256 260)"
info "seed ? 划转率78.8% would be 256 of 325 items (78.77%); the report never states 325"
chk "安置帮教 = 解除社区矫正92 + 监狱释放40 + 看守所0" 132 $((92+40+0))
chk "安置帮教 = 外省15 + 本省117" 132 $((15+117))
chk "免费法律服务完成率 = 1173 / 959" 122 "$(awk 'BEGIN{ printf "%d", int(1173*100/959) }')"
chk "法律援助诉讼案件246 ≤ 案件256" 256 "$((246 + 10))"
info "seed ? 法律援助: 256 cases for 130 受援人 — two cases a person on average, possible but unexplained"
finish
