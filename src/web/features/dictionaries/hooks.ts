// Dictionary mutations; invalidate only this instance's dictionary lists and the one detail.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDictionaryRequest, UpdateDictionaryRequest } from '../../../contract';
import { createDictionary, deleteDictionary, updateDictionary, type Dictionary } from '../../api/dictionaries';
import { dictionaryKeys } from '../../api/keys';

export function useCreateDictionary(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDictionaryRequest) => createDictionary(iid, body),
    onSuccess: (d) => {
      qc.setQueryData(dictionaryKeys.detail(iid, d.id), d);
      return qc.invalidateQueries({ queryKey: dictionaryKeys.lists(iid) });
    },
  });
}

export function useUpdateDictionary(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDictionaryRequest }) => updateDictionary(iid, id, body),
    onSuccess: (d) => {
      qc.setQueryData(dictionaryKeys.detail(iid, d.id), d);
      return qc.invalidateQueries({ queryKey: dictionaryKeys.lists(iid) });
    },
  });
}

export function useDeleteDictionary(iid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Pick<Dictionary, 'id'>) => deleteDictionary(iid, d.id),
    onSuccess: (_, d) => {
      qc.removeQueries({ queryKey: dictionaryKeys.detail(iid, d.id) });
      return qc.invalidateQueries({ queryKey: dictionaryKeys.lists(iid) });
    },
  });
}
