import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { webUrl } from '../../lib/web-url';

/**
 * The PBX's recording of a call that has ended, opening in a new tab. The recording exists
 * only once the call is over, and only web addresses become links.
 */
export function RecordingLink({ call }: { call: CallView }) {
  const href = call.state === 'ended' ? webUrl(call.recordingUrl) : undefined;
  if (!href) return null;
  return (
    <a class="action action--link" href={href} target="_blank" rel="noopener noreferrer">
      {t('page.card.recording')}
    </a>
  );
}
