import { code, text } from '../../lookup/row-values';
import { storedNumberToE164 } from '../../lookup/stored-number';
import type { CallbackQueries } from '../../config/callback-queries';
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
