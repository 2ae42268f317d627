/** What a helper process needs to reach the PBX's AMI port with one account. */
export interface AmiAccess {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly secret: string;
}

/** What a helper process needs to reach the courier database with one account. */
export interface DatabaseAccess {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** The journal's writer account, and where a workstation spools (beside its config when absent). */
export interface JournalAccess {
  readonly user: string;
  readonly password: string;
  readonly spoolDir?: string;
}

/** A TOML value: a JSON string or number is the same text in TOML. */
export const toml = (value: unknown): string => JSON.stringify(value);

/** The `[pbx]` section of a helper configuration for one AMI account. */
export function pbxSection(ami: AmiAccess): string[] {
  return [
    '[pbx]',
    `host = ${toml(ami.host)}`,
    `port = ${ami.port}`,
    `user = ${toml(ami.user)}`,
    `secret = ${toml(ami.secret)}`,
  ];
}

/** The `[database]` section's account lines (the section header included). */
export function databaseSection(database: DatabaseAccess): string[] {
  return [
    '[database]',
    `host = ${toml(database.host)}`,
    `port = ${database.port}`,
    `user = ${toml(database.user)}`,
    `password = ${toml(database.password)}`,
    `database = ${toml(database.database)}`,
  ];
}

/** The `[journal]` section turning the journal on with the writer account. */
export function journalSection(journal: JournalAccess): string[] {
  return [
    '[journal]',
    'enabled = true',
    `user = ${toml(journal.user)}`,
    `password = ${toml(journal.password)}`,
    ...(journal.spoolDir ? [`spoolDir = ${toml(journal.spoolDir)}`] : []),
  ];
}
