import { PairingStore, type PairingCode } from './pairing-store';

export interface TextOutput {
  write(text: string): unknown;
}

function minutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}

function clock(epochMs: number): string {
  const at = new Date(epochMs);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** The instructions `helper pair` prints, in Russian first (the operators' language). */
export function formatPairingInstructions(pairing: PairingCode): string {
  const { code, expiresAt, ttlMs } = pairing;
  const m = minutes(ttlMs);
  const until = clock(expiresAt);
  return [
    '',
    `    Код сопряжения / Pairing code:   ${code}`,
    '',
    `  RU: Откройте настройки расширения Courier Telephony → «Сопряжение» и введите код ${code}`,
    `      в течение ${m} мин (до ${until}). Код одноразовый; новый запуск \`helper pair\` отменяет его.`,
    '',
    `  EN: Open the Courier Telephony extension options → Pairing and enter the code ${code}`,
    `      within ${m} minutes (until ${until}). The code works once; running \`helper pair\` again replaces it.`,
    '',
  ].join('\n');
}

/** `helper pair`: creates a code in the shared state file and tells the user what to do with it. */
export async function runPairCommand(
  stateDir: string,
  out: TextOutput,
  options: { ttlMs?: number } = {},
): Promise<PairingCode> {
  const pairing = await new PairingStore({ stateDir }).createPairingCode(options);
  out.write(`${formatPairingInstructions(pairing)}\n`);
  return pairing;
}
