import { addDays, clock, dateTime } from './calendar';
import { SOURCE_TYPE } from './courier-rows';
import type { GenerationContext, TableRow } from './generation-context';
import { moscowAddress } from './moscow-addresses';
import { kazakhPersonName, personName } from './russian-people';
import { CourierDbSizeError } from './sizes';
import { RANDOM_CODE_START, REFERENCE_DAY } from './well-known-data';

/** The newest deliveries are still in work (`date_put` NULL); the rest are delivered. */
const DELIVERED_SHARE = 0.88;
const RETURNING_RECIPIENT_SHARE = 0.15;
/** Deliveries in work already handed to a courier; the rest wait at the warehouse. */
const HANDED_SHARE = 0.8;
/** Deliveries that went to another courier first and came back. */
const REASSIGNED_SHARE = 0.05;

interface Recipient {
  readonly number: string;
  readonly name: string;
  readonly address: string;
}

/** One delivery to write: its codes, when, and whether it is done. */
interface Delivery {
  readonly code: number;
  readonly order: number;
  readonly day: string;
  readonly created: string;
  readonly delivered: boolean;
  /** Second numbers of the recipient to add (fills the contacts total). */
  readonly extraNumbers: number;
}

type Progress = 'delivered' | 'handed' | 'waiting';

/** Writes deliveries with their hand-overs and recipients' numbers. */
class DeliveryWriter {
  private readonly recipients: Recipient[] = [];
  private givnCode = RANDOM_CODE_START;

  constructor(private readonly ctx: GenerationContext) {}

  write(delivery: Delivery): { rows: TableRow[]; progress: Progress } {
    const { ctx } = this;
    const recipient = this.recipient();
    const from = ctx.prng.int(9, 18) * 60;
    const rows: TableRow[] = [
      {
        table: 'address',
        row: {
          code: delivery.code,
          zakaz: delivery.order,
          fio: recipient.name,
          address: recipient.address,
          date: delivery.day,
          time_from: clock(from),
          time_to: clock(Math.min(from + ctx.prng.int(2, 4) * 60, 22 * 60)),
          cod: ctx.prng.chance(0.3) ? '0.00' : `${ctx.prng.int(30, 2_500) * 10}.00`,
          date_put: delivery.delivered
            ? dateTime(delivery.day, from + ctx.prng.int(10, 110))
            : null,
          date_create: delivery.created,
        },
      },
    ];
    if (ctx.prng.chance(REASSIGNED_SHARE)) rows.push(this.handOver(delivery, 0, -1));
    let progress: Progress = 'waiting';
    if (delivery.delivered) {
      rows.push(this.handOver(delivery, 0, 0));
      progress = 'delivered';
    } else if (ctx.prng.chance(HANDED_SHARE)) {
      rows.push(this.handOver(delivery, 1, 0));
      progress = 'handed';
    }
    rows.push(
      ctx.contact(recipient.number, SOURCE_TYPE.recipient, delivery.code, delivery.created),
    );
    for (let n = 0; n < delivery.extraNumbers; n += 1) {
      const number = ctx.phones.personal();
      rows.push(
        ctx.contact(
          number,
          SOURCE_TYPE.recipient,
          delivery.code,
          delivery.created,
          'дополнительный',
        ),
      );
    }
    return { rows, progress };
  }

  /** A returning customer now and then, otherwise someone new. */
  private recipient(): Recipient {
    const { ctx } = this;
    if (this.recipients.length > 0 && ctx.prng.chance(RETURNING_RECIPIENT_SHARE)) {
      return ctx.prng.pick(this.recipients);
    }
    const number = ctx.phones.personal();
    const kazakh = !number.startsWith('79') && ctx.prng.chance(0.5);
    const recipient = {
      number,
      name: kazakh ? kazakhPersonName(ctx.prng) : personName(ctx.prng),
      address: moscowAddress(ctx.prng),
    };
    this.recipients.push(recipient);
    return recipient;
  }

  private handOver(delivery: Delivery, state: number, dayOffset: number): TableRow {
    const { ctx } = this;
    return {
      table: 'givn',
      row: {
        code: this.givnCode++,
        address: delivery.code,
        kurier: RANDOM_CODE_START + ctx.prng.int(0, ctx.sizes.couriers - 1),
        State: state,
        date_create: dateTime(addDays(delivery.day, dayOffset), ctx.prng.int(420, 540)),
      },
    };
  }
}

function orderStatus(progress: readonly Progress[]): number {
  if (progress.every((p) => p === 'delivered')) return 3;
  return progress.some((p) => p !== 'waiting') ? 2 : 1;
}

/**
 * Orders with one to three deliveries each, hand-overs to couriers, and the recipients'
 * numbers. Called after the other owners' contacts exist: recipients' second numbers
 * make the contacts total come out at exactly the requested size.
 */
export function* randomDeliveries(ctx: GenerationContext): Generator<TableRow> {
  const total = ctx.sizes.deliveries;
  const extras = ctx.sizes.contacts - ctx.presetContacts - ctx.contactsMade - total;
  if (extras < 0) {
    throw new CourierDbSizeError(
      `${ctx.sizes.contacts} contacts leave no room for ${total} deliveries; pass more contacts`,
    );
  }
  const deliveredCount = Math.floor(total * DELIVERED_SHARE);
  const writer = new DeliveryWriter(ctx);
  let index = 0;
  for (let order = RANDOM_CODE_START; index < total; order += 1) {
    const roll = ctx.prng.next();
    const size = Math.min(roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3, total - index);
    // Delivered orders spread over the past year, oldest first; the rest are due now.
    const day =
      index < deliveredCount
        ? addDays(REFERENCE_DAY, -1 - Math.floor((1 - index / deliveredCount) * 364))
        : addDays(REFERENCE_DAY, ctx.prng.int(-1, 2));
    const created = dateTime(addDays(day, -ctx.prng.int(1, 4)), ctx.prng.int(480, 1_320));
    const rows: TableRow[] = [];
    const progress: Progress[] = [];
    for (const end = index + size; index < end; index += 1) {
      const written = writer.write({
        code: RANDOM_CODE_START + index,
        order,
        day,
        created,
        delivered: index < deliveredCount,
        extraNumbers:
          Math.floor(((index + 1) * extras) / total) - Math.floor((index * extras) / total),
      });
      rows.push(...written.rows);
      progress.push(written.progress);
    }
    yield {
      table: 'zakaz',
      row: {
        code: order,
        number: `${day.slice(2, 4)}${day.slice(5, 7)}-${order}`,
        source: RANDOM_CODE_START + ctx.prng.int(0, ctx.sizes.clients - 1),
        status: orderStatus(progress),
        date_create: created,
      },
    };
    yield* rows;
  }
}
