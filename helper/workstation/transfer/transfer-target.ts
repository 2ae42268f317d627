import type { CallView, CourierRef } from '../../../shared/protocol';
import type { TransferRequest } from '../../core/helper-api';
import { validateDialTarget } from '../../ami/dial-target';
import { AmiValueError } from '../../ami/errors';
import { courierExten } from './courier-exten';
import { TransferRefusedError } from './errors';
import type { TransferSettings } from '../../config/transfer-settings';

/** Where the caller goes: a dialplan extension, and what the card and journal show. */
export interface TransferTarget {
  readonly target: 'courier' | 'manager';
  readonly context: string;
  readonly exten: string;
  /** The number or extension dialled, as the card shows it. */
  readonly to: string;
  /** Who that is, for the card's message. */
  readonly name?: string;
}

/** The value as AMI will dial it, or a refusal naming whose number to correct in the cabinet. */
function dialable(value: string, whose: string): string {
  try {
    return validateDialTarget(value);
  } catch (error) {
    if (!(error instanceof AmiValueError)) throw error;
    throw new TransferRefusedError(
      'invalid-number',
      `The number of ${whose} cannot be dialled (${error.problem}); correct it in the cabinet.`,
    );
  }
}

function holders(call: CallView): CourierRef[] {
  const byCode = new Map<string, CourierRef>();
  for (const delivery of call.identity.deliveries) {
    if (delivery.courier && !byCode.has(delivery.courier.code)) {
      byCode.set(delivery.courier.code, delivery.courier);
    }
  }
  return [...byCode.values()];
}

function courierTarget(
  call: CallView,
  request: TransferRequest,
  settings: TransferSettings,
): TransferTarget {
  const couriers = holders(call);
  let courier: CourierRef | undefined;
  if (request.courierCode !== undefined) {
    courier = couriers.find((c) => c.code === request.courierCode);
    if (!courier) {
      throw new TransferRefusedError(
        'courier-not-holding',
        `Courier ${request.courierCode} holds none of this caller's parcels.`,
      );
    }
  } else if (couriers.length === 1) {
    courier = couriers[0];
  } else if (couriers.length === 0) {
    throw new TransferRefusedError('no-courier', 'No parcel of this caller is with a courier now.');
  } else {
    throw new TransferRefusedError(
      'several-couriers',
      `Several couriers hold this caller's parcels (${couriers.map((c) => c.code).join(', ')}): ` +
        'choose one on the card.',
    );
  }
  if (!courier?.mobile) {
    throw new TransferRefusedError(
      'no-courier-mobile',
      `Courier ${courier?.name ?? ''} has no mobile number in the courier card; add it in the cabinet.`,
    );
  }
  const exten = dialable(
    courierExten(settings.courierExten, courier.mobile),
    `courier ${courier.name} (courier card)`,
  );
  return {
    target: 'courier',
    context: settings.courierContext,
    exten,
    to: courier.mobile,
    name: courier.name,
  };
}

function managerTarget(call: CallView, settings: TransferSettings): TransferTarget {
  const managers = [
    ...call.identity.clients.map((c) => c.manager),
    ...call.identity.couriers.map((c) => c.manager),
  ];
  for (const manager of managers) {
    const extension = manager?.extensions[0];
    if (manager && extension) {
      return {
        target: 'manager',
        context: settings.managerContext,
        exten: dialable(extension, `manager ${manager.user} (users.extPhone)`),
        to: extension,
        name: manager.name ?? manager.user,
      };
    }
  }
  throw new TransferRefusedError(
    'no-manager',
    'This caller has no account manager with an extension (users.extPhone) in the cabinet.',
  );
}

/**
 * Where the card's transfer sends the caller: the courier holding their parcel (his mobile
 * through the outbound route), or the account manager of the client (or of the courier)
 * at his extension. Throws TransferRefusedError saying what is missing.
 */
export function transferTarget(
  call: CallView,
  request: TransferRequest,
  settings: TransferSettings,
): TransferTarget {
  return request.target === 'courier'
    ? courierTarget(call, request, settings)
    : managerTarget(call, settings);
}
