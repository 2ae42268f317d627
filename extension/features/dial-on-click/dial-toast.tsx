import { CloseButton } from '../../lib/close-button';
import { t } from '../../lib/i18n/core';
import { displayNumber } from '../../lib/i18n/format';
import { TechnicalLine } from '../technical-line';
import type { DialToastState } from './dial-toast-state';

interface DialToastProps {
  /** Null renders the empty live region, which must stay in place to be announced. */
  state: DialToastState | null;
  onDismiss(): void;
}

interface ToastTexts {
  title: string;
  /** Why, in the operator's language. */
  detail?: string;
  /** What the helper or the PBX said, in English, as it was said: for the administrator. */
  technical?: string;
}

function texts(state: DialToastState): ToastTexts {
  const number = displayNumber(state.number);
  switch (state.phase) {
    case 'working':
      return { title: t(`page.toast.${state.step}`, { number }) };
    case 'done':
      return { title: t(`page.toast.${state.step}`, { number }) };
    case 'already-dialling':
      return { title: t('page.toast.already-dialling', { number }) };
    case 'no-number':
      return { title: t('page.toast.no-number'), detail: t('page.toast.no-number-hint') };
    case 'failed':
      return {
        title: t('page.toast.failed-title', { number }),
        detail: t(`page.failure.${state.failure}`),
        ...(state.detail ? { technical: state.detail } : {}),
      };
  }
}

const TONES: Record<DialToastState['phase'], string> = {
  working: 'info',
  done: 'ok',
  failed: 'error',
  'already-dialling': 'notice',
  'no-number': 'notice',
};

const ICONS: Record<DialToastState['phase'], string> = {
  working: '☎',
  done: '✓',
  failed: '!',
  'already-dialling': '☎',
  'no-number': '?',
};

/** The dial's progress, announced politely; Escape or the close button hides it. */
export function DialToast({ state, onDismiss }: DialToastProps) {
  const content = state ? texts(state) : null;
  return (
    <div
      class="region"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      aria-label={t('page.toast.label')}
    >
      {state && content && (
        <div
          class={`toast toast--${TONES[state.phase]}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDismiss();
          }}
        >
          <span class="icon" aria-hidden="true">
            {ICONS[state.phase]}
          </span>
          <div class="body">
            <div class="title">{content.title}</div>
            {content.detail && <div class="detail">{content.detail}</div>}
            {content.technical && <TechnicalLine text={content.technical} />}
          </div>
          <CloseButton label={t('page.toast.close')} onClose={onDismiss} />
        </div>
      )}
    </div>
  );
}
