import { useEffect, useState } from 'preact/hooks';

/** `value` once it has stayed unchanged for `delayMs`; the pending timer dies with the component. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
