import { managedPairingText, type ClientMessageOf } from '../../../shared/protocol';

export type ManagedProof = Pick<ClientMessageOf<'pair.managed'>, 'issuedAt' | 'nonce' | 'proof'>;

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Signs a managed-pairing proof for `origin` (this extension's own, which the browser also
 * puts in the WebSocket's Origin header) with the secret from browser policy. The secret
 * stays here; the helper recomputes the HMAC with its own copy.
 */
export async function signManagedProof(
  secret: string,
  origin: string,
  now: number = Date.now(),
): Promise<ManagedProof> {
  const nonce = hex(crypto.getRandomValues(new Uint8Array(16)));
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(managedPairingText(origin, now, nonce)),
  );
  return { issuedAt: now, nonce, proof: hex(signature) };
}
