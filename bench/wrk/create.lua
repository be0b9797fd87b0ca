-- POST /api/projects/{PROJECT}/bugs with a varied, realistic body (the generator's vocabulary)
local token = os.getenv("TOKEN")
local project = os.getenv("PROJECT") or "STOR"
local areas = { "checkout", "login", "payment", "search", "profile", "upload", "export", "cart", "invoice", "settings" }
local problems = { "times out", "shows a blank page", "returns 500", "loses the draft", "double charges",
  "ignores the filter", "crashes on submit", "renders twice", "is slow on mobile", "logs the user out" }
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
