/**
 * Writes bench/fixtures/ami-events.txt: a deterministic AMI byte stream shaped like an
 * Asterisk 22 session of an office PBX (greeting, login, then call traffic): inbound calls
 * rung directly or through a queue with Local channels, missed and busy calls, click-to-call
 * Originates, with the dialplan, variable, bridge, RTCP, hangup and CDR events Asterisk
 * emits for them. A capture from a real PBX can replace it (see ami-ingest.ts --fixture).
 *
 *   npx tsx bench/ami-ingest-fixture.ts [--calls 60] [--out bench/fixtures/ami-events.txt]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type Fields = Array<readonly [string, string]>;

interface Chan {
  name: string;
  state: number;
  callerNum: string;
  callerName: string;
  connNum: string;
  connName: string;
  context: string;
  exten: string;
  priority: number;
  uniqueid: string;
  linkedid: string;
}

const STATE_DESC: Record<number, string> = { 0: 'Down', 4: 'Ring', 5: 'Ringing', 6: 'Up' };
const OPERATORS = ['101', '102', '103', '104', '105', '106'];
const NAMES = ['Иванов Пётр', 'Smirnova Anna', 'ООО Ромашка', '<unknown>', 'Kuznetsov', 'Сидорова'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Stream {
  readonly parts: string[] = [];
  #uid = 0;
  #chanSeq = 0;
  #clock = 1_718_012_345;
  #bridgeSeq = 0;

  constructor(readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  tick(seconds: number): void {
    this.#clock += seconds;
  }

  channel(tech: string, fields: Partial<Chan>): Chan {
    this.#uid += 1;
    this.#chanSeq += 1;
    const uniqueid = `${this.#clock}.${this.#uid}`;
    return {
      name: `${tech}-${this.#chanSeq.toString(16).padStart(8, '0')}`,
      state: 0,
      callerNum: '<unknown>',
      callerName: '<unknown>',
      connNum: '<unknown>',
      connName: '<unknown>',
      context: 'from-internal',
      exten: 's',
      priority: 1,
      uniqueid,
      linkedid: uniqueid,
      ...fields,
    };
  }

  bridgeId(): string {
    this.#bridgeSeq += 1;
    const hex = (n: number, w: number) =>
      Math.floor(this.random() * 16 ** w)
        .toString(16)
        .padStart(w, '0');
    return `${hex(0, 8)}-${hex(0, 4)}-4${hex(0, 3)}-a${hex(0, 3)}-${this.#bridgeSeq.toString(16).padStart(12, '0')}`;
  }

  get clock(): number {
    return this.#clock;
  }

  frame(fields: Fields): void {
    this.parts.push(fields.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n');
  }

  event(name: string, privilege: string, ...groups: Fields[]): void {
    this.frame([['Event', name], ['Privilege', privilege], ...groups.flat()]);
  }
}

function snap(c: Chan, prefix = ''): Fields {
  return [
    [`${prefix}Channel`, c.name],
    [`${prefix}ChannelState`, String(c.state)],
    [`${prefix}ChannelStateDesc`, STATE_DESC[c.state] ?? 'Unknown'],
    [`${prefix}CallerIDNum`, c.callerNum],
    [`${prefix}CallerIDName`, c.callerName],
    [`${prefix}ConnectedLineNum`, c.connNum],
    [`${prefix}ConnectedLineName`, c.connName],
    [`${prefix}Language`, 'ru'],
    [`${prefix}AccountCode`, ''],
    [`${prefix}Context`, c.context],
    [`${prefix}Exten`, c.exten],
    [`${prefix}Priority`, String(c.priority)],
    [`${prefix}Uniqueid`, c.uniqueid],
    [`${prefix}Linkedid`, c.linkedid],
  ];
}

function exten(s: Stream, c: Chan, app: string, data: string): void {
  s.event('Newexten', 'dialplan,all', snap(c), [
    ['Extension', c.exten],
    ['Application', app],
    ['AppData', data],
  ]);
  c.priority += 1;
}

function varSet(s: Stream, c: Chan, variable: string, value: string): void {
  s.event('VarSet', 'dialplan,all', snap(c), [
    ['Variable', variable],
    ['Value', value],
  ]);
}

function newState(s: Stream, c: Chan, state: number): void {
  c.state = state;
  s.event('Newstate', 'call,all', snap(c));
}

function deviceState(s: Stream, device: string, state: string): void {
  s.event('DeviceStateChange', 'call,all', [
    ['Device', device],
    ['State', state],
  ]);
}

function bridgeFields(id: string, count: number): Fields {
  return [
    ['BridgeUniqueid', id],
    ['BridgeType', 'basic'],
    ['BridgeTechnology', 'simple_bridge'],
    ['BridgeCreator', '<unknown>'],
    ['BridgeName', '<unknown>'],
    ['BridgeNumChannels', String(count)],
    ['BridgeVideoSourceMode', 'none'],
  ];
}

function rtcp(s: Stream, c: Chan, seconds: number): void {
  for (let t = 5; t < seconds; t += 5) {
    const packets = t * 50;
    for (const [name, to, from] of [
      ['RTCPSent', '10.0.0.21:4000', '10.0.0.5:14560'],
      ['RTCPReceived', '10.0.0.5:14561', '10.0.0.21:4001'],
    ] as const) {
      s.event(name, 'reporting,all', snap(c), [
        ['To', to],
        ['From', from],
        ['SSRC', '0x2c5f1e77'],
        ['PT', name === 'RTCPSent' ? '200(SR)' : '201(RR)'],
        ['ReportCount', '1'],
        ['SentNTP', `${s.clock + t}.${String(t * 1137).padStart(6, '0')}`],
        ['SentRTP', String(packets * 160)],
        ['SentPackets', String(packets)],
        ['SentOctets', String(packets * 160)],
        ['Report0SourceSSRC', '0x5a1b3c4d'],
        ['Report0FractionLost', '0'],
        ['Report0CumulativeLost', String(Math.floor(s.random() * 3))],
        ['Report0HighestSequence', String(20_000 + packets)],
        ['Report0SequenceNumberCycles', '0'],
        ['Report0IAJitter', String(Math.floor(s.random() * 40))],
        ['Report0LSR', String(Math.floor(s.random() * 4_000_000_000))],
        ['Report0DLSR', (s.random() * 5).toFixed(4)],
      ]);
    }
  }
}

function hangup(s: Stream, c: Chan, cause: number, text: string): void {
  s.event('HangupRequest', 'call,all', snap(c), [['Cause', String(cause)]]);
  s.event('SoftHangupRequest', 'call,all', snap(c), [['Cause', String(cause)]]);
  s.event('Hangup', 'call,all', snap(c), [
    ['Cause', String(cause)],
    ['Cause-txt', text],
  ]);
}

function cdr(
  s: Stream,
  from: Chan,
  to: Chan,
  disposition: string,
  duration: number,
  talk: number,
): void {
  const start = new Date((s.clock - duration) * 1000).toISOString().replace('T', ' ').slice(0, 19);
  s.event('Cdr', 'cdr,all', [
    ['AccountCode', ''],
    ['Source', from.callerNum],
    ['Destination', from.exten],
    ['DestinationContext', from.context],
    ['CallerID', `"${from.callerName}" <${from.callerNum}>`],
    ['Channel', from.name],
    ['DestinationChannel', to.name],
    ['LastApplication', 'Dial'],
    ['LastData', `${to.name.split('-')[0]},20,tT`],
    ['StartTime', start],
    ['AnswerTime', talk > 0 ? start : ''],
    ['EndTime', start],
    ['Duration', String(duration)],
    ['BillableSeconds', String(talk)],
    ['Disposition', disposition],
    ['AMAFlags', 'DOCUMENTATION'],
    ['UniqueID', from.uniqueid],
    ['UserField', ''],
  ]);
}

type Outcome = 'answer' | 'noanswer' | 'busy';

/** An external caller reaches an operator, directly or through a queue of Local channels. */
function inboundCall(s: Stream, viaQueue: boolean, outcome: Outcome): void {
  const caller = `79${Math.floor(100_000_000 + s.random() * 899_999_999)}`;
  const did = '74951234567';
  const op = s.pick(OPERATORS);
  const trunk = s.channel('PJSIP/trunk', {
    state: 4,
    callerNum: caller,
    callerName: s.pick(NAMES),
    context: 'from-trunk',
    exten: did,
  });
  s.event('Newchannel', 'call,all', snap(trunk));
  varSet(s, trunk, '__FROM_DID', did);
  exten(s, trunk, 'NoOp', `Inbound call from ${caller}`);
  exten(s, trunk, 'Set', `__FROM_DID=${did}`);
  varSet(s, trunk, '__FROM_DID', did);
  exten(s, trunk, 'Set', `CDR(did)=${did}`);
  exten(s, trunk, 'Gosub', 'sub-record-check,s,1(in,${EXTEN},force)');
  varSet(s, trunk, 'GOSUB_RETVAL', '');
  exten(s, trunk, 'MixMonitor', `/var/spool/asterisk/monitor/${trunk.uniqueid}.wav,b`);
  varSet(s, trunk, 'MIXMONITOR_FILENAME', `/var/spool/asterisk/monitor/${trunk.uniqueid}.wav`);

  let dialer = trunk;
  let local2: Chan | undefined;
  if (viaQueue) {
    exten(s, trunk, 'Queue', 'sales,t,,,300');
    s.event('QueueCallerJoin', 'agent,all', snap(trunk), [
      ['Queue', 'sales'],
      ['Position', '1'],
      ['Count', '1'],
    ]);
    const local1 = s.channel('Local/' + op + '@from-queue', {
      linkedid: trunk.linkedid,
      context: 'from-queue',
      exten: op,
      callerNum: caller,
      callerName: trunk.callerName,
    });
    local1.name = `Local/${op}@from-queue-${local1.name.slice(-8)};1`;
    local2 = { ...local1, name: local1.name.replace(/;1$/, ';2'), uniqueid: `${local1.uniqueid}1` };
    s.event('Newchannel', 'call,all', snap(local1));
    s.event('Newchannel', 'call,all', snap(local2));
    s.event('LocalBridge', 'call,all', snap(local1, 'LocalOne'), snap(local2, 'LocalTwo'), [
      ['Context', 'from-queue'],
      ['Exten', op],
      ['LocalOptimization', 'Yes'],
    ]);
    s.event('AgentCalled', 'agent,all', snap(trunk), snap(local1, 'Dest'), [
      ['Queue', 'sales'],
      ['Interface', `Local/${op}@from-queue/n`],
      ['MemberName', `Operator ${op}`],
    ]);
    s.event('DialBegin', 'call,all', snap(trunk), snap(local1, 'Dest'), [
      ['DialString', `${op}@from-queue/n`],
    ]);
    exten(s, local2, 'Dial', `PJSIP/${op},,tT`);
    dialer = local2;
  } else {
    exten(s, trunk, 'Dial', `PJSIP/${op},20,tT`);
  }

  const phone = s.channel(`PJSIP/${op}`, {
    linkedid: trunk.linkedid,
    callerNum: op,
    callerName: `Operator ${op}`,
    connNum: caller,
    connName: trunk.callerName,
    context: 'from-internal',
  });
  s.event('Newchannel', 'call,all', snap(phone));
  s.event('NewCallerid', 'call,all', snap(phone), [
    ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)'],
  ]);
  s.event('NewConnectedLine', 'call,all', snap(phone));
  s.event('DialBegin', 'call,all', snap(dialer), snap(phone, 'Dest'), [['DialString', op]]);
  newState(s, phone, 5);
  s.event('DialState', 'call,all', snap(dialer), snap(phone, 'Dest'), [['DialStatus', 'RINGING']]);
  deviceState(s, `PJSIP/${op}`, 'RINGING');
  s.tick(outcome === 'busy' ? 1 : 3 + Math.floor(s.random() * 15));

  if (outcome !== 'answer') {
    const status = outcome === 'busy' ? 'BUSY' : 'NOANSWER';
    s.event('DialEnd', 'call,all', snap(dialer), snap(phone, 'Dest'), [['DialStatus', status]]);
    hangup(s, phone, outcome === 'busy' ? 17 : 19, outcome === 'busy' ? 'User busy' : 'No answer');
    deviceState(s, `PJSIP/${op}`, 'NOT_INUSE');
    varSet(s, trunk, 'DIALSTATUS', status);
    exten(s, trunk, 'Hangup', '');
    hangup(s, trunk, 16, 'Normal Clearing');
    cdr(s, trunk, phone, outcome === 'busy' ? 'BUSY' : 'NO ANSWER', 20, 0);
    return;
  }

  newState(s, phone, 6);
  deviceState(s, `PJSIP/${op}`, 'INUSE');
  s.event('DialEnd', 'call,all', snap(dialer), snap(phone, 'Dest'), [['DialStatus', 'ANSWER']]);
  for (const [name, value] of [
    ['DIALEDPEERNUMBER', op],
    ['DIALEDPEERNAME', phone.name],
    ['ANSWEREDTIME', '0'],
    ['ANSWEREDTIME_MS', '0'],
    ['RINGTIME', '7'],
    ['RINGTIME_MS', '7120'],
    ['DIALSTATUS', 'ANSWER'],
  ] as const) {
    varSet(s, dialer, name, value);
  }
  if (trunk.state !== 6) newState(s, trunk, 6);
  const bridge = s.bridgeId();
  s.event('BridgeCreate', 'call,all', bridgeFields(bridge, 0));
  s.event('BridgeEnter', 'call,all', bridgeFields(bridge, 1), snap(trunk));
  s.event('BridgeEnter', 'call,all', bridgeFields(bridge, 2), snap(phone));
  varSet(s, trunk, 'BRIDGEPEER', phone.name);
  varSet(s, phone, 'BRIDGEPEER', trunk.name);
  varSet(s, trunk, 'BRIDGEPVTCALLID', `${Math.floor(s.random() * 1e9).toString(16)}@10.0.0.21`);
  if (viaQueue) {
    s.event('AgentConnect', 'agent,all', snap(trunk), snap(phone, 'Dest'), [
      ['Queue', 'sales'],
      ['Interface', `Local/${phone.callerNum}@from-queue/n`],
      ['HoldTime', '7'],
      ['RingTime', '7'],
    ]);
    s.event('QueueCallerLeave', 'agent,all', snap(trunk), [
      ['Queue', 'sales'],
      ['Position', '1'],
      ['Count', '0'],
    ]);
  }
  const talk = 10 + Math.floor(s.random() * 50);
  rtcp(s, trunk, talk);
  rtcp(s, phone, talk);
  s.tick(talk);
  s.event('BridgeLeave', 'call,all', bridgeFields(bridge, 1), snap(phone));
  hangup(s, phone, 16, 'Normal Clearing');
  deviceState(s, `PJSIP/${op}`, 'NOT_INUSE');
  s.event('BridgeLeave', 'call,all', bridgeFields(bridge, 0), snap(trunk));
  s.event('BridgeDestroy', 'call,all', bridgeFields(bridge, 0));
  for (const [name, value] of [
    [
      'RTPAUDIOQOS',
      'ssrc=757931639;themssrc=1511996493;lp=0;rxjitter=0.000125;rxcount=1500;txjitter=0.000000;txcount=1498;rlp=0;rtt=0.000000;rxmes=86.200000;txmes=86.200000',
    ],
    [
      'RTPAUDIOQOSJITTER',
      'minrxjitter=0.000000;maxrxjitter=0.000250;avgrxjitter=0.000100;stdevrxjitter=0.000050',
    ],
    [
      'RTPAUDIOQOSLOSS',
      'minrxlost=0.000000;maxrxlost=0.000000;avgrxlost=0.000000;stdevrxlost=0.000000',
    ],
  ] as const) {
    varSet(s, trunk, name, value);
  }
  if (local2 !== undefined) hangup(s, local2, 16, 'Normal Clearing');
  hangup(s, trunk, 16, 'Normal Clearing');
  cdr(s, trunk, phone, 'ANSWERED', talk + 8, talk);
}

/** Click-to-call: Originate rings the operator, then the dialplan dials the customer. */
function clickToCall(s: Stream, callNumber: number): void {
  const op = s.pick(OPERATORS);
  const target = `+79${Math.floor(100_000_000 + s.random() * 899_999_999)}`;
  const phone = s.channel(`PJSIP/${op}`, {
    callerNum: op,
    context: 'from-internal',
    exten: target,
  });
  s.event('Newchannel', 'call,all', snap(phone));
  s.event('DialBegin', 'call,all', snap(phone, 'Dest'), [['DialString', op]]);
  newState(s, phone, 5);
  s.tick(2);
  newState(s, phone, 6);
  s.event('DialEnd', 'call,all', snap(phone, 'Dest'), [['DialStatus', 'ANSWER']]);
  s.event('OriginateResponse', 'call,all', [
    ['ActionID', `ct-0a1b2c3d-${callNumber}`],
    ['Response', 'Success'],
    ['Channel', phone.name],
    ['Context', 'from-internal'],
    ['Exten', target],
    ['Reason', '4'],
    ['Uniqueid', phone.uniqueid],
    ['CallerIDNum', '+74951234567'],
    ['CallerIDName', 'Служба доставки'],
  ]);
  varSet(s, phone, '__CT_REQUEST', `r-${callNumber}`);
  exten(s, phone, 'Set', 'CALLERID(num)=+74951234567');
  exten(s, phone, 'Dial', `PJSIP/${target}@trunk,60,tT`);
  const out = s.channel('PJSIP/trunk', {
    linkedid: phone.linkedid,
    callerNum: '+74951234567',
    connNum: op,
    context: 'from-trunk',
  });
  s.event('Newchannel', 'call,all', snap(out));
  s.event('DialBegin', 'call,all', snap(phone), snap(out, 'Dest'), [
    ['DialString', `${target}@trunk`],
  ]);
  newState(s, out, 5);
  s.tick(5);
  newState(s, out, 6);
  s.event('DialEnd', 'call,all', snap(phone), snap(out, 'Dest'), [['DialStatus', 'ANSWER']]);
  const bridge = s.bridgeId();
  s.event('BridgeCreate', 'call,all', bridgeFields(bridge, 0));
  s.event('BridgeEnter', 'call,all', bridgeFields(bridge, 1), snap(phone));
  s.event('BridgeEnter', 'call,all', bridgeFields(bridge, 2), snap(out));
  const talk = 10 + Math.floor(s.random() * 50);
  rtcp(s, out, talk);
  s.tick(talk);
  s.event('BridgeLeave', 'call,all', bridgeFields(bridge, 1), snap(out));
  hangup(s, out, 16, 'Normal Clearing');
  s.event('BridgeLeave', 'call,all', bridgeFields(bridge, 0), snap(phone));
  s.event('BridgeDestroy', 'call,all', bridgeFields(bridge, 0));
  hangup(s, phone, 16, 'Normal Clearing');
  cdr(s, phone, out, 'ANSWERED', talk + 7, talk);
}

export function buildFixture(calls: number, seed = 20_240_610): string {
  const s = new Stream(rng(seed));
  s.parts.push('Asterisk Call Manager/11.0.0\r\n');
  s.frame([
    ['Response', 'Success'],
    ['ActionID', 'ct-0a1b2c3d-1'],
    ['Message', 'Authentication accepted'],
  ]);
  s.event('FullyBooted', 'system,all', [
    ['Uptime', '86400'],
    ['LastReload', '3600'],
    ['Status', 'Fully Booted'],
  ]);
  for (let i = 0; i < calls; i += 1) {
    const r = s.random();
    if (r < 0.35) inboundCall(s, false, 'answer');
    else if (r < 0.6) inboundCall(s, true, 'answer');
    else if (r < 0.72) inboundCall(s, s.random() < 0.5, 'noanswer');
    else if (r < 0.8) inboundCall(s, false, 'busy');
    else clickToCall(s, i + 2);
    s.tick(Math.floor(s.random() * 30));
  }
  return s.parts.join('');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string', default: '60' },
      out: { type: 'string', default: 'bench/fixtures/ami-events.txt' },
    },
  });
  const text = buildFixture(Number(values.calls));
  writeFileSync(values.out, text);
  const events = (text.match(/^Event: /gm) ?? []).length;
  console.log(`${values.out}: ${Buffer.byteLength(text)} bytes, ${events} events`);
}

main();
