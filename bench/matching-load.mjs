/**
 * Load client for bench/matching-http.ts, run as a child process so that autocannon does not share the
 * server's event loop (plain JavaScript, like bench/search-load.mjs).
 * argv[2]: a JSON file { url, connections, duration, requests: [{ path, headers }] }. Prints one JSON line:
 * exact latency percentiles from every response, requests per second, non-2xx and errors. The requests
 * are sent in list order, each once per pass over the list, whichever connection is free sending the next.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const { url, connections, duration, requests } = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
const latencies = [];
let cursor = 0;
const next = () => {
  const r = requests[cursor++ % requests.length];
  return { method: 'GET', path: r.path, headers: r.headers ?? {} };
};
const instance = autocannon(
  {
    url,
    connections,
    duration,
    // one cursor for all connections: the list is walked in order by whichever connection is free (each
    // connection walking it from its start would send the same person's request c times at once)
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, ...next() }) }],
  },
  (err, result) => {
    if (err) {
      process.stderr.write(`${err.stack ?? err}\n`);
      process.exit(1);
    }
    latencies.sort((a, b) => a - b);
    const at = (p) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? null;
    const r1 = (x) => (x === null ? null : Math.round(x * 10) / 10);
    process.stdout.write(
      `${JSON.stringify({
        n: latencies.length,
        p50: r1(at(50)),
        p95: r1(at(95)),
        p99: r1(at(99)),
        max: r1(latencies[latencies.length - 1] ?? null),
        rps: Math.round(latencies.length / result.duration),
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      })}\n`,
    );
  },
);
instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
