import type { ContactRow, CourierTable, CourierTables, SourceCodeType } from './courier-rows';
import { PhoneNumbers } from './phone-numbers';
import type { Prng } from './prng';
import type { CourierDbSizes } from './sizes';
import { RANDOM_CODE_START } from './well-known-data';

export type TableRow = { [T in CourierTable]: { table: T; row: CourierTables[T] } }[CourierTable];

/** State shared by the random row producers: the PRNG, numbering and what was made so far. */
export class GenerationContext {
  readonly phones: PhoneNumbers;
  /** Logins of the random staff, for `manager` links. */
  readonly logins: string[] = [];
  contactsMade = 0;
  private nextContact = RANDOM_CODE_START;

  constructor(
    readonly prng: Prng,
    readonly sizes: CourierDbSizes,
    reservedNumbers: ReadonlySet<string>,
    /** Contacts the well-known fixtures already hold. */
    readonly presetContacts: number,
  ) {
    this.phones = new PhoneNumbers(prng, reservedNumbers);
  }

  contact(
    value: string,
    type: SourceCodeType,
    source: number,
    date: string,
    comment: string | null = null,
  ): TableRow {
    this.contactsMade += 1;
    const row: ContactRow = {
      code: this.nextContact++,
      VALUE: value,
      SourceCodeType: type,
      Source: source,
      State: this.prng.chance(0.97) ? 1 : 0,
      comment,
      date_create: date,
    };
    return { table: 'contacts', row };
  }

  /** A random login of the staff, or null for the given share of rows with no one assigned. */
  someone(noneShare: number): string | null {
    return this.prng.chance(noneShare) ? null : this.prng.pick(this.logins);
  }
}
