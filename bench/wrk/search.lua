-- full-text search in the project (ranked), words of the data set's vocabulary
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local words = { "timeout", "checkout timeout", "deadlock", "blank page", "payment", "login form", "crash upload" }

request = function()
  local q = words[math.random(#words)]:gsub(" ", "+")
  return wrk.format("GET", "/api/projects/" .. project .. "/search?q=" .. q, { ["Authorization"] = "Bearer " .. token })
end

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
