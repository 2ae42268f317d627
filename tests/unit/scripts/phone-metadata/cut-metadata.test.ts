import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { describe, expect, it } from 'vitest';
import {
  cutMetadata,
  UnknownCutCountryError,
} from '../../../../scripts/phone-metadata/cut-metadata';
import { CONTENT_SCRIPT_COUNTRIES } from '../../../../shared/phone/cut-countries';
import generated from '../../../../shared/phone/generated/metadata.cis.json';

describe('cutMetadata', () => {
  it('keeps the listed countries exactly as in max metadata', () => {
    const cut = cutMetadata(maxMetadata, ['RU', 'KZ']);
    expect(Object.keys(cut.countries).sort()).toEqual(['KZ', 'RU']);
    expect(cut.countries.RU).toEqual(maxMetadata.countries.RU);
    expect(cut.countries.KZ).toEqual(maxMetadata.countries.KZ);
    expect(cut.country_calling_codes).toEqual({ '7': ['RU', 'KZ'] });
    expect(cut.nonGeographic).toEqual({});
  });

  it('adds the main country of a shared calling code', () => {
    const cut = cutMetadata(maxMetadata, ['KZ']);
    expect(cut.country_calling_codes).toEqual({ '7': ['RU', 'KZ'] });
  });

  it('names the list to fix for an unknown country', () => {
    expect(() => cutMetadata(maxMetadata, ['XX' as 'RU'])).toThrow(UnknownCutCountryError);
    expect(() => cutMetadata(maxMetadata, ['XX' as 'RU'])).toThrow(/cut-countries\.ts/);
  });

  it('matches the generated file (run `npm run build:phone-metadata` when this fails)', () => {
    expect(generated).toEqual(cutMetadata(maxMetadata, CONTENT_SCRIPT_COUNTRIES));
  });
});
