import { t } from '../../lib/i18n/core';

interface Manager {
  user: string;
  name?: string;
  extensions: string[];
}

export function ManagerLine({ manager }: { manager?: Manager }) {
  if (!manager) return null;
  const name = manager.name ?? manager.user;
  const extension = manager.extensions[0];
  return (
    <p class="meta">
      {extension
        ? t('page.card.manager-ext', { name, extension })
        : t('page.card.manager', { name })}
    </p>
  );
}
