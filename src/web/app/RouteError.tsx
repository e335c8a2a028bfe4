// The error view of a route: a page that throws (or a chunk that fails to load) shows this in
// place of the page, inside the shell. Kept light (Alert, no Result illustrations).
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorDetails } from '../components/ErrorDetails';
import { apiErrorText } from '../components/apiErrorText';

export function isChunkError(e: unknown): boolean {
  return (
    e instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically|Failed to fetch/i.test(e.message)
  );
}

export default function RouteError({ error, root }: { error: unknown; root?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chunk = isChunkError(error);
  const { error: apiErr, text } = apiErrorText(error, t);
  return (
    <div data-testid="route-error" style={{ maxWidth: 720, margin: root ? '15vh auto' : '48px auto', padding: 16 }}>
      <Alert
        type="error"
        showIcon
        title={t('app.routeErrorTitle')}
        description={chunk ? t('app.chunkError') : <ErrorDetails error={apiErr} text={text} />}
        action={
          <Space orientation="vertical">
            <Button type="primary" size="small" data-testid="route-error-reload" onClick={() => window.location.reload()}>
              {t('app.reload')}
            </Button>
            <Button size="small" onClick={() => void navigate('/')}>
              {t('app.backHome')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
