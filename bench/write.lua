-- bench/write.lua — wrk script: POST /api/v1/k/reconsideration, a new
-- 行政复议 with a case number unique to the thread and request, with the
-- session token as a Bearer header. Every request is one write transaction.
--   BENCH_TOKEN  token from POST /api/v1/login
--   BENCH_TAG    distinguishes runs on one database (default "w")
local token = os.getenv("BENCH_TOKEN") or ""
local tag   = os.getenv("BENCH_TAG") or "w"
local nthread = 0

function setup(thread)
  nthread = nthread + 1
  thread:set("tid", nthread)
end

function init(args)
  n = 0
end

function request()
  n = n + 1
  local body = string.format('{"case_no":"示复〔2026〕%s%d-%d号","applicant":"压某","respondent":"示范县公安局",' ..
    '"matter":"other","received":"2026-06-01","procedure":"ordinary"}', tag, tid or 0, n)
  return wrk.format("POST", "/api/v1/k/reconsideration",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
