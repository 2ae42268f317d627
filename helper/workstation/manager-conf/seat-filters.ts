import { tr } from '../../core/cli-text';
import './russian';
import {
  CALL_EVENTS,
  FILTER_REVISION_VARIABLE,
  HELPER_EVENTS,
  QUEUE_MEMBER_EVENTS,
  RECORDING_VARIABLES,
} from './account-privileges';

/**
 * How Asterisk's advanced `eventfilter` compares its value (manager.c: match_eventdata);
 * `none` passes every event of the name.
 */
export type FilterMethod = 'none' | 'exact' | 'starts_with' | 'contains';

/**
 * One `eventfilter(action(include),name(<event>)[,header(<header>)],method(<method>)) = <value>`
 * line. Without a header the value is looked for in the whole event text.
 */
export interface EventFilterRule {
  readonly event: string;
  readonly header?: string;
  readonly method: FilterMethod;
  readonly value: string;
}

/** A channel template with one `{ext}` placeholder, as `[originate] channel` holds it. */
const TEMPLATE = /^[A-Za-z0-9]+\/[^\s{}]*\{ext\}[^\s{};]*$/;

/** The channel template cannot name a seat's channels. */
export class ChannelTemplateError extends Error {
  override readonly name = 'ChannelTemplateError';

  constructor(readonly template: string) {
    super(
      tr`[originate] channel = ${JSON.stringify(template)} cannot name a seat's phone: use TECH/{ext}, e.g. "PJSIP/{ext}"`,
    );
  }
}

/**
 * The beginnings of every channel name a seat's extension has on the PBX: its phone
 * (`PJSIP/101-0000001a`, from the click-to-call channel template) and the Local channels
 * of queue members, follow-me and ring groups that lead to it (`Local/101@from-queue-…;1`).
 * The `-` and `@` keep 101 from also matching 1010.
 */
export function seatChannelPrefixes(extension: string, channelTemplate: string): string[] {
  if (!TEMPLATE.test(channelTemplate)) throw new ChannelTemplateError(channelTemplate);
  const phone = channelTemplate.replace('{ext}', extension);
  const local = `Local/${extension}@`;
  return phone.startsWith(local) ? [`${phone}-`] : [`${phone}-`, local];
}

/**
 * The filters of one seat's AMI account: every event the helper reads that names one of the
 * seat's channels in any of its `…Channel:` headers (`Channel`, `DestChannel`,
 * `TargetChannel`, `TransferTargetChannel`, `OrigTransfererChannel`…), so the PBX sends a
 * seat the events of its own calls only:
 * - the caller's number and the call's id come with them (a DialBegin towards the seat's
 *   phone carries the calling channel's CallerID and Linkedid);
 * - a phone that lost a ring group or queue learns who answered from its own DialEnd
 *   (`CANCEL`): the calling channel's ConnectedLineNum is the winner's by then;
 * - a pickup names the picker (`Channel`) and the ringing phone (`TargetChannel`), an
 *   attended transfer its target (`TransferTargetChannel`).
 * A whole-event `contains` is the cheapest test Asterisk has after the name hash: one
 * substring search, where a `header()` filter copies the event and splits it into lines.
 * A failed Originate names the channel without its suffix (`Channel: PJSIP/101`), hence the
 * exact rule. The recording's VarSet is on the caller's channel, so it is matched by
 * variable name only: one event per recorded call reaches every seat. Queue member events
 * name the member, not a channel: its `StateInterface` or `Interface` is the seat's phone
 * (`PJSIP/101`), or its `Interface` a Local channel to it (`Local/101@from-queue/n`).
 */
export function seatFilterRules(
  extensions: readonly string[],
  channelTemplate: string,
): EventFilterRule[] {
  const rules: EventFilterRule[] = [];
  for (const extension of extensions) {
    const prefixes = seatChannelPrefixes(extension, channelTemplate);
    for (const event of CALL_EVENTS) {
      for (const prefix of prefixes) {
        rules.push({ event, method: 'contains', value: `Channel: ${prefix}` });
      }
    }
    rules.push({
      event: 'OriginateResponse',
      header: 'Channel',
      method: 'exact',
      value: channelTemplate.replace('{ext}', extension),
    });
    rules.push(...queueMemberRules(extension, channelTemplate));
  }
  return [...rules, ...variableRules()];
}

function queueMemberRules(extension: string, channelTemplate: string): EventFilterRule[] {
  const phone = channelTemplate.replace('{ext}', extension);
  return QUEUE_MEMBER_EVENTS.flatMap((event): EventFilterRule[] => [
    { event, header: 'StateInterface', method: 'exact', value: phone },
    { event, header: 'Interface', method: 'exact', value: phone },
    { event, header: 'Interface', method: 'starts_with', value: `Local/${extension}@` },
  ]);
}

/** The office-wide filters: every event the helper reads, whoever's channel it names. */
export function officeFilterRules(): EventFilterRule[] {
  return [
    ...HELPER_EVENTS.map((event): EventFilterRule => ({ event, method: 'none', value: '' })),
    ...variableRules(),
  ];
}

function variableRules(): EventFilterRule[] {
  return [...RECORDING_VARIABLES, FILTER_REVISION_VARIABLE].map((variable) => ({
    event: 'VarSet',
    header: 'Variable',
    method: 'exact',
    value: variable,
  }));
}

/** The manager.conf line of a rule. */
export function filterLine(rule: EventFilterRule): string {
  const options = [`action(include)`, `name(${rule.event})`];
  if (rule.header !== undefined) options.push(`header(${rule.header})`);
  if (rule.method !== 'none') options.push(`method(${rule.method})`);
  return `eventfilter(${options.join(',')}) =${rule.value === '' ? '' : ` ${rule.value}`}`;
}
