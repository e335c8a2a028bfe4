// Login. Deliberately light (no antd Form/Typography/Alert): its chunks count towards what an
// operator downloads before reaching the first real page.
import { Button } from 'antd';
// Input and Password from their own modules: antd's `Input` also carries TextArea, Search and OTP.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import LockOutlined from '@ant-design/icons/es/icons/LockOutlined';
import UserOutlined from '@ant-design/icons/es/icons/UserOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { bffTargetQuery } from '../../api/bffInfo';
import { login, sessionQuery, type LoginInput } from '../../api/session';
import { toApiError } from '../../api/errors';
import { Callout, Muted } from '../../components/uiLight';
import { Panel } from '../../components/Panel';
import { useToken } from '../../components/themeToken';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { loginErrorText } from './loginError';
import { safeRedirect } from './redirect';
import { TargetLine } from './TargetLine';

// Only shown after a failed login: its copy button (antd Tooltip) is not part of the first visit.
const ErrorDetails = lazy(() => import('../../components/ErrorDetails').then((m) => ({ default: m.ErrorDetails })));

const DEFAULTS: LoginInput = { domain: 'roma-local', username: '', password: '', project: 'cn-north-4' };
type Field = keyof LoginInput;

function FieldRow({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  const { token } = useToken();
  return (
    <div style={{ marginBottom: 18 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 6 }}>
        {label}
      </label>
      {children}
      {error ? (
        <div id={`${id}-error`} role="alert" style={{ color: token.colorError, fontSize: token.fontSizeSM, marginTop: 4 }}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = safeRedirect(params.get('redirect'));
  const reason = params.get('reason');
  const session = useQuery({ ...sessionQuery, staleTime: 0 });
  const [values, setValues] = useState<LoginInput>(DEFAULTS);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const info = useQuery(bffTargetQuery);
  const region = info.data?.region;
  // against the cloud the project is usually the region's: prefill it until the operator types one
  useEffect(() => {
    if (region) setValues((v) => (v.project === DEFAULTS.project ? { ...v, project: region } : v));
  }, [region]);

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

  const labels: Record<Field, string> = {
    domain: t('auth.domain'),
    username: t('auth.username'),
    password: t('auth.password'),
    project: t('auth.project'),
  };
  const set = (f: Field) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [f]: e.target.value }));
    if (errors[f]) setErrors((x) => ({ ...x, [f]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v: LoginInput = { ...values, domain: values.domain.trim(), username: values.username.trim(), project: values.project.trim() };
    const missing: Partial<Record<Field, string>> = {};
    for (const f of ['domain', 'username', 'password', 'project'] as const) {
      if (v[f] === '') missing[f] = t('auth.required', { field: labels[f] });
    }
    setErrors(missing);
    if (Object.keys(missing).length === 0) mutation.mutate(v);
  };

  const err = mutation.error ? toApiError(mutation.error) : undefined;
  const errText = err ? loginErrorText(err, t) : undefined;
  const busy = mutation.isPending;
  const input = (f: Field, extra: Record<string, unknown> = {}) => ({
    id: `login-${f}`,
    'data-testid': `login-${f}`,
    value: values[f],
    onChange: set(f),
    disabled: busy,
    status: errors[f] ? ('error' as const) : undefined,
    'aria-invalid': errors[f] ? true : undefined,
    'aria-describedby': errors[f] ? `login-${f}-error` : undefined,
    ...extra,
  });

  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <Panel style={{ width: 420, maxWidth: '100%', padding: 32 }} testId="login-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <LanguageSwitch testId="login-lang-switch" size="small" />
        </div>
        <h1 style={{ fontSize: 24, fontWeight: 600, margin: '8px 0' }}>{t('auth.title')}</h1>
        <p style={{ marginTop: 0 }}>
          <Muted>{t('auth.subtitle')}</Muted>
        </p>
        {info.data ? <TargetLine target={info.data} /> : null}
        {reason === 'expired' && !err ? (
          <div style={{ marginBottom: 16 }}>
            <Callout tone="warning" title={t('auth.expired')} testId="login-expired" />
          </div>
        ) : null}
        {reason === 'loggedout' && !err ? (
          <div style={{ marginBottom: 16 }}>
            <Callout tone="info" title={t('auth.loggedOut')} testId="login-logged-out" />
          </div>
        ) : null}
        {err && errText ? (
          <div style={{ marginBottom: 16 }}>
            <Callout tone="error" title={t('auth.failed')} testId="login-error">
              <Suspense fallback={<div data-testid="error-message">{errText}</div>}>
                <ErrorDetails error={err} text={errText} />
              </Suspense>
            </Callout>
          </div>
        ) : null}
        <form onSubmit={submit} noValidate data-testid="login-form">
          <FieldRow id="login-domain" label={labels.domain} error={errors.domain}>
            <Input {...input('domain', { autoComplete: 'organization' })} />
          </FieldRow>
          <FieldRow id="login-username" label={labels.username} error={errors.username}>
            <Input {...input('username', { prefix: <UserOutlined />, autoComplete: 'username', autoFocus: true })} />
          </FieldRow>
          <FieldRow id="login-password" label={labels.password} error={errors.password}>
            <Password {...input('password', { prefix: <LockOutlined />, autoComplete: 'current-password' })} />
          </FieldRow>
          <FieldRow id="login-project" label={labels.project} error={errors.project}>
            <Input {...input('project')} />
          </FieldRow>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </form>
      </Panel>
    </div>
  );
}
