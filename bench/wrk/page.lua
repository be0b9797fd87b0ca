-- GET /bugs/{PROJECT}-{n}: the bug page (HTML) of a random existing bug, signed in (SESSION cookie from perf.sh)
local cookie = os.getenv("COOKIE")
local project = os.getenv("PROJECT") or "STOR"
local bugs = tonumber(os.getenv("BUGS") or "100000")

request = function()
  return wrk.format("GET", "/bugs/" .. project .. "-" .. math.random(bugs),
    { ["Cookie"] = cookie, ["Accept"] = "text/html", ["Accept-Encoding"] = "gzip" })
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
