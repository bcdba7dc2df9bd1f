-- POST /api/v1/sessions/{id}/events: each request appends one new event (a unique id, later
-- time) to one of the sessions the bench script created, so every request is a durable write.
local sessions = tonumber(os.getenv("UNKNOT_BENCH_SESSIONS") or "64")
local counter = 0
local thread_id = 0
function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
function request()
  counter = counter + 1
  local session = (counter % sessions) + 1
  local t = counter / 1000.0
  local body = string.format('{"events": [{"id": "w%d-%d", "t": %.3f, "type": "tick"}]}', tid, counter, t)
  return wrk.format("POST", "/api/v1/sessions/" .. session .. "/events", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("UNKNOT_BENCH_TOKEN") or "")}, body)
end
