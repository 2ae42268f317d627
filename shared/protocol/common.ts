import * as v from 'valibot';

/** One member of a message union, picked by its `type`. */
export type MessageOf<Union extends { type: string }, Type extends Union['type']> = Extract<
  Union,
  { type: Type }
>;

/** The `type` names of a message union built with `v.variant('type', …)`, in its order. */
export function messageTypes<Type extends string>(union: {
  readonly options: readonly { readonly entries: { readonly type: { readonly literal: Type } } }[];
}): readonly Type[] {
  return union.options.map((option) => option.entries.type.literal);
}

/** False for text holding a line break or another control character, which must not reach the PBX. */
export function hasNoControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** Correlates a request with its replies; chosen by the extension. */
export const RequestId = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** Milliseconds since the Unix epoch. */
export const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));

/** An operator's internal number: digits only, 2–6 long. */
export const Extension = v.pipe(v.string(), v.regex(/^\d{2,6}$/));

/** Free text typed or clicked by a user; the helper normalizes it. */
export const RawNumber = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** A cabinet link built by the helper from its URL templates. */
export const CabinetUrl = v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\//));

/** A remote party as both sides show it. */
export const PartyNumber = v.object({
  /** What the PBX reported (caller id, dialled digits). */
  raw: v.pipe(v.string(), v.maxLength(64)),
  /** `+79161234567`, absent when the number is not a dialable external number. */
  e164: v.optional(v.pipe(v.string(), v.regex(/^\+\d{6,15}$/))),
  /** Digits as the courier database stores them: `79161234567`. */
  dbKey: v.optional(v.pipe(v.string(), v.regex(/^\d{2,15}$/))),
});
export type PartyNumber = v.InferOutput<typeof PartyNumber>;

export const Direction = v.picklist(['in', 'out', 'internal']);
export type Direction = v.InferOutput<typeof Direction>;
