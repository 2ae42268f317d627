import { describe, expect, it } from 'vitest';
import { cardElementId } from '../../../../../extension/features/incoming-card/element-id';

describe('cardElementId', () => {
  it("makes an id of the prefix and the call id, the call id's dots and others as _", () => {
    expect(cardElementId('ct-card', '1741944600.17')).toBe('ct-card-1741944600_17');
    expect(cardElementId('ct-outcome-code', 'a b/c-d_e')).toBe('ct-outcome-code-a_b_c-d_e');
  });
});
