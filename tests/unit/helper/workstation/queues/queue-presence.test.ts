import { afterEach, describe, expect, it } from 'vitest';
import type { QueueMembership } from '../../../../../shared/protocol';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import {
  NotAQueueMemberError,
  QueuePresence,
  type QueueAmi,
} from '../../../../../helper/workstation/queues/queue-presence';

type Listener = (...args: unknown[]) => void;

/** A PBX with queues: answers QueueStatus with `members`, records QueuePause, emits events. */
class QueuePbx {
  members: AmiFrame[] = [];
  pauses: Record<string, unknown>[] = [];
  refuse: Error | undefined;
  /** Events the PBX sends while a QueueStatus listing is under way. */
  duringListing: AmiFrame[] = [];
  readonly listeners = new Map<string, Set<Listener>>();

  readonly ami = {
    on: (event: string, listener: Listener, options?: { signal?: AbortSignal }) => {
      const set = this.listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      this.listeners.set(event, set);
      options?.signal?.addEventListener('abort', () => set.delete(listener));
      return () => set.delete(listener);
    },
    actionList: async () => {
      const events = [...this.members];
      for (const frame of this.duringListing) this.emit('event', frame);
      return {
        response: { response: 'Success', message: undefined, actionId: '1', frame: {} },
        events,
        complete: undefined,
      };
    },
    action: async (name: string, fields: Record<string, unknown> = {}) => {
      if (this.refuse) throw this.refuse;
      this.pauses.push({ name, ...fields });
      return {
        response: 'Success',
        message: 'Interface paused successfully',
        actionId: '2',
        frame: {},
      };
    },
  } as unknown as QueueAmi;

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

function member(queue: string, iface: string, state: string, paused = '0', extra = {}): AmiFrame {
  return {
    Event: 'QueueMember',
    Queue: queue,
    Location: iface,
    StateInterface: state,
    Paused: paused,
    PausedReason: '',
    LastPause: '0',
    ...extra,
  };
}

function pauseEvent(queue: string, iface: string, paused: boolean, reason = ''): AmiFrame {
  const phone = /\/(\d+)/.exec(iface)?.[1] ?? '';
  return {
    Event: 'QueueMemberPause',
    Queue: queue,
    Interface: iface,
    StateInterface: `PJSIP/${phone}`,
    Paused: paused ? '1' : '0',
    PausedReason: reason,
    LastPause: '1741944600',
  };
}

const scopes: AbortController[] = [];
afterEach(() => {
  for (const scope of scopes.splice(0)) scope.abort();
});

function presence(pbx: QueuePbx, extensions = ['101']) {
  const scope = new AbortController();
  scopes.push(scope);
  const seen: (QueueMembership[] | undefined)[] = [];
  const instance = new QueuePresence({
    ami: pbx.ami,
    extensions: () => extensions,
    onChange: (memberships) => seen.push(memberships),
    signal: scope.signal,
  });
  return { instance, seen };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('QueuePresence', () => {
  it("reads the operator's memberships after every login, FreePBX Local members included", async () => {
    const pbx = new QueuePbx();
    pbx.members = [
      member('operators', 'Local/101@from-queue/n', 'PJSIP/101'),
      member('operators', 'Local/102@from-queue/n', 'PJSIP/102'),
      member('vip', 'PJSIP/101', 'PJSIP/101', '1', {
        PausedReason: 'Обед',
        LastPause: '1741944600',
      }),
      member('sales', 'Local/101@from-queue/n', 'hint:101@ext-local'),
    ];
    const { seen } = presence(pbx);
    pbx.emit('ready', { reconnected: false });
    await tick();
    expect(seen.at(-1)).toEqual([
      { queue: 'operators', extension: '101', paused: false },
      { queue: 'sales', extension: '101', paused: false },
      {
        queue: 'vip',
        extension: '101',
        paused: true,
        reason: 'Обед',
        pausedSince: 1_741_944_600_000,
      },
    ]);
  });

  it('follows pauses made anywhere, and members joining and leaving, as they happen', async () => {
    const pbx = new QueuePbx();
    pbx.members = [member('operators', 'Local/101@from-queue/n', 'PJSIP/101')];
    const { seen } = presence(pbx);
    pbx.emit('ready', { reconnected: false });
    await tick();
    pbx.emit('event', pauseEvent('operators', 'Local/101@from-queue/n', true, 'Совещание'));
    expect(seen.at(-1)).toEqual([
      {
        queue: 'operators',
        extension: '101',
        paused: true,
        reason: 'Совещание',
        pausedSince: 1_741_944_600_000,
      },
    ]);
    pbx.emit('event', {
      ...pauseEvent('vip', 'PJSIP/101', false),
      Event: 'QueueMemberAdded',
    });
    expect(seen.at(-1)?.map((m) => m.queue)).toEqual(['operators', 'vip']);
    pbx.emit('event', {
      Event: 'QueueMemberRemoved',
      Queue: 'operators',
      Interface: 'Local/101@from-queue/n',
    });
    expect(seen.at(-1)?.map((m) => m.queue)).toEqual(['vip']);
    const count = seen.length;
    pbx.emit('event', pauseEvent('operators', 'Local/102@from-queue/n', true));
    expect(seen.length).toBe(count);
  });

  it('applies events that arrive during the listing after it, in order', async () => {
    const pbx = new QueuePbx();
    pbx.members = [member('operators', 'Local/101@from-queue/n', 'PJSIP/101')];
    pbx.duringListing = [pauseEvent('operators', 'Local/101@from-queue/n', true, 'Обед')];
    const { seen } = presence(pbx);
    pbx.emit('ready', { reconnected: true });
    await tick();
    expect(seen.at(-1)?.[0]).toMatchObject({ paused: true, reason: 'Обед' });
  });

  it('knows nothing while the PBX is away, and reads again once back', async () => {
    const pbx = new QueuePbx();
    pbx.members = [member('operators', 'Local/101@from-queue/n', 'PJSIP/101', '1')];
    const { seen } = presence(pbx);
    pbx.emit('ready', { reconnected: false });
    await tick();
    pbx.emit('state', { from: 'ready', to: 'reconnecting' });
    expect(seen.at(-1)).toBeUndefined();
    pbx.emit('event', pauseEvent('operators', 'Local/101@from-queue/n', false));
    expect(seen.at(-1)).toBeUndefined();
    pbx.members = [member('operators', 'Local/101@from-queue/n', 'PJSIP/101', '0')];
    pbx.emit('ready', { reconnected: true });
    await tick();
    expect(seen.at(-1)).toEqual([{ queue: 'operators', extension: '101', paused: false }]);
  });

  it('pauses each member interface once, in every queue, with the reason', async () => {
    const pbx = new QueuePbx();
    pbx.members = [
      member('operators', 'Local/101@from-queue/n', 'PJSIP/101'),
      member('sales', 'Local/101@from-queue/n', 'PJSIP/101'),
      member('vip', 'PJSIP/102', 'PJSIP/102'),
    ];
    const { instance } = presence(pbx, ['101', '102']);
    pbx.emit('ready', { reconnected: false });
    await tick();
    await instance.pause({ paused: true, reason: 'Обед' });
    await instance.pause({ paused: false, reason: 'ignored' });
    expect(pbx.pauses).toEqual([
      { name: 'QueuePause', Interface: 'Local/101@from-queue/n', Paused: 'true', Reason: 'Обед' },
      { name: 'QueuePause', Interface: 'PJSIP/102', Paused: 'true', Reason: 'Обед' },
      { name: 'QueuePause', Interface: 'Local/101@from-queue/n', Paused: 'false' },
      { name: 'QueuePause', Interface: 'PJSIP/102', Paused: 'false' },
    ]);
  });

  it('refuses to pause an operator in no queue', async () => {
    const pbx = new QueuePbx();
    const { instance } = presence(pbx);
    pbx.emit('ready', { reconnected: false });
    await tick();
    await expect(instance.pause({ paused: true })).rejects.toBeInstanceOf(NotAQueueMemberError);
    expect(pbx.pauses).toEqual([]);
  });
});
