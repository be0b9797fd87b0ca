#!/bin/sh
# Training run that writes the JDK's AOT cache (JDK >= 25, JEP 483/514/515) for the extracted application jar:
# starts the app with -XX:AOTCacheOutput on a throw-away embedded database, sends the requests users send most
# (sign-up and sign-in, filing, reading, lists, searches, the bug page), then stops it; at exit the JVM writes the
# cache: classes loaded and linked, and the method profiles of this workload, so the next start skips class
# loading and the JIT compiles the hot paths sooner.
#
#   deploy/aot-training.sh JAVA JAR CACHE        e.g. deploy/aot-training.sh java app/fixpoint.jar app/fixpoint.aot
#
# JAR must be the extracted jar (java -Djarmode=tools -jar fixpoint.jar extract), and the app must later run with
# the same JDK and the same jar path: java -XX:AOTCache=CACHE -jar JAR. POSIX sh and curl only (used in the image).
set -eu
JAVA=$1 JAR=$2 CACHE=$3
WORK=$(mktemp -d)
PORT=${TRAINING_PORT:-18080}
BASE="http://127.0.0.1:$PORT"

FIXPOINT_DATA_DIR="$WORK/data" SERVER_PORT=$PORT FIXPOINT_DEMO=false \
  "$JAVA" -XX:AOTCacheOutput="$CACHE" ${TRAINING_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP=$!
stop() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT

i=0
until curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -gt 1200 ] || ! kill -0 "$APP" 2>/dev/null; then
    echo "the app did not start for the training run:" >&2; tail -40 "$WORK/app.log" >&2; exit 1
  fi
  sleep 0.1
done

json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
TOKEN=$(json "$BASE/api/auth/signup" \
  -d '{"email":"trainer@example.com","password":"training-password","name":"Trainer","username":"trainer"}' \
  | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
json -H "$AUTH" "$BASE/api/projects" -d '{"name":"Training","key":"TRN"}' >/dev/null

# one curl process per request kind: keep-alive, many requests (a config file of URLs)
burst() { # burst N METHOD PATH-PREFIX [BODY] : N requests, the bug number varies
  n=$1 method=$2 path=$3 body=${4:-}
  : >"$WORK/urls"
  k=1
  while [ $k -le "$n" ]; do
    num=$(( (k % 40) + 1 ))
    printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$(echo "$path" | sed "s/{n}/$num/g")" >>"$WORK/urls"
    k=$((k + 1))
  done
  if [ -n "$body" ]; then
    curl -s -X "$method" -H "$AUTH" -H 'Content-Type: application/json' -d "$body" -K "$WORK/urls"
  else
    curl -s -H "$AUTH" -H 'Accept-Encoding: gzip' ${COOKIE:+-b "$COOKIE"} -K "$WORK/urls"
  fi
}

burst 60 POST "/api/projects/TRN/bugs" \
  '{"title":"Checkout fails with a timeout","description":"Steps: open **checkout**, wait.\n\n- a list\n- `code`","severity":"high","priority":"P1","tags":["checkout","flaky"],"environment":{"browser":"Firefox 133","os":"Linux"}}'
json -H "$AUTH" "$BASE/api/bugs/TRN-1/comments" -d '{"content":"I can reproduce this on **staging**."}' >/dev/null || true
for round in 1 2 3; do
  burst 300 GET "/api/me"
  burst 300 GET "/api/bugs/TRN-{n}"
  burst 150 GET "/api/projects/TRN/bugs?status=open&priority=P1&sort=-updated"
  burst 150 GET "/api/projects/TRN/bugs?severity=high&sort=-priority"
  burst 150 GET "/api/projects/TRN/bugs?q=timeout"
  burst 60 GET "/api/search?q=checkout"
done

# the pages, signed in through the login form (session cookie and CSRF token)
COOKIE="$WORK/cookies"
CSRF=$(curl -fsS -c "$COOKIE" "$BASE/login" | sed -nE 's/.*name="_csrf"[[:space:]]+value="([^"]+)".*/\1/p' | head -1)
curl -fsS -o /dev/null -b "$COOKIE" -c "$COOKIE" -X POST "$BASE/login" --data-urlencode "email=trainer@example.com" \
  --data-urlencode "password=training-password" --data-urlencode "_csrf=$CSRF"
for round in 1 2 3; do
  burst 150 GET "/bugs/TRN-{n}"
  burst 40 GET "/p/TRN/bugs"
  burst 20 GET "/p/TRN/board"
done

# a clean stop: the JVM writes the cache at exit
kill "$APP"
wait "$APP" || true
trap - EXIT
rm -rf "$WORK"
[ -f "$CACHE" ] || { echo "no AOT cache was written to $CACHE" >&2; exit 1; }
echo "AOT cache written: $CACHE ($(du -m "$CACHE" | cut -f1) MB)"
