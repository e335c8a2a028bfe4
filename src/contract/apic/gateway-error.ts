// The gateway's own error answers (vendor's gateway shape: with request_id).
import { z } from 'zod';

export const gatewayErrorBody = z.object({ error_code: z.string(), error_msg: z.string(), request_id: z.string() });
export type GatewayErrorBody = z.infer<typeof gatewayErrorBody>;
