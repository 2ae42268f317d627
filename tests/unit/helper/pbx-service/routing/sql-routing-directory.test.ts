import { describe, expect, it } from 'vitest';
import type { QueryExecutor, Row } from '../../../../../helper/lookup/types';
import { DEFAULT_ROUTING_QUERIES } from '../../../../../helper/config/routing-queries';
import {
  ROLE_COLUMN,
  routingStatement,
} from '../../../../../helper/pbx-service/routing/routing-statement';
import { SqlRoutingDirectory } from '../../../../../helper/pbx-service/routing/sql-routing-directory';

function executor(
  rows: Row[],
): QueryExecutor & { calls: { sql: string; params: readonly unknown[] }[] } {
  const calls: { sql: string; params: readonly unknown[] }[] = [];
  return {
    calls,
    async query(sql, params) {
      calls.push({ sql, params });
      return rows;
    },
    close: async () => undefined,
  };
}

const row = (role: string, values: Row): Row => ({ [ROLE_COLUMN]: role, ...values });

describe('SqlRoutingDirectory', () => {
  it('asks once, and reads each lookup by alias: latest hand-over first, mobiles as E.164', async () => {
    const fake = executor([
      row('parcelHolders', {
        addressCode: 1,
        orderCode: 1,
        courierCode: 1,
        courierMobile: '79031112233',
        handedAt: '2025-11-24 08:10:00',
      }),
      row('parcelHolders', {
        addressCode: 2,
        orderCode: 2,
        courierCode: 2,
        courierMobile: '8 903 222-33-44',
        handedAt: '2025-11-24 08:20:00',
      }),
      row('parcelHolders', {
        addressCode: 9,
        orderCode: 9,
        courierCode: 9,
        courierMobile: null,
        handedAt: '2025-11-20 08:20:00',
      }),
      row('courierManager', { ownerCode: 5, managerExt: null }),
      row('courierManager', { ownerCode: 6, managerExt: '101, 102' }),
      row('clientManager', { ownerCode: 1, managerExt: '103' }),
    ]);
    const facts = await new SqlRoutingDirectory(fake, DEFAULT_ROUTING_QUERIES, 'RU').find(
      '79161234567',
      new AbortController().signal,
    );
    expect(facts.parcels.map((p) => [p.courierCode, p.courierMobile])).toEqual([
      ['2', '+79032223344'],
      ['1', '+79031112233'],
      ['9', undefined],
    ]);
    expect(facts.courier).toEqual({ code: '6', managerExtensions: ['101', '102'] });
    expect(facts.contactPerson).toBeUndefined();
    expect(facts.client).toEqual({ code: '1', managerExtensions: ['103'] });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.params).toEqual(Array.from({ length: 4 }, () => '79161234567'));
  });

  it('unites the configured queries as derived tables, one parameter each', () => {
    const { sql, parameters } = routingStatement({
      ...DEFAULT_ROUTING_QUERIES,
      clientManager: 'SELECT 7 AS ownerCode, NULL AS managerExt FROM clients WHERE phone = ?;',
    });
    expect(parameters).toBe(4);
    expect(sql.split('?')).toHaveLength(5);
    expect(sql.split('UNION ALL')).toHaveLength(4);
    expect(sql).toContain("SELECT 'clientManager' AS routingRole");
    expect(sql).not.toContain('?;');
  });

  it('selects no names or addresses', () => {
    for (const sql of Object.values(DEFAULT_ROUTING_QUERIES)) {
      const selected = sql.slice(0, sql.indexOf('FROM'));
      expect(selected).not.toMatch(/\.(name|fio|address|company|position|email)\b/i);
    }
  });
});
