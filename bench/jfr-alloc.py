#!/usr/bin/env python3
"""KB allocated per request from a JFR recording (settings=profile) of one kind of load: the
jdk.ObjectAllocationSample weights of samples whose stack runs through Tomcat's Http11Processor, each charged to the
first of CATS met walking from the allocating frame towards the root, divided by the requests of the recording
(bench/cpu-per-request.sh --jfr prints them). Samples weighing over 2 MB are left out and their sum printed: on
virtual threads a few samples carry a carrier's allocation since its last sample (up to GBs), not the request's.
usage: bench/jfr-alloc.py FILE.jfr REQUESTS   (JFR: $JAVA_HOME/bin/jfr, else jfr on the PATH)"""
import collections, os, re, subprocess, sys
J = os.path.join(os.environ['JAVA_HOME'], 'bin', 'jfr') if os.environ.get('JAVA_HOME') else 'jfr'
out = subprocess.run([J, 'print', '--events', 'jdk.ObjectAllocationSample',
                      '--stack-depth', '400', sys.argv[1]], capture_output=True, text=True).stdout
CATS = [('session (Spring Session, deserialization)', 'ObjectInputStream'), ('session (Spring Session, deserialization)', 'springframework.session'),
        ('session (Spring Session, deserialization)', 'SparseSessionTouches'), ('session (Spring Session, deserialization)', 'RememberedSessionValues'),
        ('PgJDBC', 'org.postgresql'), ('JTE output', 'gg.jte'), ('gzip', 'Deflater'), ('gzip', 'BufferedJteViews$Compression'),
        ('stack chunks', 'StackChunk'), ('stack chunks', 'VirtualThread'), ('Jackson', 'tools.jackson'),
        ('security', 'springframework.security'), ('Spring MVC', 'springframework.web'), ('app code', 'dev.fixpoint'),
        ('Tomcat', 'org.apache')]
tot = collections.Counter(); all_ = 0; dropped = [0]
ev = None
for line in out.splitlines():
    s = line.strip()
    if s.startswith('jdk.ObjectAllocationSample'): ev = {'w': 0, 'st': []}
    elif ev is not None and s.startswith('weight ='):
        v = s.split('=')[1].strip(); num, unit = re.match(r'([\d.]+)\s*(\w+)', v).groups()
        ev['w'] = float(num) * {'bytes': 1, 'byte': 1, 'kB': 1024, 'MB': 1024**2, 'GB': 1024**3}[unit]
    elif ev is not None and s.startswith('stackTrace = ['): ev['in'] = True
    elif ev is not None and ev.get('in') and s == ']':
        st = ev['st']
        if ev['w'] > 2 * 1024**2: dropped[0] += ev['w']
        elif any('Http11Processor' in f for f in st):
            all_ += ev['w']
            b = 'other'
            for f in st:
                hit = next((c for c, sub in CATS if sub in f), None)
                if hit: b = hit; break
            tot[b] += ev['w']
        ev = None
    elif ev is not None and ev.get('in') and s and s != '...': ev['st'].append(s)
n = float(sys.argv[2])
print(f'total {all_/n/1024:.1f} KB/request over {int(n)} requests (samples over 2 MB left out: {dropped[0]/n/1024:.0f} KB/request)')
for b, w in tot.most_common(): print(f'  {b:45s} {w/n/1024:6.1f}')
