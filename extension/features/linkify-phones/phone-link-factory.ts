import { PHONE_LINK_CLASS } from '../../lib/dom/skip-policy';

/**
 * Inline declarations rather than a stylesheet: they reach links inside the
 * page's own shadow roots without a stylesheet per root, win over the page's
 * rules for `a` that would recolour or move the number, and are set once
 * through CSSOM on a template that every link is cloned from.
 */
const LINK_STYLE: Record<string, string> = {
  color: 'inherit',
  font: 'inherit',
  'letter-spacing': 'inherit',
  'text-transform': 'inherit',
  display: 'inline',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'none',
  'text-decoration': 'underline dotted',
  'text-underline-offset': '0.15em',
  cursor: 'pointer',
};

export type PhoneLinkFactory = (e164: string, text: string) => HTMLAnchorElement;

/**
 * A real `<a href="tel:…">` keeps the browser's own behaviour (focus, Enter,
 * copy link address); our click handler turns the click into a helper dial.
 * The tooltip comes later, from `titleLinksOnDemand`.
 */
export function createPhoneLinkFactory(document: Document): PhoneLinkFactory {
  const template = document.createElement('a');
  template.className = PHONE_LINK_CLASS;
  for (const [property, value] of Object.entries(LINK_STYLE)) {
    template.style.setProperty(property, value);
  }
  return (e164, text) => {
    const link = template.cloneNode(false) as HTMLAnchorElement;
    link.setAttribute('href', `tel:${e164}`);
    link.setAttribute('data-phone', e164);
    link.textContent = text;
    return link;
  };
}
