-- GET /api/bugs/{PROJECT}-{n} for random n in 1..BUGS (the project's existing bugs)
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local bugs = tonumber(os.getenv("BUGS") or "100000")

request = function()
  return wrk.format("GET", "/api/bugs/" .. project .. "-" .. math.random(bugs),
    { ["Authorization"] = "Bearer " .. token })
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
