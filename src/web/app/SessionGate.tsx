// Decides, before the shell chunk is fetched, whether there is a session: a first visit
// without one goes straight to the login page and never downloads the shell (no antd here).
import { lazy } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { sessionQuery } from '../api/session';
import { BootSplash } from './BootSplash';
import { currentLanguage, loadShellTexts } from './i18n';
import { loadDateLocale } from './uiLocale';

// pages inside the shell show dates and use the shell texts: dayjs with its locale and those
// texts load alongside the shell chunk
const Shell = lazy(() =>
  Promise.all([import('./Shell'), loadDateLocale(currentLanguage()), loadShellTexts()]).then(([m]) => m),
);

export default function SessionGate() {
  const location = useLocation();
  const session = useQuery(sessionQuery);
  if (session.isPending) return <BootSplash />;
  if (session.isSuccess && !session.data.authenticated) {
    const redirect = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?redirect=${redirect}`} replace />;
  }
  return <Shell />; // the shell shows a session error with a retry
}
