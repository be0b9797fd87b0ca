-- GET /api/me: the cheapest authenticated request, the stack's own ceiling (filters, token, JSON)
local token = os.getenv("TOKEN")

request = function()
  return wrk.format("GET", "/api/me", { ["Authorization"] = "Bearer " .. token })
end
