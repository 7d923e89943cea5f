-- wrk script for POST /api/predict: sends the bodies in the file named by $BODIES (one JSON object
-- a line) in turn, each connection starting at a different one, and prints one line at the end:
-- RESULT <requests> <seconds> <p50 ms> <p99 ms> <non-2xx answers> <socket errors>
local bodies = {}

function init(args)
  for line in io.lines(os.getenv("BODIES")) do
    bodies[#bodies + 1] = line
  end
  next_body = math.random(#bodies)
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[next_body])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
