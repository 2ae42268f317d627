import type { PhoneLinkRegistry } from './phone-link-registry';
import { PHONE_LINK_CLASS } from '../../lib/dom/skip-policy';
import { telTarget } from '../../lib/dom/tel-target';
import type { PhoneNormalizer } from './phone-renderer';

/**
 * Makes an existing `tel:` link dial through the helper. Its look is left
 * alone; it gains `data-phone`. Links we made in an earlier run of this
 * script (after an extension update) come back this way too.
 */
export function takeOverTelLink(
  link: HTMLAnchorElement,
  normalize: PhoneNormalizer,
  registry: PhoneLinkRegistry,
): boolean {
  if (registry.lookup(link)) return true;
  const phone = normalize(telTarget(link.getAttribute('href') ?? ''));
  if (!phone) return false;
  registry.register(link, { e164: phone.e164, created: link.classList.contains(PHONE_LINK_CLASS) });
  if (link.dataset.phone !== phone.e164) link.dataset.phone = phone.e164;
  return true;
}
