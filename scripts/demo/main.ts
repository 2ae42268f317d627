import { parseArgs } from 'node:util';
import { DEFAULT_WEBSOCKET_PORT } from '../../helper/config/defaults';
import { startDemo } from './start-demo';

const DEMO_PAGE_PORT = 47880;

/** `npm run demo [-- --headless | --no-browser]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      headless: { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  const wantBrowser = !values['no-browser'];
  const headless =
    values.headless ||
    (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
  const demo = await startDemo({
    browser: wantBrowser,
    headless,
    helperPort: DEFAULT_WEBSOCKET_PORT,
    pagePort: DEMO_PAGE_PORT,
  });
  const lines = [
    '',
    'Courier Telephony — DEMO MODE (simulated PBX, built-in directory; no real calls are made)',
    '',
    `  Demo cabinet page: ${demo.pageUrl}`,
    `  Helper:            ws://127.0.0.1:${demo.helperPort}/`,
  ];
  if (demo.browser) {
    lines.push(
      `  Browser:           opened${headless ? ' headless' : ''} with the extension paired and enabled for the demo page`,
      '',
      '  Click a phone number on the page to "call" it; open the extension popup and use',
      '  "Simulate incoming call" to see an incoming-call card.',
    );
  } else {
    lines.push(
      '',
      '  No Chromium-family browser was found (set CHROME_PATH to use one). To try it by hand:',
      '  1. CT_LOCAL_BUILD=demo npx wxt build -c harness/extension/wxt.local.config.ts',
      `  2. chrome://extensions → Developer mode → Load unpacked → ${demo.extensionDir}`,
      `  3. Extension options → Pairing («Сопряжение») → enter ${demo.pairingCode}`,
      '  4. Options → Sites → add http://127.0.0.1, then open the demo page above.',
    );
  }
  lines.push('', '  Ctrl+C stops the demo.', '');
  process.stdout.write(lines.join('\n'));

  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
