-- bench/detail.lua — wrk script: GET one record by a random id on every
-- request, with the session token as a Bearer header.
--   BENCH_TOKEN  token from POST /api/v1/login (empty for the trivial server)
--   BENCH_MAXID  ids are drawn uniformly from 1..BENCH_MAXID
--   BENCH_PATH   path prefix (default /api/v1/k/service_case/)
local token  = os.getenv("BENCH_TOKEN") or ""
local maxid  = tonumber(os.getenv("BENCH_MAXID") or "1000")
local prefix = os.getenv("BENCH_PATH") or "/api/v1/k/service_case/"
local headers = { ["Authorization"] = "Bearer " .. token }
local nthread = 0

function setup(thread)
  nthread = nthread + 1
  thread:set("seed", nthread)
end

function init(args)
  math.randomseed(7919 * (seed or 1) + os.time())
end

function request()
  return wrk.format("GET", prefix .. math.random(1, maxid), headers)
end
