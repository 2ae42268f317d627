import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import '../../lib/i18n/outcome-strings';
import { webUrl } from '../../lib/web-url';
import { configuredLabel } from '../../lib/i18n/configured-label';
import { cardElementId } from './element-id';

/**
 * For a caller the database does not know: the cabinet pages IT configured to create an
 * order or a client, the caller's number already filled in, opening in a new tab.
 */
export function CreateLinks({ call }: { call: CallView }) {
  const links = (call.createLinks ?? []).flatMap((link) => {
    const href = webUrl(link.url);
    return href === undefined ? [] : [{ href, text: configuredLabel(link) }];
  });
  if (links.length === 0) return null;
  const titleId = cardElementId('ct-create', call.callId);
  return (
    <section class="create" aria-labelledby={titleId}>
      <h3 class="role" id={titleId}>
        {t('page.create.title')}
      </h3>
      <p class="create-links">
        {links.map((link) => (
          <a
            key={link.href}
            class="action action--link"
            href={link.href}
            target="_blank"
            rel="noopener noreferrer"
          >
            {link.text}
          </a>
        ))}
      </p>
    </section>
  );
}
