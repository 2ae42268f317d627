/** One line of `SHOW GRANTS`, the parts the doctor judges. */
export interface GrantLine {
  /** Upper case, column lists dropped: `SELECT`, `INSERT`, `ALL PRIVILEGES`; no `USAGE`. */
  privileges: string[];
  /** As written: `*.*`, `` `courier`.* ``, `` `courier`.`call_journal` ``. */
  object: string;
  /** Undefined for `*.*`. */
  database: string | undefined;
  /** Undefined for a global or database-wide grant. */
  table: string | undefined;
  grantOption: boolean;
  /** The account the line is for, when the line names it the usual way. */
  account: { user: string; host: string } | undefined;
}

const NAME = '(?:`(?:[^`]|``)*`|[^\\s.`]+)';
const GRANT = new RegExp(
  `^GRANT\\s+(.+?)\\s+ON\\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE\\s+BODY|PACKAGE)\\s+)?` +
    `(${NAME}(?:\\.${NAME})?)\\s+TO\\s+(.*)$`,
  'is',
);
const ACCOUNT = /^[`']((?:[^`']|``|'')*)[`']@[`']([^`']*)[`']/;

/** `` `cour\_ier` `` → `cour_ier`: database-wide grants escape the LIKE wildcards. */
function unquote(name: string): string {
  const bare = name.startsWith('`') ? name.slice(1, -1).replace(/``/g, '`') : name;
  return bare.replace(/\\([_%])/g, '$1');
}

function privilegesOf(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((privilege) => privilege.trim().replace(/\s+/g, ' ').toUpperCase())
    .filter((privilege) => privilege !== '' && privilege !== 'USAGE');
}

/**
 * Reads a `GRANT … ON … TO …` line as MariaDB and MySQL print it; undefined for the lines
 * that grant no object rights (roles, `PROXY`).
 */
export function parseGrantLine(line: string): GrantLine | undefined {
  const match = GRANT.exec(line.trim());
  if (!match) return undefined;
  const [, privilegeText = '', object = '', rest = ''] = match;
  if (/^PROXY$/i.test(privilegeText.trim())) return undefined;
  const parts = object.match(new RegExp(NAME, 'g')) ?? [];
  const [first, second] = parts.map(unquote);
  const account = ACCOUNT.exec(rest.trim());
  return {
    privileges: privilegesOf(privilegeText),
    object,
    database: first === undefined || first === '*' ? undefined : first,
    table: second === undefined || second === '*' ? undefined : second,
    grantOption: /\bWITH\s+GRANT\s+OPTION\b/i.test(rest),
    account: account ? { user: account[1] ?? '', host: account[2] ?? '' } : undefined,
  };
}
