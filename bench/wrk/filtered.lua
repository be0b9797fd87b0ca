-- GET /api/projects/{PROJECT}/bugs?status=..&priority=..&sort=-updated : a filtered list page (25 rows)
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local statuses = { "open", "in_progress", "resolved" }
local priorities = { "P0", "P1", "P2", "P3" }

request = function()
  local q = "status=" .. statuses[math.random(#statuses)] .. "&priority=" .. priorities[math.random(#priorities)]
    .. "&sort=-updated&limit=25"
  return wrk.format("GET", "/api/projects/" .. project .. "/bugs?" .. q, { ["Authorization"] = "Bearer " .. token })
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
