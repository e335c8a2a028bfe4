import { Alert, Button, Form, Input, Segmented, Typography, theme } from 'antd';
import LockOutlined from '@ant-design/icons/es/icons/LockOutlined';
import UserOutlined from '@ant-design/icons/es/icons/UserOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { login, sessionQuery, type LoginInput } from '../../api/session';
import { toApiError } from '../../api/errors';
import { ErrorDetails } from '../../components/ErrorDetails';
import { apiErrorText } from '../../components/apiErrorText';
import { changeLanguage, currentLanguage } from '../../app/i18n';
import { LANGUAGES, type Language } from '../../app/prefs';
import { safeRedirect } from './redirect';
import { Panel } from '../../components/Panel';

const DEFAULTS: LoginInput = { domain: 'roma-local', username: '', password: '', project: 'cn-north-4' };

export default function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = safeRedirect(params.get('redirect'));
  const reason = params.get('reason');
  const session = useQuery({ ...sessionQuery, staleTime: 0 });

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (s) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, s);
      void navigate(target, { replace: true });
    },
  });

  // only trust a session answer read now (the cache may predate an expiry)
  if (session.isFetchedAfterMount && session.data?.authenticated && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={target} replace />;
  }

  const err = mutation.error ? toApiError(mutation.error) : undefined;
  let errText: string | undefined;
  if (err) {
    if (err.status === 429) errText = err.retryAfter ? t('auth.tooMany', { seconds: err.retryAfter }) : t('auth.tooManyNoTime');
    else if (err.status === 401) errText = `${t('auth.badCredentials')} (${err.message})`;
    else errText = apiErrorText(err, t).text;
  }
  const required = (field: string) => [{ required: true, whitespace: true, message: t('auth.required', { field }) }];

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: token.colorBgLayout,
      }}
    >
      <Panel style={{ width: 420, maxWidth: '100%', padding: 32 }} testId="login-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <Segmented<Language>
            size="small"
            data-testid="login-lang-switch"
            aria-label={t('header.language')}
            value={currentLanguage()}
            onChange={(v) => void changeLanguage(v)}
            options={LANGUAGES.map((l) => ({ value: l, label: <span data-testid={`lang-${l}`}>{l === 'en-US' ? 'EN' : '中文'}</span> }))}
          />
        </div>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {t('auth.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {reason === 'expired' && !err ? (
          <Alert type="warning" showIcon title={t('auth.expired')} style={{ marginBottom: 16 }} data-testid="login-expired" />
        ) : null}
        {reason === 'loggedout' && !err ? (
          <Alert type="info" showIcon title={t('auth.loggedOut')} style={{ marginBottom: 16 }} data-testid="login-logged-out" />
        ) : null}
        {err && errText ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            title={t('auth.failed')}
            description={<ErrorDetails error={err} text={errText} />}
          />
        ) : null}
        <Form<LoginInput>
          layout="vertical"
          initialValues={DEFAULTS}
          onFinish={(v) => mutation.mutate({ ...v, domain: v.domain.trim(), username: v.username.trim(), project: v.project.trim() })}
          requiredMark={false}
          disabled={mutation.isPending}
          data-testid="login-form"
        >
          <Form.Item name="domain" label={t('auth.domain')} rules={required(t('auth.domain'))}>
            <Input data-testid="login-domain" autoComplete="organization" />
          </Form.Item>
          <Form.Item name="username" label={t('auth.username')} rules={required(t('auth.username'))}>
            <Input data-testid="login-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
            <Input.Password data-testid="login-password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="project" label={t('auth.project')} rules={required(t('auth.project'))}>
            <Input data-testid="login-project" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Panel>
    </div>
  );
}
