-- POST /api/projects/{PROJECT}/bugs with a varied, realistic body (the generator's vocabulary)
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local areas = { "checkout", "login", "payment", "search", "profile", "upload", "export", "cart", "invoice", "settings" }
-- common words of the generated data set (timeout, deadlock, ...) keep their share among new bugs, so text searches
-- meet recent matches as they would in a real project
local problems = { "fails with a timeout", "shows a blank page", "returns 500", "loses the draft", "double charges",
  "ignores the filter", "crashes on submit", "hits a deadlock", "is slow on mobile", "logs the user out",
  "breaks on emoji input", "times out after payment" }
local severities = { "critical", "high", "medium", "medium", "medium", "low", "low" }
local priorities = { "P0", "P1", "P2", "P2", "P3" }
local tags = { "checkout", "flaky", "regression", "mobile", "ux", "backend", "api", "performance" }
local counter = 0

request = function()
  counter = counter + 1
  local area = areas[math.random(#areas)]
  local problem = problems[math.random(#problems)]
  local body = string.format(
    '{"title":"%s %s (#%d)","description":"Steps: open %s, wait. The page %s.","severity":"%s","priority":"%s","tags":["%s","%s"],"environment":{"browser":"Firefox 133","os":"Linux"}}',
    area, problem, counter, area, problem, severities[math.random(#severities)], priorities[math.random(#priorities)],
    area, tags[math.random(#tags)])
  return wrk.format("POST", "/api/projects/" .. project .. "/bugs",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

-- each wrk thread runs its own Lua state: seed each differently
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end
