-- POST /ksa/shipment with a new session_id per request: every request is a new durable reservation.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
local template = f:read("*a")
f:close()
math.randomseed(os.time())
local prefix = "bench-" .. os.time() .. "-" .. math.random(1, 1000000000) .. "-"
local counter = 0

request = function()
  counter = counter + 1
  local body = template:gsub("__SESSION__", prefix .. counter)
  return wrk.format(nil, nil, nil, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
