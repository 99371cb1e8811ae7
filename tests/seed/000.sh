#!/bin/sh
# tests/seed/000.sh FAZHI — seeds/000 (浚县 2024), the test built from a real report.
#
# seeds/000 is 浚县's report on 2024 (dated 2025-01-23). gen.sh writes the
# records behind what it states about three areas — 政务服务事项, 合法性审核 /
# 规范性文件备案, 行政复议 — as CSV files; they go in through `fazhi import`
# only, with "today" pinned to the report's date. The test then asserts that
# the computed indicators (CLI report, HTML report and its links, the API)
# state the seed's figures, that the system does not repeat the seed's
# contradiction (a 法定期限结案率 of 100% beside 270 cases of which 56 are
# open), and prints the seed's other internal arithmetic as info lines.
#
# Last line: "N passed, N failed"; exit status non-zero on any failure.
# With FZ_PG_BASE (a cluster's conninfo, see tools/pgtmp.sh) the county
# lives in a new PostgreSQL database instead of a SQLite file.
FZ=${1:-build/fazhi}
HERE=$(cd "$(dirname "$0")" && pwd)
FAZHI_TODAY=2025-01-23 COUNTY=浚县 SEED=000
. "$HERE/lib.sh"

# ---- the county, its departments, the fixture ---------------------------------
echo "== fixture (seeds/000: 浚县 2024, frozen at the report's date $FAZHI_TODAY)"
county_init
SVC_DEPTS=浚县
if "$FZ" help 2>/dev/null | grep -q '^  fazhi dept '; then
  SVC_DEPTS=浚县政务服务和大数据管理局:浚县市场监督管理局:浚县人力资源和社会保障局:浚县自然资源局
  ok=1
  for d in $(echo "$SVC_DEPTS" | tr ':' ' '); do
    "$FZ" dept --db "$DB" add "$d" >>"$T/dept.out" 2>&1 || ok=0
  done
  if [ $ok = 1 ]; then pass "fazhi dept add: $(echo "$SVC_DEPTS" | sed 's/:/、/g')"
  else fail "fazhi dept add: $(cat "$T/dept.out")"; SVC_DEPTS=浚县; fi
else
  info "no 'fazhi dept' command: all service items belong to 浚县 itself"
fi
SVC_DEPTS=$SVC_DEPTS LR_DEPT=浚县司法局 ND_DEPT=浚县 RC_DEPT=浚县司法局 \
  sh "$HERE/gen.sh" "$T/csv" || { fail "gen.sh"; finish; }

# The fixture is what it claims (counted from the CSV, not by the system).
fx=$(awk -F, 'NR>1{n++; if($5=="是")c++; if($7<=1)v++; if($4=="行政许可" && $8!=""){L+=$8; S+=$8-$9}}
  END{printf "%d %d %d %d/%d", n, c, v, S, L}' "$T/csv/service_item.csv")
eq "fixture service_item: items, in centre, ≤1 visit, Σ(法定−承诺)/Σ法定" "2418 2331 2348 11495/12100" "$fx"
SUM_SAVED=${fx##* }; SUM_LEGAL=${SUM_SAVED#*/}; SUM_SAVED=${SUM_SAVED%/*}
fx=$(awk -F, 'NR>1{n++; t[$4]++; if($8=="是")o++} END{printf "%d 合同协议%d 规范性文件%d 其他文件%d 意见%d", n, t["合同协议"], t["规范性文件"], t["其他文件"], o}' "$T/csv/legality_review.csv")
eq "fixture legality_review" "65 合同协议29 规范性文件11 其他文件25 意见27" "$fx"
fx=$(awk -F, 'NR>1{n++; s[$12]++} END{printf "%d 已结案%d 已受理%d", n, s["已结案"], s["已受理"]}' "$T/csv/reconsideration.csv")
eq "fixture reconsideration" "270 已结案214 已受理56" "$fx"

# ---- import: every record goes in through the import path --------------------
echo "== import"
for spec in service_item:政务服务事项:2418 legality_review:合法性审核:65 \
            normative_doc:行政规范性文件:11 reconsideration:行政复议:270; do
  k=${spec%%:*}; rest=${spec#*:}; lab=${rest%%:*}; n=${rest#*:}
  out=$("$FZ" import --db "$DB" "$k" "$T/csv/$k.csv" 2>&1); rc=$?
  eq "import $k (rc $rc)" "导入成功：$lab ${n}条" "$out"
done
# The seed's other areas: 000.spec through rows.awk, the same import path.
import_spec "$HERE/000.spec"
out=$("$FZ" check --db "$DB" 2>&1); rc=$?
if [ $rc -eq 0 ]; then pass "fazhi check after the import: $out"; else fail "fazhi check (rc $rc): $out"; fi

# ---- the report, as the system words the seed's statements -------------------
echo "== report (md)"
MD=$T/r.md; HTML=$T/r.html
"$FZ" report --db "$DB" --year 2024 --format md -o "$MD" >"$T/rep.out" 2>&1 \
  || fail "fazhi report --format md: $(cat "$T/rep.out")"
"$FZ" report --db "$DB" --year 2024 --format html -o "$HTML" >"$T/rep.out" 2>&1 \
  || fail "fazhi report --format html: $(cat "$T/rep.out")"
touch "$MD" "$HTML"
R="report"
# (一) 依法全面履行政府职能 — seed: "2418项政务服务事项中，2331项纳入本级政务服务中心
# 一体化管理，政务服务事项入驻率达到96.4%，行政许可类事项办理时限压缩比达到95%。…
# “最多跑一次”“一次都不跑”事项占比达到97.1%"
has "$R" "$MD" "2418项政务服务事项中，2331项纳入本级政务服务中心一体化管理，政务服务事项入驻率达到96.4%（2331/2418）"
has "$R" "$MD" "行政许可类事项办理时限压缩比达到95.0%（$SUM_SAVED/$SUM_LEGAL）"
has "$R" "$MD" "“最多跑一次”“一次都不跑”事项占比达到97.1%（2348/2418）"
# (三) 健全依法行政制度体系 — seed: "共审核文件65件，其中合同协议29件、规范性文件11件、
# 其他文件25件，出具合法性审核意见27份。… 法定期限备案率100%"
has "$R" "$MD" "2024年，共审核文件65件，其中规范性文件11件、合同协议29件、其他文件25件，出具合法性审核意见27份"
has "$R" "$MD" "已完成审核的文件按期完成率100.0%（65/65）"
has "$R" "$MD" "制发规范性文件11件，报送备案11件，报备率100.0%（11/11）"
has "$R" "$MD" "已报送备案的文件法定期限备案率100.0%（11/11）"
# (五) 依法有效化解矛盾纠纷 — seed: "共办理行政复议案件270件，已办结214件，法定期限结案率100%"
has "$R" "$MD" "2024年，共收到行政复议申请270件，受理270件；已审结214件，尚在审理56件。"
has "$R" "$MD" "已审结案件法定期限结案率100.0%（214/214）"
has "$R" "$MD" "统计期间：2024年1月1日至12月31日；数据截至："

# The other areas (000.spec), as the report states them.
# (一) 县政府常务会集体学法6次，举办领导干部专题法治培训、讲座2期
has "$R" "$MD" "全年开展政府常务会议会前学法6次。"
has "$R" "$MD" "举办法治专题培训2期、培训120人次。"
# (三) 选聘两家律师事务所为县政府法律顾问单位，审核合同协议29件
has "$R" "$MD" "全县各单位共聘请法律顾问、设立公职律师2名。"
has "$R" "$MD" "审查合同协议29份。"
# (四) 推进49项行政执法权向各镇下放；“微宣讲、走基层”活动5场，组织400余人参加
has "$R" "$MD" "推进乡镇（街道）综合行政执法改革，49项权责事项下放乡镇（街道）实施。"
has "$R" "$MD" "全年开展普法活动5场次，受众400人次。"
# (五) 负责人出庭应诉率100%，行政案件80起，已结案69件，胜诉66起，胜诉率95.7%；化解矛盾纠纷4885件
has "$R" "$MD" "全年办理行政应诉案件80件，审结69件。以判决、裁定结案的案件胜诉率95.7%（66/69），败诉3件。"
has "$R" "$MD" "开庭审理的案件中，行政机关负责人出庭应诉率100.0%（69/69）。"
has "$R" "$MD" "全年受理矛盾纠纷4885件，已调结4885件，调解成功4885件，调解成功率100.0%（4885/4885）。"
has "$R" "$MD" "全县建成“一站式”矛盾纠纷调处化解平台12个、人民调解委员会8个（其中行业性、专业性人民调解委员会8个）。"
# (六) 应急预案1030项，应急演练200余次，培训8场次
has "$R" "$MD" "全年编制修订应急预案1030件。开展应急演练200次。开展应急培训8次。"
# (六) 26支县级抢险救援队伍979人，5支社会救援力量763人，11支镇（街道）级554人，478支村（社区）级12359人
has "$R" "$MD" "全县组建县级抢险救援队伍26支979人、社会救援力量5支763人、乡镇（街道）级抢险救援队伍11支554人、村（社区）级抢险救援队伍478支12359人。"
# 二 县政府常务会专题研究法治政府建设工作2次；组织开展领导干部旁听庭审活动1次 (chapter 二, before the drafter's part)
has "$R" "$MD" "2024年，政府常务会议专题研究法治政府建设工作2次、组织领导干部旁听庭审1次。"
# (七) 人大代表建议84件、政协委员提案151件，满意率100%；审计项目16个，已完成16个
has "$R" "$MD" "全年承办人大代表建议84件、政协委员提案151件，办复率100.0%（235/235）"
has "$R" "$MD" "代表委员对办理结果的满意率100.0%（235/235）。"
has "$R" "$MD" "全年实施审计项目16个，完成16个。"
# (七) 主动公开6500余条，公告公示26次、政策解读23篇、民意征集12次；依申请公开8次，均按期答复；群众来信16066件
has "$R" "$MD" "全年主动公开政府信息6500条。其中发布公告公示26次、政策解读23篇、民意征集12次。"
has "$R" "$MD" "全年收到政府信息公开申请8件，已答复8件，其中予以公开或部分公开8件。已答复申请的法定期限内答复率100.0%（8/8）。"
has "$R" "$MD" "受理群众诉求16066件，办结16066件，办结率100.0%（16066/16066）"
no_zero_counts "$R" "$MD"
info "seed 000: not recorded by any mechanism — 协助审核文件36件 (they are the"
info "  legality_review rows reviewed 司法局会同法律顾问), 其他涉法事务60余件,"
info "  专家讲堂4场, 帮扶9次, 调研报告5篇; 述法专题会议 is named without a count (no leader_duty row). Fixture choices the report then states: 培训120人次, the 权责清单 holding only"
info "  the 49 delegated items, 16066 letters all closed within 2 working days, the two law firms engaged by 浚县 itself"
info "  (so 法律顾问覆盖率 is 1 of the fixture's 6 units; the seed says only 推动法律顾问全覆盖)"

# ---- the seed's contradiction, and that the report does not repeat it --------
echo "== the seed's contradiction"
info "seed 000: 法定期限结案率100% stated beside 270 cases of which 56 open; the rate is over 214 closed cases"
info "  seed: “共办理行政复议案件270件，已办结214件，法定期限结案率100%” — 270−214 = 56 cases were not closed,"
info "  so “100%” can only be 214/214 (closed cases); read beside 270 it suggests 270/270, which the seed's own counts deny"
lacks "$R" "$MD" "270件，已办结214件，法定期限结案率100%"
lacks "$R" "$MD" "法定期限结案率100%"
# Every mention of the rate names its basis and shows its two counts.
# (Clauses split at ，。；; plain byte matching, so any locale will do.)
sed 's/，/\n/g; s/。/\n/g; s/；/\n/g' "$MD" | grep -F '法定期限结案率' >"$T/rate.clauses"
found=$(wc -l <"$T/rate.clauses")
bad=$(grep -vxF '已审结案件法定期限结案率100.0%（214/214）' "$T/rate.clauses" | head -3)
if [ "$found" -ge 1 ] && [ -z "$bad" ]; then
  pass "every 法定期限结案率 in the report ($found) reads “已审结案件法定期限结案率…（214/214）”"
else
  fail "法定期限结案率 stated without its basis (已审结案件, 214/214): found $found, unqualified: ${bad:-none}"
fi
# The 56 open cases: in the fixture none has passed its 60-day period on
# 2025-01-23; that needs every one to have been accepted on/after 2024-11-24.
info "seed 000: 56 cases open on 2025-01-23 yet “all in time” requires each to be accepted on or after 2024-11-24"
info "  (2024-10-25 if extended by 30 days): 56 of 270 in the last 38 days of the year, twice the year's average"
info "  intake (270×38/366 ≈ 28) — possible (this fixture does it), but the seed does not say so"

# ---- HTML: every figure is a link to the records behind it -------------------
echo "== report (html links)"
R="HTML report"
lnk(){ printf '<a href="/k/%s?year=2024&amp;ind=%s&amp;part=%s">%s</a>' "$1" "$2" "$3" "$4"; }
has "$R" "$HTML" "$(lnk service_item center_rate num 96.4%)（$(lnk service_item center_rate num 2331)/$(lnk service_item center_rate den 2418)）"
has "$R" "$HTML" "$(lnk service_item one_visit_rate num 97.1%)（$(lnk service_item one_visit_rate num 2348)/$(lnk service_item one_visit_rate den 2418)）"
has "$R" "$HTML" "$(lnk service_item license_compression num 95.0%)"
has "$R" "$HTML" "共审核文件$(lnk legality_review reviews num 65)件"
has "$R" "$HTML" "规范性文件$(lnk legality_review reviews_normative num 11)件、合同协议$(lnk legality_review reviews_contract num 29)件、其他文件$(lnk legality_review reviews_other num 25)件"
has "$R" "$HTML" "出具合法性审核意见$(lnk legality_review opinions num 27)份"
has "$R" "$HTML" "法定期限备案率$(lnk normative_doc filing_ontime_rate num 100.0%)（$(lnk normative_doc filing_ontime_rate num 11)/$(lnk normative_doc filing_ontime_rate den 11)）"
has "$R" "$HTML" "共收到行政复议申请$(lnk reconsideration received num 270)件"
has "$R" "$HTML" "已审结$(lnk reconsideration closed num 214)件，尚在审理$(lnk reconsideration pending num 56)件"
has "$R" "$HTML" "已审结案件法定期限结案率$(lnk reconsideration ontime_rate num 100.0%)（$(lnk reconsideration ontime_rate num 214)/$(lnk reconsideration ontime_rate den 214)）"

# ---- the API: the same figures, the links' records, the deadlines ------------
echo "== API"
PORT=""; BASE=""
for try in 1 2 3 4 5; do
  p=$((20000 + ($$ * 7 + try * 1013) % 40000))
  "$FZ" serve --db "$DB" --listen "127.0.0.1:$p" >"$T/serve.out" 2>&1 &
  SPID=$!
  i=0
  while [ $i -lt 50 ]; do
    # ours, not another server on that port: it said it started, and answers
    if grep -qF "127.0.0.1:$p/" "$T/serve.out" && kill -0 "$SPID" 2>/dev/null \
       && curl -s -o /dev/null "http://127.0.0.1:$p/api/v1/schema"; then PORT=$p; break; fi
    kill -0 "$SPID" 2>/dev/null || break
    sleep 0.1; i=$((i+1))
  done
  [ -n "$PORT" ] && break
  kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; SPID=""
done
if [ -z "$PORT" ]; then
  fail "fazhi serve did not start: $(cat "$T/serve.out")"
else
  BASE=http://127.0.0.1:$PORT
  login(){  # LOGIN PASSWORD -> token
    curl -s -X POST -H 'Content-Type: application/json' \
      -d "{\"login\":\"$1\",\"password\":\"$2\"}" "$BASE/api/v1/login" | jq -r '.token // empty'
  }
  get(){ curl -s -H "Authorization: Bearer $1" "$BASE$2"; }
  # 县长: a leader whose scope is the whole county (浚县, the root).
  LEADER_PW=$("$FZ" user --db "$DB" add xianzhang 县长 leader 浚县 2>&1 | sed -n 's/.*一次性密码：//p')
  # first LOGIN ONE_TIME NEW -> token: a printed password is one-time; the
  # session that changes it stays logged in.
  first(){
    _t=$(login "$1" "$2")
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $_t" -H 'Content-Type: application/json' \
      -d "{\"old\":\"$2\",\"new\":\"$3\",\"new2\":\"$3\"}" "$BASE/api/v1/password"
    echo "$_t"
  }
  TL=$(first xianzhang "$LEADER_PW" Xian-Zhang-2026)
  TA=$(first admin "$ADMIN_PW" Seed-Admin-2026)
  if [ -z "$TL" ] || [ -z "$TA" ]; then fail "login: leader token “$TL”, admin token “$TA”"; fi
  IND='.indicators[] | "\(.kind)/\(.name) " + (if .unit=="%" then "\(.value // "—")%（\(.numerator)/\(.denominator)）" else "\(.value // "—")" end)'
  get "$TL" "/api/v1/indicators?year=2024" | jq -r "$IND" >"$T/ind.leader" 2>"$T/jq.err"
  get "$TA" "/api/v1/indicators?year=2024" | jq -r "$IND" >"$T/ind.admin" 2>>"$T/jq.err"
  iv(){ sed -n "s|^$1 ||p" "$T/ind.leader"; }
  R="API indicator (county scope)"
  eq "$R service_item/items" 2418 "$(iv service_item/items)"
  eq "$R service_item/center_rate" "96.4%（2331/2418）" "$(iv service_item/center_rate)"
  eq "$R service_item/one_visit_rate" "97.1%（2348/2418）" "$(iv service_item/one_visit_rate)"
  eq "$R service_item/license_compression" "95.0%（$SUM_SAVED/$SUM_LEGAL）" "$(iv service_item/license_compression)"
  eq "$R legality_review/reviews" 65 "$(iv legality_review/reviews)"
  eq "$R legality_review/reviews_normative" 11 "$(iv legality_review/reviews_normative)"
  eq "$R legality_review/reviews_contract" 29 "$(iv legality_review/reviews_contract)"
  eq "$R legality_review/reviews_other" 25 "$(iv legality_review/reviews_other)"
  eq "$R legality_review/opinions" 27 "$(iv legality_review/opinions)"
  eq "$R normative_doc/filing_ontime_rate" "100.0%（11/11）" "$(iv normative_doc/filing_ontime_rate)"
  eq "$R reconsideration/received" 270 "$(iv reconsideration/received)"
  eq "$R reconsideration/closed" 214 "$(iv reconsideration/closed)"
  eq "$R reconsideration/pending" 56 "$(iv reconsideration/pending)"
  eq "$R reconsideration/ontime_rate" "100.0%（214/214）" "$(iv reconsideration/ontime_rate)"

  # The county admin `fazhi init` creates (in 浚县司法局) "sees everything in
  # the county" (DOMAIN.md, Who uses it): the same indicators as the 县长.
  d=$(awk 'FNR==NR{a[$1]=$2; next} a[$1]!=$2{n++; s = s sprintf("%s%s %s≠%s", n>1?"; ":"", $1, a[$1], $2)}
           END{if(n) printf "%d indicators differ (leader≠admin): %s", n, s}' "$T/ind.leader" "$T/ind.admin")
  if [ -s "$T/ind.leader" ] && [ -z "$d" ]; then
    pass "the county admin (init, 浚县司法局) sees the same indicators as the county leader"
  else
    fail "the county admin created by init (dept 浚县司法局) sees less than the county leader — $d"
  fi
  # The web report is the CLI report (chapter 一), for both.
  sed -n '/^## 一、/,/^## 二、/p' "$MD" >"$T/ch1.cli"
  for who in leader admin; do
    if [ $who = leader ]; then tok=$TL; else tok=$TA; fi
    get "$tok" "/report.md?year=2024" | sed -n '/^## 一、/,/^## 二、/p' >"$T/ch1.$who"
    if [ -s "$T/ch1.cli" ] && cmp -s "$T/ch1.cli" "$T/ch1.$who"; then
      pass "web /report.md as $who states chapter 一 exactly as the CLI report"
    else
      fail "web /report.md as $who differs from the CLI report in chapter 一: $(diff "$T/ch1.cli" "$T/ch1.$who" | grep '^[<>] .' | sed 's/。.*/。…/' | head -4 | tr '\n' ' ')"
    fi
  done

  # Each figure in the HTML report that is a count or a sum links to the
  # records behind it: a count lists exactly that many records, a sum is
  # the sum of the declared field(s) over the records listed (fazhi schema).
  "$FZ" schema --json | jq -r '.kinds[] | .id as $k | .indicators[]? | .id as $i
      | (["num", .numerator], ["den", .denominator]) | select(.[1] != null)
      | "\($k) \($i) \(.[0]) \(.[1].agg) \(.[1].field // "-") \(.[1].minus // "-")"' >"$T/sides"
  grep -o '<a href="/k/[^"]*">[0-9]*</a>' "$HTML" | sort -u \
    | sed -n 's|^<a href="\(/k/\([a-z_]*\)?year=2024&amp;ind=\([a-z_]*\)&amp;part=\([a-z]*\)\)">\([0-9]*\)</a>$|\2 \3 \4 \5|p' >"$T/links"
  nall=$(grep -o '<a href="/k/[^"]*">[0-9]*</a>' "$HTML" | sort -u | wc -l)
  nl=0; ns=0; nbad=0; badl=""
  while read -r k ind part n; do
    nl=$((nl+1))
    href="/api/v1/k/$k?year=2024&ind=$ind&part=$part"
    # shellcheck disable=SC2046  # three words: agg field minus
    set -- $(awk -v k="$k" -v i="$ind" -v p="$part" '$1==k && $2==i && $3==p {print $4, $5, $6}' "$T/sides")
    agg=${1:-?}; fld=${2:--}; minus=${3:--}
    if [ "$agg" = sum ]; then
      ns=$((ns+1))
      tot=$(get "$TL" "$href&size=1" | jq -r '.total // 0')
      urls=""; page=1
      while [ $(( (page-1) * 200 )) -lt "$tot" ]; do urls="$urls $BASE$href&size=200&page=$page"; page=$((page+1)); done
      # shellcheck disable=SC2086  # one word per page URL
      got=$(curl -s -H "Authorization: Bearer $TL" $urls | jq -s --arg f "$fld" --arg m "$minus" \
        '[.[].rows[].fields | (.[$f] - (if $m == "-" then 0 else .[$m] end))] | add // 0')
    elif [ "$agg" = distinct ]; then      # the different values among the records listed
      tot=$(get "$TL" "$href&size=1" | jq -r '.total // 0')
      urls=""; page=1
      while [ $(( (page-1) * 200 )) -lt "$tot" ]; do urls="$urls $BASE$href&size=200&page=$page"; page=$((page+1)); done
      # shellcheck disable=SC2086  # one word per page URL
      got=$(curl -s -H "Authorization: Bearer $TL" $urls | jq -s --arg f "$fld" \
        '[.[].rows[] | (if $f == "dept_id" then .dept_id else .fields[$f] end)] | unique | length')
    else
      got=$(get "$TL" "$href&size=1" | jq -r '.total // "?"')
    fi
    [ "$got" = "$n" ] || { nbad=$((nbad+1)); badl="$badl $k/$ind/$part ($agg)→$got≠$n"; }
  done <"$T/links"
  [ "$nl" = "$nall" ] || { nbad=$((nbad+1)); badl="$badl (only $nl of $nall links understood)"; }
  if [ "$nl" -ge 20 ] && [ "$nbad" -eq 0 ]; then
    pass "each of the $nl count/sum links in the HTML report leads to records that give the figure ($ns sums)"
  else
    fail "HTML figure links ($nl): $nbad lead to records that give another figure:$badl"
  fi

  # "all in time": every one of the 270 cases, on 2025-01-23, has no period late.
  ids=$( (get "$TL" "/api/v1/k/reconsideration?year=2024&size=200&page=1"; \
          get "$TL" "/api/v1/k/reconsideration?year=2024&size=200&page=2") | jq -r '.rows[].id')
  urls=$(for i in $ids; do printf '%s/api/v1/k/reconsideration/%s ' "$BASE" "$i"; done)
  # shellcheck disable=SC2086
  curl -s -H "Authorization: Bearer $TL" $urls | jq -r '"\(.state) " + ([.deadlines[] | select(.late)] | length | tostring)' >"$T/late"
  fx=$(awk '{n[$1]++; if($2>0) l[$1]++} END{printf "closed %d (late %d), accepted %d (late %d)", n["closed"], l["closed"], n["accepted"], l["accepted"]}' "$T/late")
  eq "deadlines of the 270 cases on $FAZHI_TODAY" "closed 214 (late 0), accepted 56 (late 0)" "$fx"
  [ -s "$T/jq.err" ] && info "jq: $(head -2 "$T/jq.err")"
fi

# ---- the data-freeze moment ----------------------------------------------------
# The report is dated today (2025-01-23); its data cannot be frozen later.
fr=$(sed -n 's/.*数据截至：\([0-9]*\)年\([0-9]*\)月\([0-9]*\)日.*/\1 \2 \3/p' "$MD" | head -1)
frd=$(echo "$fr" | awk '{ if (NF==3) printf "%04d-%02d-%02d", $1, $2, $3 }')
if [ -n "$frd" ] && [ "$(echo "$frd" | tr -d -)" -le "$(echo "$FAZHI_TODAY" | tr -d -)" ]; then
  pass "the report (dated 2025年1月23日) states its data frozen on $frd, not later"
else
  fail "the report is dated 2025年1月23日 (FAZHI_TODAY) but states “$(grep -o '数据截至：[^ ]* [0-9:]*' "$MD")”: data frozen after the report's date"
fi

# ---- the seed's other figures, checked by arithmetic (info only) -------------
echo "== seeds/000: its own arithmetic (info; not asserted against the system)"
chk "入驻率 = 2331/2418" 96.4 "$(pct 2331 2418)"
chk "胜诉率 = 胜诉66 / 已结案69 (行政案件80起)" 95.7 "$(pct 66 69)"
chk "审核文件 = 合同协议29 + 规范性文件11 + 其他文件25" 65 $((29+11+25))
chk "法律顾问: 审核合同协议29 + 协助审核文件36 = 审核文件" 65 $((29+36))
chk "法律顾问协助审核的36件 = 规范性文件11 + 其他文件25" 36 $((11+25))
info "seed ? 97.1% “最多跑一次”占比: no count given; of 2418 items only 2347, 2348 or 2349 give 97.1% (fixture: 2348)"
info "seed ? 压缩比95%: no days given; fixture uses 承诺 = 法定/20 for every 行政许可 item (95.0%)"
info "seed ? 法定期限备案率100%: no document count given; fixture files the 11 规范性文件 reviewed"
chk "行政复议 法定期限结案率 over all 270 cases, if the 56 open are counted as not closed in time" 100 "$(pct 214 270)"
info "seed ! 行政复议: “270件，已办结214件，法定期限结案率100%” — true only over the 214 closed cases (214/214);"
info "  over the 270 it would be 79.3% (214/270) at best. The system says “已审结案件法定期限结案率100.0%（214/214）”."
info "seed ! dated 2025年1月23日 but published 2025年03月28日: the figures are as of 1月23日 at the latest"

finish
