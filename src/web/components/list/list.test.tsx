// @vitest-environment jsdom
// The list kit as a page uses it: URL state (bad values, setters), server paging, empty and
// error states, blocked row actions, confirm dialogs that name their targets, bulk results.
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { keepPreviousData, QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { Button, message, Modal, type TableColumnsType } from 'antd';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import enUS from '../../locales/en-US.json';
import { ApiError } from '../../api/errors';
import type { Page } from '../../api/factories';
import {
  actionsColumn,
  BulkBar,
  ListPage,
  ListTable,
  pagedSearchFields,
  runBulk,
  useConfirm,
  useList,
  useSelection,
  visiblePoll,
} from '.';

beforeAll(async () => {
  // a wait limit, not a timed assertion: antd in jsdom is slow on a loaded 2-core machine
  configure({ asyncUtilTimeout: 10_000 });
  window.matchMedia ??= ((query: string) =>
    ({ matches: false, media: query, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined }) as unknown as MediaQueryList);
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // toasts stay until closed: a toast's own close timer (3 s) would re-render it after the file
  // ended and jsdom was torn down ("window is not defined" from React's scheduler)
  message.config({ duration: 0 });
  await i18next.use(initReactI18next).init({ lng: 'en-US', resources: { 'en-US': { translation: enUS } }, interpolation: { escapeValue: false } });
});
afterEach(async () => {
  cleanup();
  // the dialogs live outside the rendered tree
  Modal.destroyAll();
  // let React finish the unmounts it scheduled, so none runs after jsdom is torn down
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
afterAll(async () => {
  // antd's imperative dialogs unmount on a later tick: drain it while `window` still exists
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
});
/** The open dialog that says `text` (in jsdom a closed one may linger: its close animation never ends). */
const dialogWith = (text: string) =>
  waitFor(() => {
    const d = screen.getAllByRole('dialog').find((x) => x.textContent?.includes(text) && x.querySelector('[data-testid="confirm-ok"]'));
    expect(d).toBeTruthy();
    return d!;
  });

interface Thing {
  id: string;
  name: string;
  system: boolean;
}
const schema = z.object({ ...pagedSearchFields(32), status: z.enum(['all', 'on', 'off']).catch('all'), open: z.string().catch('') });
type Search = z.infer<typeof schema>;

const things = (n: number): Thing[] => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `thing-${i}`, system: i === 0 }));

/** An in-memory server: filters by name, pages by offset/limit, remembers what it was asked. */
function server(all: Thing[], opts: { fail?: ApiError; refuse?: Set<string> } = {}) {
  const asked: Search[] = [];
  const deleted: string[] = [];
  return {
    asked,
    deleted,
    fetch: async (s: Search): Promise<Page<Thing>> => {
      asked.push(s);
      if (opts.fail) throw opts.fail;
      const hits = all.filter((x) => !deleted.includes(x.id) && x.name.includes(s.name));
      return { items: hits.slice(s.offset, s.offset + s.limit), total: hits.length };
    },
    remove: async (x: Thing): Promise<void> => {
      if (opts.refuse?.has(x.id)) throw new ApiError({ status: 409, code: 'APIC.7302', message: `${x.name} is in use`, requestId: `req-${x.id}` });
      deleted.push(x.id);
    },
  };
}

function Probe() {
  return <output data-testid="url">{useLocation().search}</output>;
}

function ThingsPage({ srv }: { srv: ReturnType<typeof server> }) {
  const list = useList(schema, (s) => queryOptions({ queryKey: ['things', s], queryFn: () => srv.fetch(s), placeholderData: keepPreviousData }), {
    nonFilters: ['open'],
  });
  const sel = useSelection<Thing>((x) => x.id);
  const confirm = useConfirm();
  const columns: TableColumnsType<Thing> = [
    { title: 'Name', dataIndex: 'name' },
    actionsColumn('Actions', (x) => [
      {
        key: 'delete',
        label: 'Delete',
        danger: true,
        blockedReason: x.system ? 'Built in' : undefined,
        testId: `del-${x.id}`,
        onClick: () => confirm.one({ title: `Delete thing “${x.name}”?`, run: () => srv.remove(x), success: `Deleted ${x.name}` }),
      },
    ]),
  ];
  return (
    <ListPage id="things" title="Things" query={list.query} filters={<Button onClick={() => list.setFilters({ status: 'on' })}>only on</Button>}>
      <ListTable
        id="things"
        list={list}
        columns={columns}
        selection={sel}
        selectBlocked={(x) => (x.system ? 'Built in' : undefined)}
        empty={{ title: 'No things yet', hint: 'Create one' }}
        emptyFiltered={{ title: 'No thing matches' }}
      />
      <BulkBar selection={sel} testId="things-bulk-bar">
        <Button
          data-testid="bulk-delete"
          onClick={() =>
            confirm.bulk({
              selection: sel,
              nameOf: (x) => x.name,
              keyOf: (x) => x.id,
              title: (n) => `Delete ${n} things?`,
              body: (names) => `These will be deleted: ${names}.`,
              execute: (items) => runBulk(items, srv.remove, 2),
              doneText: (ok, failed) => `${ok} deleted, ${failed} failed`,
              failuresTitle: 'Some things could not be deleted',
            })
          }
        >
          Delete selected
        </Button>
      </BulkBar>
      <Probe />
    </ListPage>
  );
}

function renderAt(url: string, srv: ReturnType<typeof server>) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[url]}>
        <ThingsPage srv={srv} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
const url = () => screen.getByTestId('url').textContent;
const rows = () => screen.getByTestId('things-table').querySelectorAll('tbody tr[data-row-key]');

describe('list URL state', () => {
  it('a hand-edited URL with bad values gives the defaults for those fields only', async () => {
    const srv = server(things(3));
    renderAt('/things?offset=abc&limit=7&status=maybe&name=%20thing%20&open=t1', srv);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(srv.asked[0]).toEqual({ name: 'thing', offset: 0, limit: 20, status: 'all', open: 't1' });
  });

  it('changing a filter writes the URL and goes back to the first page', async () => {
    const srv = server(things(45));
    renderAt('/things?offset=20', srv);
    await waitFor(() => expect(rows()).toHaveLength(20));
    fireEvent.click(screen.getByRole('button', { name: 'only on' }));
    await waitFor(() => expect(url()).toBe('?status=on'));
    expect(srv.asked.at(-1)).toMatchObject({ status: 'on', offset: 0 });
  });

  it('server paging: total shown, a page click goes into the URL', async () => {
    const srv = server(things(45));
    renderAt('/things', srv);
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(screen.getByText('45 in total')).toBeTruthy();
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(url()).toBe('?offset=40'));
    await waitFor(() => expect(rows()).toHaveLength(5));
  });

  it('an offset past the end goes to the last page', async () => {
    const srv = server(things(25));
    renderAt('/things?offset=200', srv);
    await waitFor(() => expect(url()).toBe('?offset=20'));
    await waitFor(() => expect(rows()).toHaveLength(5));
  });
});

describe('list states', () => {
  it('nothing yet: says what to do next; filtered: offers to clear the filters (view state stays)', async () => {
    renderAt('/things', server([]));
    expect(await screen.findByText('No things yet')).toBeTruthy();
    expect(screen.getByText('Create one')).toBeTruthy();
    cleanup();

    renderAt('/things?name=zzz&status=off&open=t1', server(things(2)));
    expect(await screen.findByText('No thing matches')).toBeTruthy();
    fireEvent.click(screen.getByTestId('things-clear-filters'));
    await waitFor(() => expect(url()).toBe('?open=t1'));
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('a failed load shows the error code and the request id, and can retry', async () => {
    const srv = server([], { fail: new ApiError({ status: 403, code: 'APIC.0101', message: 'Forbidden', requestId: 'req-42' }) });
    renderAt('/things', srv);
    expect((await screen.findByTestId('error-code')).textContent).toBe('APIC.0101');
    expect(screen.getByTestId('error-request-id').textContent).toBe('req-42');
    const before = srv.asked.length;
    fireEvent.click(screen.getByTestId('error-retry'));
    await waitFor(() => expect(srv.asked.length).toBe(before + 1));
  });

  it('a blocked row action stays focusable, says why, and does nothing', async () => {
    renderAt('/things', server(things(2)));
    const blocked = await screen.findByTestId('del-t0');
    expect(blocked.getAttribute('aria-disabled')).toBe('true');
    expect(blocked.hasAttribute('disabled')).toBe(false);
    expect(document.getElementById(blocked.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('Built in');
    blocked.focus();
    expect(document.activeElement).toBe(blocked);
    fireEvent.click(blocked);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('confirm dialogs', () => {
  it('one item: the dialog names it; Cancel keeps it, OK deletes it', async () => {
    const srv = server(things(3));
    renderAt('/things', srv);
    fireEvent.click(await screen.findByTestId('del-t2'));
    const dialog = await dialogWith('Delete thing “thing-2”?');
    fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    expect(srv.deleted).toEqual([]);
    Modal.destroyAll();

    fireEvent.click(screen.getByTestId('del-t2'));
    fireEvent.click(within(await dialogWith('Delete thing “thing-2”?')).getByTestId('confirm-ok'));
    await waitFor(() => expect(srv.deleted).toEqual(['t2']));
    expect(await screen.findByText('Deleted thing-2')).toBeTruthy();
  });

  it('bulk: names every target, reports each failure with code and request id, keeps only the failed selected', async () => {
    const srv = server(things(4), { refuse: new Set(['t2']) });
    renderAt('/things', srv);
    await waitFor(() => expect(rows()).toHaveLength(4));
    // the built-in row cannot be selected
    const boxes = screen.getAllByRole('checkbox').slice(1) as HTMLInputElement[];
    expect(boxes[0]!.disabled).toBe(true);
    for (const b of boxes.slice(1)) fireEvent.click(b);
    const bar = await screen.findByTestId('things-bulk-bar');
    expect(bar.textContent).toContain('3 selected');

    fireEvent.click(screen.getByTestId('bulk-delete'));
    const dialog = await dialogWith('Delete 3 things?');
    expect(dialog.textContent).toContain('These will be deleted: “thing-1”, “thing-2”, “thing-3”.');
    await act(async () => fireEvent.click(within(dialog).getByTestId('confirm-ok')));

    const report = await screen.findByTestId('bulk-report');
    expect(report.textContent).toContain('2 deleted, 1 failed');
    const failures = within(report).getAllByTestId('bulk-failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.textContent).toContain('thing-2');
    expect(within(failures[0]!).getByTestId('error-code').textContent).toBe('APIC.7302');
    expect(within(failures[0]!).getByTestId('error-request-id').textContent).toBe('req-t2');
    expect(srv.deleted.sort()).toEqual(['t1', 't3']);
    await waitFor(() => expect(screen.getByTestId('things-bulk-bar').textContent).toContain('1 selected'));
  });
});

describe('visiblePoll', () => {
  const q = (data: number[] | undefined) => ({ state: { data } });
  it('polls only while the condition holds and the tab is visible', () => {
    const p = visiblePoll<number[]>(3000, (d) => (d ?? []).includes(1));
    // it fits a query's options as they are
    expect(queryOptions({ queryKey: ['runs'], queryFn: async () => [1], ...p }).refetchInterval).toBe(p.refetchInterval);
    expect(p.refetchIntervalInBackground).toBe(false);
    expect(p.refetchInterval(q([1]))).toBe(3000);
    expect(p.refetchInterval(q([2]))).toBe(false);
    const vis = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      expect(p.refetchInterval(q([1]))).toBe(false);
    } finally {
      Object.defineProperty(document, 'visibilityState', vis);
    }
    expect(visiblePoll(500).refetchInterval(q(undefined))).toBe(500);
  });
});
