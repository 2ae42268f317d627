/**
 * Words around a digit run that tell what it is. Matching is on lower-case
 * words with `ё` folded to `е`; stems match words that start with them.
 */

export type WordKind = 'identifier' | 'phone' | 'filler' | 'list' | 'other';

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

function stemList(stems: string): readonly string[] {
  return stems.trim().split(/\s+/);
}

/** Labels of numbers that are not phones: tax and bank ids, orders, tracks, documents, sums. */
const IDENTIFIER_WORDS = wordSet(`
  инн кпп огрн огрнип окпо оквэд октмо окато бик бин иин снилс рнн сч счет счета счету
  р/с к/с л/с р/сч к/сч рс кс акт акта чек чека вес код кода ид шк ттн накл карта карты
  картой карту итого цена цены ценой индекс серия серии полис омс
  id iban swift bic inn kpp ogrn bik sku upc ean gtin vin ip zip lat lon lng no nr n ref
  card price amount total sum weight index order track barcode invoice waybill shipment
  parcel passport account acc
`);
const IDENTIFIER_STEMS = stemList(`
  заказ трек штрих накладн отправлен отслеж посылк артикул инвойс корр квитанц договор
  стоимост оплат баланс задолж масс объем почтов координат широт долгот лицев удостовер
  лиценз паспорт сумм номенклат документ платеж реквизит
  tracking postcode postal snils account passport coordinat latitude longitude
`);

const PHONE_WORDS = wordSet(`
  т тел тлф моб сот факс звонить позвонить звонок
  tel ph mob cell fax call whatsapp viber telegram
`);
const PHONE_STEMS = stemList('телефон мобил сотов контакт phone mobile contact');

/** Words that sit between a label and its number: `ИНН получателя`, `телефон заказчика`. */
const FILLER_WORDS = wordSet(`
  номер номера номеру организации получателя отправителя клиента курьера компании
  контрагента покупателя продавца банка поставщика плательщика заказчика заказчик для
  number num of the
`);

const LIST_WORDS = wordSet('или и or and');

/** Units after a number that make it an amount, a weight or a count. */
const UNIT_WORDS = wordSet(`
  р руб коп тыс млн млрд тг кг гр т тн шт л мл см мм км
  rub rur usd eur kzt kg pcs pc mm cm km
`);
const UNIT_STEMS = stemList('рубл тенге доллар евро грамм тонн штук килограм литр');

const UNIT_SYMBOLS = wordSet('₽ $ € £ ¥ ₸ % ‰');

function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

function startsWithAny(word: string, stems: readonly string[]): boolean {
  return stems.some((stem) => word.startsWith(stem));
}

function classifyPart(word: string): WordKind {
  if (FILLER_WORDS.has(word)) return 'filler';
  if (LIST_WORDS.has(word)) return 'list';
  if (IDENTIFIER_WORDS.has(word) || startsWithAny(word, IDENTIFIER_STEMS)) return 'identifier';
  if (PHONE_WORDS.has(word) || startsWithAny(word, PHONE_STEMS)) return 'phone';
  return 'other';
}

/**
 * Cabinet pages repeat the same few labels thousands of times (`тел.`, `ИНН`),
 * so each word is classified once; the cache is dropped when it fills up.
 */
const MAX_CACHED_WORDS = 1024;

function memoized<T>(classify: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    let result = cache.get(word);
    if (result === undefined) {
      result = classify(word);
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(word, result);
    }
    return result;
  };
}

/** Kind of a word read before a number; `ИНН/КПП` and `трек-номер` are judged by their parts. */
export const classifyWordBefore = memoized((rawWord: string): WordKind => {
  const word = normalizeWord(rawWord);
  const whole = classifyPart(word);
  if (whole !== 'other' || !/[/-]/.test(word)) return whole;
  let result: WordKind = 'other';
  for (const part of word.split(/[/-]/)) {
    const kind = classifyPart(part);
    if (kind === 'identifier') return kind;
    if (kind === 'phone') result = kind;
  }
  return result;
});

export const isUnitWord = memoized((rawWord: string): boolean => {
  const word = normalizeWord(rawWord);
  return UNIT_WORDS.has(word) || startsWithAny(word, UNIT_STEMS);
});

export function isUnitSymbol(char: string): boolean {
  return UNIT_SYMBOLS.has(char);
}
