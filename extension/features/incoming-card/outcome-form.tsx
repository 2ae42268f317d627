import { useContext, useEffect, useState } from 'preact/hooks';
import {
  NOTE_MAX_LENGTH,
  type CallOutcome,
  type CallView,
  type Delivery,
} from '../../../shared/protocol';
import { isUserGesture } from '../../lib/dom/trusted-event';
import { t } from '../../lib/i18n/core';
import '../../lib/i18n/outcome-strings';
import type { OutcomeNote, OutcomeReply } from '../../lib/runtime-messages';
import type { CardActions } from './card-actions';
import { configuredLabel } from '../../lib/i18n/configured-label';
import { OutcomeSettingsContext, takesOutcome } from './outcome-window';
import { cardElementId } from './element-id';

interface Draft {
  code?: string;
  /** Empty: every order the card showed. */
  orderCode: string;
  note: string;
}

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; text: string };

function draftOf(outcome: CallOutcome | undefined): Draft {
  return {
    ...(outcome?.code ? { code: outcome.code } : {}),
    orderCode: outcome?.order?.code ?? '',
    note: outcome?.note ?? '',
  };
}

function failureText(reply: Extract<OutcomeReply, { ok: false }>): string {
  return reply.reason === 'refused'
    ? t('page.outcome.failed.refused', { message: reply.message })
    : t(`page.outcome.failed.${reply.reason}`);
}

/** `Date.now()` as of this render; the component renders again when `deadline` passes. */
function useClockAt(deadline: number | undefined): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (deadline === undefined) return undefined;
    const wait = deadline - Date.now();
    if (wait < 0) return undefined;
    const timer = setTimeout(() => setTick((tick) => tick + 1), wait + 1);
    return () => clearTimeout(timer);
  }, [deadline]);
  return Date.now();
}

/** The orders the operator may tie the call to: each order the card showed, once. */
function ordersOf(call: CallView): Delivery[] {
  const seen = new Set<string>();
  return call.identity.deliveries.filter((delivery) => {
    if (seen.has(delivery.orderCode)) return false;
    seen.add(delivery.orderCode);
    return true;
  });
}

function Chip(props: {
  name: string;
  value: string;
  checked: boolean;
  label: string;
  onPick: (value: string) => void;
}) {
  return (
    <label class={`chip${props.checked ? ' chip--on' : ''}`}>
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={() => props.onPick(props.value)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/**
 * The call's outcome (one of the list IT configured), the order it was about when the card
 * showed several, and a free-text note; saved on the journal row of this call and this
 * operator. Offered while the call rings, goes on, and for the configured time after its
 * end. Ctrl+Enter in the note saves; Escape there does not close the card over a shown.
 */
export function OutcomeForm({ call, actions }: { call: CallView; actions: CardActions }) {
  const settings = useContext(OutcomeSettingsContext);
  const deadline =
    settings && call.endedAt !== undefined ? call.endedAt + settings.afterCallMs : undefined;
  const now = useClockAt(deadline);
  const saved = call.outcome;
  /** What the operator is editing; null while the form shows what is saved. */
  const [draft, setDraft] = useState<Draft | null>(null);
  /** Saved from here, shown until the call's own update with it arrives. */
  const [justSaved, setJustSaved] = useState<Draft | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => setJustSaved(null), [saved]);
  const shown = draft ?? justSaved ?? draftOf(saved);

  if (!settings || !takesOutcome(call, settings, now)) return null;

  const idOf = (prefix: string): string => cardElementId(prefix, call.callId);
  const orders = ordersOf(call);
  const edit = (change: Partial<Draft>): void => {
    setDraft((current) => ({ ...(current ?? shown), ...change }));
    setStatus({ kind: 'idle' });
  };
  const save = async (): Promise<void> => {
    const note = shown.note.trim();
    const request: OutcomeNote = {
      callId: call.callId,
      extension: call.extension,
      ...(shown.code ? { outcome: shown.code } : {}),
      ...(note ? { note } : {}),
      ...(shown.orderCode ? { orderCode: shown.orderCode } : {}),
    };
    setStatus({ kind: 'saving' });
    const reply = await actions.noteOutcome(request);
    if (reply.ok) {
      setJustSaved({ ...shown, note });
      setDraft(null);
      setStatus({ kind: 'idle' });
    } else {
      setStatus({ kind: 'failed', text: failureText(reply) });
    }
  };
  const isSaved = draft === null && (justSaved !== null || saved !== undefined);
  const submit = (event: Event): void => {
    event.preventDefault();
    if (isUserGesture(event) && status.kind !== 'saving') void save();
  };

  return (
    <form
      class="outcome"
      aria-labelledby={idOf('ct-outcome')}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && draft !== null) event.stopPropagation();
      }}
    >
      <h3 class="role" id={idOf('ct-outcome')}>
        {t('page.outcome.title')}
      </h3>
      {settings.choices.length > 0 && (
        <fieldset class="chips">
          <legend class="sr-only">{t('page.outcome.title')}</legend>
          {settings.choices.map((choice) => (
            <Chip
              key={choice.code}
              name={idOf('ct-outcome-code')}
              value={choice.code}
              checked={shown.code === choice.code}
              label={configuredLabel(choice)}
              onPick={(code) => edit({ code })}
            />
          ))}
        </fieldset>
      )}
      {orders.length === 1 && (
        <p class="meta">
          {t('page.outcome.order-one', {
            number: orders[0]?.orderNumber ?? orders[0]?.orderCode ?? '',
          })}
        </p>
      )}
      {orders.length > 1 && (
        <fieldset class="chips">
          <legend class="label">{t('page.outcome.order')}</legend>
          <Chip
            name={idOf('ct-outcome-order')}
            value=""
            checked={shown.orderCode === ''}
            label={t('page.outcome.order-all')}
            onPick={() => edit({ orderCode: '' })}
          />
          {orders.map((order) => (
            <Chip
              key={order.orderCode}
              name={idOf('ct-outcome-order')}
              value={order.orderCode}
              checked={shown.orderCode === order.orderCode}
              label={order.orderNumber ?? order.orderCode}
              onPick={(orderCode) => edit({ orderCode })}
            />
          ))}
        </fieldset>
      )}
      <label class="label" for={idOf('ct-outcome-note')}>
        {t('page.outcome.note')}
      </label>
      <textarea
        id={idOf('ct-outcome-note')}
        class="note"
        rows={2}
        maxLength={NOTE_MAX_LENGTH}
        placeholder={t('page.outcome.note-hint')}
        value={shown.note}
        onInput={(event) => edit({ note: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            if (isUserGesture(event) && status.kind !== 'saving') void save();
          }
        }}
      />
      <div class="outcome-foot">
        <button type="submit" class="action action--primary" disabled={status.kind === 'saving'}>
          {t('page.outcome.save')}
        </button>
        <span
          class={`outcome-status${status.kind === 'failed' ? ' outcome-status--failed' : ''}`}
          role="status"
          aria-live="polite"
        >
          {status.kind === 'saving' && t('page.outcome.saving')}
          {status.kind === 'idle' && isSaved && `✓ ${t('page.outcome.saved')}`}
          {status.kind === 'failed' && status.text}
        </span>
        <span class="outcome-count" aria-hidden="true">
          {t('page.outcome.count', { count: shown.note.length, max: NOTE_MAX_LENGTH })}
        </span>
      </div>
    </form>
  );
}
