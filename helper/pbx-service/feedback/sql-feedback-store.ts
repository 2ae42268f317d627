import { numericCode } from '../../journal/entry-params';
import type { JournalDatabase } from '../../journal/journal-database';
import { toSqlTime } from '../../journal/sql-time';
import type { FeedbackRecord, FeedbackStore } from './feedback-record';

/** Keyed by call: writing the same call's feedback again keeps one row with the latest. */
export const UPSERT_FEEDBACK =
  'INSERT INTO call_feedback (call_id, outcome, rating, attempts, customer_e164, ' +
  'customer_db_key, order_code, address_code, courier_code, operator_extension, created_at) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE outcome = VALUES(outcome), ' +
  'rating = VALUES(rating), attempts = VALUES(attempts), ' +
  'customer_e164 = COALESCE(VALUES(customer_e164), customer_e164), ' +
  'customer_db_key = COALESCE(VALUES(customer_db_key), customer_db_key), ' +
  'order_code = COALESCE(VALUES(order_code), order_code), ' +
  'address_code = COALESCE(VALUES(address_code), address_code), ' +
  'courier_code = COALESCE(VALUES(courier_code), courier_code), ' +
  'operator_extension = COALESCE(VALUES(operator_extension), operator_extension), ' +
  'created_at = VALUES(created_at)';

/** Feedback in the `call_feedback` table (db/migrations/002_feedback.sql). */
export class SqlFeedbackStore implements FeedbackStore {
  constructor(private readonly database: Pick<JournalDatabase, 'query'>) {}

  async save(record: FeedbackRecord): Promise<void> {
    await this.database.query(UPSERT_FEEDBACK, [
      record.callId,
      record.outcome,
      record.rating ?? null,
      record.attempts,
      record.customer?.e164 ?? null,
      record.customer?.dbKey ?? null,
      numericCode(record.orderCode),
      numericCode(record.addressCode),
      numericCode(record.courierCode),
      record.operatorExtension ?? null,
      toSqlTime(record.at),
    ]);
  }
}
