-- GET /api/projects/{PROJECT}/bugs with one of the load test's filter combinations per request
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local filters = { "severity=high", "status=open&sort=-priority", "assignee=me", "tag=checkout", "q=timeout",
  "severity=critical,high&status=open&assignee=me&sort=-priority",
  "created_from=2025-11-01T00:00:00Z&created_to=2025-12-01T00:00:00Z" }
local only = os.getenv("FILTER")

request = function()
  local f = only or filters[math.random(#filters)]
  return wrk.format("GET", "/api/projects/" .. project .. "/bugs?" .. f, { ["Authorization"] = "Bearer " .. token })
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
