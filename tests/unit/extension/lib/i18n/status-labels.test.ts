import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import {
  clientStatusLabel,
  deliveryStatusLabel,
} from '../../../../../extension/lib/i18n/status-labels';

afterEach(() => setLanguage('en'));

describe('status labels', () => {
  it('names every delivery status code in Russian and in English', () => {
    setLanguage('ru');
    expect(['1', '2', '3', '4'].map(deliveryStatusLabel)).toEqual([
      'новый',
      'в работе',
      'доставлен',
      'отменён',
    ]);
    setLanguage('en');
    expect(['1', '2', '3', '4'].map(deliveryStatusLabel)).toEqual([
      'new',
      'in work',
      'delivered',
      'cancelled',
    ]);
  });

  it('names every client status code in Russian and in English', () => {
    setLanguage('ru');
    expect(['0', '1', '2', '3'].map(clientStatusLabel)).toEqual([
      'заблокирован',
      'активен',
      'приостановлен',
      'VIP',
    ]);
    setLanguage('en');
    expect(['0', '1', '2', '3'].map(clientStatusLabel)).toEqual([
      'blocked',
      'active',
      'paused',
      'VIP',
    ]);
  });

  it('shows unknown codes and ready-made text exactly as the database gave them', () => {
    for (const language of ['ru', 'en'] as const) {
      setLanguage(language);
      expect(deliveryStatusLabel('7')).toBe('7');
      expect(deliveryStatusLabel('У курьера')).toBe('У курьера');
      expect(deliveryStatusLabel('0')).toBe('0');
      expect(clientStatusLabel('9')).toBe('9');
      expect(clientStatusLabel('Активный')).toBe('Активный');
    }
  });

  it('reads a code with stray spaces around it', () => {
    setLanguage('en');
    expect(deliveryStatusLabel(' 3 ')).toBe('delivered');
  });
});
