import { parse } from 'valibot';
import { describe, expect, it } from 'vitest';
import { Identity } from '../../../../shared/protocol';
import { buildLink } from '../../../../helper/lookup/link-template';
import { mergeIdentity } from '../../../../helper/lookup/merge-identity';
import { splitExtensions } from '../../../../helper/lookup/extensions';
import type { RoleRows } from '../../../../helper/lookup/merge-identity';

const LINKS = {
  client: 'https://cab.example/clients/{code}',
  order: 'https://cab.example/orders/{code}?tab=delivery',
  courier: 'https://cab.example/couriers/{code}',
};
const options = {
  links: LINKS,
  normalizeNumber: (raw: string) => (/^7\d{10}$/.test(raw) ? `+${raw}` : undefined),
};
const none: RoleRows = {
  contactPerson: [],
  client: [],
  courier: [],
  deliveries: [],
  parcelHolders: [],
};

describe('mergeIdentity', () => {
  it('returns an empty identity when no row matched', () => {
    expect(mergeIdentity(none, options)).toEqual({ clients: [], couriers: [], deliveries: [] });
  });

  it('shows a contact person down to the person, with the client status and manager', () => {
    const identity = mergeIdentity(
      {
        ...none,
        contactPerson: [
          {
            contactCode: 501,
            contactName: 'Петрова Анна',
            contactPosition: 'бухгалтер',
            clientCode: 1001,
            company: 'ООО Ромашка',
            status: 'VIP',
            managerUser: 'ivanova',
            managerName: 'Иванова Мария',
            managerExt: '104, 105',
          },
        ],
        client: [
          {
            clientCode: 1001,
            company: 'ООО Ромашка',
            status: 'VIP',
            managerUser: 'ivanova',
            managerExt: '104',
          },
          {
            clientCode: 1002,
            company: 'АО Лютик',
            status: null,
            managerUser: null,
            managerExt: null,
          },
        ],
      },
      options,
    );
    expect(identity.clients).toEqual([
      {
        code: '1001',
        company: 'ООО Ромашка',
        status: 'VIP',
        manager: { user: 'ivanova', name: 'Иванова Мария', extensions: ['104', '105'] },
        contact: { code: '501', name: 'Петрова Анна', position: 'бухгалтер' },
        url: 'https://cab.example/clients/1001',
      },
      { code: '1002', company: 'АО Лютик', url: 'https://cab.example/clients/1002' },
    ]);
    expect(() => parse(Identity, identity)).not.toThrow();
  });

  it('gives a courier the manager extensions and a normalized mobile', () => {
    const identity = mergeIdentity(
      {
        ...none,
        courier: [
          {
            courierCode: 77,
            courierName: 'Сидоров Пётр',
            courierMobile: '79031112233',
            managerUser: 'disp1',
            managerName: null,
            managerExt: '110',
          },
          { courierCode: 77, courierName: 'duplicate row from a second join' },
        ],
      },
      options,
    );
    expect(identity.couriers).toEqual([
      {
        code: '77',
        name: 'Сидоров Пётр',
        mobile: '+79031112233',
        url: 'https://cab.example/couriers/77',
        manager: { user: 'disp1', extensions: ['110'] },
      },
    ]);
  });

  it('lists a recipient deliveries with the courier holding each parcel, status codes as text and only valid currencies', () => {
    const identity = mergeIdentity(
      {
        ...none,
        deliveries: [
          {
            addressCode: 9001,
            orderCode: 8001,
            orderNumber: 'A-100',
            orderStatus: 2,
            recipientName: 'Кузнецов Иван',
            address: 'Москва, ул. Ленина, 1',
            deliveryDate: '2025-03-01',
            timeFrom: '10:00:00',
            timeTo: '14:00:00',
            cod: '1500.50',
            currency: 'rub',
            clientCode: 1001,
            company: 'ООО Ромашка',
          },
          {
            addressCode: 9002,
            orderCode: 8002,
            orderNumber: 'A-101',
            cod: '0.00',
            currency: 'рубли',
            interval: 'после 18',
            timeFrom: '18:00:00',
          },
        ],
        parcelHolders: [
          {
            addressCode: 9001,
            orderCode: 8001,
            courierCode: 77,
            courierName: 'Сидоров',
            courierMobile: '79031112233',
          },
          {
            addressCode: 9003,
            orderCode: 8003,
            courierCode: 78,
            courierName: 'Орлов',
            courierMobile: 'n/a',
          },
        ],
      },
      options,
    );
    expect(identity.deliveries).toEqual([
      {
        addressCode: '9001',
        orderCode: '8001',
        orderNumber: 'A-100',
        status: '2',
        recipientName: 'Кузнецов Иван',
        address: 'Москва, ул. Ленина, 1',
        date: '2025-03-01',
        interval: '10:00–14:00',
        cod: 1500.5,
        currency: 'RUB',
        client: { code: '1001', company: 'ООО Ромашка' },
        url: 'https://cab.example/orders/8001?tab=delivery',
        courier: {
          code: '77',
          name: 'Сидоров',
          mobile: '+79031112233',
          url: 'https://cab.example/couriers/77',
        },
      },
      {
        addressCode: '9002',
        orderCode: '8002',
        orderNumber: 'A-101',
        interval: 'после 18',
        cod: 0,
        url: 'https://cab.example/orders/8002?tab=delivery',
      },
      {
        addressCode: '9003',
        orderCode: '8003',
        url: 'https://cab.example/orders/8003?tab=delivery',
        courier: { code: '78', name: 'Орлов', url: 'https://cab.example/couriers/78' },
      },
    ]);
    expect(() => parse(Identity, identity)).not.toThrow();
  });

  it('merges every role a number plays', () => {
    const identity = mergeIdentity(
      {
        ...none,
        courier: [{ courierCode: 5, courierName: 'Курьер' }],
        deliveries: [{ addressCode: 1, orderCode: 2 }],
        client: [{ clientCode: 3, company: 'ИП' }],
      },
      { ...options, links: { client: '', order: '', courier: '' } },
    );
    expect(identity).toEqual({
      clients: [{ code: '3', company: 'ИП' }],
      couriers: [{ code: '5', name: 'Курьер' }],
      deliveries: [{ addressCode: '1', orderCode: '2' }],
    });
  });

  it('skips rows without the required aliases', () => {
    const identity = mergeIdentity(
      { ...none, client: [{ company: 'no code' }], deliveries: [{ addressCode: 1 }] },
      options,
    );
    expect(identity).toEqual({ clients: [], couriers: [], deliveries: [] });
  });
});

describe('buildLink', () => {
  it('substitutes every {code}, URL-encoded', () => {
    expect(buildLink('https://c.example/x/{code}?again={code}', 'A/1 б')).toBe(
      'https://c.example/x/A%2F1%20%D0%B1?again=A%2F1%20%D0%B1',
    );
    expect(buildLink('', '1')).toBeUndefined();
  });
});

describe('splitExtensions', () => {
  it('reads users.extPhone as written in the cabinet', () => {
    expect(splitExtensions('101,102')).toEqual(['101', '102']);
    expect(splitExtensions(' 101 , 102;103 101')).toEqual(['101', '102', '103']);
    expect(splitExtensions('101,abc,1,1234567')).toEqual(['101']);
    expect(splitExtensions(null)).toEqual([]);
    expect(splitExtensions(104)).toEqual(['104']);
  });
});
