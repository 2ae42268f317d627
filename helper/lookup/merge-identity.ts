import type {
  ClientIdentity,
  CourierIdentity,
  CourierRef,
  Delivery,
  Identity,
} from '../../shared/protocol';
import type { LookupQueryName, RecordLinkTemplates } from '../config/types';
import { splitExtensions } from './extensions';
import { buildLink } from './link-template';
import { amount, clock, code, text } from './row-values';
import type { Row } from './types';

/** The caller lookups; `operatorExtensions` is not one of them. */
export type CallerQueryName = Exclude<LookupQueryName, 'operatorExtensions'>;
export const CALLER_QUERY_NAMES: readonly CallerQueryName[] = [
  'contactPerson',
  'client',
  'courier',
  'deliveries',
  'parcelHolders',
];

export type RoleRows = Readonly<Record<CallerQueryName, readonly Row[]>>;

export interface MergeOptions {
  links: RecordLinkTemplates;
  /** Digits from the database → `+E.164`, or undefined when not a dialable number. */
  normalizeNumber: (raw: string) => string | undefined;
}

type Manager = NonNullable<ClientIdentity['manager']>;

function manager(row: Row): Manager | undefined {
  const user = text(row, 'managerUser');
  const name = text(row, 'managerName');
  const extensions = splitExtensions(row.managerExt);
  if (!user && extensions.length === 0) return undefined;
  return { user: user ?? '', ...(name ? { name } : {}), extensions };
}

function client(row: Row, options: MergeOptions): ClientIdentity | undefined {
  const clientCode = code(row, 'clientCode');
  if (!clientCode) return undefined;
  const status = text(row, 'status');
  const boss = manager(row);
  const url = buildLink(options.links.client, clientCode);
  return {
    code: clientCode,
    company: text(row, 'company') ?? '',
    ...(status ? { status } : {}),
    ...(boss ? { manager: boss } : {}),
    ...(url ? { url } : {}),
  };
}

function clients(rows: RoleRows, options: MergeOptions): ClientIdentity[] {
  const result: ClientIdentity[] = [];
  const seenContacts = new Set<string>();
  for (const row of rows.contactPerson) {
    const base = client(row, options);
    const contactCode = code(row, 'contactCode');
    if (!base || !contactCode || seenContacts.has(contactCode)) continue;
    seenContacts.add(contactCode);
    const position = text(row, 'contactPosition');
    result.push({
      ...base,
      contact: {
        code: contactCode,
        name: text(row, 'contactName') ?? '',
        ...(position ? { position } : {}),
      },
    });
  }
  // A company number that is also one of its contact person's is shown once, down to the person.
  const covered = new Set(result.map((entry) => entry.code));
  for (const row of rows.client) {
    const entry = client(row, options);
    if (!entry || covered.has(entry.code)) continue;
    covered.add(entry.code);
    result.push(entry);
  }
  return result;
}

function courierRef(row: Row, options: MergeOptions): CourierRef | undefined {
  const courierCode = code(row, 'courierCode');
  if (!courierCode) return undefined;
  const rawMobile = text(row, 'courierMobile');
  const mobile = rawMobile ? options.normalizeNumber(rawMobile) : undefined;
  const url = buildLink(options.links.courier, courierCode);
  return {
    code: courierCode,
    name: text(row, 'courierName') ?? '',
    ...(mobile ? { mobile } : {}),
    ...(url ? { url } : {}),
  };
}

function couriers(rows: RoleRows, options: MergeOptions): CourierIdentity[] {
  const byCode = new Map<string, CourierIdentity>();
  for (const row of rows.courier) {
    const ref = courierRef(row, options);
    if (!ref || byCode.has(ref.code)) continue;
    const boss = manager(row);
    byCode.set(ref.code, { ...ref, ...(boss ? { manager: boss } : {}) });
  }
  return [...byCode.values()];
}

function interval(row: Row): string | undefined {
  const written = text(row, 'interval');
  if (written) return written;
  const from = clock(row, 'timeFrom');
  const to = clock(row, 'timeTo');
  if (from && to) return `${from}–${to}`;
  return from ? `${from}–` : to ? `–${to}` : undefined;
}

/** `RUB`, `kzt ` → `KZT`; anything that is not a three-letter code is left out. */
function currencyCode(row: Row): string | undefined {
  const value = text(row, 'currency')?.toUpperCase();
  return value !== undefined && /^[A-Z]{3}$/.test(value) ? value : undefined;
}

function delivery(row: Row, options: MergeOptions): Delivery | undefined {
  const addressCode = code(row, 'addressCode');
  const orderCode = code(row, 'orderCode');
  if (!addressCode || !orderCode) return undefined;
  const fields = {
    orderNumber: text(row, 'orderNumber'),
    status: text(row, 'orderStatus'),
    recipientName: text(row, 'recipientName'),
    address: text(row, 'address'),
    date: text(row, 'deliveryDate'),
    interval: interval(row),
    url: buildLink(options.links.order, orderCode),
  };
  const cod = amount(row, 'cod');
  const currency = currencyCode(row);
  const clientCode = code(row, 'clientCode');
  const rawPhone = text(row, 'clientPhone');
  const phone = rawPhone ? options.normalizeNumber(rawPhone) : undefined;
  return {
    addressCode,
    orderCode,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    ...(cod !== undefined ? { cod } : {}),
    ...(cod !== undefined && currency !== undefined ? { currency } : {}),
    ...(clientCode
      ? {
          client: {
            code: clientCode,
            company: text(row, 'company') ?? '',
            ...(phone ? { phone } : {}),
          },
        }
      : {}),
  };
}

function deliveries(rows: RoleRows, options: MergeOptions): Delivery[] {
  const byAddress = new Map<string, Delivery>();
  for (const row of rows.deliveries) {
    const entry = delivery(row, options);
    if (entry && !byAddress.has(entry.addressCode)) byAddress.set(entry.addressCode, entry);
  }
  for (const row of rows.parcelHolders) {
    const holder = courierRef(row, options);
    const addressCode = code(row, 'addressCode');
    if (!holder || !addressCode) continue;
    const existing = byAddress.get(addressCode);
    if (existing) {
      if (!existing.courier) existing.courier = holder;
      continue;
    }
    const bare = delivery(row, options);
    if (bare) byAddress.set(addressCode, { ...bare, courier: holder });
  }
  return [...byAddress.values()];
}

/**
 * Every role the number plays, merged into one identity: a client down to the
 * contact person, a courier with the manager, a recipient with each delivery in
 * work and the courier holding it. Rows are read by column alias only.
 */
export function mergeIdentity(rows: RoleRows, options: MergeOptions): Identity {
  return {
    clients: clients(rows, options),
    couriers: couriers(rows, options),
    deliveries: deliveries(rows, options),
  };
}
