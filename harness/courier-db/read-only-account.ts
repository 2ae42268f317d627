/** The lookup account `db/roles.sql` creates (SELECT on `courier.*` only). */
export const READ_ONLY_ACCOUNT = { user: 'courier_ro', password: 'courier-ro-password' } as const;
