/**
 * List-page kit: URL state → query → table with server paging, row actions, selection with a
 * bulk bar and per-item results, confirm dialogs that name the target, errors with code and
 * request id, empty states. A page declares its schema, columns, actions and form:
 *
 *   const schema = z.object({ ...pagedSearchFields(NAME_MAX), status: z.enum(['all', 'on', 'off']).catch('all') });
 *
 *   export default function ThingsPage() {
 *     const { t } = useTranslation('link');
 *     const { instanceId: iid = '' } = useParams();
 *     const list = useList(schema, (s) => thingListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined }));
 *     const sel = useSelection<Thing>(thingKey, iid);
 *     const confirm = useConfirm();
 *     const del = useDeleteThing(iid); const bulk = useBulkDeleteThings(iid); // api/mutations.ts
 *     const columns: TableColumnsType<Thing> = [
 *       { title: t('common.name'), dataIndex: 'name' },
 *       actionsColumn(t('common.actions'), (x) => [
 *         { key: 'del', label: t('common.delete'), danger: true, blockedReason: x.system ? t('things.systemNoDelete') : undefined,
 *           onClick: () => confirm.one({ title: t('things.deleteTitle', { name: x.name }), run: () => del.mutateAsync(x), onDone: () => sel.remove(x.id) }) },
 *       ]),
 *     ];
 *     return (
 *       <ListPage id="things" title={t('things.title')} primary={create} query={list.query}
 *         filters={<NameSearch value={list.search.name} onSearch={(name) => list.setFilters({ name })} placeholder={…} maxLength={NAME_MAX} testId="things-search" />}>
 *         <ListTable list={list} id="things" columns={columns} selection={sel} empty={{ title: …, hint: …, action: create }} emptyFiltered={{ title: … }} />
 *         <BulkBar selection={sel} testId="things-bulk-bar"><Button danger onClick={() => confirm.bulk({ selection: sel, execute: bulk.mutateAsync, … })}>…</Button></BulkBar>
 *       </ListPage>
 *     );
 *   }
 *
 * Polling while something runs: `useQuery({ ...thingListQuery(iid, p), ...visiblePoll(5000, (d) => d?.items.some(isRunning) ?? false) })`.
 * See features/apps/AppsPage.tsx for a complete page (drawer in the URL, lazy form, bulk delete).
 */
export { useList, useListState, type List, type ListState } from './useList';
export { useSelection, type Selection } from './useSelection';
export { ListTable, type ListTableProps, type EmptyText } from './ListTable';
export { ListPage } from './ListPage';
export { BulkBar } from './BulkBar';
export { BulkReport } from './BulkReport';
export { RowActions, actionsColumn, type RowAction } from './RowActions';
export { useConfirm, quoteNames, type ConfirmOneOptions, type ConfirmBulkOptions } from './confirm';
export { visiblePoll } from './visiblePoll';
export { runBulk, failedItems, BULK_CONCURRENCY, type BulkResult } from '../../api/bulk';
export { pagedSearchFields, PAGE_SIZES } from '../searchState';
export { NameSearch } from '../FilterBar';
export { NameCell } from './NameCell';
export { useMountedOnce } from './useMountedOnce';
