-- GET /bugs/{PROJECT}-{n}: the bug page (HTML) of a random existing bug in 1..BUGS, signed in.
-- COOKIE is the whole Cookie header (perf.sh), or SESSION the session cookie's value (run.sh).
-- Asks for gzip as a browser does; GZIP=0 asks for the plain page.
local cookie = os.getenv("COOKIE") or ("SESSION=" .. os.getenv("SESSION"))
local project = os.getenv("PROJECT") or "STOR"
local bugs = tonumber(os.getenv("BUGS") or "100000")
local gzip = os.getenv("GZIP") ~= "0"

request = function()
  local headers = { ["Cookie"] = cookie, ["Accept"] = "text/html" }
  if gzip then headers["Accept-Encoding"] = "gzip" end
  return wrk.format("GET", "/bugs/" .. project .. "-" .. math.random(bugs), headers)
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
