// Route-level error boundary (in the entry: no antd). It renders the antd error view lazily and
// resets when the location changes, so navigating away from a broken page recovers.
import { Component, lazy, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';

const RouteErrorView = lazy(() => import('./RouteError'));

interface State {
  error?: unknown;
}

class Boundary extends Component<{ children: ReactNode; resetKey: string; root?: boolean }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error !== undefined) this.setState({ error: undefined });
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('route error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Suspense fallback={null}>
        <RouteErrorView error={this.state.error} root={this.props.root} />
      </Suspense>
    );
  }
}

export function RouteBoundary({ children, root }: { children: ReactNode; root?: boolean }) {
  const { pathname } = useLocation();
  return (
    <Boundary resetKey={pathname} root={root}>
      {children}
    </Boundary>
  );
}
