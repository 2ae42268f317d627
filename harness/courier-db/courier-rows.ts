/** Row shapes of the courier database tables, in `db/courier-schema.sql` column order. */

export interface UserRow {
  user: string;
  name: string;
  position: string | null;
  extPhone: string | null;
  email: string | null;
  active: number;
  date_create: string;
}

export interface KurierRow {
  code: number;
  name: string;
  phonem: string | null;
  phonek: string | null;
  manager: string | null;
  active: number;
  date_create: string;
}

export interface ClientRow {
  code: number;
  company: string;
  inn: string | null;
  manager: string | null;
  status: number;
  date_create: string;
}

export interface FioRow {
  code: number;
  client: number;
  name: string;
  position: string | null;
  email: string | null;
  date_create: string;
}

export interface ZakazRow {
  code: number;
  number: string;
  source: number;
  status: number;
  date_create: string;
}

export interface AddressRow {
  code: number;
  zakaz: number;
  fio: string;
  address: string;
  date: string;
  time_from: string | null;
  time_to: string | null;
  cod: string;
  date_put: string | null;
  date_create: string;
}

export interface GivnRow {
  code: number;
  address: number;
  kurier: number;
  State: number;
  date_create: string;
}

/** Owner kinds of `contacts.SourceCodeType`. */
export const SOURCE_TYPE = { courier: 1, client: 2, recipient: 3, contactPerson: 39 } as const;
export type SourceCodeType = (typeof SOURCE_TYPE)[keyof typeof SOURCE_TYPE];

export interface ContactRow {
  code: number;
  VALUE: string;
  SourceCodeType: SourceCodeType;
  Source: number;
  State: number;
  comment: string | null;
  date_create: string;
}

export interface CourierTables {
  users: UserRow;
  kurier: KurierRow;
  clients: ClientRow;
  fio: FioRow;
  zakaz: ZakazRow;
  address: AddressRow;
  givn: GivnRow;
  contacts: ContactRow;
}

export type CourierTable = keyof CourierTables;

export const TABLE_COLUMNS: { readonly [T in CourierTable]: readonly (keyof CourierTables[T])[] } =
  {
    users: ['user', 'name', 'position', 'extPhone', 'email', 'active', 'date_create'],
    kurier: ['code', 'name', 'phonem', 'phonek', 'manager', 'active', 'date_create'],
    clients: ['code', 'company', 'inn', 'manager', 'status', 'date_create'],
    fio: ['code', 'client', 'name', 'position', 'email', 'date_create'],
    zakaz: ['code', 'number', 'source', 'status', 'date_create'],
    address: [
      'code',
      'zakaz',
      'fio',
      'address',
      'date',
      'time_from',
      'time_to',
      'cod',
      'date_put',
      'date_create',
    ],
    givn: ['code', 'address', 'kurier', 'State', 'date_create'],
    contacts: ['code', 'VALUE', 'SourceCodeType', 'Source', 'State', 'comment', 'date_create'],
  };
