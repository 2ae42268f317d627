import { EMPTY_IDENTITY, type Identity } from '../../../shared/protocol';
import type { IdentityResolver, LookupOutcome } from '../../core/identity-resolver';

const cabinet = 'https://cabinet.demo.invalid';

const courierPetrov = {
  code: '301',
  name: 'Петров Алексей',
  mobile: '+79031112233',
  url: `${cabinet}/couriers/301`,
};
const courierSmirnov = {
  code: '302',
  name: 'Смирнов Дмитрий',
  mobile: '+79035556677',
  url: `${cabinet}/couriers/302`,
};

/**
 * The built-in directory of the demo: a few people whose numbers appear on the
 * demo cabinet page, so a simulated call shows every kind of card.
 */
const entries: Record<string, Identity> = {
  '79161234567': {
    clients: [],
    couriers: [],
    deliveries: [
      {
        addressCode: '90001',
        orderCode: '70001',
        orderNumber: 'ЗК-2026-070001',
        status: '2',
        recipientName: 'Иванова Мария Сергеевна',
        address: 'Москва, ул. Профсоюзная, д. 12, кв. 45',
        date: '2026-11-26',
        interval: '10:00–14:00',
        cod: 2450,
        currency: 'RUB',
        client: { code: '501', company: 'ООО «Цветочная лавка»' },
        courier: courierPetrov,
        url: `${cabinet}/orders/70001`,
      },
      {
        addressCode: '90002',
        orderCode: '70002',
        orderNumber: 'ЗК-2026-070002',
        status: '2',
        recipientName: 'Иванова Мария Сергеевна',
        address: 'Москва, ул. Профсоюзная, д. 12, кв. 45',
        date: '2026-11-26',
        interval: '14:00–18:00',
        cod: 0,
        currency: 'RUB',
        client: { code: '502', company: 'ИП Соколов' },
        courier: courierSmirnov,
        url: `${cabinet}/orders/70002`,
      },
    ],
  },
  '74951234567': {
    clients: [
      {
        code: '501',
        company: 'ООО «Цветочная лавка»',
        status: '1',
        manager: { user: 'manager1', name: 'Ольга Кузнецова', extensions: ['103'] },
        contact: { code: '801', name: 'Орлова Анна', position: 'Логист' },
        url: `${cabinet}/clients/501`,
      },
    ],
    couriers: [],
    deliveries: [],
  },
  '79031112233': {
    clients: [],
    couriers: [
      { ...courierPetrov, manager: { user: 'manager2', name: 'Игорь Белов', extensions: ['102'] } },
    ],
    deliveries: [],
  },
  '77011234567': {
    clients: [],
    couriers: [],
    deliveries: [
      {
        addressCode: '90003',
        orderCode: '70003',
        orderNumber: 'ЗК-2026-070003',
        status: '2',
        recipientName: 'Ахметов Ерлан',
        address: 'Алматы, пр. Абая, д. 5',
        date: '2026-11-27',
        interval: '09:00–12:00',
        cod: 15000,
        currency: 'KZT',
        courier: courierSmirnov,
        url: `${cabinet}/orders/70003`,
      },
    ],
  },
};

export class DemoDirectory implements IdentityResolver {
  async lookup(dbKey: string): Promise<LookupOutcome> {
    return { state: 'done', identity: entries[dbKey] ?? EMPTY_IDENTITY };
  }
}

export const DEMO_NUMBERS = Object.keys(entries);
