import type { CreateLink, OutcomeChoice, OutcomeSettings } from '../../shared/protocol';
import { fillNumber, NUMBER_PLACEHOLDERS } from '../core/number-forms';
import { tr } from '../core/cli-text';
import type { Finding, Rule } from './field-rules';
import type { OutcomeConfig } from './types';

/**
 * `[outcomes]`: what the card offers to note on a call, and for how long after it ended;
 * and the `links.create` pages offered for a caller the database does not know. Each item
 * is one text in the file, its labels written `Label | English label`: the first is in the
 * office's language and is what the journal keeps, the second is what the card shows when
 * the operator reads English (it falls back to the first).
 */
export const DEFAULT_OUTCOME_SETTINGS: Readonly<OutcomeConfig> = {
  list: [
    'rescheduled = Доставка перенесена | Delivery rescheduled',
    'address-confirmed = Адрес уточнён | Address confirmed',
    'order-refused = Отказ от заказа | Order refused',
    'not-reached = Не дозвонились | Could not reach',
  ],
  afterCallMinutes: 5,
};

const CODE = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const MAX_LABEL = 128;
const MAX_OUTCOMES = 50;
const MAX_CREATE_LINKS = 10;
/** What the protocol carries of a cabinet address. */
const MAX_URL_LENGTH = 2048;

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/** `Label | English label` → the texts; the English one is optional. */
function parseLabels(text: string): Parsed<{ label: string; en?: string }> {
  const [label = '', en, extra] = text.split('|').map((part) => part.trim());
  if (extra !== undefined) return { ok: false, problem: tr`has more than two labels` };
  for (const part of [label, en]) {
    if (part === undefined) continue;
    if (part === '') return { ok: false, problem: tr`has an empty label` };
    if (part.length > MAX_LABEL) {
      return { ok: false, problem: tr`has a label longer than ${MAX_LABEL} characters` };
    }
    if (hasControlCharacter(part)) return { ok: false, problem: tr`has a control character` };
  }
  return { ok: true, value: en === undefined ? { label } : { label, en } };
}

function parseOutcome(item: string): Parsed<OutcomeChoice> {
  const at = item.indexOf('=');
  if (at < 0) return { ok: false, problem: tr`has no "=" between the code and the label` };
  const code = item.slice(0, at).trim();
  if (!CODE.test(code)) {
    return {
      ok: false,
      problem: tr`has the code ${JSON.stringify(code)}: use lowercase letters, digits, "-" and "_", up to 32`,
    };
  }
  const labels = parseLabels(item.slice(at + 1));
  return labels.ok ? { ok: true, value: { code, ...labels.value } } : labels;
}

/** A create link as configured: its labels and the URL template with the number's place. */
export interface CreateLinkTemplate {
  readonly label: string;
  readonly en?: string;
  readonly url: string;
}

function parseCreateLink(item: string): Parsed<CreateLinkTemplate> {
  // The address has no spaces and starts with its scheme, so an "=" in it is no separator.
  const parts = /^(.*?)\s*=\s*([a-z][a-z0-9+.-]*:\S*)$/is.exec(item);
  if (parts === null) {
    return { ok: false, problem: tr`has no "=" between the label and the address` };
  }
  const [, labelText = '', url = ''] = parts;
  if (!/^https?:\/\/\S+$/i.test(url)) {
    return {
      ok: false,
      problem: tr`has an address that is not a web address (http:// or https://)`,
    };
  }
  if (url.match(NUMBER_PLACEHOLDERS) === null) {
    return { ok: false, problem: tr`has no {e164}, {digits} or {national} where the number goes` };
  }
  try {
    new URL(url.replaceAll(NUMBER_PLACEHOLDERS, '1'));
  } catch {
    return { ok: false, problem: tr`has an address that is not valid` };
  }
  const labels = parseLabels(labelText);
  return labels.ok ? { ok: true, value: { ...labels.value, url } } : labels;
}

function listRule<T>(
  parse: (item: string) => Parsed<T>,
  max: number,
  example: string,
  unique?: (value: T) => string,
): Rule<string[]> {
  return (items, key): Finding | undefined => {
    const fix = tr`write each item of ${key} as ${example}`;
    if (items.length > max) return { message: tr`has more than ${max} items`, fix };
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      const parsed = parse(item);
      if (!parsed.ok) return { message: tr`item ${index + 1} ${parsed.problem}`, fix };
      const id = unique?.(parsed.value);
      if (id !== undefined && seen.has(id)) {
        return {
          message: tr`item ${index + 1} repeats the code "${id}"`,
          fix: tr`give each outcome its own code`,
        };
      }
      if (id !== undefined) seen.add(id);
    }
    return undefined;
  };
}

export const outcomeList: Rule<string[]> = listRule(
  parseOutcome,
  MAX_OUTCOMES,
  '"code = Label | English label", e.g. "rescheduled = Доставка перенесена | Delivery rescheduled"',
  (choice) => choice.code,
);

export const createLinkList: Rule<string[]> = listRule(
  parseCreateLink,
  MAX_CREATE_LINKS,
  '"Label | English label = address with {e164}, {digits} or {national}", e.g. ' +
    '"Новый заказ | New order = https://cabinet.example.com/orders/new?phone={digits}"',
);

function parsedAll<T>(items: readonly string[], parse: (item: string) => Parsed<T>): T[] {
  return items.flatMap((item) => {
    const parsed = parse(item);
    return parsed.ok ? [parsed.value] : [];
  });
}

/** The configured outcomes (validated when the configuration was loaded). */
export function outcomeChoices(list: readonly string[]): OutcomeChoice[] {
  return parsedAll(list, parseOutcome);
}

/** What the card offers to note, as the helper's status tells the extension. */
export function outcomeSettings(config: OutcomeConfig): OutcomeSettings {
  return { choices: outcomeChoices(config.list), afterCallMs: config.afterCallMinutes * 60_000 };
}

/** The configured create links (validated when the configuration was loaded). */
export function createLinkTemplates(list: readonly string[]): CreateLinkTemplate[] {
  return parsedAll(list, parseCreateLink);
}

/** The create links for a caller, with their number filled in; none without a number. */
export function createLinksFor(
  templates: readonly CreateLinkTemplate[],
  e164: string | undefined,
): CreateLink[] {
  if (e164 === undefined) return [];
  return templates
    .map(({ url, ...labels }) => ({ ...labels, url: fillNumber(url, e164, encodeURIComponent) }))
    .filter((link) => link.url.length <= MAX_URL_LENGTH);
}
