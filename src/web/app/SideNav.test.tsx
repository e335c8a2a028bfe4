// @vitest-environment jsdom
// Instance items without an instance: still in the menu, focusable, aria-disabled, with the reason.
import { cleanup, render, screen, fireEvent } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en-US.json';
import shellEn from '../locales/shell.en-US.json';
import audit from '../locales/features/audit.en-US.json';
import { NAV_ITEMS } from './nav';
import { SideNav } from './SideNav';

beforeAll(async () => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} })) as unknown as typeof window.matchMedia;
  await i18next.use(initReactI18next).init({ lng: 'en-US', resources: { 'en-US': { translation: { ...en, ...shellEn }, audit } }, interpolation: { escapeValue: false } });
});
afterEach(cleanup);

const renderNav = (instanceId?: string) =>
  render(<MemoryRouter><SideNav instanceId={instanceId} selectedKey="" collapsed={false} /></MemoryRouter>);

describe('SideNav', () => {
  it('without an instance: instance items are aria-disabled, focusable and say why', async () => {
    renderNav();
    for (const item of NAV_ITEMS.filter((i) => i.scope === 'instance')) {
      const el = screen.getByTestId(`nav-${item.key}`);
      expect(el.getAttribute('aria-disabled')).toBe('true');
      expect(el.getAttribute('href')).toBeNull();
      const reason = () => document.getElementById(el.getAttribute('aria-describedby') as string)?.textContent;
      expect(reason()).toBe('Choose an instance first.');
      el.focus();
      expect(document.activeElement).toBe(el);
    }
    // a click shows the reason with the way out (the instance list)
    fireEvent.click(screen.getByTestId('nav-apps'));
    const ways = await screen.findAllByRole('link', { name: 'Open the instance list' });
    expect(ways.length).toBeGreaterThan(0);
    for (const w of ways) expect(w.getAttribute('href')).toBe('/instances');
    // global items stay plain links
    expect(screen.getByTestId('nav-instances').getAttribute('href')).toBe('/instances');
    expect(screen.getByTestId('nav-audit').getAttribute('href')).toBe('/audit');
  });

  it('with an instance: every instance item links into it', () => {
    renderNav('inst 1');
    expect(screen.getByTestId('nav-apps').getAttribute('href')).toBe('/i/inst%201/apps');
    expect(screen.getByTestId('nav-overview').getAttribute('aria-disabled')).toBeNull();
  });
});
