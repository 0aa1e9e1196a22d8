-- POST /api/v1/enquiries as the seeded councillor (token in BENCH_TOKEN), for their own ward
-- and a service (BENCH_MEMBER, BENCH_SERVICE, BENCH_WARD), each with its own subject.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
local token = os.getenv("BENCH_TOKEN")
local member, service, ward = os.getenv("BENCH_MEMBER"), os.getenv("BENCH_SERVICE"), os.getenv("BENCH_WARD")
local counter = 0
local thread_id = 0
local threads = {}

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"member":"%s","channel":"email","subject":"Benchmark enquiry %s-%d","details":"A resident asked me to raise this.",' ..
    '"purpose":"ward-casework","service":"%s","ward":"%s"}', member, tostring(tid), counter, service, ward)
  return wrk.format("POST", "/api/v1/enquiries", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }, body)
end

done = function(summary, latency, requests) report(summary, latency) end
