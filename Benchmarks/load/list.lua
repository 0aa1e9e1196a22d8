-- GET the URL given to wrk (e.g. /api/v1/enquiries?overdue=true&perPage=50) with the
-- Bearer token in BENCH_TOKEN (none for the bare route).
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
local token = os.getenv("BENCH_TOKEN") or ""
wrk.method = "GET"
wrk.headers["Accept"] = "application/json"
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

done = function(summary, latency, requests) report(summary, latency) end
