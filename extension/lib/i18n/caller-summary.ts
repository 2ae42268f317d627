import type { CallView } from '../../../shared/protocol';
import { formatPhone } from '../../../shared/phone/cis';
import { t } from '../../lib/i18n/core';

/** The remote number as people read it: `+7 916 123-45-67`, or what the PBX reported. */
export function displayNumber(remote: CallView['remote']): string {
  if (remote.e164 !== undefined) {
    try {
      return formatPhone(remote.e164, 'international');
    } catch {
      return remote.e164;
    }
  }
  return remote.raw || t('shell.call.hiddenNumber');
}

/** One line saying who is on the other end, from what the database found. */
export function callerName(call: CallView): string | null {
  const { clients, couriers, deliveries } = call.identity;
  const client = clients[0];
  if (client !== undefined) {
    return client.contact === undefined
      ? client.company
      : t('shell.call.clientContact', { company: client.company, contact: client.contact.name });
  }
  const courier = couriers[0];
  if (courier !== undefined) return t('shell.call.courier', { name: courier.name });
  const delivery = deliveries[0];
  if (delivery !== undefined) {
    const order = delivery.orderNumber ?? delivery.orderCode;
    return delivery.recipientName === undefined
      ? t('shell.call.recipientOrder', { order })
      : t('shell.call.recipient', { name: delivery.recipientName, order });
  }
  return null;
}
