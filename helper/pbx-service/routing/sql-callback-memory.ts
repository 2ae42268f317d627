import { numericCode } from '../../journal/entry-params';
import type { JournalDatabase } from '../../journal/journal-database';
import type { RecentCallbacks, RememberedCallback } from './callback-memory';

/** Keyed by recipient: the latest callback to a number replaces the one before. */
export const REMEMBER_CALLBACK =
  'INSERT INTO courier_callback_memory (recipient_db_key, courier_mobile, order_code, ' +
  'address_code, courier_code, remembered_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3)) ' +
  'ON DUPLICATE KEY UPDATE courier_mobile = VALUES(courier_mobile), ' +
  'order_code = VALUES(order_code), address_code = VALUES(address_code), ' +
  'courier_code = VALUES(courier_code), remembered_at = VALUES(remembered_at)';

/** The database's clock decides what is recent, so every instance agrees. */
export const RECALL_CALLBACK =
  'SELECT courier_mobile, order_code, address_code, courier_code ' +
  'FROM courier_callback_memory WHERE recipient_db_key = ? ' +
  'AND remembered_at >= UTC_TIMESTAMP(3) - INTERVAL ? SECOND';

const E164 = /^\+\d{6,15}$/;

/** A courier's parcel code as the table keeps it; a code the table cannot hold is not remembered. */
function storedCode(code: string): number {
  const value = numericCode(code);
  if (value === null) throw new RangeError(`the code ${JSON.stringify(code)} is not a table key`);
  return value;
}

/**
 * Recent callbacks in `courier_callback_memory` (db/migrations/004_recent_callbacks.sql),
 * through the journal's writer account: shared by every `serve` of the PBX and kept across
 * restarts.
 */
export class SqlCallbackMemory implements RecentCallbacks {
  readonly #ttlSeconds: number;

  constructor(
    private readonly database: Pick<JournalDatabase, 'query'>,
    ttlMs: number,
  ) {
    this.#ttlSeconds = Math.max(0, Math.floor(ttlMs / 1000));
  }

  async remember(recipientDbKey: string, callback: RememberedCallback): Promise<void> {
    if (this.#ttlSeconds === 0) return;
    const { parcel } = callback;
    await this.database.query(REMEMBER_CALLBACK, [
      recipientDbKey,
      callback.courierMobile,
      storedCode(parcel.orderCode),
      storedCode(parcel.addressCode),
      storedCode(parcel.courierCode),
    ]);
  }

  async recall(recipientDbKey: string): Promise<RememberedCallback | undefined> {
    if (this.#ttlSeconds === 0) return undefined;
    const rows = await this.database.query(RECALL_CALLBACK, [recipientDbKey, this.#ttlSeconds]);
    const row = rows[0];
    if (row === undefined) return undefined;
    const mobile = String(row['courier_mobile']);
    if (!E164.test(mobile)) return undefined;
    return {
      courierMobile: mobile,
      parcel: {
        orderCode: String(row['order_code']),
        addressCode: String(row['address_code']),
        courierCode: String(row['courier_code']),
      },
    };
  }
}
