import { registerStrings } from './core';

/** Strings of the screen pop option. */
export const SCREEN_POP_STRINGS = {
  ru: {
    'shell.options.screenPop.title': 'Открывать страницу звонящего',
    'shell.options.screenPop.hint':
      'Страница заказа звонящего, а если заказа нет — клиента или курьера. Если такая страница уже открыта во вкладке, откроется она, а не новая.',
    'shell.options.screenPop.off': 'Не открывать',
    'shell.options.screenPop.ring': 'Когда звонит мой телефон',
    'shell.options.screenPop.answer': 'Когда я отвечаю на звонок',
  },
  en: {
    'shell.options.screenPop.title': "Open the caller's page",
    'shell.options.screenPop.hint':
      "The page of the caller's order, or else of the client or courier. A tab already showing that page is brought forward instead of a new one.",
    'shell.options.screenPop.off': 'Never',
    'shell.options.screenPop.ring': 'When my phone rings',
    'shell.options.screenPop.answer': 'When I answer the call',
  },
};

registerStrings(SCREEN_POP_STRINGS);
