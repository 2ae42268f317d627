import type { AmiFrame } from '../../../../../helper/ami/frame';

/** Hand-made AMI frames in the shape Asterisk 22 sends, for edge cases recordings lack. */
export interface Chan {
  readonly name: string;
  readonly uid: string;
  readonly lid: string;
  readonly state?: number;
  readonly cid?: string;
  readonly exten?: string;
}

const STATE_DESC: Record<number, string> = { 0: 'Down', 4: 'Ring', 5: 'Ringing', 6: 'Up' };

function fields(c: Chan, prefix = '', state = c.state ?? 0): Record<string, string> {
  return {
    [`${prefix}Channel`]: c.name,
    [`${prefix}ChannelState`]: String(state),
    [`${prefix}ChannelStateDesc`]: STATE_DESC[state] ?? 'Unknown',
    [`${prefix}CallerIDNum`]: c.cid ?? '<unknown>',
    [`${prefix}CallerIDName`]: '<unknown>',
    [`${prefix}ConnectedLineNum`]: '<unknown>',
    [`${prefix}ConnectedLineName`]: '<unknown>',
    [`${prefix}Context`]: 'default',
    [`${prefix}Exten`]: c.exten ?? 's',
    [`${prefix}Priority`]: '1',
    [`${prefix}Uniqueid`]: c.uid,
    [`${prefix}Linkedid`]: c.lid,
  };
}

export const ev = {
  newchannel: (c: Chan): AmiFrame => ({ Event: 'Newchannel', ...fields(c) }),
  newstate: (c: Chan, state: number): AmiFrame => ({ Event: 'Newstate', ...fields(c, '', state) }),
  dialBegin: (caller: Chan | undefined, dest: Chan): AmiFrame => ({
    Event: 'DialBegin',
    ...(caller === undefined ? {} : fields(caller)),
    ...fields(dest, 'Dest'),
  }),
  dialEnd: (caller: Chan | undefined, dest: Chan, status: string): AmiFrame => ({
    Event: 'DialEnd',
    ...(caller === undefined ? {} : fields(caller)),
    ...fields(dest, 'Dest'),
    DialStatus: status,
  }),
  bridgeEnter: (c: Chan, bridge: string): AmiFrame => ({
    Event: 'BridgeEnter',
    BridgeUniqueid: bridge,
    BridgeType: 'basic',
    BridgeTechnology: 'simple_bridge',
    ...fields(c, '', 6),
  }),
  hangup: (c: Chan, cause: number): AmiFrame => ({
    Event: 'Hangup',
    ...fields(c),
    Cause: String(cause),
    'Cause-txt': '',
  }),
};

/** An inbound call from the trunk ringing `phone` (an endpoint name) on its own Linkedid. */
export function inbound(id: string, phone: string, tech = 'PJSIP'): { trunk: Chan; dest: Chan } {
  return {
    trunk: {
      name: `PJSIP/trunk-${id}`,
      uid: `${id}.0`,
      lid: `${id}.0`,
      state: 4,
      cid: '79161234567',
      exten: '200',
    },
    dest: { name: `${tech}/${phone}-${id}`, uid: `${id}.1`, lid: `${id}.0`, cid: '200' },
  };
}
