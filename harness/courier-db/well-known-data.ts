import type {
  AddressRow,
  ClientRow,
  ContactRow,
  CourierTable,
  CourierTables,
  FioRow,
  GivnRow,
  KurierRow,
  UserRow,
  ZakazRow,
} from './courier-rows';
import { SOURCE_TYPE } from './courier-rows';

/**
 * Rows written into every generated database whatever its size, so tests can rely on
 * exact lookup results. Their codes are below `RANDOM_CODE_START`; random rows never
 * reuse these numbers (see `WELL_KNOWN_NUMBERS`).
 */
export const RANDOM_CODE_START = 1001;

/** The day the generated data treats as "today": deliveries in work are due on it. */
export const REFERENCE_DAY = '2025-11-24';

const operator: UserRow = {
  user: 'operator1',
  name: 'Смирнова Анна Петровна',
  position: 'Оператор-диспетчер',
  extPhone: '101,102',
  email: 'operator1@courier.example',
  active: 1,
  date_create: '2023-02-01 09:00:00',
};

const accountManager: UserRow = {
  user: 'manager103',
  name: 'Волкова Елена Сергеевна',
  position: 'Менеджер по работе с клиентами',
  extPhone: '103',
  email: 'manager103@courier.example',
  active: 1,
  date_create: '2023-03-15 09:00:00',
};

/** Holds one of the recipient's parcels; reached by his mobile; managed by operator1. */
const courierWithManager: KurierRow = {
  code: 1,
  name: 'Петров Сергей Иванович',
  phonem: '79031112233',
  phonek: null,
  manager: operator.user,
  active: 1,
  date_create: '2024-04-01 10:00:00',
};

const secondHolder: KurierRow = {
  code: 2,
  name: 'Сидоров Алексей Викторович',
  phonem: '79032223344',
  phonek: '79032223355',
  manager: operator.user,
  active: 1,
  date_create: '2024-05-20 10:00:00',
};

/** Held the recipient's first parcel before handing it back; now holds the Kazakh one. */
const kazakhHolder: KurierRow = {
  code: 3,
  name: 'Морозов Дмитрий Олегович',
  phonem: '79033334455',
  phonek: null,
  manager: accountManager.user,
  active: 1,
  date_create: '2024-06-10 10:00:00',
};

const mainClient: ClientRow = {
  code: 1,
  company: 'ООО «Ромашка»',
  inn: '7714123456',
  manager: accountManager.user,
  status: 1,
  date_create: '2023-05-12 12:00:00',
};

/** A sender without an account manager (the lookup's LEFT JOIN yields NULL). */
const clientWithoutManager: ClientRow = {
  code: 2,
  company: 'ИП Соколова Татьяна Викторовна',
  inn: '500100732259',
  manager: null,
  status: 3,
  date_create: '2024-01-22 12:00:00',
};

const contactPerson: FioRow = {
  code: 1,
  client: mainClient.code,
  name: 'Орлова Мария Андреевна',
  position: 'Менеджер по логистике',
  email: 'orlova@romashka.example',
  date_create: '2023-05-12 12:30:00',
};

const orderA: ZakazRow = {
  code: 1,
  number: 'RM-000101',
  source: mainClient.code,
  status: 2,
  date_create: '2025-11-21 11:05:00',
};
const orderB: ZakazRow = {
  code: 2,
  number: 'RM-000102',
  source: mainClient.code,
  status: 2,
  date_create: '2025-11-22 16:40:00',
};
const deliveredOrder: ZakazRow = {
  code: 3,
  number: 'SV-000201',
  source: clientWithoutManager.code,
  status: 3,
  date_create: '2025-11-05 09:15:00',
};
const kazakhOrder: ZakazRow = {
  code: 4,
  number: 'SV-000202',
  source: clientWithoutManager.code,
  status: 2,
  date_create: '2025-11-21 13:20:00',
};

const RECIPIENT_NAME = 'Иванов Иван Иванович';
const RECIPIENT_ADDRESS = 'г. Москва, ул. Тверская, д. 7, кв. 12';

const deliveryA: AddressRow = {
  code: 1,
  zakaz: orderA.code,
  fio: RECIPIENT_NAME,
  address: RECIPIENT_ADDRESS,
  date: REFERENCE_DAY,
  time_from: '10:00:00',
  time_to: '14:00:00',
  cod: '1500.00',
  date_put: null,
  date_create: '2025-11-21 11:05:00',
};
const deliveryB: AddressRow = {
  code: 2,
  zakaz: orderB.code,
  fio: RECIPIENT_NAME,
  address: RECIPIENT_ADDRESS,
  date: REFERENCE_DAY,
  time_from: '14:00:00',
  time_to: '18:00:00',
  cod: '0.00',
  date_put: null,
  date_create: '2025-11-22 16:40:00',
};
const deliveredDelivery: AddressRow = {
  code: 3,
  zakaz: deliveredOrder.code,
  fio: RECIPIENT_NAME,
  address: RECIPIENT_ADDRESS,
  date: '2025-11-10',
  time_from: '12:00:00',
  time_to: '16:00:00',
  cod: '4200.00',
  date_put: '2025-11-10 15:42:00',
  date_create: '2025-11-05 09:15:00',
};
const kazakhDelivery: AddressRow = {
  code: 4,
  zakaz: kazakhOrder.code,
  fio: 'Нурланов Ерлан Бекович',
  address: 'г. Москва, Ленинский пр-т, д. 30, кв. 5',
  date: REFERENCE_DAY,
  time_from: '12:00:00',
  time_to: '16:00:00',
  cod: '2990.00',
  date_put: null,
  date_create: '2025-11-21 13:20:00',
};

const handOvers: GivnRow[] = [
  {
    code: 1,
    address: deliveryA.code,
    kurier: kazakhHolder.code,
    State: 0,
    date_create: '2025-11-22 08:30:00',
  },
  {
    code: 2,
    address: deliveryA.code,
    kurier: courierWithManager.code,
    State: 1,
    date_create: '2025-11-24 08:10:00',
  },
  {
    code: 3,
    address: deliveryB.code,
    kurier: secondHolder.code,
    State: 1,
    date_create: '2025-11-24 08:20:00',
  },
  {
    code: 4,
    address: deliveredDelivery.code,
    kurier: courierWithManager.code,
    State: 0,
    date_create: '2025-11-10 08:05:00',
  },
  {
    code: 5,
    address: kazakhDelivery.code,
    kurier: kazakhHolder.code,
    State: 1,
    date_create: '2025-11-24 08:40:00',
  },
];

/** The numbers the fixtures own; random data never produces any of them. */
export const WELL_KNOWN_NUMBERS = {
  /** Recipient of two orders in work (two couriers hold them) and one delivered order. */
  recipient: '79161234567',
  /** Recipient with a Kazakh mobile and one order in work. */
  kazakhRecipient: '77011234567',
  /** Courier's mobile (`kurier.phonem`); his manager has extensions 101,102. */
  courierMobile: courierWithManager.phonem as string,
  /** Client's main number; the account manager has extension 103. */
  clientMain: '74951234567',
  /** Client without an account manager. */
  clientWithoutManager: '74997654321',
  /** The client's contact person (`fio`, SourceCodeType 39). */
  contactPerson: '79165556677',
  /** Matches nothing in any table. */
  unknown: '79990000000',
} as const;

const contact = (
  code: number,
  value: string,
  type: ContactRow['SourceCodeType'],
  source: number,
  comment: string | null = null,
): ContactRow => ({
  code,
  VALUE: value,
  SourceCodeType: type,
  Source: source,
  State: 1,
  comment,
  date_create: '2025-01-10 10:00:00',
});

const contacts: ContactRow[] = [
  contact(1, WELL_KNOWN_NUMBERS.recipient, SOURCE_TYPE.recipient, deliveryA.code),
  contact(2, WELL_KNOWN_NUMBERS.recipient, SOURCE_TYPE.recipient, deliveryB.code),
  contact(3, WELL_KNOWN_NUMBERS.recipient, SOURCE_TYPE.recipient, deliveredDelivery.code),
  contact(4, WELL_KNOWN_NUMBERS.kazakhRecipient, SOURCE_TYPE.recipient, kazakhDelivery.code),
  contact(
    5,
    WELL_KNOWN_NUMBERS.courierMobile,
    SOURCE_TYPE.courier,
    courierWithManager.code,
    'мобильный',
  ),
  contact(6, secondHolder.phonem as string, SOURCE_TYPE.courier, secondHolder.code, 'мобильный'),
  contact(7, secondHolder.phonek as string, SOURCE_TYPE.courier, secondHolder.code, 'рабочий'),
  contact(8, kazakhHolder.phonem as string, SOURCE_TYPE.courier, kazakhHolder.code, 'мобильный'),
  contact(9, WELL_KNOWN_NUMBERS.clientMain, SOURCE_TYPE.client, mainClient.code, 'основной'),
  contact(
    10,
    WELL_KNOWN_NUMBERS.clientWithoutManager,
    SOURCE_TYPE.client,
    clientWithoutManager.code,
  ),
  contact(11, WELL_KNOWN_NUMBERS.contactPerson, SOURCE_TYPE.contactPerson, contactPerson.code),
];

/** The well-known entities by role, for tests that need names, codes and links. */
export const WELL_KNOWN = {
  users: { operator, accountManager },
  couriers: { courierWithManager, secondHolder, kazakhHolder },
  clients: { mainClient, clientWithoutManager },
  contactPersons: { contactPerson },
  orders: { orderA, orderB, deliveredOrder, kazakhOrder },
  deliveries: { deliveryA, deliveryB, deliveredDelivery, kazakhDelivery },
} as const;

/** Every well-known row by table, ready for the loader. */
export function wellKnownRows(): { [T in CourierTable]: CourierTables[T][] } {
  return {
    users: Object.values(WELL_KNOWN.users),
    kurier: Object.values(WELL_KNOWN.couriers),
    clients: Object.values(WELL_KNOWN.clients),
    fio: Object.values(WELL_KNOWN.contactPersons),
    zakaz: Object.values(WELL_KNOWN.orders),
    address: Object.values(WELL_KNOWN.deliveries),
    givn: handOvers,
    contacts,
  };
}
