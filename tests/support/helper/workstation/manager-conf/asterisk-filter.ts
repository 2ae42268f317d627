import type { EventFilterRule } from '../../../../../helper/workstation/manager-conf/seat-filters';

/**
 * Whether Asterisk would pass an event (its headers as recorded) through these include
 * filters: the test manager.c's filter_cmp_fn makes — the name first, then the value against
 * the whole event text or against each line of the named header.
 */
export function passesFilters(
  rules: readonly EventFilterRule[],
  event: Readonly<Record<string, unknown>>,
): boolean {
  const text = Object.entries(event)
    .map(([key, value]) => `${key}: ${String(value)}\r\n`)
    .join('');
  return rules.some((rule) => {
    if (rule.event !== event['Event']) return false;
    const candidates =
      rule.header === undefined
        ? [text]
        : Object.entries(event)
            .filter(([key]) => key === rule.header)
            .map(([, value]) => String(value).trimStart());
    return candidates.some((candidate) => matches(rule, candidate));
  });
}

function matches(rule: EventFilterRule, data: string): boolean {
  switch (rule.method) {
    case 'exact':
      return data === rule.value;
    case 'starts_with':
      return data.startsWith(rule.value);
    case 'contains':
      return data.includes(rule.value);
    case 'none':
      return true;
  }
}
