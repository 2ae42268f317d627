import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DialSource, DialUpdate } from '../../lib/runtime-messages';
import { t } from '../../lib/i18n/core';
import type { BackgroundClient } from '../common/background-client';
import { dialMessage, isFinalDialUpdate, rejectionMessage } from '../../lib/i18n/dial-text';

export interface DialFeedback {
  text: string;
  tone: 'progress' | 'ok' | 'error';
}

export interface Dialer {
  dial(number: string, label: string, source: DialSource): void;
  busy: boolean;
  feedback: DialFeedback | null;
}

function feedbackFor(update: DialUpdate): DialFeedback | null {
  const text = dialMessage(update);
  if (text === null) return null;
  if (!isFinalDialUpdate(update)) return { text, tone: 'progress' };
  return { text, tone: update.type === 'dial.result' && update.ok ? 'ok' : 'error' };
}

/**
 * One dial at a time from the popup, followed through the background's
 * `dial-update` messages. Updates can overtake the reply that names the
 * request, so the ones seen before it are kept and replayed.
 */
export function useDialer(background: BackgroundClient): Dialer {
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<DialFeedback | null>(null);
  const active = useRef<string | null>(null);
  const early = useRef<{ requestId: string; update: DialUpdate }[]>([]);

  const apply = useCallback((update: DialUpdate) => {
    const next = feedbackFor(update);
    if (next !== null) setFeedback(next);
    if (isFinalDialUpdate(update)) {
      active.current = null;
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    const scope = new AbortController();
    background.listen((message) => {
      if (message.kind !== 'dial-update') return;
      if (active.current === message.requestId) apply(message.update);
      else if (active.current === null && early.current.length < 16) early.current.push(message);
    }, scope.signal);
    return () => scope.abort();
  }, [background, apply]);

  const dial = useCallback(
    (number: string, label: string, source: DialSource) => {
      if (active.current !== null || busy) return;
      setBusy(true);
      early.current = [];
      setFeedback({ text: t('shell.dial.requesting', { number: label }), tone: 'progress' });
      background.ask({ kind: 'dial', number, source }).then(
        (reply) => {
          if (reply === undefined) {
            setFeedback({ text: t('shell.dial.noBackground'), tone: 'error' });
            setBusy(false);
          } else if (!reply.accepted) {
            setFeedback({ text: rejectionMessage(reply.reason, label), tone: 'error' });
            setBusy(false);
          } else {
            active.current = reply.requestId;
            const seen = early.current.filter((item) => item.requestId === reply.requestId);
            early.current = [];
            for (const item of seen) if (active.current === reply.requestId) apply(item.update);
          }
        },
        () => {
          setFeedback({ text: t('shell.dial.noBackground'), tone: 'error' });
          setBusy(false);
        },
      );
    },
    [background, apply, busy],
  );

  return { dial, busy, feedback };
}
