import { registerStrings } from './core';

/**
 * Strings of the operator's desk outside the page: queue presence in the popup and the
 * badge, transfers in the popup's journal, the screen pop option.
 */
export const DESK_STRINGS = {
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

    'shell.journal.transfer.blind': 'Переведён на {to}',
    'shell.journal.transfer.attended': 'Переведён на {to} после разговора',
    'shell.journal.transfer.cancelled': 'Перевод на {to} отменён',
    'shell.journal.transfer.failed': 'Перевод на {to} не удался',

    'shell.options.screenPop.title': 'Открывать страницу звонящего',
    'shell.options.screenPop.hint':
      'Страница заказа звонящего, а если заказа нет — клиента или курьера. Если такая страница уже открыта во вкладке, откроется она, а не новая.',
    'shell.options.screenPop.off': 'Не открывать',
    'shell.options.screenPop.ring': 'Когда звонит мой телефон',
    'shell.options.screenPop.answer': 'Когда я отвечаю на звонок',
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

    'shell.journal.transfer.blind': 'Transferred to {to}',
    'shell.journal.transfer.attended': 'Transferred to {to} after talking first',
    'shell.journal.transfer.cancelled': 'Transfer to {to} cancelled',
    'shell.journal.transfer.failed': 'Transfer to {to} failed',

    'shell.options.screenPop.title': "Open the caller's page",
    'shell.options.screenPop.hint':
      "The page of the caller's order, or else of the client or courier. A tab already showing that page is brought forward instead of a new one.",
    'shell.options.screenPop.off': 'Never',
    'shell.options.screenPop.ring': 'When my phone rings',
    'shell.options.screenPop.answer': 'When I answer the call',
  },
};

registerStrings(DESK_STRINGS);
