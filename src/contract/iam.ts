// IAM v3 password token (iam.md).
import { z } from 'zod';

const named = z.object({ name: z.string().min(1).max(255) });
const idOrName = z
  .object({ id: z.string().min(1).max(255).optional(), name: z.string().min(1).max(255).optional() })
  .refine((v) => v.id !== undefined || v.name !== undefined, 'id or name is required');

export const passwordTokenRequest = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.literal('password')).length(1),
      password: z.object({
        user: z.object({
          domain: named,
          name: z.string().min(1).max(255),
          password: z.string().min(1).max(1024),
        }),
      }),
    }),
    scope: z.union([z.object({ project: idOrName }), z.object({ domain: idOrName })]),
  }),
});
export type PasswordTokenRequest = z.infer<typeof passwordTokenRequest>;

const ref = z.object({ id: z.string(), name: z.string() });

export const tokenResponse = z.object({
  token: z.object({
    expires_at: z.string(),
    issued_at: z.string(),
    methods: z.array(z.string()),
    project: ref.extend({ domain: ref }).optional(),
    domain: ref.optional(),
    user: ref.extend({ domain: ref, password_expires_at: z.string().optional() }),
    roles: z.array(ref).optional(),
    catalog: z.array(z.unknown()).optional(),
  }),
});
export type TokenResponse = z.infer<typeof tokenResponse>;
