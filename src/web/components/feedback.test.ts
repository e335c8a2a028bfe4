// @vitest-environment jsdom
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

beforeAll(async () => {
  await i18next.init({ lng: 'en-US', resources: { 'en-US': { translation: { app: { chunkError: 'Reload to continue.' } } } } });
});

afterEach(() => {
  vi.resetModules();
  vi.doUnmock('./feedbackImpl');
  vi.restoreAllMocks();
});

describe('feedback when its chunk cannot be loaded', () => {
  it('says so instead of doing nothing, and retries on the next use', async () => {
    let attempts = 0;
    const confirmImpl = vi.fn();
    vi.doMock('./feedbackImpl', () => {
      attempts += 1;
      if (attempts === 1) throw new Error('Failed to fetch dynamically imported module: /assets/feedbackImpl-abc.js');
      return { confirm: confirmImpl, errorDialog: vi.fn(), success: vi.fn(), notifyError: vi.fn() };
    });
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { feedback } = await import('./feedback');
    const onOk = vi.fn();

    feedback.confirm({ title: 'Delete app “x”?', okText: 'Delete', cancelText: 'Cancel', onOk });
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    expect(ask.mock.calls[0]![0]).toContain('Delete app “x”?');
    expect(ask.mock.calls[0]![0]).toContain('Reload to continue.');
    expect(onOk).not.toHaveBeenCalled();

    // the failure is not cached: the next use loads the chunk again and shows the real dialog
    feedback.confirm({ title: 'Delete app “x”?', okText: 'Delete', cancelText: 'Cancel', onOk });
    await vi.waitFor(() => expect(confirmImpl).toHaveBeenCalledTimes(1));
    expect(attempts).toBe(2);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
