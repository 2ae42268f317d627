/** An `<input type="date">` value, `2026-11-02`, as the local midnight that starts that day. */
function localDay(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day] = match.map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1).getTime();
}

/**
 * The journal query's bounds for the days typed "from" and "to", both days included as
 * people mean them: from the start of the first to the start of the day after the last.
 */
export function dayRange(fromDay: string, toDay: string): { from?: number; to?: number } {
  const from = localDay(fromDay);
  const last = localDay(toDay);
  const to = last === undefined ? undefined : new Date(last).setDate(new Date(last).getDate() + 1);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}
