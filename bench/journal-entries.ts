import type { JournalEntry } from '../helper/journal/entry';

/** A realistic entry: an answered recipient call with two orders in work and a recording. */
export function benchEntry(run: string, index: number): JournalEntry {
  const startedAt = Date.UTC(2025, 10, 24, 9, 0, 0) + index * 1_000;
  const digits = String(79_160_000_000 + (index % 1_000_000));
  return {
    callId: `${run}.${index}`,
    extension: index % 2 === 0 ? '101' : '102',
    direction: 'in',
    origin: 'pbx',
    remote: { raw: digits, e164: `+${digits}`, dbKey: digits },
    orders: [
      {
        addressCode: String(1_000 + (index % 5_000)),
        orderCode: String(2_000 + index),
        courierCode: '1',
      },
      {
        addressCode: String(7_000 + (index % 5_000)),
        orderCode: String(9_000 + index),
        courierCode: '2',
      },
    ],
    identity: {
      clients: [],
      couriers: [],
      deliveries: [
        {
          addressCode: String(1_000 + (index % 5_000)),
          orderCode: String(2_000 + index),
          orderNumber: `RM-${index}`,
          recipientName: 'Иванов Иван Иванович',
          address: 'г. Москва, ул. Тверская, д. 7, кв. 12',
          courier: { code: '1', name: 'Петров Сергей Иванович', mobile: '+79031112233' },
        },
        {
          addressCode: String(7_000 + (index % 5_000)),
          orderCode: String(9_000 + index),
          orderNumber: `RM-${index}-2`,
          recipientName: 'Иванов Иван Иванович',
          address: 'г. Москва, ул. Тверская, д. 7, кв. 12',
          courier: { code: '2', name: 'Сидоров Алексей Викторович', mobile: '+79032223344' },
        },
      ],
    },
    startedAt,
    answeredAt: startedAt + 5_000,
    endedAt: startedAt + 65_000,
    talkSeconds: 60,
    result: 'answered',
    missed: false,
    answeredBy: '101',
    recording: {
      file: `/var/spool/asterisk/monitor/in-${digits}-${run}.${index}.wav`,
      url: `https://pbx.example/recordings/2025/11/24/in-${digits}-${run}.${index}.wav`,
    },
    recovered: false,
  };
}
