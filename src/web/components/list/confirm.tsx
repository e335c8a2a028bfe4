// Confirm dialogs that name their target, for one item and for a selection. The dialog code
// (antd Modal) loads on first use through `feedback`; failures show code and request id.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { failedItems, type BulkResult } from '../../api/bulk';
import { useShowApiError } from '../ErrorAlert';
import { feedback } from '../feedback';
import { BulkReport } from './BulkReport';
import type { Selection } from './useSelection';

/** “a”, “b”, “c”: how a bulk confirmation names its targets. */
export const quoteNames = (names: readonly string[]): string => names.map((n) => `“${n}”`).join(', ');

export interface ConfirmOneOptions {
  /** names the target, e.g. t('apps.deleteTitle', { name }) */
  title: string;
  body?: ReactNode;
  /** default: Delete (danger) */
  okText?: string;
  danger?: boolean;
  run: () => Promise<unknown>;
  /** toast after success */
  success?: string;
  onDone?: () => void;
}

export interface ConfirmBulkOptions<T> {
  selection: Selection<T>;
  /** the name shown for an item in the dialog and in the failure report */
  nameOf: (item: T) => string;
  keyOf: (item: T) => string;
  title: (count: number) => string;
  /** gets the quoted names of all targets */
  body: (names: string) => ReactNode;
  okText?: string;
  danger?: boolean;
  execute: (items: T[]) => Promise<BulkResult<T>[]>;
  /** e.g. t('apps.bulkDeleteDone', { ok, failed }) */
  doneText: (ok: number, failed: number) => string;
  failuresTitle: string;
  /** data-testid prefix of the report: `<prefix>-report`, `<prefix>-failure` */
  reportTestId?: string;
  onDone?: (results: BulkResult<T>[]) => void;
}

export function useConfirm() {
  const { t } = useTranslation();
  const showApiError = useShowApiError();

  const one = (o: ConfirmOneOptions): void =>
    feedback.confirm({
      title: o.title,
      content: o.body,
      okText: o.okText ?? t('common.delete'),
      danger: o.danger ?? o.okText === undefined,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await o.run();
          if (o.success) feedback.success(o.success);
          o.onDone?.();
        } catch (err) {
          showApiError(err);
        }
      },
    });

  /** Confirm, run on the selection; afterwards only the failed items stay selected. */
  const bulk = <T,>(o: ConfirmBulkOptions<T>): void => {
    const items = o.selection.items;
    feedback.confirm({
      title: o.title(items.length),
      content: o.body(quoteNames(items.map(o.nameOf))),
      okText: o.okText ?? t('common.delete'),
      danger: o.danger ?? o.okText === undefined,
      cancelText: t('common.cancel'),
      onOk: async () => {
        const results = await o.execute(items);
        const failed = failedItems(results);
        o.selection.set(failed);
        o.onDone?.(results);
        if (failed.length === 0) {
          feedback.success(o.doneText(results.length, 0));
          return;
        }
        feedback.error({
          title: o.failuresTitle,
          width: 560,
          content: (
            <BulkReport
              results={results}
              summary={o.doneText(results.length - failed.length, failed.length)}
              nameOf={o.nameOf}
              keyOf={o.keyOf}
              testId={o.reportTestId}
            />
          ),
        });
      },
    });
  };

  return { one, bulk };
}
