import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/core';
import type { BackgroundClient } from '../common/background-client';

type Scenario = 'answer' | 'no-answer' | 'answered-elsewhere';
const SCENARIOS: readonly Scenario[] = ['answer', 'no-answer', 'answered-elsewhere'];

/** Shown only when the helper runs in demo mode: plays an incoming call without a PBX. */
export function DemoPanel({ background }: { background: BackgroundClient }) {
  const [number, setNumber] = useState('+7 916 123-45-67');
  const [scenario, setScenario] = useState<Scenario>('answer');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    setMessage(null);
    background.ask({ kind: 'demo-simulate', number, scenario }).then(
      (reply) =>
        setMessage(
          reply?.ok
            ? { text: t('shell.demo.started'), error: false }
            : { text: reply?.message ?? t('shell.dial.noBackground'), error: true },
        ),
      () => setMessage({ text: t('shell.dial.noBackground'), error: true }),
    );
  };

  return (
    <form class="ct-section ct-demo" onSubmit={submit} aria-labelledby="ct-demo-title">
      <h2 id="ct-demo-title" class="ct-section__title">
        {t('shell.demo.title')}
      </h2>
      <label class="ct-field">
        <span>{t('shell.demo.number')}</span>
        <input
          class="ct-input"
          type="tel"
          value={number}
          onInput={(event) => setNumber(event.currentTarget.value)}
        />
      </label>
      <label class="ct-field">
        <span>{t('shell.demo.scenario')}</span>
        <select
          class="ct-input"
          value={scenario}
          onChange={(event) => setScenario(event.currentTarget.value as Scenario)}
        >
          {SCENARIOS.map((item) => (
            <option key={item} value={item}>
              {t(`shell.demo.scenario.${item}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="ct-button">
        {t('shell.demo.simulate')}
      </button>
      {message === null ? null : (
        <p class={message.error ? 'ct-field-error' : 'ct-muted'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
