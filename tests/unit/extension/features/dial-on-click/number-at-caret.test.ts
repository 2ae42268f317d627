// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findPhones } from '../../../../../shared/phone/cis';
import { numberAtCaret } from '../../../../../extension/features/dial-on-click/number-at-caret';
import { PaintedPhoneRegistry } from '../../../../../extension/lib/dom/painted-phones';

const find = (text: string) => findPhones(text);
let painted: PaintedPhoneRegistry;

function textOf(selector: string): Text {
  return document.querySelector(selector)!.firstChild as Text;
}

beforeEach(() => {
  document.body.innerHTML = `
    <p id="two">Курьер: 8 903 111-22-33, получатель +7 916 123-45-67</p>
    <p id="none">Заказ RM-000101, 24.11.2025</p>
    <textarea id="note">Перезвонить по 8 (495) 640-12-12 после обеда</textarea>
    <input id="secret" type="password" value="8 916 123-45-67">`;
  painted = new PaintedPhoneRegistry();
});

describe('the number the keyboard shortcut calls', () => {
  it('is the number under a collapsed caret in page text, its ends included', () => {
    const text = textOf('#two');
    const at = text.data.indexOf('+7 916');
    document.getSelection()!.collapse(text, at + 4);
    expect(numberAtCaret(document, painted, find)).toBe('+79161234567');
    document.getSelection()!.collapse(text, at);
    expect(numberAtCaret(document, painted, find)).toBe('+79161234567');
  });

  it('takes the painted registry first when the node is painted', () => {
    const text = textOf('#two');
    painted.set(text, [{ start: 8, end: 23, e164: '+79031112233' }]);
    document.getSelection()!.collapse(text, 10);
    expect(numberAtCaret(document, painted, find)).toBe('+79031112233');
  });

  it('is the number a selection overlaps, or else the first number inside the selected text', () => {
    const text = textOf('#two');
    const selection = document.getSelection()!;
    const at = text.data.indexOf('111');
    selection.setBaseAndExtent(text, at, text, at + 3);
    expect(numberAtCaret(document, painted, find)).toBe('+79031112233');
    const range = document.createRange();
    range.setStart(document.body, 0);
    range.setEnd(document.body, document.body.childNodes.length);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(numberAtCaret(document, painted, find)).toBe('+79031112233');
  });

  it('reads a focused text field, but never a password field', () => {
    const note = document.querySelector<HTMLTextAreaElement>('#note')!;
    note.focus();
    note.setSelectionRange(18, 18);
    expect(numberAtCaret(document, painted, find)).toBe('+74956401212');
    const secret = document.querySelector<HTMLInputElement>('#secret')!;
    secret.focus();
    expect(numberAtCaret(document, painted, find)).toBeNull();
  });

  it('is null where there is no number', () => {
    document.querySelector<HTMLTextAreaElement>('#note')!.blur();
    document.getSelection()!.collapse(textOf('#none'), 3);
    expect(numberAtCaret(document, painted, find)).toBeNull();
  });
});
