// Side-by-side diff of two published versions (older left): changed, added and removed lines
// of the flattened definitions, unchanged lines folded away unless asked for.
import { Modal, Switch } from 'antd';
import { useToken } from '../../components/themeToken';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionDetailQuery, type ApiVersion } from '../../api/apic';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/TableSkeleton';
import { MONO } from '../../components/ui';
import { diffVersions, type DiffRow } from './diff';

export function VersionDiff({ iid, left, right, onClose }: { iid: string; left: ApiVersion; right: ApiVersion; onClose: () => void }) {
  const { t } = useTranslation('apic');
  const { token } = useToken();
  const a = useQuery(versionDetailQuery(iid, left.version_id));
  const b = useQuery(versionDetailQuery(iid, right.version_id));
  const [all, setAll] = useState(false);
  const rows = useMemo(() => (a.data && b.data ? diffVersions(a.data, b.data) : []), [a.data, b.data]);
  const shown = all ? rows : rows.filter((r) => r.kind !== 'same');
  const bg = (r: DiffRow, side: 'l' | 'r') =>
    r.kind === 'same' ? undefined : r.kind === 'changed' ? token.colorWarningBg : side === 'l' && r.kind === 'removed' ? token.colorErrorBg : side === 'r' && r.kind === 'added' ? token.colorSuccessBg : undefined;
  const cell = (text: string | undefined, r: DiffRow, side: 'l' | 'r') => (
    <td style={{ background: bg(r, side), padding: '2px 8px', fontFamily: MONO, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', verticalAlign: 'top', width: '50%' }}>{text ?? ''}</td>
  );
  const err = a.error ?? b.error;

  return (
    <Modal open width={1000} footer={null} onCancel={onClose} title={t('versions.diffTitle', { left: left.version_no ?? '', right: right.version_no ?? '' })}>
      <div style={{ marginBottom: 8 }}><Switch size="small" checked={all} onChange={setAll} /> {t('versions.showSame')}</div>
      {err ? <ErrorAlert error={err} /> : !a.data || !b.data ? <TableSkeleton /> : (
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }} data-testid="version-diff">
          <thead><tr><th style={{ textAlign: 'start' }}>{`${left.version_no} (${left.env_name})`}</th><th style={{ textAlign: 'start' }}>{`${right.version_no} (${right.env_name})`}</th></tr></thead>
          <tbody>
            {shown.length === 0 ? <tr><td colSpan={2}>{t('versions.noDiff')}</td></tr> : shown.map((r, i) => (
              <tr key={i} data-kind={r.kind} data-testid="diff-row">{cell(r.left, r, 'l')}{cell(r.right, r, 'r')}</tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
