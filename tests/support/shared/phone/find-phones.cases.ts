/** Tables for findPhones: writings that must be found, near misses that must not, and mixes. */

export interface ExpectedPhone {
  /** The writing as it must be cut out of the text (extension included). */
  text: string;
  e164: string;
  country: string;
  ext?: string;
}

export interface FoundCase {
  name: string;
  text: string;
  found: ExpectedPhone[];
}

export interface NearMissCase {
  category: string;
  text: string;
}

function ru(text: string, e164: string, ext?: string): ExpectedPhone {
  return ext === undefined ? { text, e164, country: 'RU' } : { text, e164, country: 'RU', ext };
}

function kz(text: string, e164: string): ExpectedPhone {
  return { text, e164, country: 'KZ' };
}

function cis(text: string, e164: string, country: string): ExpectedPhone {
  return { text, e164, country };
}

const MOBILE = '+79161234567';
const MOSCOW = '+74951234567';

/** Single writings of Russian and Kazakh numbers, each in the context it is met in. */
export const singleNumberCases: FoundCase[] = [
  {
    name: 'trunk 8, bracketed code',
    text: '8 (916) 123-45-67',
    found: [ru('8 (916) 123-45-67', MOBILE)],
  },
  { name: '+7 with spaces', text: '+7 916 123 45 67', found: [ru('+7 916 123 45 67', MOBILE)] },
  { name: 'database key', text: '79161234567', found: [ru('79161234567', MOBILE)] },
  { name: 'unbroken with trunk 8', text: '89161234567', found: [ru('89161234567', MOBILE)] },
  {
    name: 'toll free 8-800',
    text: '8-800-555-35-35',
    found: [ru('8-800-555-35-35', '+78005553535')],
  },
  {
    name: 'toll free spaced',
    text: '8 800 555 35 35',
    found: [ru('8 800 555 35 35', '+78005553535')],
  },
  { name: 'bracketed area code', text: '(495) 123-45-67', found: [ru('(495) 123-45-67', MOSCOW)] },
  {
    name: 'area code without brackets',
    text: '495 123-45-67',
    found: [ru('495 123-45-67', MOSCOW)],
  },
  { name: '+7 glued brackets', text: '+7(495)123-45-67', found: [ru('+7(495)123-45-67', MOSCOW)] },
  {
    name: '4-digit area code',
    text: '8 (8452) 12-34-56',
    found: [ru('8 (8452) 12-34-56', '+78452123456')],
  },
  {
    name: '4-digit area code Smolensk',
    text: '8 (4812) 34-56-78',
    found: [ru('8 (4812) 34-56-78', '+74812345678')],
  },
  {
    name: '4-digit area code Irkutsk',
    text: '+7 (3952) 12-34-56',
    found: [ru('+7 (3952) 12-34-56', '+73952123456')],
  },
  {
    name: '5-digit area code',
    text: '8 (34365) 1-23-45',
    found: [ru('8 (34365) 1-23-45', '+73436512345')],
  },
  {
    name: '5-digit area code Kuban',
    text: '8 (86137) 5-12-34',
    found: [ru('8 (86137) 5-12-34', '+78613751234')],
  },
  {
    name: 'KZ mobile +7 701',
    text: '+7 701 123 4567',
    found: [kz('+7 701 123 4567', '+77011234567')],
  },
  {
    name: 'KZ mobile 747',
    text: '+7 747 123 45 67',
    found: [kz('+7 747 123 45 67', '+77471234567')],
  },
  {
    name: 'KZ mobile with trunk',
    text: '8 701 123 45 67',
    found: [kz('8 701 123 45 67', '+77011234567')],
  },
  { name: 'KZ mobile unbroken', text: '87011234567', found: [kz('87011234567', '+77011234567')] },
  {
    name: 'KZ Almaty landline',
    text: '8 (727) 123-45-67',
    found: [kz('8 (727) 123-45-67', '+77271234567')],
  },
  {
    name: 'KZ Almaty allocated range',
    text: '8 (727) 234-56-78',
    found: [kz('8 (727) 234-56-78', '+77272345678')],
  },
  {
    name: 'KZ Astana 4-digit code',
    text: '+7 (7172) 12-34-56',
    found: [kz('+7 (7172) 12-34-56', '+77172123456')],
  },
  {
    name: 'KZ bare mobile after a phone label',
    text: 'тел. 7012345678',
    found: [kz('7012345678', '+77012345678')],
  },
  {
    name: 'extension доб.',
    text: '+7 (916) 123-45-67 доб. 123',
    found: [ru('+7 (916) 123-45-67 доб. 123', MOBILE, '123')],
  },
  {
    name: 'extension after a comma',
    text: '+7 (916) 123-45-67, доб. 45',
    found: [ru('+7 (916) 123-45-67, доб. 45', MOBILE, '45')],
  },
  {
    name: 'extension ext.',
    text: '8 (495) 123-45-67 ext. 1234',
    found: [ru('8 (495) 123-45-67 ext. 1234', MOSCOW, '1234')],
  },
  {
    name: 'extension in brackets',
    text: '+7 495 123-45-67 (доб. 12)',
    found: [ru('+7 495 123-45-67 (доб. 12)', MOSCOW, '12')],
  },
  { name: 'tel: link text', text: 'tel:+79161234567', found: [ru('+79161234567', MOBILE)] },
  { name: 'after Тел.:', text: 'Тел.: 8 916 123 45 67', found: [ru('8 916 123 45 67', MOBILE)] },
  {
    name: 'after Тел. without a space',
    text: 'Тел.79161234567',
    found: [ru('79161234567', MOBILE)],
  },
  {
    name: 'after тел/факс',
    text: 'тел/факс (495) 123-45-67',
    found: [ru('(495) 123-45-67', MOSCOW)],
  },
  {
    name: 'table cell with pipes',
    text: '| Иванов И. И. | 8 (916) 123-45-67 | Москва |',
    found: [ru('8 (916) 123-45-67', MOBILE)],
  },
  {
    name: 'tab-separated cells',
    text: '1024\t89161234567\tМосква',
    found: [ru('89161234567', MOBILE)],
  },
  {
    name: 'no-break spaces',
    text: '+7\u00a0916\u00a0123-45-67',
    found: [ru('+7\u00a0916\u00a0123-45-67', MOBILE)],
  },
  { name: 'dots', text: '8.916.123.45.67', found: [ru('8.916.123.45.67', MOBILE)] },
  { name: 'dashes throughout', text: '+7-916-123-45-67', found: [ru('+7-916-123-45-67', MOBILE)] },
  { name: 'brackets, unbroken tail', text: '8(916)1234567', found: [ru('8(916)1234567', MOBILE)] },
  {
    name: 'country code without plus',
    text: '7 (916) 123-45-67',
    found: [ru('7 (916) 123-45-67', MOBILE)],
  },
  {
    name: 'sentence end',
    text: 'Звонить: 8(812)123-45-67.',
    found: [ru('8(812)123-45-67', '+78121234567')],
  },
  { name: 'in quotes', text: '«8 (916) 123-45-67»', found: [ru('8 (916) 123-45-67', MOBILE)] },
  {
    name: 'whole number in brackets',
    text: 'Иванов (79161234567)',
    found: [ru('79161234567', MOBILE)],
  },
  {
    name: 'bare 10 digits after a label',
    text: 'Телефон получателя: 9161234567',
    found: [ru('9161234567', MOBILE)],
  },
  {
    name: 'mobile 912',
    text: 'моб.: 8-912-345-67-89',
    found: [ru('8-912-345-67-89', '+79123456789')],
  },
  {
    name: 'followed by a quantity',
    text: 'Иванов 79161234567 12 шт',
    found: [ru('79161234567', MOBILE)],
  },
  {
    name: 'mobile 992 (also the calling code of Tajikistan) before a quantity',
    text: 'Иванов 9929312345 12 шт',
    found: [ru('9929312345', '+79929312345')],
  },
  {
    name: 'after an order number of its own',
    text: 'Заказ 12345: Иванов, 8 916 123-45-67',
    found: [ru('8 916 123-45-67', MOBILE)],
  },
];

/** Numbers of the CIS countries written with `+`, mobile and fixed line: found by both builds. */
export const cisCases: FoundCase[] = [
  ...(
    [
      ['+375 29 123-45-67', '+375291234567', 'BY'],
      ['+375 (17) 123-45-67', '+375171234567', 'BY'],
      ['+375291234567', '+375291234567', 'BY'],
      ['+375 (029) 123-45-67', '+375291234567', 'BY'],
      ['+998 90 123 45 67', '+998901234567', 'UZ'],
      ['+998 (71) 123-45-67', '+998711234567', 'UZ'],
      ['+996 555 123 456', '+996555123456', 'KG'],
      ['+996 (312) 12-34-56', '+996312123456', 'KG'],
      ['+374 91 123456', '+37491123456', 'AM'],
      ['+374 (10) 12-34-56', '+37410123456', 'AM'],
      ['+994 50 123 45 67', '+994501234567', 'AZ'],
      ['+994 (12) 345-67-89', '+994123456789', 'AZ'],
      ['+995 555 12 34 56', '+995555123456', 'GE'],
      ['+995 (32) 212-34-56', '+995322123456', 'GE'],
      ['+992 93 123 4567', '+992931234567', 'TJ'],
      ['+992 (372) 12-34-56', '+992372123456', 'TJ'],
      ['+373 69 123 456', '+37369123456', 'MD'],
      ['+373 (22) 12-34-56', '+37322123456', 'MD'],
    ] as const
  ).map(([text, e164, country]) => ({
    name: `${country} ${text}`,
    text,
    found: [cis(text, e164, country)],
  })),
  {
    name: 'after a label, with an extension',
    text: 'Тел.: +992 (372) 12-34-56 доб. 12 (Душанбе)',
    found: [{ ...cis('+992 (372) 12-34-56 доб. 12', '+992372123456', 'TJ'), ext: '12' }],
  },
  {
    name: 'next to Russian and Kazakh numbers',
    text: '+7 916 123-45-67, +375 29 123-45-67 или +998 90 123 45 67; 8 701 123 45 67',
    found: [
      ru('+7 916 123-45-67', MOBILE),
      cis('+375 29 123-45-67', '+375291234567', 'BY'),
      cis('+998 90 123 45 67', '+998901234567', 'UZ'),
      kz('8 701 123 45 67', '+77011234567'),
    ],
  },
  {
    name: 'slash list',
    text: '+994 50 123 45 67 / +995 555 12 34 56',
    found: [
      cis('+994 50 123 45 67', '+994501234567', 'AZ'),
      cis('+995 555 12 34 56', '+995555123456', 'GE'),
    ],
  },
];

/** Writings of other countries: found by the full build only. */
export const foreignCases: FoundCase[] = [
  {
    name: 'United Kingdom landline',
    text: 'London office +44 20 7946 0958',
    found: [{ text: '+44 20 7946 0958', e164: '+442079460958', country: 'GB' }],
  },
];

/** Several numbers in one string, and numbers next to ids that must stay plain. */
export const multipleNumberCases: FoundCase[] = [
  {
    name: 'comma list',
    text: '8 (916) 123-45-67, 8 (916) 123-45-68',
    found: [ru('8 (916) 123-45-67', MOBILE), ru('8 (916) 123-45-68', '+79161234568')],
  },
  {
    name: 'semicolon list',
    text: '79161234567; 79161234568',
    found: [ru('79161234567', MOBILE), ru('79161234568', '+79161234568')],
  },
  {
    name: 'slash without spaces',
    text: '8 (916) 123-45-67/8 (495) 123-45-67',
    found: [ru('8 (916) 123-45-67', MOBILE), ru('8 (495) 123-45-67', MOSCOW)],
  },
  {
    name: 'или',
    text: '+7 916 123 45 67 или +7 495 123 45 67',
    found: [ru('+7 916 123 45 67', MOBILE), ru('+7 495 123 45 67', MOSCOW)],
  },
  {
    name: 'comma without spaces',
    text: '79161234567,79161234568',
    found: [ru('79161234567', MOBILE), ru('79161234568', '+79161234568')],
  },
  {
    name: 'three kinds with slashes',
    text: '8 (916) 123-45-67 / 8 (800) 555-35-35 / +7 701 123 4567',
    found: [
      ru('8 (916) 123-45-67', MOBILE),
      ru('8 (800) 555-35-35', '+78005553535'),
      kz('+7 701 123 4567', '+77011234567'),
    ],
  },
  {
    name: 'space-separated list',
    text: 'Тел.: 89161234567 89161234568',
    found: [ru('89161234567', MOBILE), ru('89161234568', '+79161234568')],
  },
  {
    name: 'two +7 numbers side by side',
    text: '+7 916 123 45 67 +7 495 123 45 67',
    found: [ru('+7 916 123 45 67', MOBILE), ru('+7 495 123 45 67', MOSCOW)],
  },
  {
    name: 'tax id then phone',
    text: 'ИНН 7707083893, тел. 8 (495) 123-45-67',
    found: [ru('8 (495) 123-45-67', MOSCOW)],
  },
  {
    name: 'tax id and phone in one run of digits',
    text: 'ИНН 7707083893 79161234567',
    found: [ru('79161234567', MOBILE)],
  },
  {
    name: 'short order number listed before a phone',
    text: 'Заказ 12345, 89161234567',
    found: [ru('89161234567', MOBILE)],
  },
  {
    name: 'order then phone',
    text: 'Заказ № 4951234567, получатель Иванов, 8 916 123-45-67',
    found: [ru('8 916 123-45-67', MOBILE)],
  },
  {
    name: 'date then phone',
    text: '12.03.2024 79161234567',
    found: [ru('79161234567', MOBILE)],
  },
  {
    name: 'phone with extension, then fax',
    text: 'тел. 89161234567 доб. 12, факс 8 (495) 123-45-67',
    found: [ru('89161234567 доб. 12', MOBILE, '12'), ru('8 (495) 123-45-67', MOSCOW)],
  },
  {
    name: 'cabinet row',
    text: '№ 12345 | 30.12.2024 | Иванов И. | 8 (916) 123-45-67 | 1 250 руб. | 2,5 кг',
    found: [ru('8 (916) 123-45-67', MOBILE)],
  },
];

/** Long numbers that are not phones: nothing may be found in any of these. */
export const nearMissCases: NearMissCase[] = [
  { category: 'tax id', text: 'ИНН 7707083893' },
  { category: 'tax id', text: 'ИНН: 3664069397' },
  { category: 'tax id', text: 'ИНН 500100732259' },
  { category: 'tax id', text: 'ИНН/КПП 7707083893/770701001' },
  { category: 'tax id', text: 'ИНН 7707083893, 3664069397' },
  { category: 'tax id', text: 'ИНН получателя 4951234567' },
  { category: 'tax id', text: 'КПП 770701001' },
  { category: 'tax id', text: 'ОГРН 1027700132195' },
  { category: 'tax id', text: 'ОГРНИП 304500116000157' },
  { category: 'tax id', text: 'ИИН 870412300123' },
  { category: 'tax id', text: '7715123456' },
  { category: 'bank', text: 'р/с 40702810900000012345' },
  { category: 'bank', text: 'к/с 30101810400000000225' },
  { category: 'bank', text: 'БИК 044525225' },
  { category: 'bank', text: 'Расчётный счёт: 4070 2810 9000 0001 2345' },
  { category: 'barcode', text: 'Штрихкод 4607084351234' },
  { category: 'barcode', text: 'ШК 9161234567' },
  { category: 'track', text: 'Трек-номер 80082365123456' },
  { category: 'track', text: 'Трек: RA123456789RU' },
  { category: 'track', text: 'трек 9161234567' },
  { category: 'order', text: 'Заказ № 4951234567' },
  { category: 'order', text: 'Заказ 9161234567' },
  { category: 'order', text: 'Заказы: 4951234567, 4951234568 или 4951234569' },
  { category: 'order', text: 'Номер заказа: 89161234567' },
  { category: 'order', text: '№ 4951234567' },
  { category: 'order', text: '№4951234567' },
  { category: 'order', text: 'order #79161234567' },
  { category: 'order', text: 'ORD-79161234567' },
  { category: 'order', text: 'Артикул 89161234567' },
  { category: 'order', text: 'Код 4951234567' },
  { category: 'waybill', text: 'Накладная 8 916 123 45 67' },
  { category: 'waybill', text: 'ТТН 4951234567' },
  { category: 'shipment', text: 'Отправление 9161234567' },
  { category: 'invoice', text: 'Счёт № 89161234567' },
  { category: 'date', text: '30.12.2024 15:00' },
  { category: 'date', text: 'Доставка 30.12.2024 15' },
  { category: 'date', text: '2024-03-12' },
  { category: 'date', text: '01.02.2024-15.03.2024' },
  { category: 'time', text: '10:00-18:00' },
  { category: 'time', text: 'с 09:00 до 18:00, обед 13:00–14:00' },
  { category: 'price', text: 'Сумма: 4 951 234 567 руб.' },
  { category: 'price', text: '9 161 234 567 ₽' },
  { category: 'price', text: 'Итого 4951234567 руб.' },
  { category: 'price', text: '4951234567 ₽' },
  { category: 'price', text: '8 916 123 456,00 руб' },
  { category: 'price', text: '4 951 234 567' },
  { category: 'weight', text: '4951234567 кг' },
  { category: 'weight', text: 'Вес: 12.5 кг, 3 шт.' },
  { category: 'passport', text: 'Паспорт 4812 345678' },
  { category: 'passport', text: '4812 345678' },
  { category: 'passport', text: '48 12 345678' },
  { category: 'snils', text: 'СНИЛС 112-233-445 95' },
  { category: 'snils', text: '791-612-345 67' },
  { category: 'snils', text: 'СНИЛС 79161234567' },
  { category: 'postal code', text: '125009, г. Москва, ул. Тверская, 7' },
  { category: 'postal code', text: 'Индекс: 344002' },
  { category: 'ip address', text: '85.143.22.117' },
  { category: 'ip address', text: 'IP 192.168.100.254:8080' },
  { category: 'coordinates', text: '55.7512443, 37.6184230' },
  { category: 'coordinates', text: '48.4827 135.0838' },
  { category: 'card', text: '4276 3800 1234 5678' },
  { category: 'card', text: '4276 38** **** 5678' },
  { category: 'card', text: 'Карта 4276380012' },
  { category: 'card', text: 'оплата картой *5678' },
  { category: 'glued letters', text: 'abc79161234567' },
  { category: 'glued letters', text: '79161234567abc' },
  { category: 'glued letters', text: 'id_79161234567' },
  { category: 'glued digits', text: '179161234567' },
  { category: 'glued digits', text: '791612345678' },
  { category: 'glued digits', text: '8916123456789' },
  { category: 'url', text: 'https://cabinet.example/orders/79161234567' },
  { category: 'email', text: '79161234567@mail.example' },
  { category: 'file name', text: 'scan_79161234567.pdf' },
  { category: 'percent', text: '79161234567%' },
  { category: 'internal extension', text: 'Внутренний 101' },
  { category: 'internal extension', text: 'звоните 101 или 102, доб. 123' },
  { category: 'local number', text: '123-45-67' },
  { category: 'unallocated range', text: '+7 123 456-78-90' },
  { category: 'too short', text: '8 (999) 12-34' },
  { category: 'pairs of digits', text: '12 34 56 78 90' },
  { category: 'CIS too short', text: '+375 29 123' },
  { category: 'CIS too short', text: '+375 29 123 45' },
  { category: 'CIS too short', text: '+998 90 123 45' },
  { category: 'CIS too short', text: '+996 555 12 34' },
  { category: 'CIS too short', text: '+374 91 12345' },
  { category: 'CIS too short', text: '+994 50 123 45' },
  { category: 'CIS too short', text: '+995 555 12 34' },
  { category: 'CIS too short', text: '+992 93 123 45' },
  { category: 'CIS too short', text: '+373 69 12 34' },
  { category: 'CIS too long', text: '+3752912345678' },
  { category: 'CIS unallocated range', text: '+375 99 123 45 67' },
  { category: 'CIS unallocated range', text: '+998 00 123 45 67' },
  { category: 'CIS glued', text: 'id+375291234567' },
  { category: 'CIS glued', text: '+375 29 123-45-67abc' },
  { category: 'CIS amount', text: '+375 29 123-45-67 руб.' },
  { category: 'CIS without plus', text: '375291234567' },
  { category: 'CIS without plus', text: '375 29 123 45 67' },
  { category: 'CIS without plus', text: '998 90 123 45 67' },
  { category: 'CIS without plus', text: 'Тел. 998 90 123 45 67' },
  { category: 'CIS without plus', text: '994 50 123 45 67' },
  { category: 'CIS without plus', text: '995 555 12 34 56' },
  { category: 'CIS without plus', text: '996 555 123 456' },
  { category: 'CIS without plus', text: '992 93 123 45 67' },
  { category: 'CIS without plus', text: '374 91 123456' },
  { category: 'CIS without plus', text: '37369123456' },
  { category: 'CIS domestic writing', text: '8 029 123-45-67' },
];
