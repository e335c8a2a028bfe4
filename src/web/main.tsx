// Bootstrap: react, router, query client, i18n. Nothing from antd here — see app/routes.tsx.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './app/queryClient';
import { AppRoutes } from './app/routes';
import { initI18n } from './app/i18n';
import { AppErrorBoundary } from './app/AppErrorBoundary';

const queryClient = createQueryClient();

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppErrorBoundary>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AppErrorBoundary>
    </StrictMode>,
  );
});
