-- GET /bugs/{PROJECT}-{n} (the bug page, HTML) for random n in 1..BUGS, signed in with the session cookie SESSION
local session = os.getenv("SESSION")
local project = os.getenv("PROJECT") or "STOR"
local bugs = tonumber(os.getenv("BUGS") or "100000")
local gzip = os.getenv("GZIP")

request = function()
  local headers = { ["Cookie"] = "SESSION=" .. session }
  if gzip then headers["Accept-Encoding"] = "gzip" end
  return wrk.format("GET", "/bugs/" .. project .. "-" .. math.random(bugs), headers)
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
