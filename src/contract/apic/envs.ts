// APIC §5 — environments and environment variables.
import { z } from 'zod';
import { wireTime } from '../common';
import { ENV_NAME_PATTERN, ENV_VAR_NAME_PATTERN, ENV_VAR_VALUE_PATTERN, apicId, apicList, apicPaging, apicRemark, preciseSearch } from './base';

export const envCreateRequest = z.strictObject({
  name: z.string().min(3).max(64).regex(ENV_NAME_PATTERN, 'letters, digits and _; starts with a letter'),
  remark: apicRemark.optional(),
});
export type EnvCreateRequest = z.input<typeof envCreateRequest>;
export const apicEnv = z.object({ id: z.string(), name: z.string(), remark: z.string().optional(), create_time: wireTime.optional() });
export const apicEnvStrict = apicEnv.extend({ remark: z.string(), create_time: z.string() });
export type ApicEnv = z.infer<typeof apicEnv>;
export const envListQuery = apicPaging.extend({ name: z.string().max(64).optional() });
export const apicEnvList = apicList('envs', apicEnv);

const envVarValue = z.string().min(1).max(255).regex(ENV_VAR_VALUE_PATTERN, 'letters, digits and _-/.:');
/** env_id and group_id are optional in the SDK model; roma-local requires both (a variable lives in one group and env). */
export const envVariableCreateRequest = z.strictObject({
  variable_value: envVarValue,
  env_id: apicId,
  group_id: apicId,
  variable_name: z.string().min(3).max(32).regex(ENV_VAR_NAME_PATTERN, 'letters, digits, _ and -; starts with a letter'),
});
export type EnvVariableCreateRequest = z.input<typeof envVariableCreateRequest>;
export const envVariableUpdateRequest = z.strictObject({ variable_value: envVarValue });
export const envVariable = z.object({
  id: z.string(),
  variable_value: z.string(),
  env_id: z.string().optional(),
  group_id: z.string().optional(),
  variable_name: z.string(),
});
export const envVariableStrict = envVariable.extend({ env_id: z.string(), group_id: z.string() });
export type EnvVariable = z.infer<typeof envVariable>;
export const envVariableListQuery = apicPaging.extend({
  group_id: z.string().min(1).max(64),
  env_id: z.string().max(64).optional(),
  variable_name: z.string().max(32).optional(),
  precise_search: preciseSearch,
});
export const envVariableList = apicList('variables', envVariable);
