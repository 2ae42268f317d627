import { browser } from '#imports';
import type { BadgeView } from './badge';

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same calls. */
function toolbarButton(): typeof browser.action {
  return (
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction
  );
}

export async function paintBadge(view: BadgeView): Promise<void> {
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ text: view.text }),
    button.setBadgeBackgroundColor({ color: view.color }),
    button.setTitle({ title: view.title }),
  ]);
}
