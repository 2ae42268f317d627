import { addDays, dateTime } from './calendar';
import { staffPosition } from './company-names';
import { SOURCE_TYPE } from './courier-rows';
import type { GenerationContext, TableRow } from './generation-context';
import { loginFor, personName } from './russian-people';
import { RANDOM_CODE_START, REFERENCE_DAY } from './well-known-data';

/** Extensions 101–103 belong to the well-known operator and account manager. */
const FIRST_FREE_EXTENSION = 104;

function hireDate(ctx: GenerationContext): string {
  return dateTime(addDays(REFERENCE_DAY, -ctx.prng.int(30, 2_500)), ctx.prng.int(540, 1_080));
}

/** Staff users: most with one extension, some with two (`111,112`), some with none. */
export function* randomUsers(ctx: GenerationContext): Generator<TableRow> {
  const taken = new Set<string>();
  let extension = FIRST_FREE_EXTENSION;
  for (let i = 0; i < ctx.sizes.users; i += 1) {
    const name = personName(ctx.prng);
    let user = loginFor(name);
    for (let n = 2; taken.has(user); n += 1) user = `${loginFor(name)}${n}`;
    taken.add(user);
    ctx.logins.push(user);
    const roll = ctx.prng.next();
    let extPhone: string | null = null;
    if (roll < 0.7) extPhone = String(extension++);
    else if (roll < 0.85) extPhone = `${extension++},${extension++}`;
    yield {
      table: 'users',
      row: {
        user,
        name,
        position: staffPosition(ctx.prng),
        extPhone,
        email: `${user}@courier.example`,
        active: ctx.prng.chance(0.92) ? 1 : 0,
        date_create: hireDate(ctx),
      },
    };
  }
}

/** Couriers with a mobile (always in contacts) and sometimes a second phone. */
export function* randomCouriers(ctx: GenerationContext): Generator<TableRow> {
  for (let i = 0; i < ctx.sizes.couriers; i += 1) {
    const code = RANDOM_CODE_START + i;
    const phonem = ctx.phones.ruMobile();
    const phonek = ctx.prng.chance(0.4) ? ctx.phones.ruMobile() : null;
    const hired = hireDate(ctx);
    yield {
      table: 'kurier',
      row: {
        code,
        name: personName(ctx.prng),
        phonem,
        phonek,
        manager: ctx.someone(0.05),
        active: ctx.prng.chance(0.9) ? 1 : 0,
        date_create: hired,
      },
    };
    yield ctx.contact(phonem, SOURCE_TYPE.courier, code, hired, 'мобильный');
    if (phonek) yield ctx.contact(phonek, SOURCE_TYPE.courier, code, hired, 'рабочий');
  }
}
