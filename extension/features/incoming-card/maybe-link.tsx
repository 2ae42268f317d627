import type { ComponentChildren } from 'preact';
import { webUrl } from '../../lib/web-url';

/** A cabinet link opening in a new tab when the helper gave a URL, plain text otherwise. */
export function MaybeLink({ url, children }: { url?: string; children: ComponentChildren }) {
  const href = webUrl(url);
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
