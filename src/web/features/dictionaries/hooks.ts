// Dictionary mutations; invalidate only this instance's dictionary lists and the one detail.
import type { CreateDictionaryRequest, UpdateDictionaryRequest } from '../../../contract/dictionaries';
import { createDictionary, deleteDictionary, updateDictionary, type Dictionary } from '../../api/dictionaries';
import { dictionaryKeys } from '../../api/keys';
import { useDeleteMutation, useSaveMutation } from '../../api/mutations';

export const useCreateDictionary = (iid: string) =>
  useSaveMutation(dictionaryKeys, iid, (body: CreateDictionaryRequest) => createDictionary(iid, body));

export const useUpdateDictionary = (iid: string) =>
  useSaveMutation(dictionaryKeys, iid, ({ id, body }: { id: string; body: UpdateDictionaryRequest }) => updateDictionary(iid, id, body));

export const useDeleteDictionary = (iid: string) => useDeleteMutation<Pick<Dictionary, 'id'>>(dictionaryKeys, iid, deleteDictionary);
