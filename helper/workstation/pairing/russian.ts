import { registerRussian } from '../../core/cli-text';

/** What `pair` prints. */
registerRussian({
  'Pairing code:': 'Код сопряжения:',
  'Open the Courier Telephony extension options → Pairing and enter the code {0}':
    'Откройте настройки расширения «Курьерская телефония» → «Сопряжение» и введите код {0}',
  'within {0} min (until {1}). The code works once; running "{2} pair" again replaces it.':
    'в течение {0} мин (до {1}). Код одноразовый; новый запуск «{2} pair» отменяет его.',
  'No helper is running with this configuration, so no browser could use a code. Start it with "{0} run" (or log in again if it was installed to start with the session), then run "{1} pair" again.':
    'Помощник с этими настройками не запущен, и код не смог бы принять ни один браузер. Запустите его командой «{0} run» (или войдите в систему заново, если он установлен на запуск при входе) и снова выполните «{1} pair».',
  'The helper runs (PID {0}) but does not answer on 127.0.0.1:{1}: websocket.port was changed after it started, or another program holds the port. Restart the helper, then run "{2} pair" again.':
    'Помощник запущен (PID {0}), но не отвечает на 127.0.0.1:{1}: websocket.port изменили после его запуска, или порт занят другой программой. Перезапустите помощник и снова выполните «{2} pair».',
});
