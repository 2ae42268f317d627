// @vitest-environment happy-dom
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { featuresForFrame } from '../../../../extension/features/feature-registry';
import { startPageFeatures } from '../../../../extension/features/start-page-features';
import type { ToBackground } from '../../../../extension/lib/runtime-messages';
import { DEFAULT_SETTINGS, settingsItem } from '../../../../extension/lib/settings';
import { clientCall, recipientCall } from '../../../support/extension/sample-calls';
import { userClick } from '../../../support/extension/trusted-events';

let ctx: ContentScriptContext;
let received: ToBackground[];

/** A background worker that answers the way `extension/background` does. */
function fakeBackground(tabReady: unknown): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    const request = message as ToBackground;
    received.push(request);
    if (request.kind === 'tab-ready') sendResponse(tabReady);
    else if (request.kind === 'dial') sendResponse({ accepted: true, requestId: 'r1' });
    else if (request.kind === 'get-state') sendResponse({ state: 'not-paired' });
    else sendResponse({ ok: true });
    return true;
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  received = [];
  document.body.innerHTML = '<p>Получатель: <span id="phone">8 (916) 123-45-67</span></p>';
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  ctx.abort();
});

describe('content script start', () => {
  it('links the page, replays the calls in progress and dials on a user click', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'ru' });
    fakeBackground({ connection: { state: 'connecting' }, calls: [clientCall()] });
    await startPageFeatures(ctx);

    expect(received.map((message) => message.kind)).toContain('tab-ready');
    await vi.waitFor(() => expect(document.querySelector('ct-call-cards')).not.toBeNull());
    const link = await vi.waitFor(() => {
      const found = document.querySelector<HTMLAnchorElement>('#phone a.ct-phone');
      if (!found) throw new Error('not linked yet');
      return found;
    });
    expect(link.dataset.phone).toBe('+79161234567');

    userClick(link);
    await vi.waitFor(() =>
      expect(received).toContainEqual({ kind: 'dial', number: '+79161234567', source: 'link' }),
    );
    await vi.waitFor(() => expect(document.querySelector('ct-dial-toast')).not.toBeNull());
  });

  it('keeps its UI out of the page’s reach and out of the linker’s way', async () => {
    fakeBackground([recipientCall()]);
    await startPageFeatures(ctx);
    const host = await vi.waitFor(() => {
      const found = document.querySelector('ct-call-cards');
      if (!found) throw new Error('no cards yet');
      return found;
    });
    expect(host.shadowRoot).toBeNull();
    expect(host.hasAttribute('data-ct-ui')).toBe(true);
  });

  it('shows no cards and makes no links when both are turned off', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, linkify: false, cards: false });
    fakeBackground({ connection: { state: 'helper-down' }, calls: [clientCall()] });
    await startPageFeatures(ctx);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('a.ct-phone')).toBeNull();
    expect(document.querySelector('ct-call-cards')).toBeNull();
  });

  it('turns links off and back on when the setting changes', async () => {
    fakeBackground({ connection: { state: 'helper-down' }, calls: [] });
    await startPageFeatures(ctx);
    await vi.waitFor(() => expect(document.querySelector('a.ct-phone')).not.toBeNull());
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, linkify: false });
    await vi.waitFor(() => expect(document.querySelector('a.ct-phone')).toBeNull());
    expect(document.querySelector('#phone')!.textContent).toBe('8 (916) 123-45-67');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, linkify: true });
    await vi.waitFor(() => expect(document.querySelector('a.ct-phone')).not.toBeNull());
  });

  it('stops everything when the context is invalidated', async () => {
    fakeBackground({ connection: { state: 'helper-down' }, calls: [] });
    await startPageFeatures(ctx);
    await vi.waitFor(() => expect(document.querySelector('a.ct-phone')).not.toBeNull());
    ctx.abort();
    const p = document.createElement('p');
    p.textContent = '+7 701 123-45-67';
    document.body.append(p);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(p.querySelector('a')).toBeNull();
    userClick(document.querySelector('a.ct-phone')!);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received.filter((message) => message.kind === 'dial')).toHaveLength(0);
  });

  it('tells a worker started anew of the calls its cards still show', async () => {
    const stopWorker: Array<() => void> = [];
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((() => ({
      disconnect: vi.fn(),
      onDisconnect: { addListener: (listener: () => void) => stopWorker.push(listener) },
    })) as never);
    const ringing = clientCall();
    fakeBackground({ connection: { state: 'connecting' }, calls: [ringing] });
    await startPageFeatures(ctx);
    await vi.waitFor(() => expect(document.querySelector('ct-call-cards')).not.toBeNull());
    expect(received.find((message) => message.kind === 'tab-ready')).toEqual({
      kind: 'tab-ready',
      shown: [],
    });

    stopWorker[0]?.();
    const announced = await vi.waitFor(
      () => {
        const again = received.filter((message) => message.kind === 'tab-ready')[1];
        if (again === undefined) throw new Error('not announced again yet');
        return again;
      },
      { timeout: 3_000 },
    );
    expect(announced).toEqual({ kind: 'tab-ready', shown: [ringing] });
    vi.restoreAllMocks();
  });
});

describe('the features of a top frame and of an embedded one', () => {
  it('starts the number features in every frame, the cards and the tab announcement in the top one only', () => {
    expect(featuresForFrame(true).map((feature) => feature.id)).toEqual([
      'language',
      'linkify-phones',
      'dial-on-click',
      'incoming-card',
      'tab-ready',
    ]);
    expect(featuresForFrame(false).map((feature) => feature.id)).toEqual([
      'language',
      'linkify-phones',
      'dial-on-click',
      'frame-connection',
    ]);
  });

  it('in a panel embedded in the cabinet: links and dials, asks how the helper stands, shows no cards', async () => {
    vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    fakeBackground({ connection: { state: 'connecting' }, calls: [clientCall()] });
    await startPageFeatures(ctx);

    const link = await vi.waitFor(() => {
      const found = document.querySelector<HTMLAnchorElement>('#phone a.ct-phone');
      if (!found) throw new Error('not linked yet');
      return found;
    });
    expect(received.map((message) => message.kind)).toEqual(['get-state']);
    userClick(link);
    await vi.waitFor(() =>
      expect(received).toContainEqual({ kind: 'dial', number: '+79161234567', source: 'link' }),
    );
    await vi.waitFor(() => expect(document.querySelector('ct-dial-toast')).not.toBeNull());

    // Call updates are the top frame's; an embedded frame that heard one shows no card.
    await fakeBrowser.runtime.sendMessage({ kind: 'call', call: clientCall() }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('ct-call-cards')).toBeNull();
    expect(received.some((message) => message.kind === 'tab-ready')).toBe(false);
    vi.restoreAllMocks();
  });
});
