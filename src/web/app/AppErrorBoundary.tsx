// App-level error boundary: the last line of defence, plain markup so it works even when antd
// or a lazy chunk is what failed.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';

interface State {
  error?: Error;
}

export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('console crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" style={{ maxWidth: 520, margin: '15vh auto', padding: 24, fontSize: 14 }}>
        <h1 style={{ fontSize: 20 }}>{i18next.t('app.crashTitle')}</h1>
        <p>{i18next.t('app.crashBody')}</p>
        <pre style={{ whiteSpace: 'pre-wrap', opacity: 0.7 }}>{this.state.error.message}</pre>
        <button type="button" data-testid="app-reload" onClick={() => window.location.reload()}>
          {i18next.t('app.reload')}
        </button>
      </div>
    );
  }
}
