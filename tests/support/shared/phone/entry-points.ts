import * as full from '../../../../shared/phone/index';
import * as cut from '../../../../shared/phone/ru-kz';
import type { PhoneKit } from '../../../../shared/phone/types';

/** Both builds of the phone module: results for Russian and Kazakh numbers must not differ. */
export const entryPoints: ReadonlyArray<readonly [name: string, kit: PhoneKit]> = [
  ['full metadata (index)', full],
  ['RU+KZ cut (ru-kz)', cut],
];

export { full, cut };
