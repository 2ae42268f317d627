import { legView } from './call-view';
import type { ChannelRecord, Leg, LegRole, TrackedCall } from './model';
import type { TrackerState } from './tracker-state';

function emit(s: TrackerState, call: TrackedCall, leg: Leg): void {
  s.out.push({ change: leg.state, view: legView(s.config, call, leg) });
}

/**
 * Opens an extension's view of a call and announces it. At most one leg per extension
 * and call exists, which is what makes the `ringing` announcement happen once however
 * many channels (Local halves, queue retries) ring the same phone.
 */
export function startLeg(
  s: TrackerState,
  call: TrackedCall,
  extension: string,
  role: LegRole,
  at: number,
): Leg {
  const existing = call.legs.get(extension);
  if (existing !== undefined) return existing;
  return openLeg(s, call, {
    extension,
    role,
    state: role === 'caller' ? 'dialling' : 'ringing',
    startedAt: call.earlierStarts.get(extension) ?? at,
    answeredAt: undefined,
    answeredBy: undefined,
  });
}

/** Adds a leg with the extension's channels in the call, and announces it. */
function openLeg(
  s: TrackerState,
  call: TrackedCall,
  fields: Omit<Leg, 'ownOutcome' | 'peerHint' | 'channels'>,
): Leg {
  const leg: Leg = { ...fields, ownOutcome: undefined, peerHint: undefined, channels: new Set() };
  for (const channel of call.channels.values()) {
    if (channel.extension === leg.extension) joinLeg(leg, channel);
  }
  call.legs.set(leg.extension, leg);
  emit(s, call, leg);
  return leg;
}

export function joinLeg(leg: Leg, channel: ChannelRecord): void {
  leg.channels.add(channel.uniqueid);
  if (channel.connectedLineNum !== undefined && channel.connectedLineNum !== leg.extension) {
    leg.peerHint = channel.connectedLineNum;
  }
}

/** An originated call turned out to be one (the first signal said otherwise). */
export function becomeOriginated(s: TrackerState, call: TrackedCall, leg: Leg): void {
  if (leg.role === 'originated') return;
  call.origin = 'click-to-call';
  if (leg.role === 'caller' && leg.state === 'dialling') {
    leg.role = 'originated';
    leg.state = 'ringing';
    emit(s, call, leg);
  }
}

/** This extension's own phone picked up a call ringing it. */
export function answerLeg(s: TrackerState, call: TrackedCall, leg: Leg, at: number): void {
  if (leg.role !== 'callee' || leg.state === 'answered') return;
  leg.state = 'answered';
  leg.answeredAt = at;
  leg.answeredBy = leg.extension;
  emit(s, call, leg);
  answeredElsewhere(s, call, leg.extension);
}

/** Another phone took the call: every extension still ringing for it learns so. */
export function answeredElsewhere(
  s: TrackerState,
  call: TrackedCall,
  by: string | undefined,
): void {
  if (by !== undefined) nameTaker(s, call, by);
  for (const leg of call.legs.values()) {
    if (leg.role !== 'callee' || leg.state !== 'ringing' || leg.extension === by) continue;
    leg.state = 'answered-elsewhere';
    leg.answeredBy = by;
    supersede(call, leg);
    emit(s, call, leg);
  }
}

/**
 * The PBX may report a phone's "answered elsewhere" hangup before the answer itself: the
 * card learns who took the call as soon as something names them.
 */
export function nameTaker(s: TrackerState, call: TrackedCall, by: string): void {
  for (const leg of call.legs.values()) {
    if (
      leg.role === 'callee' &&
      leg.state === 'answered-elsewhere' &&
      leg.answeredBy === undefined &&
      leg.extension !== by
    ) {
      leg.answeredBy = by;
      emit(s, call, leg);
    }
  }
}

/** The channels that rang for a leg whose call went elsewhere can no longer answer it. */
function supersede(call: TrackedCall, leg: Leg): void {
  for (const uniqueid of leg.channels) {
    const channel = call.channels.get(uniqueid);
    if (channel !== undefined) channel.superseded = true;
  }
}

/**
 * An extension's phone took a call it was not rung for, talking from `at`: it picked the call
 * up from another phone, or an attended transfer joined it with the call's party. `role` is
 * the side of the call it now takes (`callee` when it talks to the party that called).
 */
export function takeOver(
  s: TrackerState,
  call: TrackedCall,
  extension: string,
  role: LegRole,
  startedAt: number,
  at: number,
): Leg {
  const existing = call.legs.get(extension);
  if (existing?.state === 'answered') return existing;
  if (existing !== undefined) {
    // Rung for this call before (a ring group whose call another phone took, then
    // transferred here): the same view goes on, talking from now.
    for (const channel of call.channels.values()) {
      if (channel.extension === extension) joinLeg(existing, channel);
    }
    existing.state = 'answered';
    existing.answeredAt = at;
    existing.answeredBy = extension;
    emit(s, call, existing);
    answeredElsewhere(s, call, extension);
    return existing;
  }
  const leg = openLeg(s, call, {
    extension,
    role,
    state: 'answered',
    startedAt,
    answeredAt: at,
    answeredBy: extension,
  });
  answeredElsewhere(s, call, extension);
  return leg;
}

/**
 * Marks one ringing leg as taken elsewhere, when only its own hangup cause says so; `by` is
 * the phone that took it, when the call shows one already (the answer event may follow).
 */
export function legAnsweredElsewhere(
  s: TrackerState,
  call: TrackedCall,
  leg: Leg,
  by: string | undefined,
): void {
  if (leg.role !== 'callee' || leg.state !== 'ringing') return;
  leg.state = 'answered-elsewhere';
  leg.answeredBy = by;
  supersede(call, leg);
  emit(s, call, leg);
}

/** The operator picked up the phone rung by a click-to-call: the far end is dialled now. */
export function operatorAnswered(s: TrackerState, call: TrackedCall, leg: Leg): void {
  if (leg.role !== 'originated' || leg.state !== 'ringing') return;
  leg.state = 'dialling';
  emit(s, call, leg);
}

/**
 * The far end of a call the operator made (or originated) answered; `by` is who answered,
 * and a leg of that same extension is not its own far end.
 */
export function farAnswered(
  s: TrackerState,
  call: TrackedCall,
  by: string | undefined,
  at: number,
): void {
  call.farAnsweredBy ??= by;
  for (const leg of call.legs.values()) {
    if (leg.role === 'callee' || leg.state === 'answered' || leg.extension === by) continue;
    if (leg.role === 'originated' && leg.state === 'ringing') operatorAnswered(s, call, leg);
    leg.state = 'answered';
    leg.answeredAt = at;
    leg.answeredBy = by;
    emit(s, call, leg);
  }
}
