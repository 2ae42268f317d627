import { parse } from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../helper/config/defaults';
import { createMysqlDirectory } from '../../helper/lookup/mysql-caller-lookup';
import type { MysqlDirectory } from '../../helper/lookup/mysql-caller-lookup';
import { Identity } from '../../shared/protocol';
import type { CourierRef, Delivery } from '../../shared/protocol';
import {
  ACCOUNT_MANAGER,
  EXPECTED_LOOKUPS,
  FIXTURE_NUMBERS,
  OPERATOR,
  WELL_KNOWN,
} from '../support/fixtures';
import type { FixtureNumberName } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';

const LINKS = {
  client: 'https://cabinet.test/clients/{code}',
  order: 'https://cabinet.test/orders/{code}',
  courier: 'https://cabinet.test/couriers/{code}',
};
const { couriers, clients, contactPersons, orders, deliveries } = WELL_KNOWN;

function directoryConfig(): Parameters<typeof createMysqlDirectory>[0] {
  const { mariadb } = harnessInfo();
  return {
    database: {
      ...DEFAULTS.database,
      host: mariadb.host,
      port: mariadb.port,
      database: mariadb.database,
      user: mariadb.readOnly.user,
      password: mariadb.readOnly.password,
      // A loaded CI machine may be slow; the deadline itself is covered by unit tests.
      queryTimeoutMs: 10_000,
    },
    lookup: DEFAULTS.lookup,
    links: LINKS,
    phone: { defaultCountry: 'RU' },
  };
}

function courierRef(courier: typeof couriers.courierWithManager): CourierRef {
  return {
    code: String(courier.code),
    name: courier.name,
    mobile: `+${courier.phonem}`,
    url: `https://cabinet.test/couriers/${courier.code}`,
  };
}

/** Each sender's own number in the contacts table (SourceCodeType 2), in E.164. */
const CLIENT_PHONES: Record<number, string> = {
  [clients.mainClient.code]: `+${FIXTURE_NUMBERS.clientMain}`,
  [clients.clientWithoutManager.code]: `+${FIXTURE_NUMBERS.clientWithoutManager}`,
};

function delivery(
  address: typeof deliveries.deliveryA,
  order: typeof orders.orderA,
  client: typeof clients.mainClient,
  holder: typeof couriers.courierWithManager,
): Delivery {
  return {
    addressCode: String(address.code),
    orderCode: String(order.code),
    orderNumber: order.number,
    status: String(order.status),
    recipientName: address.fio,
    address: address.address,
    date: address.date,
    interval: `${address.time_from?.slice(0, 5)}–${address.time_to?.slice(0, 5)}`,
    cod: Number(address.cod),
    currency: 'RUB',
    // The sender's number (its main contact), offered on the card as a transfer target.
    client: {
      code: String(client.code),
      company: client.company,
      phone: CLIENT_PHONES[client.code],
    },
    url: `https://cabinet.test/orders/${order.code}`,
    courier: courierRef(holder),
  };
}

const mainClientIdentity = {
  code: String(clients.mainClient.code),
  company: clients.mainClient.company,
  status: String(clients.mainClient.status),
  manager: {
    user: ACCOUNT_MANAGER.user,
    name: ACCOUNT_MANAGER.name,
    extensions: [...ACCOUNT_MANAGER.extensions],
  },
  url: `https://cabinet.test/clients/${clients.mainClient.code}`,
};

/** The merged identity the card shows for each well-known number. */
const EXPECTED: Record<FixtureNumberName, Identity> = {
  recipient: {
    clients: [],
    couriers: [],
    deliveries: [
      delivery(
        deliveries.deliveryA,
        orders.orderA,
        clients.mainClient,
        couriers.courierWithManager,
      ),
      delivery(deliveries.deliveryB, orders.orderB, clients.mainClient, couriers.secondHolder),
    ],
  },
  kazakhRecipient: {
    clients: [],
    couriers: [],
    deliveries: [
      delivery(
        deliveries.kazakhDelivery,
        orders.kazakhOrder,
        clients.clientWithoutManager,
        couriers.kazakhHolder,
      ),
    ],
  },
  courierMobile: {
    clients: [],
    couriers: [
      {
        ...courierRef(couriers.courierWithManager),
        manager: { user: OPERATOR.user, name: OPERATOR.name, extensions: [...OPERATOR.extensions] },
      },
    ],
    deliveries: [],
  },
  clientMain: { clients: [mainClientIdentity], couriers: [], deliveries: [] },
  clientWithoutManager: {
    clients: [
      {
        code: String(clients.clientWithoutManager.code),
        company: clients.clientWithoutManager.company,
        status: String(clients.clientWithoutManager.status),
        url: `https://cabinet.test/clients/${clients.clientWithoutManager.code}`,
      },
    ],
    couriers: [],
    deliveries: [],
  },
  contactPerson: {
    clients: [
      {
        ...mainClientIdentity,
        contact: {
          code: String(contactPersons.contactPerson.code),
          name: contactPersons.contactPerson.name,
          position: contactPersons.contactPerson.position as string,
        },
      },
    ],
    couriers: [],
    deliveries: [],
  },
  unknown: { clients: [], couriers: [], deliveries: [] },
};

describe('caller identification from the courier database (read-only account)', () => {
  let directory: MysqlDirectory;
  beforeAll(() => {
    directory = createMysqlDirectory(directoryConfig());
  });
  afterAll(async () => {
    await directory.close();
  });

  it.each(Object.keys(FIXTURE_NUMBERS) as FixtureNumberName[])(
    'merges every role of the %s number into one identity',
    async (name) => {
      const outcome = await directory.lookup.lookup(FIXTURE_NUMBERS[name]);
      expect(outcome).toEqual({ state: 'done', identity: EXPECTED[name] });
      if (outcome.state === 'done') expect(() => parse(Identity, outcome.identity)).not.toThrow();
    },
  );

  it('agrees with the fixtures on who holds which parcel and which extensions answer', () => {
    const expected = EXPECTED_LOOKUPS;
    const holders = EXPECTED.recipient.deliveries.map((entry) => Number(entry.courier?.code));
    expect(holders).toEqual(expected.recipient.recipientCouriers.map((row) => row.code));
    const orderCodes = EXPECTED.recipient.deliveries.map((entry) => Number(entry.orderCode));
    expect(orderCodes).toEqual(expected.recipient.shipments.map((row) => row.order));
    expect(EXPECTED.courierMobile.couriers[0]?.manager?.extensions.join(',')).toBe(
      expected.courierMobile.courierManager[0]?.managerext,
    );
    expect(EXPECTED.contactPerson.clients[0]?.manager?.extensions.join(',')).toBe(
      expected.contactPerson.contactPerson[0]?.managerext,
    );
    expect(expected.clientWithoutManager.client[0]?.managerext).toBeNull();
  });

  it("reads an operator's extensions from users.extPhone", async () => {
    expect(await directory.resolveOperatorExtensions(OPERATOR.user)).toEqual(OPERATOR.extensions);
    await expect(directory.resolveOperatorExtensions('no-such-user')).rejects.toThrow(
      /no user "no-such-user"/,
    );
  });

  it('answers many concurrent lookups of one number with one identity', async () => {
    const number = FIXTURE_NUMBERS.kazakhRecipient;
    const fresh = createMysqlDirectory(directoryConfig());
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => fresh.lookup.lookup(number)),
      );
      for (const outcome of outcomes) {
        expect(outcome).toEqual({ state: 'done', identity: EXPECTED.kazakhRecipient });
      }
    } finally {
      await fresh.close();
    }
  });
});
