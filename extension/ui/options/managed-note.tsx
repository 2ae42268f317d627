import { t } from '../../lib/i18n/core';

/**
 * Says, in words, that a section's values come from the administrator's browser policy and
 * why they cannot be changed here; the controls it describes are disabled.
 */
export function ManagedNote({ id }: { id: string }) {
  return (
    <p id={id} class="ct-managed" data-managed="true">
      <strong>{t('shell.options.managed.title')}</strong> {t('shell.options.managed.reason')}
    </p>
  );
}

/** Marks one control among others as set by the administrator, in words. */
export function SetByPolicy() {
  return <span class="ct-set-by-policy"> ({t('shell.options.managed.short')})</span>;
}
