import { describe, expect, it, vi } from 'vitest';
import { routeRequest, type RouterDeps } from '../../../../extension/background/router';
import { classifySender, type SenderInfo } from '../../../../extension/background/sender-policy';
import type { BackgroundRequest } from '../../../../extension/lib/runtime-messages';
import { call } from '../../../support/extension/samples';

const OWN = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const SITES = ['https://cabinet.example.com/*'];

const contentScript: SenderInfo = {
  id: 'ext-id',
  url: 'https://cabinet.example.com/orders',
  tab: { id: 7, url: 'https://cabinet.example.com/orders' },
  frameId: 0,
};
const popup: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const optionsTab: SenderInfo = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/options.html',
  tab: { id: 3, url: 'chrome-extension://ext-id/options.html' },
};

function deps() {
  return {
    connection: vi.fn(() => ({ state: 'helper-down' as const })),
    dial: vi.fn(async () => ({ accepted: true as const, requestId: 'r1' })),
    journal: vi.fn(async () => ({ ok: true as const, entries: [], hasMore: false })),
    ackMissed: vi.fn(async () => ({ ok: true as const })),
    callControl: vi.fn(async () => ({ ok: true })),
    pauseQueues: vi.fn(async () => ({ ok: true as const })),
    noteOutcome: vi.fn(async () => ({ ok: true as const })),
    simulate: vi.fn(async () => ({ ok: true as const })),
    pair: vi.fn(async () => ({ ok: true as const })),
    dismissCard: vi.fn(async () => undefined),
    tabReady: vi.fn(async (_tabId: number, _shown: unknown[]) => [call()]),
  } satisfies RouterDeps;
}

async function route(request: BackgroundRequest, sender: SenderInfo, d = deps()) {
  return { reply: await routeRequest(request, classifySender(sender, OWN, SITES), d), d };
}

describe('classifySender', () => {
  it('knows the extension pages and the content script on enabled sites', () => {
    expect(classifySender(popup, OWN, SITES)).toEqual({ kind: 'extension-page' });
    expect(classifySender(optionsTab, OWN, SITES)).toEqual({ kind: 'extension-page' });
    expect(classifySender(contentScript, OWN, SITES)).toEqual({
      kind: 'content-script',
      tabId: 7,
      frameId: 0,
    });
  });

  it("knows the content script in the cabinet's embedded panels, srcdoc ones by their origin", () => {
    expect(
      classifySender(
        { ...contentScript, url: 'https://cabinet.example.com/client/5', frameId: 3 },
        OWN,
        SITES,
      ),
    ).toEqual({ kind: 'content-script', tabId: 7, frameId: 3 });
    expect(
      classifySender(
        {
          ...contentScript,
          url: 'about:srcdoc',
          origin: 'https://cabinet.example.com',
          frameId: 4,
        },
        OWN,
        SITES,
      ),
    ).toEqual({ kind: 'content-script', tabId: 7, frameId: 4 });
  });

  it.each<[string, SenderInfo]>([
    ['another extension', { ...popup, id: 'other' }],
    ['another extension impersonating our page', { id: 'other', url: OWN.baseUrl + 'popup.html' }],
    [
      'our content script on a site that is not enabled',
      {
        ...contentScript,
        url: 'https://evil.example.com/',
        tab: { id: 7, url: 'https://evil.example.com/' },
      },
    ],
    [
      'an enabled site framed by another site',
      {
        ...contentScript,
        tab: { id: 7, url: 'https://evil.example.com/' },
        frameId: 3,
      },
    ],
    [
      'a frame of another site inside an enabled cabinet',
      { ...contentScript, url: 'https://maps.example.org/embed', frameId: 3 },
    ],
    [
      'an about:blank frame written by another site',
      { ...contentScript, url: 'about:blank', origin: 'https://maps.example.org', frameId: 3 },
    ],
    [
      'a data: frame, of no origin',
      { ...contentScript, url: 'data:text/html,x', origin: 'null', frameId: 3 },
    ],
    [
      'a srcdoc frame whose origin is not told',
      { ...contentScript, url: 'about:srcdoc', frameId: 3 },
    ],
    ['a sender without a tab or a page URL', { id: 'ext-id' }],
    ['no sender id at all (a web page)', { url: 'https://cabinet.example.com/', tab: { id: 7 } }],
  ])('treats %s as foreign', (_name, sender) => {
    expect(classifySender(sender, OWN, SITES)).toEqual({ kind: 'foreign' });
  });
});

describe('routeRequest', () => {
  it('starts a dial from a link on an enabled site and reports to that tab', async () => {
    const { reply, d } = await route(
      { kind: 'dial', number: '89161234567', source: 'link' },
      contentScript,
    );
    expect(reply).toEqual({ accepted: true, requestId: 'r1' });
    expect(d.dial).toHaveBeenCalledWith('89161234567', 'link', {
      kind: 'tab',
      tabId: 7,
      frameId: 0,
    });
  });

  it('starts a dial from the popup and reports to the extension pages', async () => {
    const { d } = await route({ kind: 'dial', number: '101', source: 'popup' }, popup);
    expect(d.dial).toHaveBeenCalledWith('101', 'popup', { kind: 'extension-pages' });
  });

  it.each<[string, SenderInfo]>([
    ['another extension', { ...contentScript, id: 'other' }],
    [
      'a page of a site that is not enabled',
      {
        ...contentScript,
        url: 'https://evil.example.com/',
        tab: { id: 9, url: 'https://evil.example.com/' },
      },
    ],
    ['an unknown sender', {}],
  ])('does not answer a dial from %s', async (_name, sender) => {
    const { reply, d } = await route(
      { kind: 'dial', number: '89161234567', source: 'link' },
      sender,
    );
    expect(reply).toBeUndefined();
    expect(d.dial).not.toHaveBeenCalled();
  });

  it('refuses dial sources a sender cannot claim', async () => {
    for (const [sender, source] of [
      [contentScript, 'popup'],
      [contentScript, 'context-menu'],
      [popup, 'link'],
      [popup, 'context-menu'],
    ] as const) {
      const { reply, d } = await route({ kind: 'dial', number: '101', source }, sender);
      expect(reply).toBeUndefined();
      expect(d.dial).not.toHaveBeenCalled();
    }
  });

  it('keeps pairing, the demo, the journal and queue pause for the extension pages', async () => {
    for (const request of [
      { kind: 'pair', code: '123456' },
      { kind: 'demo-simulate', number: '+79161234567', scenario: 'answer' },
      { kind: 'journal' },
      { kind: 'queue-pause', paused: true, reason: 'Обед' },
    ] as BackgroundRequest[]) {
      const fromPage = await route(request, contentScript);
      expect(fromPage.reply).toBeUndefined();
      const fromPopup = await route(request, popup);
      expect(fromPopup.reply).toEqual({
        ok: true,
        ...(request.kind === 'journal' ? { entries: [], hasMore: false } : {}),
      });
    }
  });

  it("passes the card's outcome and a journal page's filter on as they are", async () => {
    const note = {
      callId: 'c1',
      extension: '101',
      outcome: 'rescheduled',
      note: 'В субботу',
      orderCode: '7001',
    };
    const noted = await route({ kind: 'call-outcome', ...note }, contentScript);
    expect(noted.reply).toEqual({ ok: true });
    expect(noted.d.noteOutcome).toHaveBeenCalledWith(note);
    const filter = {
      search: 'Иванова',
      from: 1,
      to: 2,
      cursor: { startedAt: 1, callId: 'c1', extension: '101' },
    };
    const page = await route({ kind: 'journal', ...filter }, popup);
    expect(page.d.journal).toHaveBeenCalledWith(filter);
  });

  it('answers tab-ready with the connection and the calls in progress', async () => {
    const { reply, d } = await route({ kind: 'tab-ready' }, contentScript);
    expect(reply).toEqual({ connection: { state: 'helper-down' }, calls: [call()] });
    expect(d.tabReady).toHaveBeenCalledWith(7, []);
  });

  it('registers no embedded frame for call cards: they are the top frame’s', async () => {
    const { reply, d } = await route({ kind: 'tab-ready' }, { ...contentScript, frameId: 3 });
    expect(reply).toEqual({ connection: { state: 'helper-down' }, calls: [] });
    expect(d.tabReady).not.toHaveBeenCalled();
  });

  it('reports a dial from an embedded frame to that frame', async () => {
    const { d } = await route(
      { kind: 'dial', number: '89161234567', source: 'link' },
      { ...contentScript, url: 'https://cabinet.example.com/client/5', frameId: 3 },
    );
    expect(d.dial).toHaveBeenCalledWith('89161234567', 'link', {
      kind: 'tab',
      tabId: 7,
      frameId: 3,
    });
  });

  it('passes on the calls a tab shows, each checked as a call view', async () => {
    const shown = [call({ callId: 'c1' }), { callId: 'c2', state: 'ringing' }, 'c3'];
    const { d } = await route({ kind: 'tab-ready', shown } as never, contentScript);
    expect(d.tabReady).toHaveBeenCalledWith(7, [call({ callId: 'c1' })]);
  });

  it('passes call control and card dismissals from content scripts', async () => {
    const request = {
      kind: 'call-control',
      action: 'transfer',
      callId: 'c1',
      extension: '101',
      to: '103',
      target: 'manager',
      mode: 'attended',
    } as const;
    const transfer = await route(request, contentScript);
    expect(transfer.reply).toEqual({ ok: true });
    expect(transfer.d.callControl).toHaveBeenCalledWith(request);
    const malformed = await route(
      { kind: 'call-control', action: 'transfer', callId: 'c1', extension: '101' } as never,
      contentScript,
    );
    expect(malformed.reply).toBeUndefined();
    expect(malformed.d.callControl).not.toHaveBeenCalled();
    const dismiss = await route({ kind: 'card-dismiss', callId: 'c1' }, contentScript);
    expect(dismiss.reply).toEqual({ ok: true });
    expect(dismiss.d.dismissCard).toHaveBeenCalledWith('c1');
  });
});
