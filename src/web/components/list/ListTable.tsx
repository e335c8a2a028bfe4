// The table of a list page: skeleton on first load, error with code and request id (and retry),
// server paging from the URL, optional selection, and an empty state that says what to do next.
import { Button, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../EmptyState';
import { QueryView } from '../QueryView';
import type { List } from './useList';
import type { Selection } from './useSelection';

export interface EmptyText {
  title: string;
  hint?: string;
  /** the next step, e.g. the page's Create button */
  action?: ReactNode;
}

export interface ListTableProps<T> {
  list: Pick<List<{ offset: number; limit: number }, T>, 'query' | 'filtered' | 'clearFilters' | 'pagination'>;
  columns: TableColumnsType<T>;
  /** data-testid prefix: `<id>-table`, `<id>-clear-filters` */
  id: string;
  /** nothing at all yet */
  empty: EmptyText;
  /** nothing matches the filters (a Clear filters button is added) */
  emptyFiltered: Omit<EmptyText, 'action'>;
  rowKey?: keyof T & string;
  selection?: Selection<T>;
  /** why a row cannot be selected (its checkbox is then disabled with this title) */
  selectBlocked?: (row: T) => string | undefined;
  expandable?: TableProps<T>['expandable'];
  scrollX?: number;
}

export function ListTable<T extends object>({
  list,
  columns,
  id,
  empty,
  emptyFiltered,
  rowKey = 'id' as keyof T & string,
  selection,
  selectBlocked,
  expandable,
  scrollX = 900,
}: ListTableProps<T>) {
  const { t } = useTranslation();
  const q = list.query;
  return (
    <QueryView query={q}>
      {(data) => (
        <Table<T>
          rowKey={rowKey}
          data-testid={`${id}-table`}
          columns={columns}
          dataSource={data.items}
          loading={q.isFetching && q.isPlaceholderData}
          scroll={{ x: scrollX }}
          rowSelection={selection?.rowSelection(selectBlocked)}
          expandable={expandable}
          pagination={list.pagination(data.total)}
          locale={{
            emptyText: list.filtered ? (
              <EmptyState
                title={emptyFiltered.title}
                hint={emptyFiltered.hint}
                action={
                  <Button onClick={list.clearFilters} data-testid={`${id}-clear-filters`}>
                    {t('common.clearFilters')}
                  </Button>
                }
              />
            ) : (
              <EmptyState title={empty.title} hint={empty.hint} action={empty.action} />
            ),
          }}
        />
      )}
    </QueryView>
  );
}
