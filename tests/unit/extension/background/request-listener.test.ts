import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForRequests } from '../../../../extension/background/request-listener';

describe('listenForRequests', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers requests asynchronously through the runtime channel', async () => {
    const handle = vi.fn(async () => ({ state: 'helper-down' }));
    listenForRequests(handle, new AbortController().signal);
    await expect(fakeBrowser.runtime.sendMessage({ kind: 'get-state' })).resolves.toEqual({
      state: 'helper-down',
    });
    expect(handle).toHaveBeenCalledWith({ kind: 'get-state' }, {});
  });

  it('leaves messages that are not requests to other listeners', async () => {
    const handle = vi.fn(async () => 'answer');
    listenForRequests(handle, new AbortController().signal);
    await expect(fakeBrowser.runtime.sendMessage({ kind: 'connection' })).resolves.toBeUndefined();
    await expect(fakeBrowser.runtime.sendMessage('dial 89161234567')).resolves.toBeUndefined();
    expect(handle).not.toHaveBeenCalled();
  });

  it('answers nothing when handling fails, and stops listening when aborted', async () => {
    const scope = new AbortController();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    listenForRequests(async () => {
      throw new Error('broken');
    }, scope.signal);
    await expect(fakeBrowser.runtime.sendMessage({ kind: 'journal' })).resolves.toBeUndefined();
    scope.abort();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
