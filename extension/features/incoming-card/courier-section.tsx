import type { CourierIdentity } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { displayNumber } from '../../lib/i18n/format';
import { ManagerLine } from './manager-line';
import { MaybeLink } from './maybe-link';

export function CourierSection({ courier }: { courier: CourierIdentity }) {
  return (
    <section class="who who--courier">
      <h3 class="role">{t('page.card.courier')}</h3>
      <p class="name">
        <MaybeLink url={courier.url}>{courier.name}</MaybeLink>{' '}
        <span class="meta">({t('page.card.courier-code', { code: courier.code })})</span>
      </p>
      {courier.mobile && <p class="meta">{displayNumber(courier.mobile)}</p>}
      <ManagerLine manager={courier.manager} />
    </section>
  );
}
