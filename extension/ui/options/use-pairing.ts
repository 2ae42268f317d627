import { useEffect, useState } from 'preact/hooks';
import { pairingItem, type Pairing } from '../../lib/settings';

/** The stored pairing, live; `undefined` until the first read. */
export function usePairing(): Pairing | null | undefined {
  const [pairing, setPairing] = useState<Pairing | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const unwatch = pairingItem.watch((value) => setPairing(value));
    void pairingItem.getValue().then((value) => live && setPairing(value));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return pairing;
}
