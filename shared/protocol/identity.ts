import * as v from 'valibot';
import { CabinetUrl, Extension } from './common';

const Code = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Text = v.pipe(v.string(), v.maxLength(512));
const E164 = v.pipe(v.string(), v.regex(/^\+\d{6,15}$/));

export const ContactPerson = v.object({
  code: Code,
  name: Text,
  position: v.optional(Text),
});
export type ContactPerson = v.InferOutput<typeof ContactPerson>;

/**
 * A status as the database holds it: a code the extension names in the operator's
 * language (`1`), or text a deployment's query makes, which is shown as it is.
 */
const Status = Text;

/** A client company the number belongs to, down to the contact person. */
export const ClientIdentity = v.object({
  code: Code,
  company: Text,
  status: v.optional(Status),
  manager: v.optional(
    v.object({ user: Text, name: v.optional(Text), extensions: v.array(Extension) }),
  ),
  contact: v.optional(ContactPerson),
  url: v.optional(CabinetUrl),
});
export type ClientIdentity = v.InferOutput<typeof ClientIdentity>;

export const CourierRef = v.object({
  code: Code,
  name: Text,
  mobile: v.optional(E164),
  url: v.optional(CabinetUrl),
});
export type CourierRef = v.InferOutput<typeof CourierRef>;

export const CourierIdentity = v.object({
  ...CourierRef.entries,
  manager: v.optional(
    v.object({ user: Text, name: v.optional(Text), extensions: v.array(Extension) }),
  ),
});
export type CourierIdentity = v.InferOutput<typeof CourierIdentity>;

/** One delivery in work for the calling number, with who holds the parcel. */
export const Delivery = v.object({
  addressCode: Code,
  orderCode: Code,
  orderNumber: v.optional(Text),
  status: v.optional(Status),
  recipientName: v.optional(Text),
  address: v.optional(Text),
  /** As the database gives it: `2025-11-24` (or with a time); other text is shown as it is. */
  date: v.optional(Text),
  interval: v.optional(Text),
  /** Cash on delivery, in `currency` (ISO 4217) when the query says which. */
  cod: v.optional(v.number()),
  currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))),
  /** The sender, with its number when the cabinet has one (a transfer target on the card). */
  client: v.optional(v.object({ code: Code, company: Text, phone: v.optional(E164) })),
  courier: v.optional(CourierRef),
  url: v.optional(CabinetUrl),
});
export type Delivery = v.InferOutput<typeof Delivery>;

/**
 * Everything the courier database knows about a number. Roles are not
 * exclusive: a courier may also be a recipient. All empty means unknown.
 */
export const Identity = v.object({
  clients: v.array(ClientIdentity),
  couriers: v.array(CourierIdentity),
  deliveries: v.array(Delivery),
});
export type Identity = v.InferOutput<typeof Identity>;

/** `pending` until the database answers; `unavailable` when it cannot. */
export const LookupState = v.picklist(['none', 'pending', 'done', 'unavailable']);
export type LookupState = v.InferOutput<typeof LookupState>;

export const EMPTY_IDENTITY: Identity = Object.freeze({
  clients: [],
  couriers: [],
  deliveries: [],
}) as Identity;

export function isUnknownIdentity(identity: Identity): boolean {
  return (
    identity.clients.length === 0 &&
    identity.couriers.length === 0 &&
    identity.deliveries.length === 0
  );
}
