#!/usr/bin/env python3
"""Where a request's CPU goes, from a JFR recording (settings=profile) of a server under one kind of load:
each execution sample taken inside a request (a Tomcat handler's stack) goes to one part, the first of CATS met
walking from the sampled frame towards the thread's root, and the shares are scaled to the app's CPU ms per request
when given (bench/cpu-per-request.sh prints it). Start the server with -XX:FlightRecorderOptions:stackdepth=1024:
at JFR's default of 64 frames Spring's stacks lose their roots and most samples cannot be attributed.
usage: bench/jfr-buckets.py FILE.jfr [app_cpu_ms_per_request]   (JFR: $JAVA_HOME/bin/jfr, else jfr on the PATH)"""
import collections, os, re, subprocess, sys
J = os.path.join(os.environ['JAVA_HOME'], 'bin', 'jfr') if os.environ.get('JAVA_HOME') else 'jfr'
out = subprocess.run([J, 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '400', sys.argv[1]],
                     capture_output=True, text=True).stdout
samples, cur = [], None
for line in out.splitlines():
    s = line.strip()
    if s.startswith('stackTrace = ['): cur = []
    elif s == ']' and cur is not None: samples.append(cur); cur = None
    elif cur is not None and s and s != '...': cur.append(re.sub(r'\s+line:.*', '', s))
req = [st for st in samples if any('Http11Processor' in f for f in st)]
CATS = [  # (bucket, substring) checked leaf -> root; first hit wins
  ('SQL: statement (pgjdbc + JdbcClient)', 'org.postgresql.'),
  ('SQL: statement (pgjdbc + JdbcClient)', 'org.springframework.jdbc.core'),
  ('SQL: row mapping', 'RowMapper'),
  ('SQL: row mapping', 'BugRowMapper'),
  ('connection pool (Hikari)', 'com.zaxxer.hikari'),
  ('transaction begin/commit', 'DataSourceTransactionManager'),
  ('transaction begin/commit', 'AbstractPlatformTransactionManager'),
  ('JSON (Jackson)', 'tools.jackson'),
  ('handler lookup', 'DispatcherServlet.getHandler'),
  ('handler lookup', 'PrefixCheckedMappings'),
  ('handler lookup', 'HandlerMethodMapping'),
  ('handler lookup', 'RequestMappingInfo'),
  ('handler lookup', 'mvc.condition'),
  ('argument resolution', 'getMethodArgumentValues'),
  ('bug view (names, components from memory)', 'BugViews'),
  ('the handler and its services (rest)', 'dev.fixpoint.bugs'),
  ('the handler and its services (rest)', 'dev.fixpoint.accounts.AccountSettings'),
  ('the handler and its services (rest)', 'dev.fixpoint.accounts.Organizations'),
  ('the handler and its services (rest)', 'dev.fixpoint.accounts.web'),
  ('transaction interceptor, proxies', 'TransactionInterceptor'),
  ('transaction interceptor, proxies', 'CglibAopProxy'),
  ('response: headers, ETag, status, flush', 'HttpEntityMethodProcessor'),
  ('response: headers, ETag, status, flush', 'ReturnValueHandler'),
  ('response: headers, ETag, status, flush', 'MessageConverter'),
  ('Spring MVC dispatch (rest)', 'DispatcherServlet'),
  ('Spring MVC dispatch (rest)', 'FrameworkServlet'),
  ('bearer token (ApiTokens)', 'ApiTokens'),
  ('security filters', 'org.springframework.security'),
  ('security filters', 'BearerTokenFilter'),
  ('request metrics (observation)', 'micrometer'),
  ('request metrics (observation)', 'ServerHttpObservationFilter'),
  ('other servlet filters (session, correlation, request text, outage, logging)', 'dev.fixpoint.platform.web'),
  ('other servlet filters (session, correlation, request text, outage, logging)', 'org.springframework.session'),
  ('other servlet filters (session, correlation, request text, outage, logging)', 'org.springframework.web.filter'),
  ('other servlet filters (session, correlation, request text, outage, logging)', 'ch.qos.logback'),
  ('other servlet filters (session, correlation, request text, outage, logging)', 'org.slf4j'),
  ('Tomcat: HTTP parsing, writing, socket', 'org.apache'),
]
cnt = collections.Counter()
for st in req:
    b = 'other (JDK, JIT-compiled glue)'
    for f in st:
        hit = next((name for name, m in CATS if m in f), None)
        if hit: b = hit; break
    cnt[b] += 1
n = len(req)
ms = float(sys.argv[2]) if len(sys.argv) > 2 else None
print(f'{n} request samples of {len(samples)}')
for k, v in sorted(cnt.items(), key=lambda kv: -kv[1]):
    extra = f'  {ms*v/n:.3f} ms' if ms else ''
    print(f'{100*v/n:5.1f}%{extra}  {k}')
