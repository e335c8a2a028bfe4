// The APIC side of an integration app (lazy: loaded when its tab opens, so the apps page stays small).
import { Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppAuthsSection } from './AppAuthsSection';
import { AppCodesSection } from './AppCodesSection';
import { AppQuotaSection } from './AppQuotaSection';

export default function AppApicTab({ iid, appId, canModify }: { iid: string; appId: string; canModify: boolean }) {
  const { t } = useTranslation('apic');
  return (
    <div data-testid="app-apic">
      <Divider titlePlacement="start">{t('appApic.authsTitle')}</Divider>
      <AppAuthsSection iid={iid} appId={appId} canModify={canModify} />
      <Divider titlePlacement="start">{t('appApic.codesTitle')}</Divider>
      <AppCodesSection iid={iid} appId={appId} canModify={canModify} />
      <Divider titlePlacement="start">{t('appApic.quotaTitle')}</Divider>
      <AppQuotaSection iid={iid} appId={appId} />
    </div>
  );
}
