import { describe, expect, it } from 'vitest';
import { DEFAULT_LOOKUP_QUERIES } from '../../../../../helper/config/default-queries';
import { contactsAlias } from '../../../../../helper/workstation/doctor/contacts-index';

describe('contactsAlias', () => {
  it('names the contacts row searched by the caller\u2019s number in every default lookup', () => {
    for (const name of [
      'client',
      'contactPerson',
      'courier',
      'deliveries',
      'parcelHolders',
    ] as const) {
      expect(contactsAlias(DEFAULT_LOOKUP_QUERIES[name])).toBe('c');
    }
  });

  it('passes over a subquery reading an owner\u2019s numbers before the main FROM', () => {
    const sql =
      'SELECT (SELECT MIN(p.`VALUE`) FROM contacts p WHERE p.Source = k.code) AS clientPhone ' +
      'FROM contacts AS found JOIN clients k ON k.code = found.Source WHERE found.`VALUE` = ?';
    expect(contactsAlias(sql)).toBe('found');
  });

  it('reads an unaliased table and a query without contacts', () => {
    expect(contactsAlias('SELECT * FROM contacts WHERE VALUE = ?')).toBe('contacts');
    expect(contactsAlias('SELECT extPhone FROM users WHERE user = ?')).toBeUndefined();
  });
});
