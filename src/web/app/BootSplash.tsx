// Shown while the first lazy chunks load: plain markup, no antd (keeps the entry small).
export function BootSplash() {
  return (
    <div
      role="progressbar"
      aria-busy="true"
      aria-label="ROMA Console"
      style={{ display: 'flex', height: '100%', alignItems: 'center', justifyContent: 'center' }}
    >
      <div style={{ width: 160, height: 4, borderRadius: 2, background: 'rgba(22,119,255,0.25)', overflow: 'hidden' }}>
        <div style={{ width: '40%', height: '100%', background: '#1677ff' }} />
      </div>
    </div>
  );
}
