// Dictionaries: top-level list (paged, state in the URL); each row expands to its entries,
// loaded on expand by parent_code. System dictionaries cannot be deleted (the Delete button stays
// focusable and says why); a server refusal is still shown if it happens.
import { Button, Space, Table } from 'antd';
import { Code, CopyButton, Muted, Strong, Tag } from '../../components/ui';
import type { TableColumnsType } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { dictionaryListQuery, type Dictionary } from '../../api/dictionaries';
import { EmptyState } from '../../components/EmptyState';
import { QueryView } from '../../components/QueryView';
import { Time } from '../../components/Time';
import { actionsColumn, ListPage, ListTable, NameSearch, useConfirm, useList } from '../../components/list';
import { dictSearchSchema } from './search';
import { useDeleteDictionary } from './hooks';
import { DictFormModal, type DictFormTarget } from './DictFormModal';

const CHILD_PAGE = 50;
const MAX_DEPTH = 2; // dictionaries are a two-level tree (dictionaries.md)

interface Actions {
  addChild: (parent: Dictionary) => void;
  edit: (d: Dictionary) => void;
  remove: (d: Dictionary) => void;
}

function useColumns(actions: Actions, depth: number): TableColumnsType<Dictionary> {
  const { t } = useTranslation();
  return [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (_, d) => (
        <Space size={4}>
          {depth === 0 ? <Strong testId="dict-name">{d.name}</Strong> : <span data-testid="dict-name">{d.name}</span>}
          {d.system ? (
            <Tag tone="geekblue" testId="dict-system-tag">
              {t('dict.system')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('dict.code'),
      dataIndex: 'code',
      render: (v: string) => (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
          <Code testId="dict-code" style={{ whiteSpace: 'nowrap', wordBreak: 'normal' }}>
            {v}
          </Code>
          <CopyButton text={v} label={t('dict.code')} />
        </span>
      ),
    },
    {
      title: t('common.remark'),
      dataIndex: 'remark',
      ellipsis: true,
      render: (v: string) => v || <Muted>{t('common.none')}</Muted>,
    },
    {
      title: `${t('dict.extendOne')} / ${t('dict.extendTwo')}`,
      key: 'ext',
      responsive: ['xl'],
      render: (_, d) => [d.extendOne, d.extendTwo].filter(Boolean).join(' / ') || t('common.none'),
    },
    { title: t('common.updated'), dataIndex: 'updatedAt', width: 170, render: (v: number | undefined) => <Time value={v} mode="relative" /> },
    actionsColumn(
      t('common.actions'),
      (d) => [
        { key: 'add', label: t('dict.addChild'), hidden: depth >= MAX_DEPTH - 1, onClick: () => actions.addChild(d), testId: 'dict-action-add-child' },
        { key: 'edit', label: t('common.edit'), onClick: () => actions.edit(d), testId: 'dict-action-edit' },
        {
          key: 'delete',
          label: t('common.delete'),
          danger: true,
          blockedReason: d.system ? t('dict.systemNoDelete') : undefined,
          onClick: () => actions.remove(d),
          testId: 'dict-action-delete',
        },
      ],
      240,
    ),
  ];
}

/** The entries of one dictionary, loaded when its row is expanded. */
function Children({ iid, parent, actions, depth }: { iid: string; parent: Dictionary; actions: Actions; depth: number }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const q = useQuery(dictionaryListQuery(iid, { offset, limit: CHILD_PAGE, parent_code: parent.code }));
  const columns = useColumns(actions, depth);
  return (
    <QueryView query={q} rows={2}>
      {(data) => (
        <div data-testid="dict-children" data-parent-code={parent.code} style={{ padding: '4px 0' }}>
          <Table<Dictionary>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.items}
            loading={q.isFetching && q.isPlaceholderData}
            title={() => <Muted>{t('dict.children', { name: parent.name })}</Muted>}
            expandable={
              depth < MAX_DEPTH - 1
                ? { expandedRowRender: (d) => <Children iid={iid} parent={d} actions={actions} depth={depth + 1} /> }
                : undefined
            }
            pagination={
              data.total > CHILD_PAGE
                ? { current: offset / CHILD_PAGE + 1, pageSize: CHILD_PAGE, total: data.total, onChange: (p) => setOffset((p - 1) * CHILD_PAGE), size: 'small' }
                : false
            }
            locale={{
              emptyText: (
                <EmptyState
                  title={t('dict.noChildren', { name: parent.name })}
                  action={
                    <Button size="small" icon={<PlusOutlined />} onClick={() => actions.addChild(parent)} data-testid="dict-empty-add-child">
                      {t('dict.addChild')}
                    </Button>
                  }
                />
              ),
            }}
          />
        </div>
      )}
    </QueryView>
  );
}

export default function DictionariesPage() {
  const { t } = useTranslation();
  const { instanceId: iid = '' } = useParams();
  const list = useList(dictSearchSchema, (s) => dictionaryListQuery(iid, { offset: s.offset, limit: s.limit, name: s.name || undefined }));
  const confirm = useConfirm();
  const [target, setTarget] = useState<DictFormTarget>();
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const del = useDeleteDictionary(iid);

  useEffect(() => setExpanded([]), [iid]);

  const actions: Actions = {
    addChild: (parent) => {
      setTarget({ mode: 'create', parent });
      // show where the new entry will appear
      if (!parent.parentCode) setExpanded((keys) => (keys.includes(parent.id) ? keys : [...keys, parent.id]));
    },
    edit: (dict) => setTarget({ mode: 'edit', dict }),
    remove: (d) =>
      confirm.one({
        title: t('dict.deleteTitle', { name: d.name, code: d.code }),
        body: t('dict.deleteBody'),
        run: () => del.mutateAsync(d),
        success: t('dict.deleted', { name: d.name }),
      }),
  };
  const columns = useColumns(actions, 0);

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="dict-create">
      {t('dict.create')}
    </Button>
  );

  return (
    <>
      <ListPage
        id="dict"
        title={t('dict.title')}
        subtitle={t('dict.subtitle')}
        primary={createButton}
        query={list.query}
        filters={
          <NameSearch
            value={list.search.name}
            onSearch={(name) => list.setFilters({ name })}
            placeholder={t('dict.searchPlaceholder')}
            maxLength={64}
            testId="dict-search"
          />
        }
      >
        <ListTable
          id="dict"
          list={list}
          columns={columns}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: setExpanded,
            expandedRowRender: (d) => <Children iid={iid} parent={d} actions={actions} depth={1} />,
          }}
          empty={{ title: t('dict.emptyTitle'), hint: t('dict.emptyHint'), action: createButton }}
          emptyFiltered={{ title: t('dict.emptyFilteredTitle') }}
        />
      </ListPage>
      <DictFormModal iid={iid} target={target} onClose={() => setTarget(undefined)} />
    </>
  );
}
