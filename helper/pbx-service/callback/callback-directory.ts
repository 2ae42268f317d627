import { code, text } from '../../lookup/row-values';
import { storedNumberToE164 } from '../../lookup/stored-number';
import type { QueryExecutor } from '../../lookup/types';

/** What a callback needs from the courier database. */
export interface CallbackDirectory {
  /** The courier's mobile as `+E.164`; `null` when the card has none, undefined when no such courier. */
  courierMobile(courierCode: string, signal: AbortSignal): Promise<string | null | undefined>;
  /** The delivery of `orderCode` whose recipient has this number, if any. */
  recipientDelivery(
    recipientDbKey: string,
    orderCode: string,
    signal: AbortSignal,
  ): Promise<string | undefined>;
}

/** Read by alias; a deployment with another schema rewrites the SQL and keeps the aliases. */
export interface CallbackQueries {
  /** `?`: the courier's code. Alias courierMobile. */
  courierMobile: string;
  /** `?`, `?`: the recipient's digits, the order's code. Alias addressCode*. */
  recipientDelivery: string;
}

export const DEFAULT_CALLBACK_QUERIES: Readonly<CallbackQueries> = Object.freeze({
  courierMobile: 'SELECT k.phonem AS courierMobile FROM kurier k WHERE k.code = ?',
  recipientDelivery: [
    'SELECT a.code AS addressCode',
    'FROM contacts c JOIN address a ON a.code = c.Source',
    'WHERE c.SourceCodeType = 3 AND c.`VALUE` = ? AND a.zakaz = ?',
    'ORDER BY a.date_put IS NULL DESC, a.code',
  ].join('\n'),
});

export class SqlCallbackDirectory implements CallbackDirectory {
  constructor(
    private readonly executor: QueryExecutor,
    private readonly queries: CallbackQueries,
    private readonly defaultCountry: string,
  ) {}

  async courierMobile(
    courierCode: string,
    signal: AbortSignal,
  ): Promise<string | null | undefined> {
    const [row] = await this.executor.query(this.queries.courierMobile, [courierCode], signal);
    if (row === undefined) return undefined;
    const mobile = text(row, 'courierMobile');
    return (
      (mobile === undefined ? undefined : storedNumberToE164(mobile, this.defaultCountry)) ?? null
    );
  }

  async recipientDelivery(
    recipientDbKey: string,
    orderCode: string,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    const rows = await this.executor.query(
      this.queries.recipientDelivery,
      [recipientDbKey, orderCode],
      signal,
    );
    return rows.map((row) => code(row, 'addressCode')).find((found) => found !== undefined);
  }
}
