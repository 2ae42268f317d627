import { addDays, dateTime } from './calendar';
import { companyName, contactPosition } from './company-names';
import { SOURCE_TYPE } from './courier-rows';
import type { GenerationContext, TableRow } from './generation-context';
import { personName } from './russian-people';
import { RANDOM_CODE_START, REFERENCE_DAY } from './well-known-data';

function clientStatus(roll: number): number {
  if (roll < 0.8) return 1;
  if (roll < 0.85) return 0;
  if (roll < 0.9) return 2;
  return 3;
}

/** Sender companies with a main number and sometimes a second one. */
export function* randomClients(ctx: GenerationContext): Generator<TableRow> {
  for (let i = 0; i < ctx.sizes.clients; i += 1) {
    const code = RANDOM_CODE_START + i;
    const since = dateTime(
      addDays(REFERENCE_DAY, -ctx.prng.int(1, 3_000)),
      ctx.prng.int(540, 1_080),
    );
    yield {
      table: 'clients',
      row: {
        code,
        company: companyName(ctx.prng),
        inn: `77${ctx.prng.digits(8)}`,
        manager: ctx.someone(0.15),
        status: clientStatus(ctx.prng.next()),
        date_create: since,
      },
    };
    yield ctx.contact(ctx.phones.business(), SOURCE_TYPE.client, code, since, 'основной');
    if (ctx.prng.chance(0.3)) {
      yield ctx.contact(ctx.phones.ruMobile(), SOURCE_TYPE.client, code, since, 'дополнительный');
    }
  }
}

/** Clients' contact persons (`fio`), each with a personal number of type 39. */
export function* randomContactPersons(ctx: GenerationContext): Generator<TableRow> {
  for (let i = 0; i < ctx.sizes.contactPersons; i += 1) {
    const code = RANDOM_CODE_START + i;
    const since = dateTime(
      addDays(REFERENCE_DAY, -ctx.prng.int(1, 3_000)),
      ctx.prng.int(540, 1_080),
    );
    yield {
      table: 'fio',
      row: {
        code,
        client: RANDOM_CODE_START + ctx.prng.int(0, ctx.sizes.clients - 1),
        name: personName(ctx.prng),
        position: contactPosition(ctx.prng),
        email: ctx.prng.chance(0.5) ? `contact${code}@client.example` : null,
        date_create: since,
      },
    };
    yield ctx.contact(ctx.phones.personal(), SOURCE_TYPE.contactPerson, code, since);
  }
}
