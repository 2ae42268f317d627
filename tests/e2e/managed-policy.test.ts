import { createHash, createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managedPairingText, PROTOCOL_VERSION } from '../../shared/protocol';
import { buildExtension } from '../../harness/extension/build-extension';
import {
  DEV_EXTENSION_ID,
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { screenshot } from '../support/e2e/screenshot';
import { startHelper, type RunningHelper } from '../support/e2e/start-helper';
import { waitUntil } from '../support/e2e/wait-until';

const OUR_ORIGIN = `chrome-extension://${DEV_EXTENSION_ID}`;
const SECRET = randomBytes(32).toString('hex');
const POLICY_SITE = 'http://127.0.0.1/*';

/** A Chromium extension id from its manifest key, as Chromium derives it. */
function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Another extension on the same computer, with no policy of its own, trying to get in. */
async function strangerExtension(dir: string): Promise<string> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Stranger',
      version: '1.0',
      key: der.toString('base64'),
      background: { service_worker: 'background.js' },
    }),
  );
  await writeFile(join(dir, 'background.js'), '// Driven from the test.\n');
  return extensionIdOf(der);
}

interface Answer {
  reply: { type: string; code?: string; message?: string } | null;
  closeCode: number;
}

/** Opens a socket to the helper from the stranger's worker, sends one frame, reports back. */
function strangerSends(worker: Worker, port: number, frame: object): Promise<Answer> {
  return worker.evaluate(
    ({ port, frame }) =>
      new Promise<Answer>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/`);
        let reply: Answer['reply'] = null;
        socket.onopen = () => socket.send(JSON.stringify(frame));
        socket.onmessage = (event) => {
          reply ??= JSON.parse(String(event.data)) as Answer['reply'];
        };
        socket.onclose = (event) => resolve({ reply, closeCode: event.code });
      }),
    { port, frame },
  );
}

const client = { name: 'Stranger', version: '1.0', browser: 'chrome' };

describe('rollout by browser policy (Chromium, managed storage)', () => {
  let helper: RunningHelper;
  let browser: ExtensionBrowser;
  let strangerDir: string;
  let strangerOrigin: string;
  let stranger: Worker;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    strangerDir = await mkdtemp(join(tmpdir(), 'ct-e2e-stranger-'));
    strangerOrigin = `chrome-extension://${await strangerExtension(strangerDir)}`;
    // The stranger's origin is admitted too, as a configuration listing another extension
    // would: what keeps it out must be pairing, not the origin check.
    helper = await startHelper({
      pairingSecret: SECRET,
      allowedOrigins: [OUR_ORIGIN, strangerOrigin],
    });
    browser = await launchExtensionBrowser({
      extensionDir,
      otherExtensionDirs: [strangerDir],
      policy: {
        '3rdparty': {
          extensions: {
            [DEV_EXTENSION_ID]: {
              // Not the default 47800: connecting proves the port came from policy.
              helper: { port: helper.port },
              sites: [POLICY_SITE],
              rendering: 'links',
              sound: true,
              language: 'en',
              pairingSecret: SECRET,
            },
          },
        },
      },
    });
    stranger =
      browser.context.serviceWorkers().find((w) => w.url().startsWith(strangerOrigin)) ??
      (await browser.context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(strangerOrigin),
        timeout: 30_000,
      }));
  });

  afterAll(async () => {
    await browser?.close();
    await helper?.stop();
    if (strangerDir) await rm(strangerDir, { recursive: true, force: true });
  });

  it('connects to the helper on the policy port without a typed code', async () => {
    // Text and title are read one after the other while the worker paints them: wait for a
    // reading where both say connected (no badge text), not a title newer than its text.
    await waitUntil(browser.badge, (b) => b.title.includes('Connected') && b.text === '', 30_000);
    const state = JSON.parse(await readFile(join(helper.stateDir, 'pairing.json'), 'utf8')) as {
      tokens: { origin: string; via?: string }[];
      pendingCode?: unknown;
    };
    expect(state.tokens).toEqual([expect.objectContaining({ origin: OUR_ORIGIN, via: 'policy' })]);
    expect(state.pendingCode).toBeUndefined();
  });

  it("covers the policy's sites without the user enabling them", async () => {
    await waitUntil(browser.registeredMatches, (matches) => matches.includes(POLICY_SITE), 15_000);
  });

  it("shows the administrator's values on the options page, locked, with the reason", async () => {
    const options = await browser.openOptions();
    try {
      await options.locator('[data-managed-pairing]').waitFor();
      await expect(options.locator('input[name="port"]').inputValue()).resolves.toBe(
        String(helper.port),
      );
      expect(await options.locator('input[name="port"]').isDisabled()).toBe(true);
      expect(await options.locator('input[name="sound"]').isChecked()).toBe(true);
      expect(await options.locator('input[name="sound"]').isDisabled()).toBe(true);
      expect(await options.locator('input[name="rendering"][value="links"]').isChecked()).toBe(
        true,
      );
      expect(await options.locator('select[name="language"]').isDisabled()).toBe(true);
      // What the policy leaves alone stays the user's.
      expect(await options.locator('input[name="cards"]').isDisabled()).toBe(false);
      await expect(options.locator('.ct-sites code').allInnerTexts()).resolves.toEqual([
        POLICY_SITE,
      ]);
      expect(await options.locator('input[name="site"]').count()).toBe(0);
      const notes = await options.locator('[data-managed]').allInnerTexts();
      expect(notes.length).toBe(3);
      for (const note of notes) expect(note).toContain('Set by your administrator.');
      expect(notes[0]).toContain("organisation's browser policy");
      await screenshot(options, 'options-managed-by-policy');
    } finally {
      await options.close();
    }
  });

  it('still refuses another extension: a guessed secret, our own proof, a code, no token', async () => {
    const issuedAt = Date.now();
    const signed = (secret: string, origin: string) => {
      const nonce = randomBytes(16).toString('hex');
      const proof = createHmac('sha256', secret)
        .update(managedPairingText(origin, issuedAt, nonce))
        .digest('hex');
      return { type: 'pair.managed', v: PROTOCOL_VERSION, issuedAt, nonce, proof, client };
    };
    const guessed = await strangerSends(
      stranger,
      helper.port,
      signed('x'.repeat(64), strangerOrigin),
    );
    expect(guessed.reply).toMatchObject({ type: 'error', code: 'pairing-failed' });
    expect(guessed.reply?.message).toContain('does not match');
    // Even a proof made with the right secret, for our extension, is no use from another origin.
    const borrowed = await strangerSends(stranger, helper.port, signed(SECRET, OUR_ORIGIN));
    expect(borrowed.reply).toMatchObject({ type: 'error', code: 'pairing-failed' });
    const code = await strangerSends(stranger, helper.port, {
      type: 'pair',
      v: PROTOCOL_VERSION,
      code: '000000',
      client,
    });
    expect(code.reply).toMatchObject({ type: 'error', code: 'pairing-failed' });
    const hello = await strangerSends(stranger, helper.port, {
      type: 'hello',
      v: PROTOCOL_VERSION,
      token: 'a'.repeat(43),
      client,
    });
    expect(hello.reply).toMatchObject({ type: 'error', code: 'not-paired' });
    for (const answer of [guessed, borrowed, code, hello]) expect(answer.closeCode).toBe(4401);
    const state = JSON.parse(await readFile(join(helper.stateDir, 'pairing.json'), 'utf8')) as {
      tokens: { origin: string }[];
    };
    expect(state.tokens.map((t) => t.origin)).toEqual([OUR_ORIGIN]);
    // Our extension is still connected.
    expect((await browser.badge()).title).toContain('Connected');
  });
});
