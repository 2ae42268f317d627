import { t } from '../../lib/i18n/core';
import { runtimeBackgroundClient } from '../../ui/common/background-client';
import { mountPage } from '../../ui/common/mount-page';
import {
  disableSite,
  enableSite,
  grantSites,
  sitesWithoutAccess,
} from '../../ui/common/site-access';
import { OptionsApp } from '../../ui/options/options-app';
import '../../ui/common/base.css';
import '../../ui/options/options.css';

const root = document.getElementById('app');
if (root !== null) {
  void mountPage(
    root,
    () => (
      <OptionsApp
        background={runtimeBackgroundClient()}
        sites={{
          enable: enableSite,
          disable: disableSite,
          grant: grantSites,
          withoutAccess: sitesWithoutAccess,
        }}
      />
    ),
    () => t('shell.options.title'),
  );
}
