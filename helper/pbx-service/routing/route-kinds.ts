/** Where the dialplan sends a call; the only values `CT_ROUTE_KIND` can take. */
export const ROUTE_KINDS = ['courier', 'manager', 'account-manager', 'operators'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** Why the call goes there; the only values `CT_ROUTE_REASON` can take. */
export const ROUTE_REASONS = [
  /** A recipient: the courier holding the parcel handed over last. */
  'parcel-holder',
  /** A recipient calling back the number a courier's callback showed: that courier. */
  'recent-callback',
  /** A courier: his manager. */
  'courier-manager',
  /** A client's contact person: the client's account manager. */
  'contact-manager',
  /** A client: the account manager. */
  'client-manager',
  /** The number is in no table. */
  'unknown-caller',
  /** Known, but no parcel in a courier's hands and no manager to ring. */
  'nothing-in-work',
  /** No usable caller number (withheld, or not a phone number). */
  'no-caller-id',
  /** The database failed. */
  'database-unavailable',
  /** The database did not answer within the routing deadline. */
  'timeout',
] as const;
export type RouteReason = (typeof ROUTE_REASONS)[number];
