-- the issue's filtered list: status + priority, newest change first, 25 rows
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local statuses = { "open", "in_progress", "open,in_progress" }
local priorities = { "P1", "P2", "P0,P1", "P3" }

request = function()
  return wrk.format("GET", "/api/projects/" .. project .. "/bugs?status=" .. statuses[math.random(#statuses)]
    .. "&priority=" .. priorities[math.random(#priorities)] .. "&sort=-updated&limit=25",
    { ["Authorization"] = "Bearer " .. token })
end

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
