import * as v from 'valibot';
import { customerNumber, type CustomerNumber } from '../agi/customer-number';
import { CallbackRequestError } from './errors';

const MAX_CODE = 4_294_967_295;

const Code = v.union([
  v.pipe(v.string(), v.regex(/^\d{1,10}$/, 'must be a code of digits')),
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_CODE)),
]);

const CallbackBody = v.strictObject({
  courier: Code,
  recipient: v.pipe(v.string(), v.minLength(2), v.maxLength(64)),
  order: Code,
  /** The operator who asked for it from an order card; the journal row is theirs then. */
  operator: v.optional(v.pipe(v.string(), v.regex(/^\d{2,6}$/, 'must be an extension'))),
});

/** A callback to place: who rings first, whom he reaches, about which order. */
export interface CallbackRequest {
  readonly courierCode: string;
  readonly recipient: CustomerNumber;
  readonly orderCode: string;
  readonly operator: string | undefined;
}

/** Validates a request body from the mobile application's server or an operator. */
export function parseCallbackRequest(body: unknown, defaultCountry: string): CallbackRequest {
  const result = v.safeParse(CallbackBody, body);
  if (!result.success) {
    throw new CallbackRequestError(
      result.issues.map((issue) => {
        const key = issue.path?.map((item) => String(item.key)).join('.') ?? 'body';
        return `${key}: ${issue.message}`;
      }),
    );
  }
  const { courier, recipient, order, operator } = result.output;
  const number = customerNumber(recipient, defaultCountry);
  if (number === undefined) {
    throw new CallbackRequestError(['recipient: is not a phone number that can be dialled']);
  }
  return {
    courierCode: String(courier),
    recipient: number,
    orderCode: String(order),
    operator,
  };
}
