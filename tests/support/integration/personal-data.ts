import { expect } from 'vitest';
import { WELL_KNOWN } from '../fixtures';
import type { AmiMessage } from '../../../harness/raw-ami';

/** Every name, company and address of the well-known fixtures. */
export function personalTexts(): string[] {
  const { users, couriers, clients, contactPersons, deliveries } = WELL_KNOWN;
  return [
    ...Object.values(users).map((user) => user.name),
    ...Object.values(couriers).map((courier) => courier.name),
    ...Object.values(clients).map((client) => client.company),
    ...Object.values(contactPersons).map((person) => person.name),
    ...Object.values(deliveries).flatMap((delivery) => [delivery.fio, delivery.address]),
  ];
}

/** Variables the service puts on channels: numbers, codes and fixed words. */
const SERVICE_VARIABLES = new Set([
  'CT_ROUTE_KIND',
  'CT_ROUTE_REASON',
  'CT_ROUTE_TARGETS',
  'CT_ROUTE_FALLBACK',
  'CT_ORDER',
  'CT_DELIVERY',
  'CT_COURIER',
]);

/**
 * Asserts what the PBX received: the service's own variables hold only digits, "+", "&"
 * and lower-case words, and no variable on any channel holds a name, a company or an
 * address (nor any text in Cyrillic, which all of them are).
 */
export function expectNoPersonalData(events: readonly AmiMessage[]): void {
  const varSets = events.filter((event) => event.Event === 'VarSet');
  const serviceSet = varSets.filter((event) => SERVICE_VARIABLES.has(event.Variable ?? ''));
  expect(serviceSet.length).toBeGreaterThan(0);
  for (const event of serviceSet) {
    expect(event.Value ?? '', `${event.Variable} on ${event.Channel}`).toMatch(/^[0-9a-z+&-]*$/);
  }
  const texts = personalTexts();
  for (const event of varSets) {
    const value = event.Value ?? '';
    expect(value, `${event.Variable} on ${event.Channel}`).not.toMatch(/[А-Яа-яЁё]/);
    for (const text of texts) expect(value).not.toContain(text);
  }
}
