// The APIC stores, built once per server and shared by the routes and the gateway.
import type { Ctx } from '../context';
import { ApiStore } from './store/apis';
import { EnvStore } from './store/envs';
import { GroupStore } from './store/groups';
import { PublishStore } from './store/publish';
import { ApicState } from './store/state';

export interface ApicStores {
  state: ApicState; groups: GroupStore; envs: EnvStore; apis: ApiStore; publish: PublishStore;
}

export function apicStores(ctx: Ctx): ApicStores {
  const state = new ApicState();
  const groups = new GroupStore(ctx.db, ctx.now, state);
  const envs = new EnvStore(ctx.db, ctx.now, state);
  const apis = new ApiStore(ctx.db, ctx.now, state, groups);
  const publish = new PublishStore(ctx.db, ctx.now, state, apis, envs, groups);
  return { state, groups, envs, apis, publish };
}
