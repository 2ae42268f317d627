import { registerRussian } from '../../core/cli-text';

/** What `install`, `uninstall` and `run --background` print. */
registerRussian({
  'install registers the single-file executable, and this is the source tree: build it with "npm run package:helper" and run "dist/helper/courier-helper-<platform> install".':
    'install регистрирует исполняемый файл, а здесь исходный код: соберите его командой «npm run package:helper» и выполните «dist/helper/courier-helper-<платформа> install».',
  'Wrote an example configuration to {0}: set the PBX, the database and the extensions there, then check it with: "{1}" doctor --config "{2}"':
    'Пример настроек записан в {0}: укажите там АТС, базу данных и внутренние номера, затем проверьте: "{1}" doctor --config "{2}"',
  'Configuration: {0} (kept as it was).': 'Настройки: {0} (оставлены как были).',
  'Kept the configuration {0}; delete it yourself if it is no longer needed.':
    'Настройки {0} оставлены; удалите их сами, если они больше не нужны.',
  'Cannot install:': 'Установка невозможна:',
  'Cannot uninstall:': 'Удаление невозможно:',
  'its log: {0}': 'его журнал: {0}',
  'it keeps no log: set [log] file in the configuration':
    'он не ведёт журнал: задайте [log] file в настройках',
  'The helper stopped at once (exit code {0}). Run it without --background to see why.':
    'Помощник сразу остановился (код выхода {0}). Запустите его без --background, чтобы увидеть причину.',
  'Courier helper started in the background (PID {0}); {1}.':
    'Помощник запущен в фоне (PID {0}); {1}.',
  'Courier helper is starting in the background (PID {0}); {1}.':
    'Помощник запускается в фоне (PID {0}); {1}.',
});
