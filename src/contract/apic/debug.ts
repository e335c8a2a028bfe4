// APIC §3 — DebugApiV2: the request the console sends and the recorded exchange.
import { z } from 'zod';
import { issueReporter } from '../refine';

const debugName = (underscore: boolean) =>
  z.string().max(32).regex(underscore ? /^[A-Za-z][A-Za-z0-9._-]*$/ : /^[A-Za-z][A-Za-z0-9.-]*$/, 'invalid name');
export const apiDebugRequest = z
  .strictObject({
    mode: z.enum(['DEVELOPER', 'MARKET', 'CONSUMER']),
    scheme: z.enum(['HTTP', 'HTTPS']),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']),
    path: z.string().min(1).max(1024).regex(/^\//, 'must start with /'),
    query: z.record(debugName(true), z.array(z.string().max(4096)).max(20)).optional(),
    header: z.record(debugName(false), z.array(z.string().max(4096)).max(20)).optional(),
    body: z.string().max(2097152).optional(),
    app_key: z.string().max(64).optional(),
    app_secret: z.string().max(128).optional(),
    domain: z.string().max(255).optional(),
    stage: z.string().max(64).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = issueReporter(ctx);
    for (const h of Object.keys(v.header ?? {})) {
      if (/^(x-apig-|x-sdk-)/i.test(h) || /^x-stage$/i.test(h)) {
        issue(['header', h], 'X-Apig-*, X-Sdk-* and X-Stage are reserved');
      }
    }
  });
export type ApiDebugRequest = z.input<typeof apiDebugRequest>;
export const apiDebugResponse = z.object({
  request: z.string(),
  response: z.string(),
  latency: z.number(),
  log: z.string(),
});
export type ApiDebugResponse = z.infer<typeof apiDebugResponse>;
