import { registerStrings } from './core';

/** Strings of the toolbar badge, notifications, context menu, popup and options. */
export const SHELL_STRINGS = {
  ru: {
    'shell.name': 'Курьерская телефония',

    'shell.badge.connecting': 'Подключение к помощнику…',
    'shell.badge.helperDown':
      'Помощник не запущен. Запустите помощник «Courier Telephony» на этом компьютере или проверьте его адрес в настройках расширения.',
    'shell.badge.notPaired':
      'Расширение не сопряжено с помощником. Откройте настройки расширения и введите код из «courier-helper pair».',
    'shell.badge.incompatible':
      'Версии расширения и помощника несовместимы. Обновите помощник или расширение.',
    'shell.badge.pbxDown': 'АТС недоступна — звонить нельзя. Сообщите администратору.',
    'shell.badge.databaseDown':
      'База данных недоступна — звонки работают, но карточки без имён. Сообщите администратору.',
    'shell.badge.paused':
      'Вы на паузе: звонки из очереди к вам не поступают. Снимите паузу в окне расширения.',
    'shell.badge.details': 'Подробности: {reason}',
    'shell.badge.text.pbxDown': 'АТС',
    'shell.badge.text.databaseDown': 'БД',
    'shell.badge.connected': 'Подключено, ваши номера: {extensions}',
    'shell.badge.missed': 'Пропущенных звонков: {count}',

    'shell.service.connected': 'Работает',
    'shell.service.connecting': 'Подключается…',
    'shell.service.down': 'Недоступна',
    'shell.service.auth-failed': 'Вход отклонён',
    'shell.service.not-configured': 'Не настроена',

    'shell.status.helper': 'Помощник',
    'shell.status.pbx': 'АТС',
    'shell.status.database': 'База данных',
    'shell.status.journal': 'Журнал звонков',
    'shell.journal.ok': 'Записывается',
    'shell.journal.waiting': 'Ждёт базу данных, звонков в очереди: {count}',
    'shell.journal.disk-full': 'Диск заполнен, не записано звонков: {count}',
    'shell.helper.checking': 'Проверка…',
    'shell.helper.connected': 'Работает, версия {version}',
    'shell.helper.connecting': 'Подключение…',
    'shell.helper.down': 'Не запущен',
    'shell.helper.downHint':
      'Запустите помощник на этом компьютере или проверьте его адрес в настройках.',
    'shell.helper.notPaired': 'Не сопряжён',
    'shell.helper.notPairedHint':
      'Выполните «courier-helper pair» на этом компьютере и введите код в настройках расширения.',
    'shell.helper.incompatible': 'Несовместимая версия',

    'shell.call.hiddenNumber': 'Номер скрыт',
    'shell.call.clientContact': '{company}, {contact}',
    'shell.call.courier': 'Курьер {name}',
    'shell.call.recipient': 'Получатель {name}, заказ {order}',
    'shell.call.recipientOrder': 'Получатель по заказу {order}',

    'shell.notify.incomingTitle': 'Входящий звонок на {extension}',
    'shell.notify.dialTitle': 'Звонок на {number}',

    'shell.menu.callSelection': 'Позвонить «{text}»',

    'shell.dial.requesting': 'Звоним на {number}…',
    'shell.dial.ringingYou': 'Возьмите трубку: АТС звонит на ваш телефон',
    'shell.dial.dialling': 'Набираем номер…',
    'shell.dial.youDidNotAnswer': 'Вы не взяли трубку — звонок отменён',
    'shell.dial.error': 'Не удалось позвонить: {message}',
    'shell.dial.noBackground': 'Расширение не ответило. Закройте и откройте окно ещё раз.',
    'shell.dial.outcome.connected': 'Соединено',
    'shell.dial.outcome.busy': 'Занято',
    'shell.dial.outcome.noAnswer': 'Абонент не отвечает',
    'shell.dial.outcome.failed': 'Звонок не удался',
    'shell.dial.outcome.pbxRefused': 'АТС отклонила звонок',
    'shell.dial.outcome.pbxUnavailable': 'АТС недоступна',
    'shell.dial.outcome.invalidNumber': 'АТС не может набрать этот номер',
    'shell.dial.rejected.busy': 'Дождитесь окончания текущего звонка',
    'shell.dial.rejected.invalidNumber': '«{text}» не похоже на номер телефона',
    'shell.dial.rejected.notConnected': 'Помощник не запущен — позвонить нельзя',
    'shell.dial.rejected.notPaired': 'Расширение не сопряжено с помощником — откройте настройки',

    'shell.error.notConnected': 'Помощник не подключён.',
    'shell.error.connectionLost': 'Связь с помощником прервалась. Попробуйте ещё раз.',
    'shell.error.timeout': 'Помощник не ответил вовремя. Попробуйте ещё раз.',
    'shell.error.pairUnreachable':
      'Помощник не отвечает: запустите его на этом компьютере и повторите.',
    'shell.error.pairRefused':
      'Код не подошёл или устарел. Выполните «courier-helper pair» ещё раз и введите новый код.',
    'shell.error.pairRateLimited': 'Слишком много попыток. Подождите минуту и попробуйте снова.',

    'shell.popup.openOptions': 'Настройки',
    'shell.popup.extensions': 'Ваши номера: {extensions}',
    'shell.popup.noExtensions': 'Внутренние номера не заданы в настройках помощника',

    'shell.dialBox.label': 'Позвонить',
    'shell.dialBox.placeholder': 'Номер в любой записи или внутренний',
    'shell.dialBox.call': 'Позвонить',
    'shell.dialBox.empty': 'Введите номер телефона.',
    'shell.dialBox.invalid':
      'Не похоже на номер. Пример: 8 916 123-45-67, +7 701 123 45 67 или внутренний 101.',

    'shell.site.enable': 'Включить на {host}',
    'shell.site.enabled': 'Работает на {host}',
    'shell.site.justEnabled': 'Включено на {host}',
    'shell.site.declined': 'Браузер не дал доступ к сайту.',

    'shell.journal.title': 'Журнал звонков',
    'shell.journal.loading': 'Загрузка…',
    'shell.journal.empty': 'Звонков пока нет.',
    'shell.journal.unavailable': 'Журнал доступен, когда помощник подключён.',
    'shell.journal.missed': 'Пропущен',
    'shell.journal.inProgress': 'Идёт разговор',
    'shell.journal.callBack': 'Перезвонить',
    'shell.journal.callBackTo': 'Перезвонить на {number}',
    'shell.journal.direction.in': 'Входящий',
    'shell.journal.direction.out': 'Исходящий',
    'shell.journal.direction.internal': 'Внутренний',
    'shell.journal.result.answered': 'Отвечен',
    'shell.journal.result.no-answer': 'Без ответа',
    'shell.journal.result.busy': 'Занято',
    'shell.journal.result.failed': 'Не удался',
    'shell.journal.result.cancelled': 'Отменён',
    'shell.journal.result.answered-elsewhere': 'Ответили коллеги',
    'shell.journal.result.declined': 'Отклонён',
    'shell.journal.noMatches': 'Нет звонков, подходящих под отбор.',
    'shell.journal.filter': 'Какие звонки показать',
    'shell.journal.filter.all': 'Все',
    'shell.journal.filter.missed': 'Пропущенные',
    'shell.journal.search': 'Имя, номер или заметка',
    'shell.journal.link.client': 'Клиент',
    'shell.journal.link.clientNamed': 'Клиент {name}',
    'shell.journal.link.order': 'Заказ {order}',
    'shell.journal.link.courier': 'Курьер',
    'shell.journal.link.courierNamed': 'Курьер {name}',
    'shell.journal.link.recording': 'Запись',
    'shell.journal.link.recordingOf': 'Запись звонка: {party}, {time}',

    'shell.demo.title': 'Демо-режим',
    'shell.demo.number': 'Номер звонящего',
    'shell.demo.scenario': 'Сценарий',
    'shell.demo.scenario.answer': 'Оператор отвечает',
    'shell.demo.scenario.no-answer': 'Никто не отвечает',
    'shell.demo.scenario.answered-elsewhere': 'Отвечает коллега',
    'shell.demo.simulate': 'Сымитировать входящий звонок',
    'shell.demo.started': 'Звонок начался — смотрите карточку во вкладке кабинета.',

    'shell.options.title': 'Курьерская телефония — настройки',
    'shell.options.loading': 'Загрузка настроек…',
    'shell.options.save': 'Сохранить',
    'shell.options.saved': 'Сохранено.',
    'shell.options.address.title': 'Адрес помощника',
    'shell.options.address.hint':
      'Помощник работает на этом компьютере. Порт по умолчанию — 47800; меняйте, только если так сказал администратор.',
    'shell.options.address.host': 'Адрес',
    'shell.options.address.port': 'Порт',
    'shell.options.pairing.title': 'Сопряжение',
    'shell.options.pairing.hint':
      'Выполните «courier-helper pair» на этом компьютере (или попросите администратора) и введите показанный код.',
    'shell.options.pairing.code': 'Код сопряжения',
    'shell.options.pairing.pair': 'Сопрячь',
    'shell.options.pairing.working': 'Проверяем код…',
    'shell.options.pairing.badCode':
      'Код — это цифры из команды «courier-helper pair», например 123456.',
    'shell.options.pairing.paired': 'Сопряжено {date}',
    'shell.options.pairing.refused':
      'Помощник больше не принимает это сопряжение. Получите новый код и сопрягите заново.',
    'shell.options.pairing.unpair': 'Разорвать сопряжение',
    'shell.options.sites.title': 'Сайты кабинета',
    'shell.options.sites.hint':
      'Номера становятся ссылками и карточки звонков появляются только на этих сайтах. Браузер спросит разрешение на доступ к сайту.',
    'shell.options.sites.none': 'Пока ни одного сайта.',
    'shell.options.sites.address': 'Адрес сайта',
    'shell.options.sites.add': 'Добавить',
    'shell.options.sites.added': 'Сайт {pattern} включён.',
    'shell.options.sites.declined': 'Доступ к {pattern} не разрешён — сайт не добавлен.',
    'shell.options.sites.remove': 'Удалить',
    'shell.options.sites.removeOne': 'Удалить {pattern}',
    'shell.options.sites.removed': 'Сайт {pattern} выключен.',
    'shell.options.managed.title': 'Задано администратором.',
    'shell.options.managed.short': 'задано администратором',
    'shell.options.managed.reason':
      'Эти настройки пришли из политики браузера вашей организации, поэтому здесь их изменить нельзя. Чтобы изменить, обратитесь к администратору.',
    'shell.options.pairing.managed':
      'Сопряжение настроено администратором: расширение сопрягается с помощником само, код вводить не нужно.',
    'shell.options.sites.withoutAccess':
      'Браузер ещё не разрешил доступ к сайтам, которые включил администратор: {patterns}.',
    'shell.options.sites.grant': 'Разрешить доступ',
    'shell.options.sites.grantDeclined':
      'Доступ не разрешён — на этих сайтах расширение пока не работает.',
    'shell.options.behaviour.title': 'Поведение',
    'shell.options.toggle.linkify': 'Номера телефонов — ссылки для звонка',
    'shell.options.toggle.linkify.hint': 'Щелчок по номеру на странице кабинета звонит через АТС.',
    'shell.options.rendering': 'Как показывать номера',
    'shell.options.rendering.highlight': 'Подчёркивание поверх текста',
    'shell.options.rendering.highlight.hint':
      'Страница не меняется, номера в видимой части готовы сразу. Рекомендуется.',
    'shell.options.rendering.links': 'Вставленные ссылки',
    'shell.options.rendering.links.hint':
      'Номера становятся ссылками в самой странице: их можно выбрать клавишей Tab. На больших страницах медленнее.',
    'shell.options.toggle.cards': 'Карточка входящего звонка',
    'shell.options.toggle.cards.hint':
      'Кто звонит — клиент, курьер или получатель — прямо в кабинете.',
    'shell.options.toggle.notifications': 'Системное уведомление',
    'shell.options.toggle.notifications.hint':
      'О входящем звонке, когда вкладка кабинета не на переднем плане.',
    'shell.options.toggle.sound': 'Звук',
    'shell.options.toggle.sound.hint': 'Звуковой сигнал при входящем звонке.',
    'shell.options.language': 'Язык',
    'shell.options.language.auto': 'Как в браузере',
    'shell.options.language.ru': 'Русский',
    'shell.options.language.en': 'English',
  },
  en: {
    'shell.name': 'Courier Telephony',

    'shell.badge.connecting': 'Connecting to the helper…',
    'shell.badge.helperDown':
      'Helper not running. Start the “Courier Telephony” helper on this computer or check its address in the extension options.',
    'shell.badge.notPaired':
      'Not paired with the helper. Open the extension options and enter the code from “courier-helper pair”.',
    'shell.badge.incompatible':
      'The extension and the helper versions do not match. Update the helper or the extension.',
    'shell.badge.pbxDown': 'PBX unavailable — calls cannot be made. Tell your administrator.',
    'shell.badge.databaseDown':
      'Database unavailable — calls work, but cards show no names. Tell your administrator.',
    'shell.badge.paused':
      'You are paused: queue calls do not reach you. Resume in the extension window.',
    'shell.badge.details': 'Details: {reason}',
    'shell.badge.text.pbxDown': 'PBX',
    'shell.badge.text.databaseDown': 'DB',
    'shell.badge.connected': 'Connected, your extensions: {extensions}',
    'shell.badge.missed': 'Missed calls: {count}',

    'shell.service.connected': 'Working',
    'shell.service.connecting': 'Connecting…',
    'shell.service.down': 'Unavailable',
    'shell.service.auth-failed': 'Login refused',
    'shell.service.not-configured': 'Not configured',

    'shell.status.helper': 'Helper',
    'shell.status.pbx': 'PBX',
    'shell.status.database': 'Database',
    'shell.status.journal': 'Call journal',
    'shell.journal.ok': 'Writing',
    'shell.journal.waiting': 'Waiting for the database, calls queued: {count}',
    'shell.journal.disk-full': 'Disk full, calls not yet stored: {count}',
    'shell.helper.checking': 'Checking…',
    'shell.helper.connected': 'Working, version {version}',
    'shell.helper.connecting': 'Connecting…',
    'shell.helper.down': 'Not running',
    'shell.helper.downHint':
      'Start the helper on this computer or check its address in the options.',
    'shell.helper.notPaired': 'Not paired',
    'shell.helper.notPairedHint':
      'Run “courier-helper pair” on this computer and enter the code in the extension options.',
    'shell.helper.incompatible': 'Incompatible version',

    'shell.call.hiddenNumber': 'Hidden number',
    'shell.call.clientContact': '{company}, {contact}',
    'shell.call.courier': 'Courier {name}',
    'shell.call.recipient': 'Recipient {name}, order {order}',
    'shell.call.recipientOrder': 'Recipient of order {order}',

    'shell.notify.incomingTitle': 'Incoming call to {extension}',
    'shell.notify.dialTitle': 'Call to {number}',

    'shell.menu.callSelection': 'Call "{text}"',

    'shell.dial.requesting': 'Calling {number}…',
    'shell.dial.ringingYou': 'Pick up: the PBX is ringing your phone',
    'shell.dial.dialling': 'Dialling…',
    'shell.dial.youDidNotAnswer': 'You did not pick up — the call was cancelled',
    'shell.dial.error': 'Could not call: {message}',
    'shell.dial.noBackground': 'The extension did not answer. Close this window and open it again.',
    'shell.dial.outcome.connected': 'Connected',
    'shell.dial.outcome.busy': 'Busy',
    'shell.dial.outcome.noAnswer': 'No answer',
    'shell.dial.outcome.failed': 'The call failed',
    'shell.dial.outcome.pbxRefused': 'The PBX refused the call',
    'shell.dial.outcome.pbxUnavailable': 'The PBX is unavailable',
    'shell.dial.outcome.invalidNumber': 'The PBX cannot dial this number',
    'shell.dial.rejected.busy': 'Wait until the current call ends',
    'shell.dial.rejected.invalidNumber': '"{text}" does not look like a phone number',
    'shell.dial.rejected.notConnected': 'The helper is not running — cannot call',
    'shell.dial.rejected.notPaired': 'Not paired with the helper — open the options',

    'shell.error.notConnected': 'The helper is not connected.',
    'shell.error.connectionLost': 'The connection to the helper dropped. Try again.',
    'shell.error.timeout': 'The helper did not answer in time. Try again.',
    'shell.error.pairUnreachable':
      'The helper does not answer: start it on this computer and retry.',
    'shell.error.pairRefused':
      'The code is wrong or has expired. Run “courier-helper pair” again and enter the new code.',
    'shell.error.pairRateLimited': 'Too many attempts. Wait a minute and try again.',

    'shell.popup.openOptions': 'Options',
    'shell.popup.extensions': 'Your extensions: {extensions}',
    'shell.popup.noExtensions': "No extensions are set in the helper's configuration",

    'shell.dialBox.label': 'Call',
    'shell.dialBox.placeholder': 'Any phone number or an extension',
    'shell.dialBox.call': 'Call',
    'shell.dialBox.empty': 'Enter a phone number.',
    'shell.dialBox.invalid':
      'That is not a number. For example: 8 916 123-45-67, +7 701 123 45 67 or extension 101.',

    'shell.site.enable': 'Enable on {host}',
    'shell.site.enabled': 'Working on {host}',
    'shell.site.justEnabled': 'Enabled on {host}',
    'shell.site.declined': 'The browser did not grant access to the site.',

    'shell.journal.title': 'Call journal',
    'shell.journal.loading': 'Loading…',
    'shell.journal.empty': 'No calls yet.',
    'shell.journal.unavailable': 'The journal is available while the helper is connected.',
    'shell.journal.missed': 'Missed',
    'shell.journal.inProgress': 'In progress',
    'shell.journal.callBack': 'Call back',
    'shell.journal.callBackTo': 'Call back {number}',
    'shell.journal.direction.in': 'Incoming',
    'shell.journal.direction.out': 'Outgoing',
    'shell.journal.direction.internal': 'Internal',
    'shell.journal.result.answered': 'Answered',
    'shell.journal.result.no-answer': 'No answer',
    'shell.journal.result.busy': 'Busy',
    'shell.journal.result.failed': 'Failed',
    'shell.journal.result.cancelled': 'Cancelled',
    'shell.journal.result.answered-elsewhere': 'Answered by a colleague',
    'shell.journal.result.declined': 'Declined',
    'shell.journal.noMatches': 'No calls match the filter.',
    'shell.journal.filter': 'Which calls to show',
    'shell.journal.filter.all': 'All',
    'shell.journal.filter.missed': 'Missed',
    'shell.journal.search': 'Name, number or note',
    'shell.journal.link.client': 'Client',
    'shell.journal.link.clientNamed': 'Client {name}',
    'shell.journal.link.order': 'Order {order}',
    'shell.journal.link.courier': 'Courier',
    'shell.journal.link.courierNamed': 'Courier {name}',
    'shell.journal.link.recording': 'Recording',
    'shell.journal.link.recordingOf': 'Recording of the call: {party}, {time}',

    'shell.demo.title': 'Demo mode',
    'shell.demo.number': 'Caller number',
    'shell.demo.scenario': 'Scenario',
    'shell.demo.scenario.answer': 'The operator answers',
    'shell.demo.scenario.no-answer': 'Nobody answers',
    'shell.demo.scenario.answered-elsewhere': 'A colleague answers',
    'shell.demo.simulate': 'Simulate an incoming call',
    'shell.demo.started': 'The call has started — see the card in the cabinet tab.',

    'shell.options.title': 'Courier Telephony — options',
    'shell.options.loading': 'Loading the options…',
    'shell.options.save': 'Save',
    'shell.options.saved': 'Saved.',
    'shell.options.address.title': 'Helper address',
    'shell.options.address.hint':
      'The helper runs on this computer. The default port is 47800; change it only if IT told you to.',
    'shell.options.address.host': 'Address',
    'shell.options.address.port': 'Port',
    'shell.options.pairing.title': 'Pairing',
    'shell.options.pairing.hint':
      'Run “courier-helper pair” on this computer (or ask IT to) and enter the code it shows.',
    'shell.options.pairing.code': 'Pairing code',
    'shell.options.pairing.pair': 'Pair',
    'shell.options.pairing.working': 'Checking the code…',
    'shell.options.pairing.badCode':
      'The code is the digits “courier-helper pair” shows, for example 123456.',
    'shell.options.pairing.paired': 'Paired on {date}',
    'shell.options.pairing.refused':
      'The helper no longer accepts this pairing. Get a new code and pair again.',
    'shell.options.pairing.unpair': 'Unpair',
    'shell.options.sites.title': 'Cabinet sites',
    'shell.options.sites.hint':
      'Numbers become links and call cards appear only on these sites. The browser asks for access to each site.',
    'shell.options.sites.none': 'No sites yet.',
    'shell.options.sites.address': 'Site address',
    'shell.options.sites.add': 'Add',
    'shell.options.sites.added': '{pattern} is enabled.',
    'shell.options.sites.declined': 'Access to {pattern} was not granted — the site was not added.',
    'shell.options.sites.remove': 'Remove',
    'shell.options.sites.removeOne': 'Remove {pattern}',
    'shell.options.sites.removed': '{pattern} is disabled.',
    'shell.options.managed.title': 'Set by your administrator.',
    'shell.options.managed.short': 'set by your administrator',
    'shell.options.managed.reason':
      "These settings come from your organisation's browser policy, so they cannot be changed here. Ask your administrator to change them.",
    'shell.options.pairing.managed':
      'Pairing is set up by your administrator: the extension pairs with the helper by itself, no code to type.',
    'shell.options.sites.withoutAccess':
      'The browser has not yet allowed access to the sites your administrator enabled: {patterns}.',
    'shell.options.sites.grant': 'Allow access',
    'shell.options.sites.grantDeclined':
      'Access not allowed: the extension does not work on these sites yet.',
    'shell.options.behaviour.title': 'Behaviour',
    'shell.options.toggle.linkify': 'Phone numbers become call links',
    'shell.options.toggle.linkify.hint':
      'Clicking a number in the cabinet calls it through the PBX.',
    'shell.options.rendering': 'How numbers are shown',
    'shell.options.rendering.highlight': 'Underlined over the text',
    'shell.options.rendering.highlight.hint':
      'The page stays as it is, and numbers on screen are ready at once. Recommended.',
    'shell.options.rendering.links': 'Inserted links',
    'shell.options.rendering.links.hint':
      'Numbers become links inside the page, reachable with the Tab key. Slower on large pages.',
    'shell.options.toggle.cards': 'Incoming-call card',
    'shell.options.toggle.cards.hint':
      'Who is calling — client, courier or recipient — right in the cabinet.',
    'shell.options.toggle.notifications': 'System notification',
    'shell.options.toggle.notifications.hint':
      'For an incoming call when no cabinet tab is in front.',
    'shell.options.toggle.sound': 'Sound',
    'shell.options.toggle.sound.hint': 'A sound on an incoming call.',
    'shell.options.language': 'Language',
    'shell.options.language.auto': 'Same as the browser',
    'shell.options.language.ru': 'Русский',
    'shell.options.language.en': 'English',
  },
};

registerStrings(SHELL_STRINGS);
