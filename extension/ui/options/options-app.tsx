import { t } from '../../lib/i18n/core';
import type { BackgroundClient } from '../common/background-client';
import { BRAND_ICON_URL } from '../../lib/brand-icon';
import { StatusList } from '../common/status-list';
import { useConnection } from '../common/use-connection';
import { useLanguage } from '../common/use-language';
import { useSettings } from '../common/use-settings';
import type { Settings } from '../../lib/settings';
import { BehaviourSection } from './behaviour-section';
import { HelperAddressSection } from './helper-address-section';
import { PairingSection } from './pairing-section';
import { ScreenPopSection } from './screen-pop-section';
import { SitesSection, type SiteAccess } from './sites-section';

export interface OptionsProps {
  background: BackgroundClient;
  sites: SiteAccess;
}

/** Helper address, pairing, enabled sites, behaviour and language. Changes save at once. */
export function OptionsApp({ background, sites }: OptionsProps) {
  useLanguage();
  const connection = useConnection(background);
  const [settings, save, policy] = useSettings();
  const locked = (key: keyof Settings) => key in policy.settings;

  return (
    <main class="ct-page ct-options">
      <header class="ct-header">
        <img class="ct-header__icon" src={BRAND_ICON_URL} alt="" width={32} height={32} />
        <h1 class="ct-header__title">{t('shell.options.title')}</h1>
      </header>
      <StatusList connection={connection} />
      {settings === null ? (
        <p class="ct-muted" role="status">
          {t('shell.options.loading')}
        </p>
      ) : (
        <>
          <HelperAddressSection
            helper={settings.helper}
            save={(helper) => save({ helper })}
            locked={locked('helper')}
          />
          <PairingSection
            background={background}
            connection={connection}
            managed={policy.pairingSecret !== null}
          />
          <SitesSection sites={settings.sites} access={sites} locked={locked('sites')} />
          <BehaviourSection settings={settings} save={save} locked={locked} />
          <ScreenPopSection mode={settings.screenPop} save={save} locked={locked('screenPop')} />
        </>
      )}
    </main>
  );
}
