import { registerRussian } from './cli-text';

/** What the single-instance lock says. */
registerRussian({
  'Courier helper is already running (PID {0}). Use that one, or stop it before starting another; if no helper runs with that PID, delete {1}.':
    'Помощник уже запущен (PID {0}). Пользуйтесь им или остановите его, прежде чем запускать другой; если процесса с таким PID нет, удалите {1}.',
  'Cannot create the lock file {0} ({1}): make its folder writable by the user the helper runs as, or pass another configuration folder with --config.':
    'Не удаётся создать файл блокировки {0} ({1}): дайте право записи в его папку пользователю, от имени которого работает помощник, или укажите другую папку настроек через --config.',
});
