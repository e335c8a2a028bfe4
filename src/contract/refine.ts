// Cross-field rules (superRefine) of the APIC and FDI contracts all report the same way: a custom
// issue at a field path. One helper so every rule reads as `issue(path, message)`.
import type { z } from 'zod';

export type IssuePath = (string | number)[];

/** `issue(path, message)` for a superRefine context. */
export function issueReporter(ctx: z.RefinementCtx): (path: IssuePath, message: string) => void {
  return (path, message) => ctx.addIssue({ code: 'custom', path, message });
}
