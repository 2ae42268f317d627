import { registerRussian } from '../../core/cli-text';

/** What `install`, `uninstall` and `run --background` print. */
registerRussian({
  'install registers the single-file executable, and this is the source tree: build it with "npm run package:helper" and run "dist/helper/courier-helper-<platform> install".':
    'install регистрирует исполняемый файл, а здесь исходный код: соберите его командой «npm run package:helper» и выполните «dist/helper/courier-helper-<платформа> install».',
  'Wrote an example configuration to {0}: set the PBX, the database and the extensions there, then check it with: "{1}" doctor --config "{2}"':
    'Пример настроек записан в {0}: укажите там АТС, базу данных и внутренние номера, затем проверьте: "{1}" doctor --config "{2}"',
  'Configuration: {0} (kept as it was).': 'Настройки: {0} (оставлены как были).',
  'Check this seat with: "{0}" doctor --config "{1}"':
    'Проверьте это место: "{0}" doctor --config "{1}"',
  "the configuration {0} has problems on this seat; the seat's copy is unchanged:":
    'в настройках {0} есть ошибки для этого места; копия места не изменена:',
  'Copied the office configuration {0} to {1} (readable by this account only).':
    'Настройки офиса {0} скопированы в {1} (читать их может только эта учётная запись).',
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
  'Wrote the systemd user unit {0}.': 'Записан пользовательский модуль systemd {0}.',
  "No user systemd is reachable from here (systemctl --user: {0}); the unit is enabled through {1} and starts at the user's next login.":
    'Пользовательский systemd отсюда недоступен (systemctl --user: {0}); модуль включён через {1} и запустится при следующем входе пользователя.',
  "To start it now, in the user's session: {0}":
    'Чтобы запустить сейчас, в сеансе пользователя: {0}',
  'systemctl --user enable {0} failed: {1}. Check the unit with: systemd-analyze --user verify {2}':
    'systemctl --user enable {0} не удалось: {1}. Проверьте модуль: systemd-analyze --user verify {2}',
  'Enabled and started {0}; it starts with every login. Status: systemctl --user status {1}':
    '{0} включён и запущен; он запускается при каждом входе. Состояние: systemctl --user status {1}',
  'Enabled {0}; it starts with every login. Start it once the configuration is filled in: systemctl --user start {1}':
    '{0} включён; он запускается при каждом входе. Запустите его, когда настройки будут заполнены: systemctl --user start {1}',
  'No systemd user unit at {0}: nothing to remove.':
    'Пользовательского модуля systemd {0} нет: удалять нечего.',
  'Stopped and disabled {0}.': '{0} остановлен и выключен.',
  'Removed {0}.': 'Удалено: {0}.',
  'Wrote the LaunchAgent {0}; it starts the helper at every login.':
    'Записан LaunchAgent {0}; он запускает помощник при каждом входе.',
  'Stopped the previously loaded {0}.': 'Остановлен ранее загруженный {0}.',
  'Start it once the configuration is filled in: {0}':
    'Запустите его, когда настройки будут заполнены: {0}',
  "launchctl bootstrap {0} failed: {1}. Run install from the user's own desktop session (not over SSH or with sudo), or log out and in: the LaunchAgent is loaded at login.":
    'launchctl bootstrap {0} не удалось: {1}. Выполните install в собственном сеансе пользователя (не через SSH и не через sudo) или выйдите из системы и войдите снова: LaunchAgent загружается при входе.',
  'Started it: {0}': 'Запущен: {0}',
  'Stopped {0}.': '{0} остановлен.',
  'No LaunchAgent at {0}: nothing to remove.': 'LaunchAgent {0} нет: удалять нечего.',
  'reg add {0} failed: {1}. Run install as the operator who will use the helper, in their own session.':
    'reg add {0} не удалось: {1}. Выполните install от имени оператора, который будет работать с помощником, в его собственном сеансе.',
  'Registered {0} = {1}; the helper starts at every logon.':
    'Записано {0} = {1}; помощник запускается при каждом входе.',
  'The helper did not start: {0}. Check it with the doctor command.':
    'Помощник не запустился: {0}. Проверьте его командой doctor.',
  'No {0} value: nothing to remove.': 'Значения {0} нет: удалять нечего.',
  'reg delete {0} failed: {1}.': 'reg delete {0} не удалось: {1}.',
  'Stopped the running helper (PID {0}).': 'Запущенный помощник остановлен (PID {0}).',
  'Could not stop the running helper (PID {0}): {1}. End it in the task manager or with kill.':
    'Не удалось остановить запущенный помощник (PID {0}): {1}. Завершите его в диспетчере задач или командой kill.',
  'Autostart is set up on Windows, Linux and macOS only, not on {0}: start "{1} run" from the session start-up of this system instead.':
    'Автозапуск настраивается только в Windows, Linux и macOS, а не в {0}: вместо этого запускайте "{1} run" при старте сеанса этой системы.',
  'A line break in "{0}" cannot go into a systemd unit: move the helper or its configuration to a path without one.':
    'Перевод строки в "{0}" не может попасть в модуль systemd: перенесите помощник или его настройки в путь без него.',
});
