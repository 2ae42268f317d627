// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { titleLinksOnDemand } from '../../../../../extension/features/linkify-phones/link-titles';
import { formatPhone } from '../../../../../shared/phone/cis';
import {
  linkedPhones,
  settle,
  startLinker,
  type LinkerHarness,
} from '../../../../support/extension/features/linkify-phones/linker-harness';

let harness: LinkerHarness | null = null;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  harness?.controller.abort();
  harness = null;
});

async function linkBody(html: string): Promise<LinkerHarness> {
  document.body.innerHTML = html;
  harness = startLinker(document);
  await harness.sessionsDone(1);
  return harness;
}

describe('phone linker: initial scan', () => {
  it('wraps each phone in a tel: link carrying the E.164 number, keeping the text identical', async () => {
    const html =
      '<p id="p">Звоните: 8 (916) 123-45-67 или +7 701 123-45-67, факс (495) 123-45-67.</p>' +
      '<table><tr><td>Иванов</td><td id="cell">79161234567</td></tr></table>';
    document.body.innerHTML = html;
    const before = document.body.textContent;
    harness = startLinker(document);
    await harness.sessionsDone(1);

    expect(document.body.textContent).toBe(before);
    expect(linkedPhones(document.body)).toEqual([
      '+79161234567',
      '+77011234567',
      '+74951234567',
      '+79161234567',
    ]);
    const first = document.querySelector<HTMLAnchorElement>('#p a.ct-phone')!;
    expect(first.textContent).toBe('8 (916) 123-45-67');
    expect(first.getAttribute('href')).toBe('tel:+79161234567');
    expect(first.hasAttribute('title')).toBe(false);
    expect(first.style.getPropertyValue('color')).toBe('inherit');
    expect(document.querySelector('#cell')!.innerHTML).toBe(
      document.querySelector('#cell a')!.outerHTML,
    );
  });

  it('gives a link its tooltip when pointed at or focused', async () => {
    const h = await linkBody(
      '<p>Звоните: 8 (916) 123-45-67</p><a id="t" href="tel:88005553535">x</a>',
    );
    titleLinksOnDemand({
      window,
      registry: h.registry,
      titleFor: (e164) => `Позвонить ${formatPhone(e164, 'international')}`,
      signal: h.controller.signal,
    });
    const link = document.querySelector<HTMLAnchorElement>('a.ct-phone')!;
    link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(link.title).toBe('Позвонить +7 916 123-45-67');
    const tel = document.querySelector<HTMLAnchorElement>('#t')!;
    tel.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(tel.hasAttribute('title')).toBe(false);
  });

  it('works in slices and still finishes when every slice runs out of time', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<p>Курьер ${i}: +7 903 000-${10 + i}-00</p>`,
    );
    document.body.innerHTML = rows.join('');
    harness = startLinker(document, { checksPerSlice: 1 });
    await harness.sessionsDone(1);
    expect(harness.sessions[0]!.slices).toBeGreaterThan(5);
    expect(harness.sessions[0]!.links).toBe(30);
    expect(linkedPhones(document.body)).toHaveLength(30);
  });

  it('inserts a large batch of links in one slice of its own, so the page lays out once', async () => {
    document.body.innerHTML = Array.from(
      { length: 250 },
      (_, i) => `<p>Курьер ${i}: +7 903 ${100 + Math.floor(i / 90)}-${10 + (i % 90)}-00</p>`,
    ).join('');
    const writeSlices: number[] = [];
    const watcher = new MutationObserver((records) => {
      const links = records.flatMap((record) =>
        Array.from(record.addedNodes).filter((node) => (node as Element).localName === 'a'),
      );
      if (links.length > 0) writeSlices.push(links.length);
    });
    watcher.observe(document.body, { childList: true, subtree: true });
    // 40 deadline checks of 8 steps each: room for scanning and writing 250 paragraphs, not both.
    harness = startLinker(document, { checksPerSlice: 40 });
    await harness.sessionsDone(1);
    watcher.disconnect();
    expect(harness.sessions[0]!.slices).toBeGreaterThan(1);
    expect(writeSlices).toEqual([250]);
    expect(linkedPhones(document.body)).toHaveLength(250);
  });

  it('leaves form fields, editable areas, code, scripts, links and opted-out parts alone', async () => {
    const skipped = [
      '<input id="i" value="8 916 123-45-67">',
      '<textarea id="t">8 916 123-45-67</textarea>',
      '<select><option>8 916 123-45-67</option></select>',
      '<button>8 916 123-45-67</button>',
      '<div contenteditable="true"><span>8 916 123-45-67</span></div>',
      '<div contenteditable="plaintext-only">8 916 123-45-67</div>',
      '<code>8 916 123-45-67</code>',
      '<pre>8 916 123-45-67</pre>',
      '<script>var phone = "8 916 123-45-67";</script>',
      '<style>/* 8 916 123-45-67 */</style>',
      '<noscript>8 916 123-45-67</noscript>',
      '<template><p>8 916 123-45-67</p></template>',
      '<a href="/client/1">ООО Ромашка 8 916 123-45-67</a>',
      '<div data-ct-skip><p>8 916 123-45-67</p></div>',
      '<svg><text>8 916 123-45-67</text></svg>',
    ];
    const h = await linkBody(`${skipped.join('')}<p id="ok">8 916 123-45-67</p>`);
    expect(linkedPhones(document.body)).toEqual(['+79161234567']);
    expect(document.querySelector('#ok a.ct-phone')).not.toBeNull();
    expect(document.querySelector<HTMLInputElement>('#i')!.value).toBe('8 916 123-45-67');
    expect(document.querySelector<HTMLTextAreaElement>('#t')!.value).toBe('8 916 123-45-67');
    expect(h.sessions[0]!.links).toBe(1);
  });

  it('leaves numbers that are not phones as plain text', async () => {
    await linkBody(
      '<p>ИНН 7714123456, КПП 771401001, р/с 40702810938000123456</p>' +
        '<p>Заказ № 4951234567 на 1 500 ₽, вес 2,5 кг, 24.11.2025 10:00–14:00</p>' +
        '<p>ШПИ 80081234567890, ШК 4607001234567, индекс 125009</p>',
    );
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it('does not wrap anything twice when the same content is scanned again', async () => {
    const h = await linkBody('<p id="p">8 916 123-45-67 и 8 (495) 123-45-67</p>');
    const markup = document.body.innerHTML;
    const second = startLinker(document, { registry: h.registry });
    await settle(20);
    second.controller.abort();
    expect(document.body.innerHTML).toBe(markup);
    expect(linkedPhones(document.body)).toEqual(['+79161234567', '+74951234567']);
  });

  it('takes over tel: links: their look stays, they gain data-phone and are registered', async () => {
    const h = await linkBody(
      '<a id="hot" href="tel:88005553535" class="page-link">Горячая линия</a>' +
        '<a id="enc" href="tel:+7%20495%20123-45-67;ext=12">диспетчер</a>' +
        '<a id="bad" href="tel:123">короткий</a>',
    );
    const hot = document.querySelector<HTMLAnchorElement>('#hot')!;
    expect(hot.dataset.phone).toBe('+78005553535');
    expect(hot.className).toBe('page-link');
    expect(hot.textContent).toBe('Горячая линия');
    expect(h.registry.lookup(hot)).toEqual({ e164: '+78005553535', created: false });
    expect(h.registry.lookup(document.querySelector('#enc')!)?.e164).toBe('+74951234567');
    expect(h.registry.lookup(document.querySelector('#bad')!)).toBeUndefined();
    expect(document.querySelectorAll('a.ct-phone')).toHaveLength(0);
  });

  it('links phones inside open shadow roots', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<span>Курьер: +7 903 111-22-33</span><textarea>8 916 123-45-67</textarea>';
    document.body.append(host);
    harness = startLinker(document);
    await harness.sessionsDone(1);
    expect(linkedPhones(host.shadowRoot!)).toEqual(['+79031112233']);
  });
});

describe('phone linker: content the page adds or edits later', () => {
  it('links rows appended later in one batched session', async () => {
    const h = await linkBody(
      '<table><tbody id="rows"><tr><td>8 916 123-45-67</td></tr></tbody></table>',
    );
    const rows = document.querySelector('#rows')!;
    for (let i = 0; i < 20; i++) {
      const row = document.createElement('tr');
      row.innerHTML = `<td>Заказ RM-${1000 + i}</td><td>+7 916 000-${String(10 + i)}-00</td>`;
      rows.append(row);
    }
    await h.sessionsDone(2);
    expect(h.sessions).toHaveLength(2);
    expect(h.sessions[1]!.links).toBe(20);
    expect(linkedPhones(rows)).toHaveLength(21);
    expect(linkedPhones(rows)[20]).toBe('+79160002900');
  });

  it('links content added while idle before the task that added it ends, ahead of any rendering', async () => {
    const h = await linkBody('<table><tbody id="rows"></tbody></table>');
    const row = document.createElement('tr');
    row.innerHTML = '<td>Заказ RM-1001</td><td>+7 916 000-10-00</td>';
    document.querySelector('#rows')!.append(row);
    // Only the observer's microtask has run since: no timer, no idle callback, no frame.
    await Promise.resolve();
    expect(linkedPhones(row)).toEqual(['+79160001000']);
    expect(h.sessions).toHaveLength(2);
  });

  it('does not trade edits in microtasks with a page that undoes its links at once', async () => {
    const h = await linkBody('<p id="cell"></p>');
    const cell = document.querySelector('#cell')!;
    let undone = 0;
    // A page script that puts its own text back whenever a link appears, a bounded number of times.
    const page = new MutationObserver(() => {
      if (!cell.querySelector('a') || undone >= 20) return;
      undone++;
      cell.textContent = 'Курьер: 8 (916) 123-45-67';
    });
    page.observe(cell, { childList: true, subtree: true });
    cell.textContent = 'Курьер: 8 (916) 123-45-67';
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    expect(undone).toBe(1);
    page.disconnect();
    await h.sessionsDone(3);
    expect(linkedPhones(cell)).toEqual(['+79161234567']);
  });

  it('picks up text changed in place', async () => {
    const h = await linkBody('<p id="p">Телефон уточняется</p>');
    document.querySelector('#p')!.firstChild!.nodeValue = 'Телефон: 8 (916) 765-43-21';
    await h.sessionsDone(2);
    expect(linkedPhones(document.body)).toEqual(['+79167654321']);
  });

  it('follows a framework that rewrites a text node it owns: the old links go, the new number is linked', async () => {
    const h = await linkBody('<span id="cell"></span>');
    const cell = document.querySelector('#cell')!;
    const owned = document.createTextNode('Тел.: 8 (916) 123-45-67, доб. курьер');
    cell.append(owned);
    await h.sessionsDone(2);
    expect(linkedPhones(cell)).toEqual(['+79161234567']);
    owned.data = 'Тел.: +7 701 123-45-67';
    await h.sessionsDone(3);
    expect(cell.textContent).toBe('Тел.: +7 701 123-45-67');
    expect(linkedPhones(cell)).toEqual(['+77011234567']);
    expect(owned.isConnected).toBe(true);
  });

  it('removes the pieces of a split text node when the page removes that node', async () => {
    const h = await linkBody('<span id="cell"></span>');
    const cell = document.querySelector('#cell')!;
    const owned = document.createTextNode('8 (916) 123-45-67');
    cell.append('Получатель: ', owned);
    await h.sessionsDone(2);
    expect(linkedPhones(cell)).toEqual(['+79161234567']);
    cell.removeChild(owned);
    await vi.waitFor(() => expect(cell.textContent).toBe('Получатель: '));
    expect(cell.querySelectorAll('a')).toHaveLength(0);
  });

  it('scans again a node the page changed between scanning and writing the links', async () => {
    document.body.innerHTML = Array.from(
      { length: 40 },
      (_, i) => `<p>Курьер ${i}: +7 903 000-${10 + i}-00</p>`,
    ).join('');
    harness = startLinker(document, { checksPerSlice: 1 });
    await settle(0);
    expect(harness.sessions).toHaveLength(0);
    const first = document.querySelector('p')!.firstChild as Text;
    first.data = 'Курьер 0: +7 701 123-45-67';
    await harness.sessionsDone(1);
    expect(linkedPhones(document.querySelector('p')!)).toEqual(['+77011234567']);
    expect(document.querySelector('p')!.textContent).toBe('Курьер 0: +7 701 123-45-67');
    expect(linkedPhones(document.body)).toHaveLength(40);
  });

  it('ignores text added inside skipped elements', async () => {
    const h = await linkBody('<div id="edit" contenteditable="true"></div><p id="p">x</p>');
    document.querySelector('#edit')!.append('8 916 123-45-67');
    document.querySelector('#p')!.append(document.createElement('textarea'));
    await settle(30);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(h.sessions.every((session) => session.links === 0)).toBe(true);
  });

  it('handles shadow roots attached after the element was scanned, and their later content', async () => {
    const h = await linkBody('<x-card id="card"></x-card>');
    const card = document.querySelector('#card')!;
    const shadow = card.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Получатель: 8 (916) 123-45-67</p>';
    await h.sessionsDone(2);
    expect(linkedPhones(shadow)).toEqual(['+79161234567']);

    const more = document.createElement('p');
    more.textContent = 'Склад: 8 (495) 640-12-12';
    shadow.append(more);
    await h.sessionsDone(3);
    expect(linkedPhones(shadow)).toEqual(['+79161234567', '+74956401212']);
  });

  it('takes over tel: links that arrive later', async () => {
    const h = await linkBody('<p>x</p>');
    const link = document.createElement('a');
    link.href = 'tel:+79161234567';
    link.textContent = 'позвонить';
    document.body.append(link);
    await h.sessionsDone(2);
    expect(h.registry.lookup(link)?.e164).toBe('+79161234567');
  });

  it('stops observing when aborted', async () => {
    const h = await linkBody('<p>x</p>');
    h.controller.abort();
    const p = document.createElement('p');
    p.textContent = '8 916 123-45-67';
    document.body.append(p);
    await settle(30);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it('puts the original text back when linking is turned off', async () => {
    const html =
      '<p id="p">Звоните 8 916 123-45-67 или 8 (495) 123-45-67.</p><a id="t" href="tel:88005553535">8 800</a>';
    const h = await linkBody(html);
    h.controller.abort();
    h.linker.unlinkAll();
    expect(document.querySelectorAll('a.ct-phone')).toHaveLength(0);
    expect(document.querySelector('#p')!.childNodes).toHaveLength(1);
    expect(document.querySelector('#p')!.textContent).toBe(
      'Звоните 8 916 123-45-67 или 8 (495) 123-45-67.',
    );
    expect(document.querySelector('#t')).not.toBeNull();
  });
});
