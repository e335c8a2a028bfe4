// Row action links. An unavailable action stays focusable (aria-disabled) and says why.
import { Space } from 'antd';
import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { feedback } from '../feedback';
import { ActionButton } from '../ui';

export interface RowAction {
  key: string;
  label: ReactNode;
  onClick: () => void;
  /** set: shown disabled, focusable, with this reason as tooltip and accessible description */
  blockedReason?: string;
  danger?: boolean;
  /** not rendered at all (e.g. "Add entry" on a leaf) */
  hidden?: boolean;
  testId?: string;
}

export function RowActions({ actions }: { actions: readonly RowAction[] }) {
  return (
    <Space size={0} wrap>
      {actions
        .filter((a) => !a.hidden)
        .map((a) => (
          <ActionButton
            key={a.key}
            type="link"
            size="small"
            danger={a.danger}
            blockedReason={a.blockedReason}
            // a destructive action opens a confirm dialog: warm its chunk up on hover
            onMouseEnter={a.danger ? feedback.preload : undefined}
            onClick={a.onClick}
            data-testid={a.testId}
          >
            {a.label}
          </ActionButton>
        ))}
    </Space>
  );
}

/** The last column of a list: the row's actions. */
export function actionsColumn<T>(title: string, actions: (row: T) => RowAction[], width = 230): TableColumnType<T> {
  return { title, key: 'actions', width, render: (_: unknown, row: T) => <RowActions actions={actions(row)} /> };
}
