import type { Prng } from './prng';

/** Kazakh mobile operator codes (Beeline, Kcell, Tele2, Altel, Activ). */
const KZ_MOBILE_CODES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '777'];

/**
 * Random numbers in the stored form (digits only, country code first). Numbers in
 * `reserved` are never produced, so the well-known fixtures stay the only owners of theirs.
 */
export class PhoneNumbers {
  constructor(
    private readonly prng: Prng,
    private readonly reserved: ReadonlySet<string>,
  ) {}

  private fresh(make: () => string): string {
    for (;;) {
      const number = make();
      if (!this.reserved.has(number)) return number;
    }
  }

  /** Russian mobile: 79XXXXXXXXX. */
  ruMobile(): string {
    return this.fresh(() => `79${this.prng.digits(9)}`);
  }

  /** Moscow landline: 7495XXXXXXX or 7499XXXXXXX. */
  moscowLandline(): string {
    return this.fresh(() => `${this.prng.chance(0.7) ? '7495' : '7499'}${this.prng.digits(7)}`);
  }

  /** Kazakh mobile: 7701XXXXXXX and the other operator codes. */
  kzMobile(): string {
    return this.fresh(() => `7${this.prng.pick(KZ_MOBILE_CODES)}${this.prng.digits(7)}`);
  }

  /** Almaty landline: 7727XXXXXXX. */
  almatyLandline(): string {
    return this.fresh(() => `7727${this.prng.digits(7)}`);
  }

  /** A private person's number: mostly Russian mobiles, a few Kazakh ones. */
  personal(): string {
    return this.prng.chance(0.04) ? this.kzMobile() : this.ruMobile();
  }

  /** A company's main number: mostly Moscow landlines, some mobiles, a few in Almaty. */
  business(): string {
    const roll = this.prng.next();
    if (roll < 0.7) return this.moscowLandline();
    if (roll < 0.95) return this.ruMobile();
    return this.almatyLandline();
  }
}
