// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ActionButton, CopyButton } from './ui';

beforeAll(async () => {
  // jsdom lacks ResizeObserver (the tooltip, opened on focus, measures itself)
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  await i18next.use(initReactI18next).init({
    lng: 'en-US',
    resources: { 'en-US': { translation: { common: { copy: 'Copy', copied: 'Copied', copyLabel: 'Copy {{label}}' } } } },
    interpolation: { escapeValue: false },
  });
});
afterEach(cleanup);

describe('ActionButton', () => {
  it('blocked: stays focusable, says why, ignores clicks', () => {
    const onClick = vi.fn();
    render(
      <ActionButton blockedReason="System dictionaries cannot be deleted." onClick={onClick} data-testid="del">
        Delete
      </ActionButton>,
    );
    const button = screen.getByTestId('del');
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(button.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(reason?.textContent).toBe('System dictionaries cannot be deleted.');
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('allowed: a plain button', () => {
    const onClick = vi.fn();
    render(
      <ActionButton onClick={onClick} data-testid="del">
        Delete
      </ActionButton>,
    );
    const button = screen.getByTestId('del');
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe('CopyButton', () => {
  it('is named after what it copies', () => {
    render(<CopyButton text="abc" label="Request ID" testId="copy" />);
    expect(screen.getByTestId('copy').getAttribute('aria-label')).toBe('Copy Request ID');
  });
  it('without a label: "Copy"', () => {
    render(<CopyButton text="abc" testId="copy" />);
    expect(screen.getByTestId('copy').getAttribute('aria-label')).toBe('Copy');
  });
});
