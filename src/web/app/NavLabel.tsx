// A menu or breadcrumb label from a feature namespace (e.g. fdi:nav.tasks). It does not suspend
// the shell while that namespace loads: the label appears when its texts arrive.
import { useTranslation } from 'react-i18next';

export function NavLabel({ ns, k }: { ns: 'fdi' | 'link' | 'apic' | 'audit'; k: string }) {
  const { t, ready } = useTranslation(ns, { useSuspense: false });
  return <>{ready ? (t as (key: string) => string)(k) : '\u00a0'}</>;
}
