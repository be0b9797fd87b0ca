-- GET /api/projects/{PROJECT}/bugs?q=... : ranked full-text search, words of the generator's vocabulary
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local words = { "timeout", "crashes", "coupon", "dashboard", "checkout", "session%20expires", "invoice", "deadlock" }

request = function()
  return wrk.format("GET", "/api/projects/" .. project .. "/bugs?q=" .. words[math.random(#words)],
    { ["Authorization"] = "Bearer " .. token })
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
