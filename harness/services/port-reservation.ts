import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onProcessExit } from './exit-cleanup';
import { isAlive } from './process-control';

/**
 * Ports above the kernel's ephemeral range (32768–60999) and above Asterisk's RTP range:
 * no outgoing connection or RTP stream takes them between reservation and use, which may
 * be minutes for a phone's port.
 */
const FIRST_PORT = 61_000;
const LAST_PORT = 65_000;
/** Lock files shared by every test run on the machine, one per reserved port. */
const LOCK_DIR = join(tmpdir(), 'ct-ports');
const ATTEMPTS = 500;

export interface PortReservation {
  readonly port: number;
  /** Frees the port for other runs (also done when this process exits). */
  release(): void;
}

export class PortReservationError extends Error {
  override readonly name = 'PortReservationError';
}

function probe(bind: (done: (free: boolean) => void) => void): Promise<boolean> {
  return new Promise((resolve) => bind(resolve));
}

async function isFree(host: string, port: number): Promise<boolean> {
  const tcp = await probe((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, host, () => server.close(() => done(true)));
  });
  if (!tcp) return false;
  return probe((done) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      done(false);
    });
    socket.bind(port, host, () => socket.close(() => done(true)));
  });
}

function tryLock(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = Number(readFileSync(path, 'utf8'));
  if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) return false;
  // The run that held it is gone: take the port over.
  unlinkSync(path);
  return tryLock(path);
}

/**
 * Reserves a port (free for both TCP and UDP on `host`) that no other test run on this
 * machine will reserve until it is released, so parallel runs never share ports.
 */
export async function reservePort(host = '127.0.0.1'): Promise<PortReservation> {
  mkdirSync(LOCK_DIR, { recursive: true });
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = randomInt(FIRST_PORT, LAST_PORT + 1);
    const lock = join(LOCK_DIR, String(port));
    if (!tryLock(lock)) continue;
    if (!(await isFree(host, port))) {
      unlinkSync(lock);
      continue;
    }
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      unregister();
      try {
        unlinkSync(lock);
      } catch {
        // Already gone: another run found it stale after this process was stopped.
      }
    };
    const unregister = onProcessExit(release);
    return { port, release };
  }
  throw new PortReservationError(
    `no free port between ${FIRST_PORT} and ${LAST_PORT} after ${ATTEMPTS} tries; ` +
      `stop leftover test services or clear stale locks in ${LOCK_DIR}`,
  );
}
