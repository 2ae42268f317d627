import { isValidPhoneNumber } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

/**
 * Deterministic cabinet-like text for the phone benchmark: order rows, client
 * requisites, courier notes, with phones in every common writing mixed with
 * the long numbers that must stay plain (tax ids, accounts, tracks, barcodes,
 * dates, sums, weights, documents, IP addresses, coordinates, cards). With
 * `cis`, some rows also hold numbers of the CIS countries written with `+`.
 */

export interface Corpus {
  readonly text: string;
  /** E.164 of every phone written into the text, in order. */
  readonly planted: readonly string[];
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RU_AREA_CODES = ['495', '499', '812', '343', '383', '8452', '4812', '3952', '86137', '34365'];
const KZ_AREA_CODES = ['7172', '7212', '7272'];
const KZ_MOBILE_CODES = ['701', '702', '705', '707', '747', '771', '775', '777', '778'];
/** Calling code, national number length, mobile and fixed-line leading digits of each CIS country. */
const CIS_PLANS: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['375', 9, ['29', '33', '44', '25', '17']],
  ['998', 9, ['90', '91', '93', '94', '97', '99', '71']],
  ['996', 9, ['555', '700', '770', '550', '312']],
  ['374', 8, ['91', '93', '94', '77', '99', '55', '10']],
  ['994', 9, ['50', '51', '55', '70', '77', '12']],
  ['995', 9, ['555', '557', '568', '577', '591', '595', '599', '32']],
  ['992', 9, ['93', '92', '90', '98', '88', '55', '372']],
  ['373', 8, ['69', '68', '79', '78', '60', '22']],
];
const NAMES = ['Иванов И. И.', 'Петрова А. С.', 'ООО «Ромашка»', 'Сидоров П.', 'ИП Кузнецов'];
const STREETS = ['ул. Тверская', 'пр. Мира', 'ул. Ленина', 'наб. Фонтанки'];

export function generateCorpus(minBytes: number, seed = 20240312, cis = false): Corpus {
  const random = mulberry32(seed);
  const int = (below: number): number => Math.floor(random() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const digits = (count: number): string => {
    let out = String(1 + int(9));
    while (out.length < count) out += String(int(10));
    return out;
  };
  const pad = (value: number, length: number): string => String(value).padStart(length, '0');
  const planted: string[] = [];

  /** A national significant number of 10 digits and its writings. */
  const nationalNumber = (): string => {
    const kind = int(10);
    if (kind < 5) return `9${pick(['0', '1', '2', '5', '6', '8'])}${int(10)}${digits(7)}`;
    if (kind < 8) {
      const code = pick(RU_AREA_CODES);
      return code + digits(10 - code.length);
    }
    if (kind < 9) return pick(KZ_MOBILE_CODES) + digits(7);
    const code = pick(KZ_AREA_CODES);
    return code + '2' + digits(9 - code.length);
  };
  const areaLength = (national: string): number => {
    const code = [...RU_AREA_CODES, ...KZ_AREA_CODES].find((area) => national.startsWith(area));
    return code?.length ?? 3;
  };
  const writePhone = (): string => {
    const national = nationalNumber();
    planted.push(`+7${national}`);
    const split = areaLength(national);
    const code = national.slice(0, split);
    const rest = national.slice(split);
    const tail =
      rest.length === 7
        ? `${rest.slice(0, 3)}-${rest.slice(3, 5)}-${rest.slice(5)}`
        : rest.length === 6
          ? `${rest.slice(0, 2)}-${rest.slice(2, 4)}-${rest.slice(4)}`
          : `${rest.slice(0, 1)}-${rest.slice(1, 3)}-${rest.slice(3)}`;
    switch (int(9)) {
      case 0:
        return `8 (${code}) ${tail}`;
      case 1:
        return `+7 (${code}) ${tail}`;
      case 2:
        return `+7 ${code} ${tail.replace(/-/g, ' ')}`;
      case 3:
        return `7${national}`;
      case 4:
        return `8${national}`;
      case 5:
        return `8-${code}-${tail}`;
      case 6:
        return `+7${national}`;
      case 7:
        return `+7(${code})${tail}`;
      default:
        return `8 (${code}) ${tail} доб. ${100 + int(900)}`;
    }
  };
  /** A number libphonenumber's full metadata calls valid, drawn until one is. */
  const writeCisPhone = (): string => {
    const [callingCode, length, leads] = pick(CIS_PLANS);
    let lead: string;
    let national: string;
    do {
      lead = pick(leads);
      national = lead + digits(length - lead.length);
    } while (!isValidPhoneNumber(`+${callingCode}${national}`, maxMetadata));
    planted.push(`+${callingCode}${national}`);
    const rest = national.slice(lead.length);
    const tail =
      rest.length === 7
        ? `${rest.slice(0, 3)}-${rest.slice(3, 5)}-${rest.slice(5)}`
        : `${rest.slice(0, 2)}-${rest.slice(2, 4)}-${rest.slice(4)}`;
    switch (int(4)) {
      case 0:
        return `+${callingCode} ${lead} ${tail}`;
      case 1:
        return `+${callingCode} (${lead}) ${tail}`;
      case 2:
        return `+${callingCode}${national}`;
      default:
        return `+${callingCode} ${lead} ${tail.replace(/-/g, ' ')}`;
    }
  };
  const date = (): string => `${pad(1 + int(28), 2)}.${pad(1 + int(12), 2)}.20${20 + int(6)}`;
  const time = (): string => `${pad(8 + int(12), 2)}:${pick(['00', '15', '30', '45'])}`;
  const price = (): string => {
    const value = 100 + int(5_000_000);
    return value.toLocaleString('ru-RU').replace(/\u00a0/g, ' ');
  };

  const lines: Array<() => string> = [
    () =>
      `Заказ № ${digits(10)} от ${date()}, получатель ${pick(NAMES)}, тел. ${writePhone()}, ` +
      `${pad(100000 + int(900000), 6)}, г. Москва, ${pick(STREETS)}, д. ${1 + int(120)}`,
    () =>
      `| ${digits(7)} | ${date()} ${time()} | ${pick(NAMES)} | ${writePhone()} | ` +
      `${price()} руб. | ${1 + int(30)},${int(10)} кг | ${digits(14)} |`,
    () =>
      `ИНН ${digits(10)} / КПП ${digits(9)}, ОГРН ${digits(13)}, р/с ${digits(20)}, ` +
      `БИК 04${digits(7)}, к/с 301${digits(17)}`,
    () =>
      `Трек-номер ${digits(14)}, штрихкод ${digits(13)}, накладная ${digits(10)}, ` +
      `отправление ${digits(3)}-${digits(3)}-${digits(4)}`,
    () =>
      `Курьер ${pick(NAMES)}: моб. ${writePhone()}, ${writePhone()}; интервал ${time()}-${time()}`,
    () =>
      `Паспорт ${digits(2)} ${pad(int(100), 2)} ${digits(6)}, СНИЛС ${digits(3)}-${digits(3)}-` +
      `${digits(3)} ${pad(int(100), 2)}, IP ${1 + int(254)}.${int(256)}.${int(256)}.${1 + int(254)}`,
    () =>
      `Координаты ${40 + int(30)}.${digits(6)}, ${30 + int(100)}.${digits(6)}, ` +
      `карта ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)}, сумма ${price()} ₽`,
    () => `Контакт: ${writePhone()} или ${writePhone()}, ${pick(NAMES)}`,
  ];
  if (cis) {
    lines.push(
      () => `Контрагент ${pick(NAMES)}: тел. ${writeCisPhone()}, ${writeCisPhone()}; ${date()}`,
      () =>
        `| ${digits(7)} | ${pick(NAMES)} | ${writeCisPhone()} / ${writePhone()} | ${price()} руб. |`,
    );
  }

  const parts: string[] = [];
  let bytes = 0;
  while (bytes < minBytes) {
    const line = pick(lines)();
    parts.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return { text: parts.join('\n'), planted };
}
