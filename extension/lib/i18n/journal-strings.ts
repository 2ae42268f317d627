import { registerStrings } from './core';

/** Strings of the popup's journal pages, date range and the outcome and note of a call. */
export const JOURNAL_STRINGS = {
  ru: {
    'shell.journal.period': 'Период',
    'shell.journal.from': 'с',
    'shell.journal.to': 'по',
    'shell.journal.more': 'Показать ещё',
    'shell.journal.loadingMore': 'Загружаем ещё…',
    'shell.journal.shown': 'Показано звонков: {count}',
    'shell.journal.allShown': 'Показаны все звонки: {count}',
    'shell.journal.outcome': 'Итог',
    'shell.journal.note': 'Заметка',
    'shell.journal.noteOrder': 'заказ {order}',
  },
  en: {
    'shell.journal.period': 'Period',
    'shell.journal.from': 'from',
    'shell.journal.to': 'to',
    'shell.journal.more': 'Show more',
    'shell.journal.loadingMore': 'Loading more…',
    'shell.journal.shown': 'Calls shown: {count}',
    'shell.journal.allShown': 'All calls shown: {count}',
    'shell.journal.outcome': 'Outcome',
    'shell.journal.note': 'Note',
    'shell.journal.noteOrder': 'order {order}',
  },
};

registerStrings(JOURNAL_STRINGS);
