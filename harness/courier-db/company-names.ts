import { personName } from './russian-people';
import type { Prng } from './prng';

const LEGAL_FORMS = ['ООО', 'ООО', 'ООО', 'АО', 'ЗАО'];
const FIRST: readonly string[] = `
  Северный Альфа Вкусный Городской Столичный Быстрый Зелёный Гранд Мега Техно Эко Профи
  Домашний Первый Русский Сибирский Новый
`
  .trim()
  .split(/\s+/);
const SECOND: readonly string[] = `
  Ветер Маркет Дом Стиль Сад Мир Торг Логистик Снаб Книга Текстиль Электроникс Косметик
  Опт Трейд Сервис Фуд Спорт
`
  .trim()
  .split(/\s+/);
const SHOPS = ['Ромашка', 'Лавка чудес', 'Колибри', 'Белый кот', 'Три медведя', 'Апельсин'];

/** A sender company or sole trader: «ООО «Северный Ветер»», «ИП Смирнова Анна Ивановна». */
export function companyName(prng: Prng): string {
  if (prng.chance(0.2)) return `ИП ${personName(prng)}`;
  const brand = prng.chance(0.1)
    ? `${prng.pick(SHOPS)}-${prng.int(1, 99)}`
    : `${prng.pick(FIRST)} ${prng.pick(SECOND)}`;
  return `${prng.pick(LEGAL_FORMS)} «${brand}»`;
}

const STAFF_POSITIONS = ['Оператор', 'Логист', 'Менеджер по работе с клиентами', 'Диспетчер'];
const CONTACT_POSITIONS = [
  'Менеджер по логистике',
  'Директор',
  'Бухгалтер',
  'Кладовщик',
  'Менеджер интернет-магазина',
  'Администратор',
  null,
];

export function staffPosition(prng: Prng): string {
  return prng.pick(STAFF_POSITIONS);
}

export function contactPosition(prng: Prng): string | null {
  return prng.pick(CONTACT_POSITIONS);
}
