#!/bin/sh
# tests/seed/gen.sh OUTDIR — writes, deterministically, the CSV files behind
# the figures that seeds/000 (中共浚县县委 浚县人民政府关于2024年法治政府建设
# 情况的报告, dated 2025-01-23) states for three areas:
#
#   service_item.csv     2418 政务服务事项: 2331 进驻政务服务中心 (96.4%);
#                        2348 with 最多跑动次数 <= 1 (97.1%); 行政许可 items
#                        with 承诺时限 = 法定时限/20, so Σ(法定−承诺)/Σ法定 =
#                        95.0% exactly ("压缩比达到95%")
#   legality_review.csv  65 reviews received in 2024: 合同协议 29, 规范性文件
#                        11, 其他文件 25; 27 with a written opinion; all
#                        已审核 6 days after receipt (limit 15 working days).
#                        The 29 contracts are reviewed by the 法律顾问 and
#                        the other 36 by 司法局会同法律顾问 (the seed: 法律
#                        顾问"审核合同协议29件，协助审核文件36件")
#   normative_doc.csv    11 规范性文件 (the 11 reviewed), published in 2024,
#                        filed 5..19 days later (limit 30 days): 备案率100%
#   reconsideration.csv  270 applications received in 2024: 214 已结案 in
#                        time; 56 已受理, received 2024-11-25..12-26, so on
#                        2025-01-23 none has passed its 60-day period
#
# Departments: the names in env SVC_DEPTS (colon-separated; service items
# are spread over them), LR_DEPT, ND_DEPT, RC_DEPT; defaults are the two
# departments `fazhi init --county 浚县` creates.
# Only sh and awk; the output depends on nothing but these parameters.
set -eu
OUT=${1:?usage: gen.sh OUTDIR}
mkdir -p "$OUT"
: "${SVC_DEPTS:=浚县}" "${LR_DEPT:=浚县司法局}" "${ND_DEPT:=浚县}" "${RC_DEPT:=浚县司法局}"

HERE=$(cd "$(dirname "$0")" && pwd)
awk -v out="$OUT" -v svc="$SVC_DEPTS" -v lrd="$LR_DEPT" -v ndd="$ND_DEPT" -v rcd="$RC_DEPT" -f "$HERE/dates.awk" -f "$HERE/gen000.awk"
