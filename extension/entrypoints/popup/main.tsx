import { browser } from '#imports';
import { t } from '../../lib/i18n/core';
import { runtimeBackgroundClient } from '../../ui/common/background-client';
import { mountPage } from '../../ui/common/mount-page';
import { browserTabAccess } from '../../ui/popup/current-tab';
import { PopupApp } from '../../ui/popup/popup-app';
import '../../ui/common/base.css';
import '../../ui/popup/popup.css';

const root = document.getElementById('app');
if (root !== null) {
  void mountPage(
    root,
    () => (
      <PopupApp
        background={runtimeBackgroundClient()}
        tabs={browserTabAccess()}
        openOptions={() => {
          void browser.runtime.openOptionsPage();
          window.close();
        }}
      />
    ),
    () => t('shell.name'),
  );
}
