// Per-minute call statistics of published APIs: counted in memory by the gateway and flushed
// to apic_stats every few seconds (and before every statistics read), so calls cost no write.
import type { Db } from '../../db/open';

interface Bucket {
  instance_id: string; api_id: string; group_id: string; minute: number; req_count: number; c2xx: number; c4xx: number;
  c5xx: number; errors: number; sum_latency: number; max_latency: number; sum_backend: number; max_backend: number;
  bytes_in: number; bytes_out: number;
}

export class Stats {
  private pending = new Map<string, Bucket>();
  /** The buckets of the minute counted last, by API id: no key string built per call. */
  private minute = -1;
  private current = new Map<string, Bucket>();
  private timer: NodeJS.Timeout;

  constructor(private readonly db: Db, private readonly now: () => number, flushMs = 5000) {
    this.timer = setInterval(() => this.flush(), flushMs);
    this.timer.unref();
  }

  /** One call (positional: no object per call). Latencies in ms. */
  record(instanceId: string, apiId: string, groupId: string, status: number, latency: number, backend: number, bytesIn: number, bytesOut: number): void {
    const minute = Math.floor(this.now() / 60000);
    if (minute !== this.minute) { this.minute = minute; this.current = new Map(); }
    let b = this.current.get(apiId);
    if (!b) {
      const key = `${apiId}|${minute}`;
      b = this.pending.get(key);
      if (!b) {
        b = {
          instance_id: instanceId, api_id: apiId, group_id: groupId, minute, req_count: 0, c2xx: 0, c4xx: 0, c5xx: 0, errors: 0,
          sum_latency: 0, max_latency: 0, sum_backend: 0, max_backend: 0, bytes_in: 0, bytes_out: 0,
        };
        this.pending.set(key, b);
      }
      this.current.set(apiId, b);
    }
    b.req_count++;
    if (status >= 200 && status < 300) b.c2xx++;
    else if (status >= 400 && status < 500) b.c4xx++;
    else if (status >= 500) b.c5xx++;
    if (status >= 400) b.errors++;
    b.sum_latency += latency;
    if (latency > b.max_latency) b.max_latency = latency;
    b.sum_backend += backend;
    if (backend > b.max_backend) b.max_backend = backend;
    b.bytes_in += bytesIn;
    b.bytes_out += bytesOut;
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending.clear();
    this.current.clear(); // the flushed buckets must not be counted into again
    const upsert = this.db.prepare(
      `INSERT INTO apic_stats (instance_id, api_id, group_id, minute, req_count, c2xx, c4xx, c5xx, errors, sum_latency, max_latency,
         sum_backend, max_backend, bytes_in, bytes_out)
       VALUES (@instance_id, @api_id, @group_id, @minute, @req_count, @c2xx, @c4xx, @c5xx, @errors, @sum_latency, @max_latency,
         @sum_backend, @max_backend, @bytes_in, @bytes_out)
       ON CONFLICT (api_id, minute) DO UPDATE SET req_count = req_count + excluded.req_count, c2xx = c2xx + excluded.c2xx,
         c4xx = c4xx + excluded.c4xx, c5xx = c5xx + excluded.c5xx, errors = errors + excluded.errors,
         sum_latency = sum_latency + excluded.sum_latency, max_latency = max(max_latency, excluded.max_latency),
         sum_backend = sum_backend + excluded.sum_backend, max_backend = max(max_backend, excluded.max_backend),
         bytes_in = bytes_in + excluded.bytes_in, bytes_out = bytes_out + excluded.bytes_out`,
    );
    try {
      this.db.transaction(() => { for (const r of rows) upsert.run(r); })();
    } catch {
      // the API may have been deleted meanwhile, or the database closed: statistics are best effort
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
