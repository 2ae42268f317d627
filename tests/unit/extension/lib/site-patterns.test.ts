import { describe, expect, it } from 'vitest';
import {
  isSitePattern,
  patternHomeUrl,
  SitePatternError,
  siteToPattern,
  urlMatchesSites,
} from '../../../../extension/lib/site-patterns';

describe('siteToPattern', () => {
  it.each([
    ['cabinet.example.com', 'https://cabinet.example.com/*'],
    ['  Cabinet.Example.COM  ', 'https://cabinet.example.com/*'],
    ['https://cabinet.example.com/orders?id=5#top', 'https://cabinet.example.com/*'],
    ['http://cabinet.example.com', 'http://cabinet.example.com/*'],
    ['http://127.0.0.1:8080/cabinet/', 'http://127.0.0.1/*'],
    ['cabinet.example.com:8443/x', 'https://cabinet.example.com/*'],
    ['localhost:3000', 'https://localhost/*'],
    ['*.example.com', 'https://*.example.com/*'],
    ['*://crm.example.com/*', '*://crm.example.com/*'],
    ['https://cabinet.example.com/*', 'https://cabinet.example.com/*'],
    ['кабинет.рф', 'https://xn--80acmlhv0b.xn--p1ai/*'],
  ])('turns %j into %s', (input, pattern) => {
    expect(siteToPattern(input)).toBe(pattern);
  });

  it.each([
    '',
    '   ',
    'ftp://files.example.com',
    'file:///C:/cabinet.html',
    'cabinet',
    'http://',
    'https://a b.com',
  ])('refuses %j with a message saying what to enter', (input) => {
    expect(() => siteToPattern(input)).toThrow(SitePatternError);
    expect(() => siteToPattern(input)).toThrow(/cabinet\.example\.com|http and https/);
  });

  it('recognises stored patterns', () => {
    expect(isSitePattern('https://cabinet.example.com/*')).toBe(true);
    expect(isSitePattern('https://cabinet.example.com/orders')).toBe(false);
    expect(isSitePattern('<all_urls>')).toBe(false);
  });
});

describe('urlMatchesSites', () => {
  const sites = ['https://cabinet.example.com/*', 'http://127.0.0.1/*', '*://*.courier.example/*'];

  it.each([
    ['https://cabinet.example.com/orders/5', true],
    ['http://cabinet.example.com/orders/5', false],
    ['https://evil.example.com/', false],
    ['https://cabinet.example.com.evil.net/', false],
    ['http://127.0.0.1:5173/demo/', true],
    ['https://a.courier.example/x', true],
    ['http://courier.example/', true],
    ['chrome-extension://abc/popup.html', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(urlMatchesSites(url, sites)).toBe(expected);
  });

  it('matches nothing when no site is enabled', () => {
    expect(urlMatchesSites('https://cabinet.example.com/', [])).toBe(false);
  });
});

describe('patternHomeUrl', () => {
  it('opens the root of a site', () => {
    expect(patternHomeUrl('https://cabinet.example.com/*')).toBe('https://cabinet.example.com/');
    expect(patternHomeUrl('*://*.example.com/*')).toBe('https://example.com/');
    expect(patternHomeUrl('http://127.0.0.1/*')).toBe('http://127.0.0.1/');
    expect(patternHomeUrl('<all_urls>')).toBeNull();
  });
});
