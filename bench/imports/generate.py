#!/usr/bin/env python3
"""Writes a Jira Cloud CSV export of N issues (default 100,000) to stdout: the columns of "Export CSV (all fields)"
that the importer reads, repeated Labels, Component/s and Comment columns (a comment on every third issue, a
second on every seventh), issue links (every 50th a duplicate of the one before, every 20th relates to another), Jira's default dates (01/Mar/24 9:15 AM),
wiki markup in descriptions, a mix of statuses, priorities, assignees and resolutions. Deterministic (seeded).

    bench/imports/generate.py [ROWS] > jira-100k.csv
"""
import csv
import random
import sys
from datetime import datetime, timedelta

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rnd = random.Random(20)
statuses = [("Open", ""), ("To Do", ""), ("In Progress", ""), ("In Review", ""), ("Done", "Done"),
            ("Resolved", "Fixed"), ("Closed", "Won't Fix"), ("Closed", "Duplicate")]
priorities = ["Highest", "High", "Medium", "Medium", "Low", "Lowest"]
people = ["Fox Mulder", "Dana Scully", "Walter Skinner", "Grace Hopper", "Alan Turing", "Ada Lovelace", ""]
labels = ["checkout", "login", "search", "mobile", "safari", "regression", "perf", "a11y", "i18n", "payments"]
components = ["Web", "API", "Android", "iOS", "Billing"]
words = ("the cart page throws when a coupon is applied twice and the total goes negative after refresh on slow "
         "networks while the spinner never stops and the log shows a timeout from the payment provider").split()

out = csv.writer(sys.stdout, lineterminator="\r\n")
out.writerow(["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Project name", "Priority",
              "Resolution", "Assignee", "Reporter", "Creator", "Created", "Updated", "Last Viewed", "Resolved",
              "Component/s", "Component/s", "Due date", "Labels", "Labels", "Labels", "Description", "Environment",
              "Comment", "Comment", "Outward issue link (Duplicate)", "Outward issue link (Relates)"])
start = datetime(2019, 1, 1, 9, 0)


def jira(d):
    return d.strftime("%d/%b/%y %I:%M %p").replace(" 0", " ")


for i in range(1, rows + 1):
    created = start + timedelta(minutes=i * 30 + rnd.randint(0, 29))
    updated = created + timedelta(hours=rnd.randint(1, 400))
    status, resolution = rnd.choice(statuses)
    done = resolution != ""
    title = " ".join(rnd.sample(words, 7)).capitalize()
    description = (f"h3. Steps\n# Open the *{rnd.choice(components)}* page\n# {' '.join(rnd.sample(words, 8))}\n\n"
                   f"{{code:java}}\nthrow new IllegalStateException(\"case {i}\");\n{{code}}\n"
                   f"See [the log|https://logs.example.com/{i}] and ask [~{rnd.choice(people) or 'nobody'}].")
    chosen = rnd.sample(labels, rnd.randint(0, 3)) + ["", "", ""]
    comps = rnd.sample(components, rnd.randint(0, 2)) + ["", ""]
    out.writerow([title, f"WEB-{i}", str(10000 + i), rnd.choice(["Bug", "Bug", "Bug", "Story", "Task"]), status,
                  "WEB", "Web shop", rnd.choice(priorities), resolution, rnd.choice(people), rnd.choice(people[:-1]),
                  "", jira(created), jira(updated), "", jira(updated) if done else "", comps[0], comps[1], "",
                  chosen[0], chosen[1], chosen[2], description, "Chrome 120 on Windows 11" if i % 5 == 0 else "",
                  f"{jira(created + timedelta(hours=2))};fox.mulder;I can reproduce it." if i % 3 == 0 else "",
                  f"{jira(created + timedelta(hours=5))};grace;Assigned, thanks." if i % 7 == 0 else "",
                  f"WEB-{i - 1}" if i % 50 == 0 else "", f"WEB-{rnd.randint(1, i)}" if i % 20 == 0 else ""])
