/** The built-in elements `attachShadow` accepts (DOM standard, "valid shadow host name"). */
const BUILT_IN_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/**
 * Whether an element of this local name can have a shadow root at all.
 * Asking the name first spares a `shadowRoot` lookup on every cell and row
 * of a large table, which cannot host one.
 */
export function mayHostShadowRoot(localName: string): boolean {
  return BUILT_IN_HOSTS.has(localName) || isCustomElementName(localName);
}

/** Autonomous custom elements are the only elements whose names hold a hyphen. */
export function isCustomElementName(localName: string): boolean {
  return localName.includes('-');
}
