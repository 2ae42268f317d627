import type { RawData } from 'ws';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { ExtensionClient } from '../../harness/extension/extension-client';

/** Receives every frame's text with the moment it arrived, before anything else reads it. */
export type FrameStamp = (text: string, arrivedAt: number) => void;

/**
 * Pairs like the extension does (a code from the helper's pairing state, `pair`, then a
 * fresh connection with `hello`) and waits until the helper reports both the PBX and the
 * database connected.
 */
export async function connectPairedClient(
  wsPort: number,
  stateDir: string,
  onFrame?: FrameStamp,
): Promise<ExtensionClient> {
  const { code } = await new PairingStore({ stateDir }).createPairingCode();
  const pairing = await ExtensionClient.open(wsPort);
  const token = await pairing.pair(code);
  await pairing.close();
  const client = await ExtensionClient.open(wsPort);
  if (onFrame) {
    client.socket.prependListener('message', (data: RawData) => {
      onFrame(data.toString(), performance.now());
    });
  }
  await client.hello(token);
  await client.waitForStatus(
    (status) => status.pbx.state === 'connected' && status.database.state === 'connected',
    60_000,
  );
  return client;
}
