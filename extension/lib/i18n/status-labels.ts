import { registerStrings, t } from './core';

/**
 * Status codes as the courier database keeps them (`zakaz.status`, `clients.status`), and
 * their labels in both languages. The lookups return the codes, not text, so the card can
 * say them in the operator's language; a code not listed here (a deployment's own, or text
 * its queries already make) is shown exactly as the database gave it.
 */
export const STATUS_STRINGS = {
  ru: {
    'status.delivery.1': 'новый',
    'status.delivery.2': 'в работе',
    'status.delivery.3': 'доставлен',
    'status.delivery.4': 'отменён',
    'status.client.0': 'заблокирован',
    'status.client.1': 'активен',
    'status.client.2': 'приостановлен',
    'status.client.3': 'VIP',
  },
  en: {
    'status.delivery.1': 'new',
    'status.delivery.2': 'in work',
    'status.delivery.3': 'delivered',
    'status.delivery.4': 'cancelled',
    'status.client.0': 'blocked',
    'status.client.1': 'active',
    'status.client.2': 'paused',
    'status.client.3': 'VIP',
  },
};

registerStrings(STATUS_STRINGS);

type StatusKind = 'delivery' | 'client';

function statusLabel(kind: StatusKind, status: string): string {
  const key = `status.${kind}.${status.trim()}`;
  return key in STATUS_STRINGS.en ? t(key) : status;
}

/** An order's delivery status: `2` → «в работе» / "in work"; anything else as given. */
export function deliveryStatusLabel(status: string): string {
  return statusLabel('delivery', status);
}

/** A client's status: `0` → «заблокирован» / "blocked"; anything else as given. */
export function clientStatusLabel(status: string): string {
  return statusLabel('client', status);
}
