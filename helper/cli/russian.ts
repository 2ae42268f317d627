import { registerRussian } from '../core/cli-text';

/** The command line's own texts: usage, each command's help, usage errors. */
registerRussian({
  'Usage:': 'Использование:',
  command: 'команда',
  options: 'параметры',
  'Commands:': 'Команды:',
  'Options of every command:': 'Параметры любой команды:',
  'Options:': 'Параметры:',
  'Example:': 'Пример:',
  'Exit codes:': 'Коды выхода:',
  done: 'готово',
  failed: 'ошибка',
  'bad command line': 'неверная командная строка',
  'already running': 'уже запущен',
  'Run "{0} <command> --help" for the options of a command, an example and its exit codes.':
    'Параметры команды, пример и коды выхода: «{0} <команда> --help».',
  'Run "{0} {1} --help" for its options.': 'Параметры команды: «{0} {1} --help».',
  'Run "{0} --help" for the commands and options.': 'Список команд и параметров: «{0} --help».',

  'Did you mean "{0}{1}"?': 'Может быть, «{0}{1}»?',
  '--lang takes ru or en, not "{0}"': '--lang принимает ru или en, а не «{0}»',
  'Unknown option {0}': 'Неизвестный параметр {0}',
  '{0} needs a value': 'Для {0} нужно значение',
  '--{0} needs a value': 'Для --{0} нужно значение',
  'Unknown command "{0}"': 'Неизвестная команда «{0}»',
  'Unexpected argument "{0}"': 'Лишний аргумент «{0}»',
  'The administrator password is never taken from the command line: set COURIER_MIGRATE_ADMIN_PASSWORD':
    'Пароль администратора не принимается в командной строке: задайте переменную окружения COURIER_MIGRATE_ADMIN_PASSWORD',
  '--{0} belongs to the {1} command, not to {2}': '--{0} — параметр команды {1}, а не {2}',

  'Configuration file (default: the COURIER_CONFIG environment variable, else the per-user location).':
    'Файл настроек (по умолчанию — из переменной окружения COURIER_CONFIG, иначе из папки пользователя).',
  "Language of the output: ru or en (default: the system's, from LC_ALL, LC_MESSAGES or LANG; on Windows its display language).":
    'Язык вывода: ru или en (по умолчанию — язык системы: LC_ALL, LC_MESSAGES или LANG; в Windows — язык интерфейса).',
  'Print the checks as JSON, one object with every result, instead of lines.':
    'Вывести проверки в JSON — один объект со всеми результатами — вместо строк.',
  'Start detached (no console window) and return at once.':
    'Запустить в фоне (без окна консоли) и сразу вернуться.',
  'The PBX-side service instead of the helper: as root on the server near the PBX, a hardened systemd service (courier-serve.service) that restarts after a failure and runs as the owner of the --config file.':
    'Служба на стороне АТС вместо помощника: от root на сервере рядом с АТС — защищённая служба systemd (courier-serve.service), которая перезапускается после сбоя и работает от имени владельца файла --config.',
  'The workstation address the PBX admits (permit= in the account).':
    'Адрес рабочего места, который пускает АТС (permit= в учётной записи).',
  'The AMI account name, or a template such as courier-{ext} naming each seat by its extension (default: pbx.user of the configuration, else courier-{ext}).':
    'Имя учётной записи AMI или шаблон вроде courier-{ext}, называющий каждое место по его внутреннему номеру (по умолчанию — pbx.user из настроек, иначе courier-{ext}).',
  "One account per seat, each passing only the events of that seat's own calls, e.g. --seats 101-103,110.":
    'По учётной записи на рабочее место, каждая пропускает только события звонков своего места, например --seats 101-103,110.',
  'Filters passing every call in the office, for one shared account.':
    'Фильтры, пропускающие все звонки офиса, — для одной общей учётной записи.',
  'Office-wide event filters for Asterisk before 21.6 (regular expressions).':
    'Фильтры событий на весь офис для Asterisk до 21.6 (регулярные выражения).',
  'The administrator account that may create tables (default: COURIER_MIGRATE_ADMIN_USER, else root). Its password is read from COURIER_MIGRATE_ADMIN_PASSWORD only.':
    'Учётная запись администратора, которой можно создавать таблицы (по умолчанию — COURIER_MIGRATE_ADMIN_USER, иначе root). Её пароль берётся только из COURIER_MIGRATE_ADMIN_PASSWORD.',
  'Where the journal account may connect from, e.g. 10.0.% (default: %, anywhere).':
    'Откуда может подключаться учётная запись журнала, например 10.0.% (по умолчанию % — откуда угодно).',
  'Show this help.': 'Показать эту справку.',
  'Show the version.': 'Показать версию.',

  'the command line is wrong (an unknown command or option)':
    'неверная командная строка (неизвестная команда или параметр)',
  'another instance already runs with the same configuration folder':
    'с той же папкой настроек уже запущен другой экземпляр',
  'Start the helper (the default when no command is given).':
    'Запустить помощник (это делается и без команды).',
  'Start the helper: the PBX connection, the database lookups and the WebSocket the browser extension talks to, until it is stopped (Ctrl+C). Without a configuration file it starts in demo mode, with a simulated PBX and a built-in directory.':
    'Запустить помощник: связь с АТС, поиск в базе данных и WebSocket, с которым работает расширение браузера, — до остановки (Ctrl+C). Без файла настроек помощник запускается в демо-режиме, с имитацией АТС и встроенным справочником.',
  'stopped normally': 'остановлен как обычно',
  'the configuration has problems, or the helper stopped on an error':
    'в настройках ошибки, или помощник остановился из-за ошибки',
  'Check the configuration, the PBX, the database and the port.':
    'Проверить настройки, АТС, базу данных и порт.',
  'Check every part the helper depends on: the configuration, the PBX (reachable, login, privileges), the database (login, read-only, each lookup query and its index), the call journal and the WebSocket port, which may be held by the running helper. Each check is printed as it starts and its result when it ends; each failure says what to change.':
    'Проверить всё, от чего зависит помощник: настройки, АТС (доступность, вход, права), базу данных (вход, только чтение, каждый запрос поиска и его индекс), журнал звонков и порт WebSocket, который может быть занят самим запущенным помощником. Каждая проверка выводится, когда начинается, а её результат — когда она закончится; при ошибке сказано, что исправить.',
  'every check passed': 'все проверки пройдены',
  'at least one check failed': 'хотя бы одна проверка не пройдена',
  'Print a one-time code that pairs the browser extension.':
    'Показать одноразовый код для сопряжения расширения браузера.',
  "Make a one-time code that pairs a browser's extension with the helper running on this computer for this configuration, valid for 10 minutes; enter it in the extension's options under Pairing. The helper must be running: pair checks it first.":
    'Создать одноразовый код, который сопрягает расширение браузера с помощником, запущенным на этом компьютере с этими настройками; код действует 10 минут, его вводят в настройках расширения в разделе «Сопряжение». Помощник должен быть запущен: pair сначала это проверяет.',
  'the code is printed': 'код показан',
  'no helper is running for this configuration, or the code could not be made':
    'помощник с этими настройками не запущен, или код создать не удалось',
  'Print a least-privilege AMI account for manager.conf.':
    'Показать учётную запись AMI с минимальными правами для manager.conf.',
  "Print AMI accounts for /etc/asterisk/manager.conf or manager_custom.conf: one per seat with --seats (named by the template pbx.user = courier-{ext}: courier-<ext> unless the configuration or --user gives another template; each receiving only its own seat's calls), else this workstation's operator's. Each has only the privileges the helper uses (no system class) and event filters that pass only the events it reads. The configuration, when present, supplies the account name, the extensions and the phone's channel.":
    'Напечатать учётные записи AMI для /etc/asterisk/manager.conf или manager_custom.conf: с --seats — по одной на рабочее место (с именами по шаблону pbx.user = courier-{ext}: courier-<номер>, если настройки или --user не задают другой шаблон; каждой приходят только звонки её места), иначе — для оператора этого рабочего места. У каждой только те права, которыми пользуется помощник (без класса system), и фильтры, пропускающие только нужные ему события. Настройки, если есть, дают имя учётной записи, номера и канал телефона.',
  'the accounts are printed': 'учётные записи показаны',
  'the command line, the address, the seats or the account name is wrong':
    'неверны командная строка, адрес, рабочие места или имя учётной записи',
  'Create the call journal tables and grant the journal account.':
    'Создать таблицы журнала звонков и дать права учётной записи журнала.',
  "Create the call journal tables in the courier database and grant the journal account ([journal] user) SELECT, INSERT and UPDATE on them. Run it once per database, and again after an upgrade. The administrator's password is read from the environment variable COURIER_MIGRATE_ADMIN_PASSWORD only, never from the command line.":
    'Создать таблицы журнала звонков в курьерской базе и дать учётной записи журнала ([journal] user) права SELECT, INSERT и UPDATE на них. Выполняется один раз для базы и повторно после обновления. Пароль администратора берётся только из переменной окружения COURIER_MIGRATE_ADMIN_PASSWORD, никогда из командной строки.',
  'the journal is ready': 'журнал готов',
  'the database or the configuration is not ready': 'база данных или настройки не готовы',
  'the command line or the journal account is wrong':
    'неверны командная строка или учётная запись журнала',
  "Start the helper with the user's session.": 'Запускать помощник при входе пользователя.',
  "Register the helper to start with the user's session (a systemd user unit on Linux, a LaunchAgent on macOS, the Run key on Windows; no administrator rights needed), write an example configuration to the per-user place if there is none, and start it. Run it from the packaged executable.":
    'Зарегистрировать запуск помощника при входе пользователя (пользовательский модуль systemd в Linux, LaunchAgent в macOS, ключ Run в Windows; права администратора не нужны), записать пример настроек в папку пользователя, если настроек там нет, и запустить помощник. Выполняется из собранного исполняемого файла.',
  'installed and started': 'установлен и запущен',
  'it could not be installed; the message says why': 'установить не удалось; причина — в сообщении',
  'Undo install; the configuration and logs stay.':
    'Отменить install; настройки и журналы остаются.',
  'Remove the registration made by install and stop the helper. The configuration and the logs stay.':
    'Убрать регистрацию, сделанную install, и остановить помощник. Настройки и журналы остаются.',
  removed: 'удалено',
  'it could not be removed; the message says why': 'удалить не удалось; причина — в сообщении',
  'Run the PBX-side service (on a server near the PBX).':
    'Запустить службу на стороне АТС (на сервере рядом с АТС).',
  'Run the PBX-side service on a server near the PBX, not on the workstations: FastAGI routing, feedback and the courier call journal for the dialplan, and the courier callback endpoint when [server] httpTokens is set. It reads [database], [journal], [phone], [server], [routing] and [callbacks] (and [pbx] for callbacks).':
    'Запустить службу на стороне АТС на сервере рядом с АТС, а не на рабочих местах: маршрутизация FastAGI, оценки и журнал звонков курьеров для диалплана, а также адрес обратного звонка курьеру, если задан [server] httpTokens. Читает [database], [journal], [phone], [server], [routing] и [callbacks] (и [pbx] для обратных звонков).',
  'the configuration has problems, or the service stopped on an error':
    'в настройках ошибки, или служба остановилась из-за ошибки',

  'Cannot pair: the configuration cannot be read:':
    'Сопряжение невозможно: не удаётся прочитать настройки:',
  'Cannot pair:': 'Сопряжение невозможно:',
  'Note: the configuration has problems (run "doctor"); printing the account anyway.':
    'Внимание: в настройках ошибки (запустите doctor); учётная запись всё равно показана.',
  "Note: no extensions known (--seats or [operator] extensions), so the filters pass the whole office's calls; print per-seat accounts with --seats 101-103.":
    'Внимание: номера неизвестны (--seats или [operator] extensions), поэтому фильтры пропускают звонки всего офиса; учётные записи по рабочим местам печатает --seats 101-103.',
  '--user names one account: with several --seats give a template such as --user {0}, or leave it out':
    '--user задаёт одну учётную запись: при нескольких --seats дайте шаблон, например --user {0}, или не указывайте его',
  "{0} names each seat's account by its extension: give the seat with --seats 101, or the account with --user":
    '{0} называет учётную запись каждого места по его внутреннему номеру: укажите место в --seats 101 или учётную запись в --user',
  '--seats prints per-seat filters: leave out --office-wide and --legacy-filters':
    '--seats печатает фильтры рабочих мест: уберите --office-wide и --legacy-filters',
  'Cannot migrate: change these first:': 'Миграция невозможна, сначала исправьте:',
  'Cannot migrate: no database is configured. Pass --config with the helper configuration whose [database] host names the courier database server.':
    'Миграция невозможна: база данных не настроена. Укажите в --config настройки помощника, где [database] host — сервер курьерской базы данных.',
  'The journal is ready: set enabled = true under [journal] in {0} and restart the helper.':
    'Журнал готов: задайте enabled = true в разделе [journal] файла {0} и перезапустите помощник.',
  'is required by serve': 'нужен для serve',
  "is a seat's account template, and serve is no seat":
    'это шаблон учётной записи рабочего места, а serve не рабочее место',
  'set database.host to the courier database server the lookups read':
    'задайте в database.host сервер курьерской базы данных, в которой идёт поиск',
  'callbacks (server.httpTokens is set) ring through AMI':
    'обратные звонки (задан server.httpTokens) совершаются через AMI',
  'set pbx.host to the PBX address: {0}': 'задайте в pbx.host адрес АТС: {0}',
  'set pbx.user to the AMI account of serve: {0}':
    'задайте в pbx.user учётную запись AMI для serve: {0}',
  "set pbx.secret, or COURIER_PBX_SECRET, to that account's secret: {0}":
    'задайте в pbx.secret или COURIER_PBX_SECRET пароль этой учётной записи: {0}',
  'no configuration file was found, and serve has no demo mode':
    'файл настроек не найден, а демо-режима у serve нет',
  'pass --config with a file holding [database], [journal] and [server] (see config/helper.example.toml)':
    'укажите в --config файл с разделами [database], [journal] и [server] (см. config/helper.example.toml)',
  'Cannot serve: change these first:': 'Запуск serve невозможен, сначала исправьте:',
});
