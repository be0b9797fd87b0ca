#!/usr/bin/env python3
"""WireMock mappings for a GitHub Enterprise API (/api/v3) serving ISSUES issues of one repository, 100 a page,
oldest first, with GitHub's Link header (next, last); every 10th issue has two comments, every 25th is a pull request
(skipped by the import), a third are closed; labels carry priority and severity ("priority: high", "severity: critical").
People: 20 logins, each with a name (/users/{login}).

  bench/forge/github_issues.py ISSUES ROOT_DIR BASE_URL REPO [--rate-limit]

--rate-limit: the first request for the middle page answers 429 with Retry-After: 1 (the import waits and asks again).
"""
import json
import os
import sys

issues, root, base, repo = int(sys.argv[1]), sys.argv[2], sys.argv[3].rstrip("/"), sys.argv[4]
rate_limit = "--rate-limit" in sys.argv
os.makedirs(f"{root}/mappings", exist_ok=True)
os.makedirs(f"{root}/__files", exist_ok=True)
pages = (issues + 99) // 100
path = f"/api/v3/repos/{repo}/issues"
priorities = ["priority: high", "priority: low", "P1", "priority: medium", None]
severities = ["severity: critical", "severity: minor", None, None]


def issue(n):
    labels = [{"name": "bug"}]
    if priorities[n % 5]:
        labels.append({"name": priorities[n % 5]})
    if severities[n % 4]:
        labels.append({"name": severities[n % 4]})
    closed = n % 3 == 0
    item = {
        "number": n, "title": f"Issue {n}: checkout fails for cart size {n % 17}",
        "body": f"Steps:\n\n1. Add {n % 17} items\n2. Check out\n\n```\nTypeError at line {n}\n```",
        "state": "closed" if closed else "open", "state_reason": ("not_planned" if n % 9 == 0 else "completed") if closed else None,
        "html_url": f"https://ghe.example.com/{repo}/issues/{n}", "user": {"login": f"dev{n % 20}"},
        "assignee": None, "labels": labels, "comments": 2 if n % 10 == 0 else 0,
        "comments_url": f"{base}{path}/{n}/comments",
        "created_at": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00Z",
        "updated_at": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00Z",
        "closed_at": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T11:00:00Z" if closed else None,
    }
    if n % 25 == 0:
        item["pull_request"] = {"url": f"{base}/api/v3/repos/{repo}/pulls/{n}"}
    return item


def mapping(name, request, response, **extra):
    with open(f"{root}/mappings/{name}.json", "w") as f:
        json.dump({"request": request, "response": response, **extra}, f)


for page in range(1, pages + 1):
    body = [issue(n) for n in range((page - 1) * 100 + 1, min(page * 100, issues) + 1)]
    with open(f"{root}/__files/issues-{page}.json", "w") as f:
        json.dump(body, f)
    headers = {"Content-Type": "application/json", "X-RateLimit-Remaining": "4999"}
    links = []
    if page < pages:
        links.append(f'<{base}{path}?state=all&sort=created&direction=asc&per_page=100&page={page + 1}>; rel="next"')
    links.append(f'<{base}{path}?state=all&sort=created&direction=asc&per_page=100&page={pages}>; rel="last"')
    headers["Link"] = ", ".join(links)
    request = {"method": "GET", "urlPath": path, "queryParameters": {"page": {"equalTo": str(page)}}}
    response = {"status": 200, "headers": headers, "bodyFileName": f"issues-{page}.json"}
    if rate_limit and page == pages // 2:
        mapping(f"page-{page}-limited", request, {"status": 429, "headers": {"Retry-After": "1"},
                                                  "body": '{"message": "API rate limit exceeded"}'},
                scenarioName="limit", requiredScenarioState="Started", newScenarioState="waited")
        mapping(f"page-{page}", request, response, scenarioName="limit", requiredScenarioState="waited")
    else:
        mapping(f"page-{page}", request, response)

comments = [{"id": i, "user": {"login": f"dev{i}"}, "created_at": f"2024-02-0{i}T12:00:00Z",
             "body": f"Comment {i}: I can reproduce it."} for i in (1, 2)]
mapping("comments", {"method": "GET", "urlPathPattern": path + "/[0-9]+/comments"},
        {"status": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps(comments)})
mapping("users", {"method": "GET", "urlPathPattern": "/api/v3/users/[^/]+"},
        {"status": 200, "headers": {"Content-Type": "application/json"},
         "body": json.dumps({"login": "dev", "name": "Bench Developer"})})
print(f"{issues} issues in {pages} pages under {root}", file=sys.stderr)
