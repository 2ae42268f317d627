/**
 * The manager.conf write class each action this helper may send needs, as Asterisk registers
 * the action (any one class of a list suffices). Used to say what to grant when the PBX
 * answers "Permission denied".
 */
const REQUIRED_WRITE_CLASS: Readonly<Record<string, string>> = {
  originate: 'originate',
  redirect: 'call',
  blindtransfer: 'call',
  atxfer: 'call',
  cancelatxfer: 'call',
  hangup: 'call',
  setvar: 'call',
  getvar: 'call or reporting',
  status: 'call or reporting',
  coreshowchannels: 'reporting',
  queuepause: 'agent',
  showdialplan: 'config or reporting',
  command: 'command',
  filter: 'system',
};

export const PERMISSION_DENIED_MESSAGE = 'Permission denied';

export function requiredWriteClass(action: string): string | undefined {
  return REQUIRED_WRITE_CLASS[action.toLowerCase()];
}
