import { registerStrings } from './core';

/** Strings of the operator's queue presence: the popup's queues, the badge's paused state. */
export const QUEUE_STRINGS = {
  ru: {
    'shell.queues.title': 'Очереди',
    'shell.queues.member': '{queue} (доб. {extension})',
    'shell.queues.available': 'принимаете звонки',
    'shell.queues.paused': 'на паузе',
    'shell.queues.pausedReason': 'на паузе: {reason}',
    'shell.queues.since': 'с {time}',
    'shell.queues.reason': 'Причина паузы',
    'shell.queues.reasonPlaceholder': 'например, обед',
    'shell.queues.reason.lunch': 'Обед',
    'shell.queues.reason.break': 'Перерыв',
    'shell.queues.reason.training': 'Обучение',
    'shell.queues.reason.paperwork': 'Работа с заказами',
    'shell.queues.pause': 'Пауза во всех очередях',
    'shell.queues.unpause': 'Снять паузу',
    'shell.queues.working': 'Отправляем на АТС…',
    'shell.queues.failed': 'Не удалось: {message}',
    'shell.badge.paused': 'На паузе в очередях: {queues}',
  },
  en: {
    'shell.queues.title': 'Queues',
    'shell.queues.member': '{queue} (ext. {extension})',
    'shell.queues.available': 'taking calls',
    'shell.queues.paused': 'paused',
    'shell.queues.pausedReason': 'paused: {reason}',
    'shell.queues.since': 'since {time}',
    'shell.queues.reason': 'Pause reason',
    'shell.queues.reasonPlaceholder': 'e.g. lunch',
    'shell.queues.reason.lunch': 'Lunch',
    'shell.queues.reason.break': 'Break',
    'shell.queues.reason.training': 'Training',
    'shell.queues.reason.paperwork': 'Order paperwork',
    'shell.queues.pause': 'Pause in all queues',
    'shell.queues.unpause': 'Resume',
    'shell.queues.working': 'Telling the PBX…',
    'shell.queues.failed': 'That did not work: {message}',
    'shell.badge.paused': 'Paused in queues: {queues}',
  },
};

registerStrings(QUEUE_STRINGS);
