// Step 2: columns. Each source column is mapped to the target column of the same name
// automatically; the operator changes any of them (or leaves one out) and can go back to the
// automatic mapping.
import { Button, Flex, Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../../contract/fdi';
import { Callout, Muted, Tag } from '../../../components/ui';
import { duplicateTargets, mapByName, type ColumnPair } from '../logic/mapping';
import type { StepProps } from './BasicsStep';

export function ColumnsStep({ state: s, set, errors, source, target, pairs }: StepProps & { source: ColumnInfo[]; target: ColumnInfo[]; pairs: ColumnPair[] }) {
  const { t } = useTranslation('fdi');
  const auto = mapByName(source.map((c) => c.field_name), target.map((c) => c.field_name));
  const typeOf = (cols: ColumnInfo[], name: string) => {
    const c = cols.find((x) => x.field_name === name);
    const type = c?.field_type ?? '';
    return c ? `${type}${c.field_length && !type.includes('(') ? `(${c.field_length})` : ''}` : '';
  };
  const dup = duplicateTargets(pairs);
  const targetOptions = [{ value: '', label: t('wizard.notMapped') }, ...target.map((c) => ({ value: c.field_name, label: c.field_name }))];
  const columns: TableColumnsType<ColumnPair> = [
    { title: t('wizard.sourceColumn'), dataIndex: 'source', key: 'source' },
    { title: t('wizard.sourceType'), key: 'stype', render: (_, p) => <Muted>{typeOf(source, p.source)}</Muted> },
    {
      title: t('wizard.targetColumn'),
      key: 'target',
      render: (_, p) => (
        <Flex gap={8} align="center">
          <Select
            style={{ minWidth: 200 }}
            data-testid={`map-${p.source}`}
            value={p.target}
            status={dup.includes(p.target) ? 'error' : undefined}
            options={targetOptions}
            onChange={(v: string) => {
              const edits = { ...s.edits };
              if (auto.find((a) => a.source === p.source)?.target === v) delete edits[p.source];
              else edits[p.source] = v;
              set({ edits });
            }}
          />
          {p.source in s.edits ? <Tag tone="gold">{t('wizard.edited')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('wizard.targetType'), key: 'ttype', render: (_, p) => <Muted>{p.target ? typeOf(target, p.target) : ''}</Muted> },
  ];
  const mapped = pairs.filter((p) => p.target).length;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Muted testId="auto-mapped">{t('wizard.autoMapped', { mapped, total: pairs.length })}</Muted>
        <Button data-testid="auto-map" onClick={() => set({ edits: {} })}>
          {t('wizard.autoMap')}
        </Button>
      </Flex>
      {errors.mapping ? (
        <Callout tone="error" title={errors.mapping === 'wizard.duplicateTargets' ? t('wizard.duplicateTargets', { columns: dup.join(', ') }) : t('wizard.nothingMapped')} testId="mapping-error" />
      ) : null}
      <Table<ColumnPair> rowKey="source" size="small" data-testid="mapping-table" columns={columns} dataSource={pairs} pagination={false} scroll={{ x: 700, y: 420 }} />
    </Flex>
  );
}
