import * as full from '../../../../shared/phone/index';
import * as cut from '../../../../shared/phone/cis';
import type { PhoneKit } from '../../../../shared/phone/types';

/** Both builds of the phone module: results for the numbers of the cut's countries must not differ. */
export const entryPoints: ReadonlyArray<readonly [name: string, kit: PhoneKit]> = [
  ['full metadata (index)', full],
  ['RU+KZ+CIS cut (cis)', cut],
];

export { full, cut };
