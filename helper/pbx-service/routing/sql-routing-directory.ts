import { splitExtensions } from '../../lookup/extensions';
import { code, text } from '../../lookup/row-values';
import { storedNumberToE164 } from '../../lookup/stored-number';
import type { QueryExecutor, Row } from '../../lookup/types';
import type { HeldParcel, ManagedOwner, RoutingDirectory, RoutingFacts } from './routing-facts';
import type { RoutingQueries } from '../../config/routing-queries';
import { ROLE_COLUMN, routingStatement, type RoutingRole } from './routing-statement';

function managedOwner(rows: readonly Row[]): ManagedOwner | undefined {
  const owners = rows.flatMap((row) => {
    const ownerCode = code(row, 'ownerCode');
    return ownerCode === undefined
      ? []
      : [{ code: ownerCode, managerExtensions: splitExtensions(row['managerExt']) }];
  });
  // A number on two cards: the one whose manager can be rung wins.
  return owners.find((owner) => owner.managerExtensions.length > 0) ?? owners[0];
}

function heldParcels(rows: readonly Row[], defaultCountry: string): HeldParcel[] {
  const parcels = rows.flatMap((row): HeldParcel[] => {
    const addressCode = code(row, 'addressCode');
    const orderCode = code(row, 'orderCode');
    const courierCode = code(row, 'courierCode');
    if (addressCode === undefined || orderCode === undefined || courierCode === undefined)
      return [];
    const mobile = text(row, 'courierMobile');
    return [
      {
        addressCode,
        orderCode,
        courierCode,
        courierMobile:
          mobile === undefined ? undefined : storedNumberToE164(mobile, defaultCountry),
        handedAt: text(row, 'handedAt') ?? '',
      },
    ];
  });
  // Sorted here too, so a rewritten query without ORDER BY still routes to the latest holder.
  return parcels.sort((a, b) => (a.handedAt < b.handedAt ? 1 : a.handedAt > b.handedAt ? -1 : 0));
}

/** The routing lookups over the courier database, in one statement. */
export class SqlRoutingDirectory implements RoutingDirectory {
  readonly #statement: { sql: string; parameters: number };

  constructor(
    private readonly executor: QueryExecutor,
    queries: RoutingQueries,
    private readonly defaultCountry: string,
  ) {
    this.#statement = routingStatement(queries);
  }

  async find(dbKey: string, signal: AbortSignal): Promise<RoutingFacts> {
    const { sql, parameters } = this.#statement;
    const rows = await this.executor.query(
      sql,
      Array.from({ length: parameters }, () => dbKey),
      signal,
    );
    const byRole = (role: RoutingRole): Row[] => rows.filter((row) => row[ROLE_COLUMN] === role);
    return {
      courier: managedOwner(byRole('courierManager')),
      contactPerson: managedOwner(byRole('contactManager')),
      client: managedOwner(byRole('clientManager')),
      parcels: heldParcels(byRole('parcelHolders'), this.defaultCountry),
    };
  }
}
