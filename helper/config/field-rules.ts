import { isSupportedCountry } from 'libphonenumber-js/min';
import { canonicalOrigin } from './origins';
import { countPlaceholders } from './sql-placeholders';
import type { ConfigProblem } from './types';
import { tr } from '../core/cli-text';
import './russian';

export type Finding = Omit<ConfigProblem, 'key'>;
export type Rule<T> = (value: T, key: string) => Finding | undefined;

/** Line breaks and other control characters would split an AMI frame or a log line. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
const EXTENSION = /^\d{2,6}$/;
const CHANNEL_TECH = /^(PJSIP|SIP|IAX2|Local)\//;
const CHANNEL_CHARS = /^[A-Za-z0-9_\-./@:{}]+$/;
const CONTEXT = /^[A-Za-z0-9_\-.]{1,79}$/;
const CALLER_NUMBER = /^\+?\d{2,15}$/;
const CALLER_WITH_NAME = /^(?:"[^"<>]{0,40}"|[^"<>]{0,40}?)\s*<\+?\d{2,15}>$/;
const HOST = /^[A-Za-z0-9.\-_:[\]]{1,253}$/;
const DATABASE_NAME = /^[A-Za-z0-9_$]{1,64}$/;
const ACCOUNT_NAME = /^[^\s[\]'"\\;,=]{1,80}$/;

/** Integers only, inside [min, max]; `hint` says what the number is for. */
export function intRange(min: number, max: number, hint: () => string): Rule<number> {
  return (value, key) =>
    Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : {
          message: tr`must be a whole number from ${min} to ${max}, got ${value}`,
          fix: tr`set ${key} to ${hint()}`,
        };
}

export const host: Rule<string> = (value, key) =>
  value === '' || HOST.test(value)
    ? undefined
    : {
        message: tr`is not a host name or IP address (spaces or other characters are not allowed)`,
        fix: tr`set ${key} to a host name such as "pbx.office.lan" or an IP address such as "10.0.0.5"`,
      };

export const accountName: Rule<string> = (value, key) =>
  value === '' || ACCOUNT_NAME.test(value)
    ? undefined
    : {
        message: tr`contains spaces, quotes, brackets or other characters an account name cannot have`,
        fix: tr`set ${key} to the account name exactly as the server knows it`,
      };

/** Secrets are never echoed, not even in part. */
export const secret: Rule<string> = (value, key) =>
  hasControlCharacter(value)
    ? {
        message: tr`contains a line break or another control character`,
        fix: tr`retype ${key} without line breaks or tabs`,
      }
    : undefined;

/** The managed-pairing secret: empty (off) or long enough that nobody guesses it. */
export const pairingSecret: Rule<string> = (value, key) =>
  value === '' || (value.length >= 32 && value.length <= 256 && !hasControlCharacter(value))
    ? undefined
    : {
        message: 'must be empty or 32 to 256 characters without line breaks',
        fix: `generate one with \`openssl rand -hex 32\` and put the same value in ${key} and in the browser policy's pairingSecret`,
      };

export const channelTemplate: Rule<string> = (value, key) => {
  const fix = tr`set ${key} to the operator's phone channel with the extension as {ext}, e.g. "PJSIP/{ext}", "SIP/{ext}", "IAX2/{ext}" or "Local/{ext}@from-internal"`;
  if (!CHANNEL_TECH.test(value)) {
    return { message: tr`must start with PJSIP/, SIP/, IAX2/ or Local/`, fix };
  }
  if (!value.includes('{ext}')) return { message: tr`has no {ext} placeholder`, fix };
  if (!CHANNEL_CHARS.test(value) || value.replaceAll('{ext}', '').match(/[{}]/)) {
    return { message: tr`contains characters a channel name cannot have`, fix };
  }
  return undefined;
};

export const dialContext: Rule<string> = (value, key) =>
  CONTEXT.test(value)
    ? undefined
    : {
        message: tr`must be a dialplan context name: letters, digits, "-", "_" or ".", up to 79`,
        fix: tr`set ${key} to the context the operators' phones dial from, e.g. "from-internal"`,
      };

export const callerId: Rule<string> = (value, key) =>
  value === '' || CALLER_NUMBER.test(value) || CALLER_WITH_NAME.test(value)
    ? undefined
    : {
        message: tr`must be a number, optionally with a quoted name: "Courier" <74951234567>`,
        fix: tr`set ${key} to the company's main number, e.g. "74951234567" or "\\"Courier\\" <74951234567>", or leave it empty`,
      };

export const extensionList: Rule<string[]> = (value, key) => {
  const bad = value.filter((ext) => !EXTENSION.test(ext));
  if (bad.length > 0) {
    return {
      message: tr`every extension must be 2 to 6 digits; not valid: ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
      fix: tr`set ${key} to the operator's internal numbers, comma-separated: "101" or "101,102"`,
    };
  }
  if (new Set(value).size !== value.length) {
    return {
      message: tr`lists an extension twice`,
      fix: tr`remove the repeated number from ${key}`,
    };
  }
  return undefined;
};

export const cabinetUser: Rule<string> = (value, key) =>
  value === '' || (value.length <= 32 && !hasControlCharacter(value) && value.trim() === value)
    ? undefined
    : {
        message: tr`must be a cabinet login of at most 32 characters without spaces around it`,
        fix: tr`set ${key} to the operator's login in the web cabinet (users.user)`,
      };

export const databaseName: Rule<string> = (value, key) =>
  DATABASE_NAME.test(value)
    ? undefined
    : {
        message: tr`must be a database name: letters, digits, "_" or "$", up to 64`,
        fix: tr`set ${key} to the courier database name, usually "courier"`,
      };

/**
 * One SELECT whose `?` placeholders take, in order, what `placeholders` names; rows are
 * read by column alias, so the fix asks to keep the aliases.
 */
export function selectQuery(placeholders: () => readonly string[]): Rule<string> {
  return (value, key) => {
    const names = placeholders();
    const wanted = names.length;
    const where =
      wanted === 1
        ? tr`a single ? where ${names[0]} goes`
        : tr`${wanted} ? placeholders: ${names.join(tr`, then `)}`;
    const fix = tr`rewrite ${key} as one SELECT with ${where} (keep the column aliases described in the example configuration), or remove the key to use the default`;
    const sql = value.trim().replace(/;\s*$/, '');
    if (!/^select\s/i.test(sql)) return { message: tr`must start with SELECT`, fix };
    if (sql.includes(';')) return { message: tr`must be a single statement (no ";")`, fix };
    const found = countPlaceholders(sql);
    if (found !== wanted) {
      const expected = wanted === 1 ? tr`one ? placeholder` : tr`${wanted} ? placeholders`;
      return { message: tr`must contain exactly ${expected}, found ${found}`, fix };
    }
    return undefined;
  };
}

export const lookupQuery: Rule<string> = selectQuery(() => [tr`the caller's number`]);

export const urlTemplate: Rule<string> = (value, key) => {
  if (value === '') return undefined;
  const fix = tr`set ${key} to a cabinet address with {code} where the code goes, e.g. "https://cabinet.example.com/clients/{code}", or leave it empty`;
  if (!/^https?:\/\//i.test(value)) {
    return { message: tr`must start with http:// or https://`, fix };
  }
  if (!value.includes('{code}')) return { message: tr`has no {code} placeholder`, fix };
  try {
    new URL(value.replaceAll('{code}', '1'));
  } catch {
    return { message: tr`is not a valid address`, fix };
  }
  return undefined;
};

export const originList: Rule<string[]> = (value, key) => {
  const fix = tr`list in ${key} the extension origins that may connect: "chrome-extension://<32-letter id>" (see chrome://extensions) or "moz-extension://*"`;
  if (value.length === 0) return { message: tr`is empty, so no extension could connect`, fix };
  const bad = value.filter((origin) => canonicalOrigin(origin) === undefined);
  return bad.length === 0
    ? undefined
    : { message: tr`not extension origins: ${bad.map((b) => JSON.stringify(b)).join(', ')}`, fix };
};

export const filePath: Rule<string> = (value, key) =>
  hasControlCharacter(value)
    ? { message: tr`contains a control character`, fix: tr`set ${key} to a plain file path` }
    : undefined;

export const country: Rule<string> = (value, key) =>
  isSupportedCountry(value)
    ? undefined
    : {
        message: tr`is not a supported two-letter country code, got ${JSON.stringify(value)}`,
        fix: tr`set ${key} to an ISO 3166 code in capitals, e.g. "RU" or "KZ"`,
      };
