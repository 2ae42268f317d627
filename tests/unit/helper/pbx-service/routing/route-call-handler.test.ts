import { afterEach, describe, expect, it } from 'vitest';
import { FastAgiServer } from '../../../../../helper/pbx-service/agi/fastagi-server';
import { silentLogger } from '../../../../../helper/pbx-service/agi/logger';
import { PeerAllowList } from '../../../../../helper/config/peer-allow-list';
import { CallbackMemory } from '../../../../../helper/pbx-service/routing/callback-memory';
import { createRouteCallHandler } from '../../../../../helper/pbx-service/routing/route-call-handler';
import type { RouteDecision } from '../../../../../helper/pbx-service/routing/route-decision';
import type {
  RoutingDirectory,
  RoutingFacts,
} from '../../../../../helper/pbx-service/routing/routing-facts';
import { agiCall } from '../../../../../harness/fake-asterisk';

const RECIPIENT_FACTS: RoutingFacts = {
  courier: undefined,
  contactPerson: undefined,
  client: undefined,
  parcels: [
    {
      addressCode: '2',
      orderCode: '2',
      courierCode: '2',
      courierMobile: '+79032223344',
      handedAt: '2025-11-24 08:20:00',
    },
  ],
};

const servers: FastAgiServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function routeWith(
  directory: RoutingDirectory,
  callerId: string,
  options: { memory?: CallbackMemory; timeoutMs?: number } = {},
): Promise<{ variables: Record<string, string>; decisions: RouteDecision[]; asked: string[] }> {
  const decisions: RouteDecision[] = [];
  const asked: string[] = [];
  const server = await FastAgiServer.listen({
    host: '127.0.0.1',
    port: 0,
    allowList: new PeerAllowList(['127.0.0.1']),
    handlers: {
      route_call: createRouteCallHandler({
        directory: {
          find: (dbKey, signal) => {
            asked.push(dbKey);
            return directory.find(dbKey, signal);
          },
        },
        ...(options.memory ? { recentCallbacks: options.memory } : {}),
        timeoutMs: options.timeoutMs ?? 300,
        defaultCountry: 'RU',
        logger: silentLogger,
        onDecision: (decision) => decisions.push(decision),
      }),
    },
  });
  servers.push(server);
  const { variables } = await agiCall({ port: server.port, script: 'route_call', callerId });
  return { variables, decisions, asked };
}

describe('route_call', () => {
  it('looks the caller up by the digits the database stores and sets the route', async () => {
    const { variables, asked } = await routeWith(
      { find: async () => RECIPIENT_FACTS },
      '+7 (916) 123-45-67',
    );
    expect(asked).toEqual(['79161234567']);
    expect(variables).toEqual({
      CT_ROUTE_KIND: 'courier',
      CT_ROUTE_REASON: 'parcel-holder',
      CT_ROUTE_TARGETS: '+79032223344',
      CT_ORDER: '2',
      CT_DELIVERY: '2',
      CT_COURIER: '2',
    });
  });

  it('answers with the operators once the deadline passes, even if the lookup never ends', async () => {
    const started = performance.now();
    const { variables } = await routeWith(
      { find: () => new Promise<RoutingFacts>(() => undefined) },
      '79161234567',
      {
        timeoutMs: 100,
      },
    );
    expect(variables).toMatchObject({ CT_ROUTE_KIND: 'operators', CT_ROUTE_REASON: 'timeout' });
    // A generous bound: the point is that the call is not held for the lookup.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('sends the call to the operators when the database fails', async () => {
    const { variables } = await routeWith(
      {
        find: async () => {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
            code: 'ECONNREFUSED',
          });
        },
      },
      '79161234567',
    );
    expect(variables).toMatchObject({
      CT_ROUTE_KIND: 'operators',
      CT_ROUTE_REASON: 'database-unavailable',
    });
  });

  it('sends withheld numbers to the operators without asking the database', async () => {
    const { variables, asked } = await routeWith(
      { find: async () => RECIPIENT_FACTS },
      'anonymous',
    );
    expect(asked).toEqual([]);
    expect(variables).toMatchObject({
      CT_ROUTE_KIND: 'operators',
      CT_ROUTE_REASON: 'no-caller-id',
    });
  });

  it('sends a recipient calling back after a callback to that courier, database or not', async () => {
    const memory = new CallbackMemory({ ttlMs: 60_000, maxEntries: 10 });
    await memory.remember('79161234567', {
      courierMobile: '+79031112233',
      parcel: { orderCode: '1', addressCode: '1', courierCode: '1' },
    });
    const { variables, asked } = await routeWith(
      { find: () => Promise.reject(new Error('down')) },
      '79161234567',
      { memory },
    );
    expect(asked).toEqual(['79161234567']);
    expect(variables).toMatchObject({
      CT_ROUTE_KIND: 'courier',
      CT_ROUTE_REASON: 'recent-callback',
      CT_ROUTE_TARGETS: '+79031112233',
      CT_ORDER: '1',
      CT_COURIER: '1',
    });
  });
});
