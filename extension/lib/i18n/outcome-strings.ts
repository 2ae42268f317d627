import { registerStrings } from './core';

/** Strings of the card's outcome and note, and of the create links for unknown callers. */
export const OUTCOME_STRINGS = {
  ru: {
    'page.outcome.title': 'Итог звонка',
    'page.outcome.order': 'Заказ',
    'page.outcome.order-all': 'Все заказы',
    'page.outcome.order-one': 'Заказ {number}',
    'page.outcome.note': 'Заметка',
    'page.outcome.note-hint': 'Что просил клиент, что сделать дальше',
    'page.outcome.count': '{count} из {max}',
    'page.outcome.save': 'Сохранить',
    'page.outcome.saving': 'Сохраняем…',
    'page.outcome.saved': 'Сохранено',
    'page.outcome.failed.not-connected': 'Не сохранено: нет связи с помощником. Повторите.',
    'page.outcome.failed.too-late': 'Не сохранено: время для итога этого звонка прошло.',
    'page.outcome.failed.not-found': 'Не сохранено: помощник больше не знает этот звонок.',
    'page.outcome.failed.refused': 'Не сохранено: {message}',
    'page.create.title': 'Создать в кабинете',
  },
  en: {
    'page.outcome.title': 'Call outcome',
    'page.outcome.order': 'Order',
    'page.outcome.order-all': 'All orders',
    'page.outcome.order-one': 'Order {number}',
    'page.outcome.note': 'Note',
    'page.outcome.note-hint': 'What the caller asked for, what to do next',
    'page.outcome.count': '{count} of {max}',
    'page.outcome.save': 'Save',
    'page.outcome.saving': 'Saving…',
    'page.outcome.saved': 'Saved',
    'page.outcome.failed.not-connected': 'Not saved: no connection to the helper. Try again.',
    'page.outcome.failed.too-late': 'Not saved: the time to note this call has passed.',
    'page.outcome.failed.not-found': 'Not saved: the helper no longer knows this call.',
    'page.outcome.failed.refused': 'Not saved: {message}',
    'page.create.title': 'Create in the cabinet',
  },
};

registerStrings(OUTCOME_STRINGS);
