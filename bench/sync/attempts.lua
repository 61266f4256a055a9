-- wrk script for the sync benchmark. Every request carries fresh attempt ids, so each one
-- stores new rows. BATCH=0 (environment) posts one attempt to the single POST; BATCH=n posts
-- n attempts to /v1/sync/attempts. Prints one RESULT line with throughput and latency.
local batch = tonumber(os.getenv("BATCH") or "0")
-- "now": each attempt occurred a few seconds before it is sent, so new rows land at the recent
-- end of each client's and assignment's index, as they do over a clinic's months of history.
-- "fixed": every attempt at one instant, which sends every insert to a random index page.
local fixedTime = os.getenv("OCCURRED_AT") == "fixed"
local token = os.getenv("TOKEN")
local assignments = {}
for id in string.gmatch(os.getenv("ASSIGNMENTS"), "[^,]+") do
  table.insert(assignments, id)
end
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed * 7919)
  created = 0
  rejected = 0
end

local function uuid()
  return string.format("%08x-%04x-4%03x-%04x-%04x%08x",
    math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff),
    0x8000 + math.random(0, 0x3fff), math.random(0, 0xffff), math.random(0, 0xffffffff))
end

local function occurredAt()
  if fixedTime then
    return "2026-01-06T18:30:00+01:00"
  end
  return os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(0, 10))
end

local function attempt(assignment, withAssignment)
  local fields = '"id":"' .. uuid() .. '","occurredAt":"' .. occurredAt() .. '","outcome":"partial",'
    .. '"completion":0.5,"suds":{"before":60,"peak":80,"after":35},"obstacles":["no_time"]'
  if withAssignment then
    fields = '"assignmentId":"' .. assignment .. '",' .. fields
  end
  return "{" .. fields .. "}"
end

function request()
  local assignment = assignments[math.random(#assignments)]
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  if batch == 0 then
    return wrk.format("POST", "/v1/assignments/" .. assignment .. "/attempts", headers, attempt(assignment, false))
  end
  local items = {}
  for i = 1, batch do
    items[i] = attempt(assignment, true)
  end
  return wrk.format("POST", "/v1/sync/attempts", headers, '{"attempts":[' .. table.concat(items, ",") .. "]}")
end

function response(status, headers, body)
  if batch > 0 and status == 200 then
    -- Every attempt of a fresh batch should come back created.
    local _, n = string.gsub(body, '"status":"created"', "")
    created = created + n
    local _, r = string.gsub(body, '"status":"rejected"', "")
    rejected = rejected + r
  end
end

function done(summary, latency, requests)
  local itemsCreated, itemsRejected = 0, 0
  for _, thread in ipairs(threads) do
    itemsCreated = itemsCreated + (thread:get("created") or 0)
    itemsRejected = itemsRejected + (thread:get("rejected") or 0)
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d attempts_per_s=%.1f rejected=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, (batch > 0 and itemsCreated or summary.requests) / seconds, itemsRejected))
end
