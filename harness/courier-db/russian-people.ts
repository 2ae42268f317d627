import type { Prng } from './prng';

/** Male surname forms; the female form is derived by `feminine()`. */
const SURNAMES: readonly string[] = `
  Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов
  Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев
  Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв
  Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков
  Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров
  Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов
  Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов
  Савельев Тимофеев Фомин Чернов Абрамов Муравьёв Лаптев Покровский Вишневский Ким
  Шевченко Бондаренко Ткаченко
`
  .trim()
  .split(/\s+/);
const MALE_NAMES: readonly string[] = `
  Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Артём Николай
  Владимир Павел Роман Игорь Олег Денис Антон Виктор Юрий Константин Никита Кирилл Илья
  Григорий
`
  .trim()
  .split(/\s+/);
const FEMALE_NAMES: readonly string[] = `
  Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Анастасия Марина
  Дарья Людмила Галина Ксения Виктория Алина Полина Надежда Вера Любовь Евгения Валентина
  Софья
`
  .trim()
  .split(/\s+/);
/** Male patronymics; every one here takes the regular female form (-ич → -на). */
const PATRONYMICS: readonly string[] = `
  Александрович Сергеевич Дмитриевич Андреевич Алексеевич Иванович Михайлович Николаевич Владимирович
  Павлович Викторович Юрьевич Олегович Игоревич Петрович Евгеньевич Анатольевич Борисович
`
  .trim()
  .split(/\s+/);
/** Kazakh names for the share of recipients with Kazakh numbers. */
const KAZAKH_MALE = [
  ['Нурланов', 'Ерлан', 'Бекович'],
  ['Абдрахманов', 'Данияр', 'Серикович'],
  ['Сейткалиев', 'Асхат', 'Маратович'],
  ['Жумабаев', 'Айдос', 'Нурланович'],
] as const;

function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин)$/.test(surname)) return `${surname}а`;
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  return surname;
}

/** «Фамилия Имя Отчество» with the surname and patronymic agreeing in gender. */
export function personName(prng: Prng): string {
  const surname = prng.pick(SURNAMES);
  const patronymic = prng.pick(PATRONYMICS);
  return prng.chance(0.5)
    ? `${surname} ${prng.pick(MALE_NAMES)} ${patronymic}`
    : `${feminine(surname)} ${prng.pick(FEMALE_NAMES)} ${patronymic.replace(/ич$/, 'на')}`;
}

export function kazakhPersonName(prng: Prng): string {
  return prng.pick(KAZAKH_MALE).join(' ');
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Latin login in the cabinet's style: surname plus initial, e.g. `ivanova_a`. */
export function loginFor(fullName: string): string {
  const [surname = '', first = ''] = fullName.toLowerCase().split(' ');
  const latin = (text: string): string => [...text].map((ch) => TRANSLIT[ch] ?? ch).join('');
  return `${latin(surname)}_${latin(first.slice(0, 1))}`;
}
