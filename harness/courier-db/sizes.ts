/** Row counts derived from the requested number of contacts (the size knob). */
export interface CourierDbSizes {
  readonly contacts: number;
  readonly users: number;
  readonly couriers: number;
  readonly clients: number;
  readonly contactPersons: number;
  readonly deliveries: number;
}

export const MIN_CONTACTS = 1000;

export class CourierDbSizeError extends RangeError {
  override readonly name = 'CourierDbSizeError';
}

/**
 * Proportions of a mid-size courier company: 1,000,000 contacts come with 300,000
 * deliveries, 125,000 clients, 200,000 contact persons and 500 couriers. Recipients'
 * second numbers fill the rest, so the contacts count comes out exact.
 */
export function courierDbSizes(contacts: number): CourierDbSizes {
  if (!Number.isInteger(contacts) || contacts < MIN_CONTACTS) {
    throw new CourierDbSizeError(
      `contacts must be an integer of at least ${MIN_CONTACTS} (got ${contacts}); ` +
        'pass a larger --contacts value',
    );
  }
  const clients = Math.max(10, Math.round(contacts / 8));
  return {
    contacts,
    users: Math.max(8, Math.round(contacts / 20_000)),
    couriers: Math.max(10, Math.round(contacts / 2_000)),
    clients,
    contactPersons: Math.round(clients * 1.6),
    deliveries: Math.round(contacts * 0.3),
  };
}
