// Mutation hooks of a plugin's and a throttling policy's own page: attach / detach and bind /
// unbind one API per call (runBulk: every API gets its own result, nothing throws), special apps
// and users. Invalidation stays on the one item (its detail and everything under it) and its lists.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runBulk } from '../../api/bulk';
import { attachApi, detachApi, pluginKeys, type PluginApi } from '../../api/apicPlugins';
import {
  bindApi, createSpecial, createThrottle, deleteSpecial, throttleKeys, unbindApi, updateSpecial, updateThrottle,
  type SpecialCreate, type ThrottleApi, type ThrottleCreateRequest,
} from '../../api/apicThrottles';
import type { scopedKeys } from '../../api/keys';
import { useSaveMutation } from '../../api/mutations';

type Keys = ReturnType<typeof scopedKeys<string>>;
function useRefresh(keys: Keys, iid: string, id: string) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.detail(iid, id) }), qc.invalidateQueries({ queryKey: keys.lists(iid) })]);
}

export function usePluginApis(iid: string, pluginId: string, envId: string) {
  const refresh = useRefresh(pluginKeys, iid, pluginId);
  const attach = useMutation({ mutationFn: (apiIds: string[]) => runBulk(apiIds, (a) => attachApi(iid, pluginId, envId, a)), onSettled: refresh });
  const detach = useMutation({ mutationFn: (apis: PluginApi[]) => runBulk(apis, (a) => detachApi(iid, pluginId, envId, a.api_id)), onSettled: refresh });
  return { attach, detach };
}

export const useSaveThrottle = (iid: string) =>
  useSaveMutation(throttleKeys, iid, ({ id, body }: { id?: string; body: ThrottleCreateRequest }) => (id ? updateThrottle(iid, id, body) : createThrottle(iid, body)));

export function useThrottleApis(iid: string, throttleId: string) {
  const refresh = useRefresh(throttleKeys, iid, throttleId);
  const bind = useMutation({ mutationFn: (publishIds: string[]) => runBulk(publishIds, (p) => bindApi(iid, throttleId, p)), onSettled: refresh });
  const unbind = useMutation({
    mutationFn: (apis: ThrottleApi[]) => runBulk(apis, (a) => unbindApi(iid, a.throttle_apply_id ?? '')), onSettled: refresh,
  });
  return { bind, unbind };
}

export function useThrottleSpecials(iid: string, throttleId: string) {
  const refresh = useRefresh(throttleKeys, iid, throttleId);
  const create = useMutation({ mutationFn: (b: SpecialCreate) => createSpecial(iid, throttleId, b), onSettled: refresh });
  const update = useMutation({ mutationFn: ({ id, limit }: { id: string; limit: number }) => updateSpecial(iid, throttleId, id, limit), onSettled: refresh });
  const remove = useMutation({ mutationFn: (id: string) => deleteSpecial(iid, throttleId, id), onSettled: refresh });
  return { create, update, remove };
}
