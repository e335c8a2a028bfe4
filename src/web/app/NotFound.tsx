import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundResult() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      data-testid="not-found"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundBody')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

export default NotFoundResult;
