// APIC error codes roma-local answers with. Management API bodies: `{error_code, error_msg}`
// (family 'apic', see ../errors.ts); gateway bodies add `request_id` (gateway/errors.ts).
// Codes from the reference or the vendor's pages are marked (ref); the rest are (chosen).
//
// | Situation                                           | HTTP | Code                 |
// |-----------------------------------------------------|------|----------------------|
// | instance does not exist (sub-resources)             | 404  | APIG.3030 (ref)      |
// | API group does not exist                            | 404  | APIG.3001 (ref)      |
// | API does not exist                                  | 404  | APIG.3002 (ref)      |
// | environment does not exist                          | 404  | APIG.3003 (ref)      |
// | integration app (roma_app_id) does not exist        | 404  | APIG.3019 (ref)      |
// | bound domain does not exist                          | 404  | APIG.3020 (ref)      |
// | API version does not exist                           | 404  | APIG.3022 (ref)      |
// | VPC channel does not exist                           | 404  | APIG.3023 (chosen)   |
// | environment variable does not exist                  | 404  | APIG.3011 (chosen)   |
// | group name already exists                            | 400  | APIG.3201 (ref)      |
// | API name already exists in the group                 | 400  | APIG.3202 (ref)      |
// | same method + path already exists in the group       | 400  | APIG.3203 (chosen)   |
// | environment name already exists                      | 400  | APIG.3204 (chosen)   |
// | variable name already exists (group, env)            | 400  | APIG.3205 (chosen)   |
// | domain already bound (to any group)                  | 400  | APIG.3206 (chosen)   |
// | group still has APIs (delete refused)                | 400  | APIG.3410 (chosen)   |
// | env still has published APIs (delete refused)        | 400  | APIG.3411 (chosen)   |
// | RELEASE env cannot be changed or deleted             | 400  | APIG.3412 (chosen)   |
// | API not published in that env (offline, version ops) | 400  | APIG.3413 (chosen)   |
// | version belongs to another API                       | 400  | APIG.3414 (chosen)   |
// | invalid parameter / body / file                      | 400  | APIG.2011 (ref)      |
// | app of ShowAppBoundAppQuota does not exist           | 404  | APIG.3002 (ref: the op's example) |
// | app quota does not exist                             | 404  | APIG.3090 (chosen)   |
// | app has no quota bound (ShowAppBoundAppQuota)        | 404  | APIG.3091 (chosen)   |
// | app is not bound to this quota (unbind)              | 404  | APIG.3092 (chosen)   |
// | throttling policy does not exist                     | 404  | APIG.3005 (chosen)   |
// | special throttle (app / user) does not exist         | 404  | APIG.3093 (chosen)   |
// | throttle binding does not exist                      | 404  | APIG.3094 (chosen)   |
// | publish record (publish_id) does not exist           | 404  | APIG.3095 (chosen)   |
// | plugin does not exist                                | 404  | APIG.3068 (ref)      |
// | app quota name already exists                        | 400  | APIG.3325 (ref)      |
// | app already bound to a quota (this or another)       | 400  | APIG.3326 (chosen)   |
// | throttling policy name already exists                | 400  | APIG.3210 (chosen)   |
// | special app / user already set on the policy         | 400  | APIG.3211 (chosen)   |
// | plugin name already exists                           | 400  | APIG.3212 (chosen)   |
// | quota still bound to apps (delete refused)           | 400  | APIG.3420 (chosen)   |
// | plugin still attached to APIs (delete refused)       | 400  | APIG.3421 (chosen)   |
// | a plugin of that type already attached to the API    | 400  | APIG.3422 (chosen)   |
// |   in that environment (attach refused)               |      |                      |
// | API already bound to a throttling policy in the env  | 400  | APIG.3423 (chosen)   |
// | plugin type changed while attached (update refused)  | 400  | APIG.3424 (chosen)   |
// | app (APIC view of an integration app) does not exist | 404  | APIG.3004 (ref)      |
// | AppCode does not exist                               | 404  | APIG.3015 (chosen)   |
// | app config does not exist                            | 404  | APIG.3016 (chosen)   |
// | app authorisation does not exist                     | 404  | APIG.3017 (chosen)   |
// | AppCode value already used (any app)                 | 400  | APIG.3207 (chosen)   |
// | app config name already used by the app              | 400  | APIG.3208 (chosen)   |
// | app already authorised to the API in that env        | 400  | APIG.3209 (chosen)   |
// | authorising an API whose auth_type is not APP        | 400  | APIG.3415 (chosen)   |
// | more than 5 AppCodes for one app                     | 400  | APIG.3416 (chosen)   |
import { ApiError } from '../errors';

export const APIC = {
  instanceNotFound: (id: string) => new ApiError(404, 'APIG.3030', `The instance does not exist;id:${id}`),
  groupNotFound: (id: string) => new ApiError(404, 'APIG.3001', `The API group does not exist,id:${id}`),
  apiNotFound: (id: string) => new ApiError(404, 'APIG.3002', `The API does not exist,id:${id}`),
  envNotFound: (id: string) => new ApiError(404, 'APIG.3003', `The environment does not exist,id:${id}`),
  appNotFound: (id: string) => new ApiError(404, 'APIG.3019', `The app does not exist,id:${id}`),
  domainNotFound: (id: string) => new ApiError(404, 'APIG.3020', `The URL domain does not exist,id:${id}`),
  versionNotFound: (id: string) => new ApiError(404, 'APIG.3022', `The API version does not exist,id:${id}`),
  vpcNotFound: (id: string) => new ApiError(404, 'APIG.3023', `The VPC channel does not exist,id:${id}`),
  variableNotFound: (id: string) => new ApiError(404, 'APIG.3011', `The environment variable does not exist,id:${id}`),
  groupNameExists: (name: string) => new ApiError(400, 'APIG.3201', `The API group name already exists,name:${name}`),
  apiNameExists: (name: string) => new ApiError(400, 'APIG.3202', `The API name already exists, api_name:${name}`),
  apiPathExists: (method: string, uri: string) =>
    new ApiError(400, 'APIG.3203', `An API with the same method and path already exists in the group: ${method} ${uri}`),
  envNameExists: (name: string) => new ApiError(400, 'APIG.3204', `The environment name already exists,name:${name}`),
  variableExists: (name: string) => new ApiError(400, 'APIG.3205', `The environment variable already exists,name:${name}`),
  domainBound: (domain: string) => new ApiError(400, 'APIG.3206', `The domain is already bound to an API group: ${domain}`),
  groupHasApis: (n: number) =>
    new ApiError(400, 'APIG.3410', `The API group contains ${n} API(s); delete or move them before deleting the group.`),
  envHasApis: (n: number) =>
    new ApiError(400, 'APIG.3411', `${n} API(s) are published in this environment; take them offline before deleting it.`),
  releaseEnv: () => new ApiError(400, 'APIG.3412', 'The RELEASE environment is built in and cannot be changed or deleted.'),
  notPublished: (api: string, env: string) =>
    new ApiError(400, 'APIG.3413', `The API ${api} has not been published in the environment ${env}.`),
  otherApiVersion: (version: string) => new ApiError(400, 'APIG.3414', `The version ${version} does not belong to this API.`),
  quotaAppNotFound: (id: string) => new ApiError(404, 'APIG.3002', `App ${id} does not exist`),
  quotaNotFound: (id: string) => new ApiError(404, 'APIG.3090', `The app quota does not exist,id:${id}`),
  noBoundQuota: (app: string) => new ApiError(404, 'APIG.3091', `No app quota is bound to the app ${app}`),
  quotaAppNotBound: (app: string) => new ApiError(404, 'APIG.3092', `The app ${app} is not bound to this app quota`),
  throttleNotFound: (id: string) => new ApiError(404, 'APIG.3005', `The request throttling policy does not exist,id:${id}`),
  specialNotFound: (id: string) => new ApiError(404, 'APIG.3093', `The excluded request throttling configuration does not exist,id:${id}`),
  throttleBindingNotFound: (id: string) => new ApiError(404, 'APIG.3094', `The request throttling policy binding does not exist,id:${id}`),
  publishNotFound: (id: string) => new ApiError(404, 'APIG.3095', `The API publication record does not exist,id:${id}`),
  pluginNotFound: (id: string) => new ApiError(404, 'APIG.3068', `Plugin ${id} does not exist`),
  quotaNameExists: () => new ApiError(400, 'APIG.3325', 'The API quota name already exists'),
  appHasQuota: (app: string, quota: string) =>
    new ApiError(400, 'APIG.3326', `The app ${app} is already bound to the app quota ${quota}; unbind it first.`),
  throttleNameExists: (name: string) => new ApiError(400, 'APIG.3210', `The request throttling policy name already exists,name:${name}`),
  specialExists: (type: string, id: string) => new ApiError(400, 'APIG.3211', `A special throttle for ${type} ${id} already exists in this policy`),
  pluginNameExists: (name: string) => new ApiError(400, 'APIG.3212', `The plugin name already exists,name:${name}`),
  quotaBound: (n: number) => new ApiError(400, 'APIG.3420', `The app quota is bound to ${n} app(s); unbind them before deleting it.`),
  pluginAttached: (n: number) => new ApiError(400, 'APIG.3421', `The plugin is attached to ${n} API(s); detach them before deleting it.`),
  pluginTypeAttached: (type: string, api: string, env: string) =>
    new ApiError(400, 'APIG.3422', `A ${type} plugin is already attached to the API ${api} in the environment ${env}; detach it first.`),
  apiHasThrottle: (api: string, env: string) =>
    new ApiError(400, 'APIG.3423', `The API ${api} is already bound to a request throttling policy in the environment ${env}; unbind it first.`),
  pluginTypeLocked: () => new ApiError(400, 'APIG.3424', 'The plugin type cannot change while the plugin is attached to APIs.'),
  consumerAppNotFound: (id: string) => new ApiError(404, 'APIG.3004', `App ${id} does not exist`),
  appCodeNotFound: (id: string) => new ApiError(404, 'APIG.3015', `The AppCode does not exist,id:${id}`),
  appConfigNotFound: (id: string) => new ApiError(404, 'APIG.3016', `The app config does not exist,id:${id}`),
  appAuthNotFound: (id: string) => new ApiError(404, 'APIG.3017', `The app authorization does not exist,id:${id}`),
  appCodeExists: () => new ApiError(400, 'APIG.3207', 'The AppCode already exists.'),
  appConfigExists: (name: string) => new ApiError(400, 'APIG.3208', `The app config already exists,config_name:${name}`),
  appAuthExists: (app: string, api: string, env: string) =>
    new ApiError(400, 'APIG.3209', `The app ${app} has already been authorized to the API ${api} in the environment ${env}.`),
  notAppAuthApi: (api: string) => new ApiError(400, 'APIG.3415', `The API ${api} does not use app authentication (auth_type APP); only such APIs can be authorized to apps.`),
  appCodeLimit: (max: number) => new ApiError(400, 'APIG.3416', `An app can have at most ${max} AppCodes.`),
  invalid: (msg: string) => new ApiError(400, 'APIG.2011', `Invalid parameter value,${msg}`),
};
