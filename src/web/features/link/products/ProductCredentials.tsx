// Product-level credentials (one secret for every device of the product): view, reveal, copy, reset.
import { Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { productAuthQuery, type Product } from '../../../api/link';
import { CopyableId } from '../../../components/CopyableId';
import { QueryView } from '../../../components/QueryView';
import { Muted } from '../../../components/ui';
import { Secret } from '../shared/Secret';
import { Section } from '../shared/Section';
import { useResetProductAuth } from '../shared/hooks';
import { ResetSecretButton } from '../shared/ResetSecretButton';

export function ProductCredentials({ iid, product, canModify }: { iid: string; product: Product; canModify: boolean }) {
  const { t } = useTranslation('link');
  const q = useQuery(productAuthQuery(iid, product.id));
  const reset = useResetProductAuth(iid, product.id);
  return (
    <Section
      title={t('products.credentials')}
      testId="product-credentials"
      extra={
        <ResetSecretButton
          title={t('products.resetAuthTitle', { name: product.name })}
          body={t('products.resetAuthBody')}
          done={t('products.authReset', { name: product.name })}
          reset={() => reset.mutateAsync({})}
          disabled={!canModify}
          testId="product-reset-auth"
        />
      }
    >
      <Muted>{t('products.credentialsHint')}</Muted>
      <QueryView query={q} rows={2}>
        {(c) => (
          <Descriptions column={1} size="small" bordered style={{ marginTop: 8 }}>
            <Descriptions.Item label={t('fields.userName')}>
              <CopyableId id={c.userName} label={t('fields.userName')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.password')}>
              <Secret value={c.password} label={t('fields.password')} testId="product-auth-password" />
            </Descriptions.Item>
          </Descriptions>
        )}
      </QueryView>
    </Section>
  );
}
