import { t } from '../../lib/i18n/core';
import type { BackgroundClient } from '../common/background-client';
import { BRAND_ICON_URL } from '../../lib/brand-icon';
import { StatusList } from '../common/status-list';
import { useConnection } from '../common/use-connection';
import { useLanguage } from '../common/use-language';
import { useSettings } from '../common/use-settings';
import type { TabAccess } from './current-tab';
import { DemoPanel } from './demo-panel';
import { DialBox } from './dial-box';
import { QueuePresence } from './queue-presence';
import { RecentCalls } from './recent-calls';
import { SiteToggle } from './site-toggle';
import { useDialer } from './use-dialer';

export interface PopupProps {
  background: BackgroundClient;
  tabs: TabAccess;
  openOptions: () => void;
}

/** Status, the operator's extensions, a dial box, recent calls and site enabling. */
export function PopupApp({ background, tabs, openOptions }: PopupProps) {
  useLanguage();
  const connection = useConnection(background);
  const [settings] = useSettings();
  const dialer = useDialer(background);
  const connected = connection?.state === 'connected';
  const extensions = connected ? connection.status.operator.extensions : [];

  return (
    <main class="ct-page ct-popup">
      <header class="ct-header">
        <img class="ct-header__icon" src={BRAND_ICON_URL} alt="" width={24} height={24} />
        <h1 class="ct-header__title">{t('shell.name')}</h1>
        <button
          type="button"
          class="ct-icon-button"
          onClick={openOptions}
          aria-label={t('shell.popup.openOptions')}
          title={t('shell.popup.openOptions')}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </header>
      <StatusList connection={connection} />
      {connected ? (
        <p class="ct-extensions">
          {extensions.length > 0
            ? t('shell.popup.extensions', { extensions: extensions.join(', ') })
            : t('shell.popup.noExtensions')}
        </p>
      ) : null}
      {connected && connection.status.queues ? (
        <QueuePresence background={background} queues={connection.status.queues} />
      ) : null}
      <DialBox dialer={dialer} disabled={!connected} />
      <SiteToggle tabs={tabs} sites={settings?.sites ?? []} />
      <RecentCalls
        background={background}
        dialer={dialer}
        connected={connected}
        {...(connected && connection.status.outcomes
          ? { outcomes: connection.status.outcomes }
          : {})}
      />
      {connected && connection.status.demo ? <DemoPanel background={background} /> : null}
    </main>
  );
}
