#!/bin/sh
# tests/seed/002.sh FAZHI — seeds/002: 中共立山区委 立山区人民政府关于2024年
# 法治政府建设情况的报告 (2025-01-26). 002.spec holds the records behind each
# figure the report states that a mechanism records; they are imported
# with "today" pinned to the report's date, and the report for 2024 must
# state the same figures. What no mechanism records, and the seed's own
# arithmetic, are info lines.
FZ=${1:-build/fazhi}
HERE=$(cd "$(dirname "$0")" && pwd)
FAZHI_TODAY=2025-01-26 COUNTY=立山区 SEED=002
. "$HERE/lib.sh"

echo "== fixture (seeds/002: 立山区 2024, frozen at the report's date $FAZHI_TODAY)"
county_init
fixture_report "$HERE/002.spec" 2024
R="report 2024"

echo "== what seeds/002 states, as the report states it"
# (二)1 完善行政执法权责清单1638项
has "$R" "$MD" "2024年度权责清单共列权责事项1638项，其中行政执法事项1638项。"
lacks "$R" "$MD" "涉企事项0项"
# (二)2 2024年共发布信息2192条 … 新增相关栏目3个 … 1次政务公开宣传活动，累计发放相关政务宣传单3000余份
has "$R" "$MD" "全年主动公开政府信息2192条。"
has "$R" "$MD" "新增公开栏目3个。"
has "$R" "$MD" "开展政务公开宣传活动1次，发放宣传资料3000份。"
# (二)3 “万件清理”问题已办结161个，办结率100% … 发现问题73个，已全部整改完成，建章立制8个
has "$R" "$MD" "全年台账共记录问题234件，已整改销号234件，整改完成率100.0%（234/234）。"
has "$R" "$MD" "专项整治发现问题整改完成率100.0%（161/161）。"
has "$R" "$MD" "12345热线转办问题整改完成率100.0%（73/73）。"
has "$R" "$MD" "针对发现的问题建章立制8项。"
# (三)1 排查…文件共344件 … 保留文件237件，失效文件60件，废止文件47件，修改文件0件
has "$R" "$MD" "开展规范性文件清理，共清理344件，其中保留237件、废止47件、宣布失效60件。"
# (四)2 集中专题培训3次，受训人数227余人次
has "$R" "$MD" "举办法治专题培训3期、培训227人次。"
# (五)2 法律顾问为政府各单位出具法律意见40份；(五)3 共审核上会文件40份
has "$R" "$MD" "法律顾问、公职律师全年出具法律意见40份。"
has "$R" "$MD" "2024年，共审核文件40件，其中其他文件40件"
# (六)3 设立行政执法监督联系点4个，执法监督员51名
has "$R" "$MD" "设立行政执法监督联系点4个，聘请特邀行政执法监督员51名，参与行政执法监督工作。"
# (八)2 法律援助案件207件，其中刑事案件159件，民事案件48件，接待群众法律咨询180余次
has "$R" "$MD" "全年办理法律援助案件207件，其中诉讼案件207件，刑事159件，民事48件。"
has "$R" "$MD" "全年提供公共法律服务180件（人）次，其中解答法律咨询180人次。"
# (八)3 行政诉讼案件8件，应诉率100%；受理行政复议案件56件，办结率100%；主要负责人出庭应诉率达到100%
has "$R" "$MD" "全年办理行政应诉案件8件"
has "$R" "$MD" "行政机关负责人出庭应诉率100.0%（8/8）"
has "$R" "$MD" "按期提交答辩状率100.0%（8/8）"
has "$R" "$MD" "共收到行政复议申请56件，受理56件；已审结56件。"
has "$R" "$MD" "已审结案件法定期限结案率100.0%（56/56）"
# (八)4 组织了100余场法治宣传活动
has "$R" "$MD" "全年开展普法活动100场次"
# (九)1 区人大代表建议66件，区政协委员提案90件，办复率、满意率均达100%
has "$R" "$MD" "全年承办人大代表建议66件、政协委员提案90件，办复率100.0%（156/156）"
has "$R" "$MD" "代表委员对办理结果的满意率100.0%（156/156）。"
# (九)2 完成审计项目14个，发现问题122个 … 移送纪委或主管部门线索4件
has "$R" "$MD" "全年实施审计项目14个，完成14个。审计发现问题122个，移送处理事项4件。"
# (十)2 775项…全部纳入一体化平台运行管理，其中751项实现网上办理 … 平均申报材料3.7个，平均事项环节2.25个；
#      线上办理243797件、线下办理78836件
has "$R" "$MD" "775项政务服务事项中，775项纳入本级政务服务中心一体化管理"
has "$R" "$MD" "可网上办理事项占比96.9%（751/775）"
has "$R" "$MD" "事项平均申请材料3.7份（2868/775），平均办理环节2.25个（1744/775）。"
has "$R" "$MD" "全年受理办件322633件，网上办件占比75.6%（243797/322633）。"
# (七) 开展电话及实地检查值班工作130余次，上报紧急信息90条
has "$R" "$MD" "开展值班值守检查130次、报送紧急信息90条。"
# (八)4 全区共配备24名法治副校长
has "$R" "$MD" "配备法治副校长24名。"
# 二、2 专题听取汇报10余次 (chapter 二, before the drafter's part)
has "$R" "$MD" "2024年，专题听取法治建设工作汇报10次。"
# Nothing in the fixture says 0 where the seed is silent.
no_zero_counts "$R" "$MD"

echo "== what no mechanism records (info)"
info "seed (二)4 100项“办事不出门”高频事项; (五)1 重大行政决策程序规定 drafted;"
info "  (八)1 便民服务卡16000余张; (九)2 整改措施88项 (fazhi records"
info "  审计建议, a different count) and 移送处理人员11人; 平均办理时限压减81.68% (the seed's"
info "  base is not said; fazhi's 压缩比 is over 行政许可 items with a 法定时限). Fixture choices the report then states:"
info "  every item 最多跑一次 (100.0%), 737 items 全程网办 (95.1%, the nearest to 95.06%), all 办件 finished on time"
echo "== seeds/002: its own arithmetic (info; not asserted against the system)"
chk "清理 = 保留237 + 失效60 + 废止47 + 修改0" 344 $((237+60+47))
chk "网办率 = 751 网上办理 / 775 纳入 (24 涉密)" 100.0 "$(pct 751 775)"
info "seed ✓ 网办率100% holds only over the 751 items that may go online (751/751), not over the 775 (96.9%)"
chk "全程网办占比 over 775" 95.06 "$(awk 'BEGIN{ for(n=700;n<=775;n++){ x=int(n*10000/775+0.5); if(x==9506){ printf "%d.%02d", x/100, x%100; exit } } print "none" }')"
chk "全程网办占比 over 751" 95.06 "$(awk 'BEGIN{ for(n=690;n<=751;n++){ x=int(n*10000/751+0.5); if(x==9506){ printf "%d.%02d", x/100, x%100; exit } } print "none" }')"
info "seed ✗ 全程网办占比95.06%: no whole number of items over 775 (736 → 94.97%, 737 → 95.10%) or 751 (714 → 95.07%) gives it"
finish
