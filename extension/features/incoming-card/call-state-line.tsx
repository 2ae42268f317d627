import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { formatClock, formatDuration } from '../../lib/i18n/format';
import { useNow } from './use-now';

/** Who took the call, when the PBX said (a colleague's phone, or who picked it up). */
function answeredElsewhereText(call: CallView): string {
  return call.answeredBy
    ? t('page.card.state.answered-by', { who: call.answeredBy })
    : t('page.card.state.answered-elsewhere');
}

function endedText(call: CallView): string {
  // The helper lost sight of the PBX when the call ended: its result is only the state
  // last seen, so the card does not claim one.
  if (call.endUnseen) return t('page.card.state.ended-unseen');
  if (call.missed) return t('page.card.state.missed');
  switch (call.result) {
    case 'answered':
      return call.talkSeconds
        ? t('page.card.state.ended-talk', { time: formatDuration(call.talkSeconds) })
        : t('page.card.state.ended');
    case 'no-answer':
    case 'busy':
    case 'failed':
    case 'cancelled':
    case 'declined':
      return t(`page.card.state.${call.result}`);
    case 'answered-elsewhere':
      return answeredElsewhereText(call);
    default:
      return t('page.card.state.ended');
  }
}

/** Ringing → talking (with a running timer) → ended, or answered on another phone. */
export function CallStateLine({ call }: { call: CallView }) {
  const talking = call.state === 'answered';
  const now = useNow(talking);
  let text: string;
  switch (call.state) {
    case 'ringing':
      text = t(
        call.direction === 'out' ? 'page.card.state.ringing-out' : 'page.card.state.ringing-in',
      );
      break;
    case 'dialling':
      text = t('page.card.state.dialling');
      break;
    case 'answered': {
      const since = call.answeredAt ?? call.startedAt;
      text = t('page.card.state.answered', { time: formatClock((now - since) / 1000) });
      break;
    }
    case 'answered-elsewhere':
      text = answeredElsewhereText(call);
      break;
    case 'ended':
      text = endedText(call);
      break;
  }
  return <p class={`state state--${call.state}${call.missed ? ' state--missed' : ''}`}>{text}</p>;
}
