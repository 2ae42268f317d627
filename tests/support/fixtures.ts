import { WELL_KNOWN, WELL_KNOWN_NUMBERS } from '../../harness/courier-db/well-known-data';

/**
 * Well-known numbers, people and the exact lookup results every generated courier database
 * gives for them, whatever its size. Use these in any test that needs known data.
 */

export { WELL_KNOWN, WELL_KNOWN_NUMBERS } from '../../harness/courier-db/well-known-data';
export { READ_ONLY_ACCOUNT } from '../../harness/courier-db/read-only-account';

/** Numbers in the form the database stores and lookups take: digits only. */
export const FIXTURE_NUMBERS = WELL_KNOWN_NUMBERS;
export type FixtureNumberName = keyof typeof FIXTURE_NUMBERS;

/** Cabinet user `operator1`: extensions 101 and 102; also the dispatcher of couriers 1 and 2. */
export const OPERATOR = {
  user: WELL_KNOWN.users.operator.user,
  name: WELL_KNOWN.users.operator.name,
  extPhone: '101,102',
  extensions: ['101', '102'],
} as const;

/** Account manager of client 1 (and dispatcher of courier 3): extension 103. */
export const ACCOUNT_MANAGER = {
  user: WELL_KNOWN.users.accountManager.user,
  name: WELL_KNOWN.users.accountManager.name,
  extPhone: '103',
  extensions: ['103'],
} as const;

/** Recipient lookup: the courier holding a parcel now (`givn.State = 1`). */
export interface CourierHoldingParcel {
  readonly code: number;
  readonly name: string;
  readonly phonem: string | null;
  readonly phonek: string | null;
}

/** Courier lookup: the courier and his manager's extensions. */
export interface CourierWithManager {
  readonly code: number;
  readonly name: string;
  readonly managerext: string | null;
}

/** Client lookup: the client, the account manager's extensions and the contact's status. */
export interface ClientWithManager {
  readonly code: number;
  readonly company: string;
  readonly managerext: string | null;
  readonly State: number;
}

/** Contact-person lookup (`fio`, SourceCodeType 39): the person and their client. */
export interface ContactPersonOfClient {
  readonly code: number;
  readonly name: string;
  readonly position: string | null;
  readonly client: number;
  readonly company: string;
  readonly managerext: string | null;
  readonly State: number;
}

/** Shipments lookup: a delivery in work (`date_put` NULL) with its order and client. */
export interface ShipmentInWork {
  readonly address: number;
  readonly recipient: string;
  readonly deliveryAddress: string;
  readonly order: number;
  readonly orderNumber: string;
  readonly client: number;
  readonly company: string;
}

/** What each lookup returns for one number, rows ordered by code. */
export interface ExpectedLookups {
  readonly recipientCouriers: readonly CourierHoldingParcel[];
  readonly courierManager: readonly CourierWithManager[];
  readonly client: readonly ClientWithManager[];
  readonly contactPerson: readonly ContactPersonOfClient[];
  readonly shipments: readonly ShipmentInWork[];
}

const { couriers, clients, contactPersons, orders, deliveries } = WELL_KNOWN;

const NOTHING: ExpectedLookups = {
  recipientCouriers: [],
  courierManager: [],
  client: [],
  contactPerson: [],
  shipments: [],
};

const holding = (courier: typeof couriers.courierWithManager): CourierHoldingParcel => ({
  code: courier.code,
  name: courier.name,
  phonem: courier.phonem,
  phonek: courier.phonek,
});

const shipment = (
  delivery: typeof deliveries.deliveryA,
  order: typeof orders.orderA,
  client: typeof clients.mainClient,
): ShipmentInWork => ({
  address: delivery.code,
  recipient: delivery.fio,
  deliveryAddress: delivery.address,
  order: order.code,
  orderNumber: order.number,
  client: client.code,
  company: client.company,
});

/** The exact result of every lookup for every fixture number. */
export const EXPECTED_LOOKUPS: Readonly<Record<FixtureNumberName, ExpectedLookups>> = {
  recipient: {
    ...NOTHING,
    // Two parcels in work held by two couriers; courier 3 handed his back (State 0) and the
    // delivered order's hand-over is closed, so neither shows.
    recipientCouriers: [holding(couriers.courierWithManager), holding(couriers.secondHolder)],
    shipments: [
      shipment(deliveries.deliveryA, orders.orderA, clients.mainClient),
      shipment(deliveries.deliveryB, orders.orderB, clients.mainClient),
    ],
  },
  kazakhRecipient: {
    ...NOTHING,
    recipientCouriers: [holding(couriers.kazakhHolder)],
    shipments: [
      shipment(deliveries.kazakhDelivery, orders.kazakhOrder, clients.clientWithoutManager),
    ],
  },
  courierMobile: {
    ...NOTHING,
    courierManager: [
      {
        code: couriers.courierWithManager.code,
        name: couriers.courierWithManager.name,
        managerext: OPERATOR.extPhone,
      },
    ],
  },
  clientMain: {
    ...NOTHING,
    client: [
      {
        code: clients.mainClient.code,
        company: clients.mainClient.company,
        managerext: ACCOUNT_MANAGER.extPhone,
        State: 1,
      },
    ],
  },
  clientWithoutManager: {
    ...NOTHING,
    client: [
      {
        code: clients.clientWithoutManager.code,
        company: clients.clientWithoutManager.company,
        managerext: null,
        State: 1,
      },
    ],
  },
  contactPerson: {
    ...NOTHING,
    contactPerson: [
      {
        code: contactPersons.contactPerson.code,
        name: contactPersons.contactPerson.name,
        position: contactPersons.contactPerson.position,
        client: clients.mainClient.code,
        company: clients.mainClient.company,
        managerext: ACCOUNT_MANAGER.extPhone,
        State: 1,
      },
    ],
  },
  unknown: NOTHING,
};
