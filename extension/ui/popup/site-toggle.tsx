import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/core';
import { siteToPattern, urlMatchesSites } from '../../lib/site-patterns';
import type { CurrentTab, TabAccess } from './current-tab';

type Outcome = 'idle' | 'enabled' | 'declined';

function patternOf(url: string | undefined): string | null {
  if (url === undefined || !/^https?:\/\//.test(url)) return null;
  try {
    return siteToPattern(url);
  } catch {
    return null;
  }
}

/** "Enable on this site" for the tab under the popup. */
export function SiteToggle({ tabs, sites }: { tabs: TabAccess; sites: readonly string[] }) {
  const [tab, setTab] = useState<CurrentTab | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('idle');
  useEffect(() => {
    let live = true;
    tabs.currentTab().then(
      (found) => live && setTab(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tabs]);

  const pattern = patternOf(tab?.url);
  if (tab === null || pattern === null) return null;
  const host = new URL(tab.url ?? '').host;
  if (urlMatchesSites(tab.url, sites)) {
    return (
      <p class="ct-site ct-tone-ok" role="status">
        {t(outcome === 'enabled' ? 'shell.site.justEnabled' : 'shell.site.enabled', { host })}
      </p>
    );
  }
  return (
    <div class="ct-site">
      <button
        type="button"
        class="ct-button"
        onClick={() => {
          tabs.enableOnTab(pattern, tab).then(
            (granted) => setOutcome(granted ? 'enabled' : 'declined'),
            () => setOutcome('declined'),
          );
        }}
      >
        {t('shell.site.enable', { host })}
      </button>
      {outcome === 'declined' ? (
        <p class="ct-field-error" role="alert">
          {t('shell.site.declined')}
        </p>
      ) : null}
    </div>
  );
}
