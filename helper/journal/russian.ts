import { registerRussian } from '../core/cli-text';

/** What `migrate` prints. */
registerRussian({
  'Cannot reach the database at {0}:{1} ({2}): check database.host and database.port in the helper configuration, and that the server is running.':
    'База данных на {0}:{1} недоступна ({2}): проверьте database.host и database.port в настройках помощника и то, что сервер работает.',
  'The database refused the administrator "{0}": pass --admin-user and set {1} to an account that may create tables in {2}.':
    'База данных не пустила администратора "{0}": укажите в --admin-user и {1} учётную запись, которой можно создавать таблицы в {2}.',
  'Cannot connect to the database as "{0}": {1}':
    'Не удаётся подключиться к базе данных как "{0}": {1}',
  'Granted SELECT, INSERT, UPDATE on {0} to {1}.': 'Права SELECT, INSERT, UPDATE на {0} даны {1}.',
  'The administrator account may not grant rights ({0}). Ask the database administrator to run:':
    'Учётной записи администратора нельзя давать права ({0}). Попросите администратора базы данных выполнить:',
  'Applied {0}.': 'Выполнена миграция {0}.',
  'The journal tables are up to date.': 'Таблицы журнала в актуальном состоянии.',
  'Note: {0} changed after it was applied; it is not applied again.':
    'Внимание: миграция {0} изменилась после выполнения; повторно она не выполняется.',
  'No journal.user configured: no writer account was granted.':
    'journal.user не задан: права учётной записи журнала не выдавались.',
  'Migration failed: {0}': 'Миграция не удалась: {0}',
  'The journal writer {0} {1} is not usable in a GRANT: use {2} (set journal.user, or --writer-host for migrate).':
    'Для учётной записи журнала {0} {1} не годится в GRANT: используйте {2} (задайте journal.user или --writer-host для migrate).',
  'letters, digits, "_", "." and "-"': 'буквы, цифры, "_", "." и "-"',
  'a host name, address or pattern with %': 'имя узла, адрес или шаблон с %',
  'letters, digits, "_" and "$"': 'буквы, цифры, "_" и "$"',
  'a plain table name': 'простое имя таблицы',
});
