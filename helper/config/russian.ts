import { registerRussian } from '../core/cli-text';

/** Configuration problems and their fixes, as `run`, `doctor`, `serve` and `migrate` print them. */
registerRussian({
  // How a problem is printed
  'The helper configuration ({0}) has {1} problem(s); change these and start again:':
    'В настройках помощника ({0}) ошибок: {1}; исправьте их и запустите снова:',
  'The helper configuration has {0} problem(s); change these and start again:':
    'В настройках помощника ошибок: {0}; исправьте их и запустите снова:',
  '{0}: {1}. Fix: {2}': '{0}: {1}. Исправить: {2}',
  '{0} (set by environment variable {1})': '{0} (задано переменной окружения {1})',

  // The file
  'cannot read {0} ({1})': 'не удаётся прочитать {0} ({1})',
  'create it from config/helper.example.toml, or pass the right path with --config':
    'создайте его по образцу config/helper.example.toml или укажите правильный путь в --config',
  'make the file readable by the user the helper runs as':
    'дайте право чтения файла пользователю, от имени которого работает помощник',
  '{0} line {1}, column {2}: {3}': '{0}, строка {1}, столбец {2}: {3}',
  'correct the TOML syntax there: text values in "double quotes", one key = value per line, [section] headers':
    'исправьте там синтаксис TOML: текст в "двойных кавычках", одна пара ключ = значение в строке, заголовки разделов в [скобках]',
  'environment variable matches no configuration key and is ignored':
    'переменная окружения не соответствует ни одному ключу настроек и не учитывается',
  'did you mean {0}?': 'может быть, {0}?',
  'remove it or correct its name': 'удалите её или исправьте имя',

  // Keys and types
  'a value of the wrong type': 'значение не того типа',
  'a list': 'список',
  'a table': 'таблица',
  'must be {0}, got {1}': 'должно быть {0}, а задано {1}',
  'write it as {0} = {1}': 'запишите так: {0} = {1}',
  text: 'текст',
  '"..." (in quotes)': '"..." (в кавычках)',
  'a number': 'число',
  'a number without quotes': 'число без кавычек',
  'must be true, false, 1 or 0, got {0}': 'должно быть true, false, 1 или 0, а задано {0}',
  'set {0} to true, false, 1 or 0': 'задайте {0} = true, false, 1 или 0',
  'true or false': 'true или false',
  'true or false (without quotes)': 'true или false (без кавычек)',
  'a comma-separated text or a list of texts': 'текст через запятую или список текстов',
  '"a,b" or ["a", "b"]': '"a,b" или ["a", "b"]',
  'must be one of {0}, got {1}': 'должно быть одно из {0}, а задано {1}',
  'did you mean "{0}"? set {1} = "{2}"': 'может быть, "{0}"? задайте {1} = "{2}"',
  'set {0} to one of: {1}': 'задайте в {0} одно из: {1}',
  'remove it; known sections: {0}': 'удалите; известные разделы: {0}',
  'remove it; known keys in [{0}]: {1}': 'удалите; известные ключи в [{0}]: {1}',
  'did you mean "{0}"? rename it': 'может быть, "{0}"? переименуйте',
  'did you mean "{0}"? move it to [{1}]': 'может быть, "{0}"? перенесите в [{1}]',
  'unknown section or key': 'неизвестный раздел или ключ',
  'unknown key': 'неизвестный ключ',
  'must be a section, got {0}': 'должен быть разделом, а задано {0}',
  'write it as a [{0}] header followed by its keys': 'запишите заголовок [{0}] и под ним его ключи',
  'is required': 'обязателен',
  'set pbx.host to the PBX address, e.g. "pbx.office.lan"':
    'задайте в pbx.host адрес АТС, например "pbx.office.lan"',
  'set pbx.user to the AMI account from manager.conf':
    'задайте в pbx.user учётную запись AMI из manager.conf',
  "set pbx.secret, or the environment variable COURIER_PBX_SECRET, to that account's secret":
    'задайте в pbx.secret или в переменной окружения COURIER_PBX_SECRET пароль этой учётной записи',
  'set database.host to the MySQL server address': 'задайте в database.host адрес сервера MySQL',
  'set database.user to the read-only account':
    'задайте в database.user учётную запись только для чтения',
  'must not be empty while journal.enabled = true':
    'не может быть пустым, пока journal.enabled = true',
  'set journal.user to the account "{0} migrate" granted (default "courier_journal"), or set journal.enabled = false':
    'задайте в journal.user учётную запись, которой дала права "{0} migrate" (по умолчанию "courier_journal"), или задайте journal.enabled = false',
  'sets both operator.extensions and operator.user':
    'заданы и operator.extensions, и operator.user',
  'keep only one: the extension list, or the cabinet user whose users.extPhone holds them':
    'оставьте что-то одно: список внутренних номеров или пользователя кабинета, у которого они в users.extPhone',
  // operator.user = "{login}": the seat's login name
  "uses {0}, but this computer's login name cannot be told":
    'использует {0}, но имя входа в этот компьютер узнать не удалось',
  'uses {0}, but this computer\'s login name "{1}" cannot be a cabinet login':
    'использует {0}, но имя входа в этот компьютер "{1}" не может быть логином в кабинете',
  "set COURIER_OPERATOR_USER to the operator's cabinet login on this seat, or operator.extensions":
    'задайте на этом месте COURIER_OPERATOR_USER с логином оператора в кабинете или operator.extensions',
  // pbx.user = "courier-{ext}": the seat's own account
  'write {0} where the seat\'s extension goes, e.g. {1} = "courier-{2}", or the account\'s fixed name':
    'напишите {0} там, где стоит внутренний номер места, например {1} = "courier-{2}", или постоянное имя учётной записи',
  'has {0}, which is no placeholder {1} knows (it knows {2})':
    'содержит {0}, но такой подстановки {1} не знает (знает только {2})',
  'uses {0}, but this seat has no extension to put there':
    'использует {0}, но у этого места нет внутреннего номера для подстановки',
  'uses {0}, but this seat has {1} extensions ({2}) and one account serves one seat':
    'использует {0}, но у этого места внутренних номеров: {1} ({2}), а одна учётная запись обслуживает одно место',
  "give the seat its extension (operator.user with users.extPhone in the cabinet, or operator.extensions), or set pbx.user (or COURIER_PBX_USER) to the account's name":
    'дайте месту внутренний номер (operator.user с users.extPhone в кабинете или operator.extensions) или задайте в pbx.user (или COURIER_PBX_USER) имя учётной записи',
  "set pbx.user for this seat to its account's name, e.g. COURIER_PBX_USER={0} in its environment, or leave one extension in users.extPhone or operator.extensions":
    'задайте этому месту имя его учётной записи в pbx.user, например переменной окружения COURIER_PBX_USER={0}, или оставьте один внутренний номер в users.extPhone или operator.extensions',
  'sets neither operator.extensions nor operator.user':
    'не задано ни operator.extensions, ни operator.user',
  'set operator.extensions = "101" (comma-separated for several) or operator.user = "<cabinet login>"':
    'задайте operator.extensions = "101" (несколько — через запятую) или operator.user = "<логин в кабинете>"',

  // Values
  'must be a whole number from {0} to {1}, got {2}':
    'должно быть целым числом от {0} до {1}, а задано {2}',
  'set {0} to {1}': 'задайте в {0} {1}',
  'is not a host name or IP address (spaces or other characters are not allowed)':
    'не имя узла и не IP-адрес (пробелы и другие символы недопустимы)',
  'set {0} to a host name such as "pbx.office.lan" or an IP address such as "10.0.0.5"':
    'задайте в {0} имя узла, например "pbx.office.lan", или IP-адрес, например "10.0.0.5"',
  'contains spaces, quotes, brackets or other characters an account name cannot have':
    'содержит пробелы, кавычки, скобки или другие символы, недопустимые в имени учётной записи',
  'set {0} to the account name exactly as the server knows it':
    'задайте в {0} имя учётной записи точно так, как его знает сервер',
  'contains a line break or another control character':
    'содержит перевод строки или другой управляющий символ',
  'retype {0} without line breaks or tabs': 'наберите {0} заново без переводов строки и табуляций',
  'set {0} to the operator\'s phone channel with the extension as {ext}, e.g. "PJSIP/{ext}", "SIP/{ext}", "IAX2/{ext}" or "Local/{ext}@from-internal"':
    'задайте в {0} канал телефона оператора с внутренним номером в виде {ext}, например "PJSIP/{ext}", "SIP/{ext}", "IAX2/{ext}" или "Local/{ext}@from-internal"',
  'must start with PJSIP/, SIP/, IAX2/ or Local/':
    'должно начинаться с PJSIP/, SIP/, IAX2/ или Local/',
  'has no {ext} placeholder': 'нет подстановки {ext}',
  'contains characters a channel name cannot have': 'содержит символы, недопустимые в имени канала',
  'must be a dialplan context name: letters, digits, "-", "_" or ".", up to 79':
    'должно быть именем контекста диалплана: буквы, цифры, "-", "_" или ".", не длиннее 79',
  'set {0} to the context the operators\' phones dial from, e.g. "from-internal"':
    'задайте в {0} контекст, из которого звонят телефоны операторов, например "from-internal"',
  'must be a number, optionally with a quoted name: "Courier" <74951234567>':
    'должно быть номером, можно с именем в кавычках: "Courier" <74951234567>',
  'set {0} to the company\'s main number, e.g. "74951234567" or "\\"Courier\\" <74951234567>", or leave it empty':
    'задайте в {0} основной номер компании, например "74951234567" или "\\"Courier\\" <74951234567>", или оставьте пустым',
  'every extension must be 2 to 6 digits; not valid: {0}':
    'каждый внутренний номер — от 2 до 6 цифр; неверные: {0}',
  'set {0} to the operator\'s internal numbers, comma-separated: "101" or "101,102"':
    'задайте в {0} внутренние номера оператора через запятую: "101" или "101,102"',
  'lists an extension twice': 'внутренний номер указан дважды',
  'remove the repeated number from {0}': 'уберите повтор номера из {0}',
  'must be a cabinet login of at most 32 characters without spaces around it':
    'должно быть логином в кабинете не длиннее 32 символов без пробелов по краям',
  "set {0} to the operator's login in the web cabinet (users.user)":
    'задайте в {0} логин оператора в веб-кабинете (users.user)',
  'must be a database name: letters, digits, "_" or "$", up to 64':
    'должно быть именем базы данных: буквы, цифры, "_" или "$", не длиннее 64',
  'set {0} to the courier database name, usually "courier"':
    'задайте в {0} имя курьерской базы данных, обычно "courier"',
  'a single ? where {0} goes': 'одним ? на месте, где стоит {0}',
  '{0} ? placeholders: {1}': '{0} подстановками ?: {1}',
  ', then ': ', затем ',
  'rewrite {0} as one SELECT with {1} (keep the column aliases described in the example configuration), or remove the key to use the default':
    'перепишите {0} одним SELECT с {1} (сохраните псевдонимы столбцов из примера настроек) или удалите ключ, чтобы работал запрос по умолчанию',
  'must start with SELECT': 'должно начинаться с SELECT',
  'must be a single statement (no ";")': 'должно быть одним запросом (без ";")',
  'one ? placeholder': 'одну подстановку ?',
  '{0} ? placeholders': '{0} подстановки ?',
  'must contain exactly {0}, found {1}': 'должно содержать ровно {0}, а найдено {1}',
  "the caller's number": 'номер звонящего',
  'set {0} to a cabinet address with {code} where the code goes, e.g. "https://cabinet.example.com/clients/{code}", or leave it empty':
    'задайте в {0} адрес кабинета с {code} на месте кода, например "https://cabinet.example.com/clients/{code}", или оставьте пустым',
  'must start with http:// or https://': 'должно начинаться с http:// или https://',
  'has no {code} placeholder': 'нет подстановки {code}',
  'is not a valid address': 'неверный адрес',
  'list in {0} the extension origins that may connect: "chrome-extension://<32-letter id>" (see chrome://extensions) or "moz-extension://*"':
    'перечислите в {0} источники расширений, которым можно подключаться: "chrome-extension://<id из 32 букв>" (см. chrome://extensions) или "moz-extension://*"',
  'is empty, so no extension could connect':
    'пусто, и ни одно расширение не смогло бы подключиться',
  'not extension origins: {0}': 'не источники расширений: {0}',
  'contains a control character': 'содержит управляющий символ',
  'set {0} to a plain file path': 'задайте в {0} обычный путь к файлу',
  'is not a supported two-letter country code, got {0}':
    'не поддерживаемый двухбуквенный код страны, а задано {0}',
  'set {0} to an ISO 3166 code in capitals, e.g. "RU" or "KZ"':
    'задайте в {0} код ISO 3166 заглавными буквами, например "RU" или "KZ"',
  'the AMI port in manager.conf, usually 5038': 'порт AMI из manager.conf, обычно 5038',
  "how long the operator's phone may ring, e.g. 30":
    'сколько секунд может звонить телефон оператора, например 30',
  'the MySQL port, usually 3306': 'порт MySQL, обычно 3306',
  'the number of connections to keep, e.g. 4': 'сколько соединений держать открытыми, например 4',
  'milliseconds, e.g. 1000': 'миллисекунды, например 1000',
  'seconds, e.g. 30 (0 turns caching off)': 'секунды, например 30 (0 отключает кэш)',
  'a free local port, e.g. 47800': 'свободный локальный порт, например 47800',
  'minutes after a call during which its card still takes an outcome, e.g. 5 (0: only during the call)':
    'число минут после звонка, пока его карточка ещё принимает итог, например 5 (0 — только во время звонка)',

  // Recording and transfer
  'set {0} to an http(s) address with {file}, {basename} or {date} where the recording goes, e.g. {1}, or leave it empty':
    'задайте в {0} адрес http(s) с {file}, {basename} или {date} на месте записи, например {1}, или оставьте пустым',
  'write an http(s) address with the placeholders {file}, {basename} or {date}, e.g. https://pbx.example.com/recordings/{date}/{basename}':
    'запишите адрес http(s) с подстановками {file}, {basename} или {date}, например https://pbx.example.com/recordings/{date}/{basename}',
  'must start with http:// or https:// and a host name':
    'должно начинаться с http:// или https:// и имени узла',
  'must not contain spaces': 'не должно содержать пробелов',
  'has an unknown placeholder {0}': 'неизвестная подстановка {0}',
  'the dialplan context whose outbound route dials mobiles, e.g. "from-internal"':
    'контекст диалплана, исходящий маршрут которого звонит на мобильные, например "from-internal"',
  'how the courier\'s mobile is dialled there: "{e164}", "{digits}" or "{national}", with dial prefix digits if the route needs them, e.g. "9{national}"':
    'как там набирается мобильный курьера: "{e164}", "{digits}" или "{national}", с цифрами префикса выхода, если их требует маршрут, например "9{national}"',
  'the dialplan context where the account manager\'s extension rings, e.g. "from-internal"':
    'контекст диалплана, в котором звонит внутренний номер менеджера, например "from-internal"',
  'must be "blind" or "redirect"': 'должно быть "blind" или "redirect"',
  'must be a dialplan context name: letters, digits, "_", "." and "-"':
    'должно быть именем контекста диалплана: буквы, цифры, "_", "." и "-"',
  'must hold one of {e164}, {digits} or {national}, with optional dial prefix digits':
    'должно содержать одну из подстановок {e164}, {digits} или {national}, можно с цифрами префикса',

  // The [server] section of serve
  'The [server] configuration cannot be used:': 'С такими настройками [server] работать нельзя:',
  'must be a TCP port from 1 to 65535': 'должен быть портом TCP от 1 до 65535',
  'must be from {0} to {1}': 'должно быть от {0} до {1}',
  'must be an address, e.g. "0.0.0.0"': 'должно быть адресом, например "0.0.0.0"',
  'must list the PBX address, e.g. ["10.0.0.5"]':
    'должно содержать адрес АТС, например ["10.0.0.5"]',
  'each token must be at least {0} characters without spaces (e.g. the output of {1})':
    'каждый токен — не короче {0} символов и без пробелов (например, вывод {1})',
  'must be the company number callbacks show, e.g. "74951234567"':
    'должно быть номером компании, который видят при обратном звонке, например "74951234567"',
  'server.tlsCertFile and server.tlsKeyFile must be set together (or both left empty)':
    'server.tlsCertFile и server.tlsKeyFile задаются вместе (или оба остаются пустыми)',
  'must be a dialplan context name': 'должно быть именем контекста диалплана',
  'list at least one PBX address, e.g. ["10.0.0.5"]':
    'укажите хотя бы один адрес АТС, например ["10.0.0.5"]',
  '"{0}" is not an IP address or CIDR range such as 10.0.0.0/24':
    '"{0}" — не IP-адрес и не диапазон CIDR вида 10.0.0.0/24',
  '"{0}" needs a prefix length from 0 to {1}': 'у "{0}" должна быть длина префикса от 0 до {1}',
  'set server.{0} to {1}': 'задайте в server.{0} {1}',
  'is empty, which would listen on every interface':
    'пусто, и служба слушала бы все сетевые интерфейсы',
  'must be a whole number, got {0}': 'должно быть целым числом, а задано {0}',
  'change the [server] keys it names': 'исправьте названные ключи [server]',
  'the address FastAGI listens on: "0.0.0.0" for every interface, or the address the PBX reaches this server at':
    'адрес, который слушает FastAGI: "0.0.0.0" — все интерфейсы, или адрес, по которому АТС обращается к этому серверу',
  "the port of the dialplan's AGI(agi://host:port/...) calls, usually 4573":
    'порт вызовов AGI(agi://host:port/...) в диалплане, обычно 4573',
  'the PBX addresses or CIDR ranges, e.g. ["10.0.0.5"] or ["10.0.0.0/24"]':
    'адреса АТС или диапазоны CIDR, например ["10.0.0.5"] или ["10.0.0.0/24"]',
  'milliseconds from 50 to 5000, e.g. 300': 'миллисекунды от 50 до 5000, например 300',
  'milliseconds from 100 to 30000, e.g. 2000': 'миллисекунды от 100 до 30000, например 2000',
  'the number of database connections to keep, from 1 to 64, e.g. 8':
    'число соединений с базой данных, от 1 до 64, например 8',
  'the address the callback endpoint listens on, e.g. "127.0.0.1", or the address the mobile application\'s server reaches':
    'адрес, который слушает точка обратных звонков, например "127.0.0.1", или адрес, по которому к ней обращается сервер мобильного приложения',
  'a free TCP port from 1 to 65535, e.g. 47810': 'свободный порт TCP от 1 до 65535, например 47810',
  'tokens of at least 24 characters without spaces (e.g. the output of {0}), better through the environment variable COURIER_SERVER_HTTP_TOKENS, or to [] to turn the callback endpoint off':
    'токены не короче 24 символов без пробелов (например, вывод {0}), лучше через переменную окружения COURIER_SERVER_HTTP_TOKENS, или [], чтобы выключить точку обратных звонков',
  'the addresses or CIDR ranges that may use the callback endpoint, e.g. ["10.0.0.7"], or [] for any':
    'адреса или диапазоны CIDR, которым можно обращаться к точке обратных звонков, например ["10.0.0.7"], или [] — любым',
  'the PEM certificate of the callback endpoint together with server.tlsKeyFile, or leave both empty for plain HTTP':
    'сертификат PEM точки обратных звонков вместе с server.tlsKeyFile или оставьте оба пустыми для обычного HTTP',
  'the PEM key of the callback endpoint together with server.tlsCertFile, or leave both empty for plain HTTP':
    'ключ PEM точки обратных звонков вместе с server.tlsCertFile или оставьте оба пустыми для обычного HTTP',
  'the company\'s number callbacks show, digits with an optional "+", e.g. "74951234567" (required while server.httpTokens is set), or empty server.httpTokens to turn callbacks off':
    'номер компании, который видят при обратном звонке, цифры с необязательным "+", например "74951234567" (обязателен, пока задан server.httpTokens), или очистите server.httpTokens, чтобы выключить обратные звонки',
  'the context of the shipped dialplan snippet, "courier-callback"':
    'контекст из поставляемого фрагмента диалплана, "courier-callback"',
  'the context of the shipped dialplan snippet, "courier-callback-courier"':
    'контекст из поставляемого фрагмента диалплана, "courier-callback-courier"',
  'seconds from 5 to 120, e.g. 30': 'секунды от 5 до 120, например 30',
  'hours from 0 to 168, e.g. 12 (0 turns it off)': 'часы от 0 до 168, например 12 (0 — выключено)',
  'a plain folder path, or "" for a "server-journal" folder beside this file':
    'обычный путь к папке или "" — папка "server-journal" рядом с этим файлом',
  "the courier's code (kurier.code)": 'код курьера (kurier.code)',
  "the recipient's digits-only number": 'номер получателя, только цифры',
  "the order's code (zakaz.code)": 'код заказа (zakaz.code)',
  // [outcomes] list and links.create
  'has more than two labels': 'содержит больше двух названий',
  'has an empty label': 'содержит пустое название',
  'has a label longer than {0} characters': 'содержит название длиннее {0} символов',
  'has a control character': 'содержит управляющий символ',
  'has no "=" between the code and the label': 'не содержит "=" между кодом и названием',
  'has the code {0}: use lowercase letters, digits, "-" and "_", up to 32':
    'содержит код {0}: используйте строчные латинские буквы, цифры, "-" и "_", не больше 32',
  'has no "=" between the label and the address': 'не содержит "=" между названием и адресом',
  'has an address that is not a web address (http:// or https://)':
    'содержит адрес, который не является веб-адресом (http:// или https://)',
  'has no {e164}, {digits} or {national} where the number goes':
    'не содержит {e164}, {digits} или {national} там, где должен быть номер',
  'has an address that is not valid': 'содержит недопустимый адрес',
  'write each item of {0} as {1}': 'запишите каждый элемент {0} в виде {1}',
  'has more than {0} items': 'содержит больше {0} элементов',
  'item {0} {1}': 'элемент {0} {1}',
  'item {0} repeats the code "{1}"': 'элемент {0} повторяет код "{1}"',
  'give each outcome its own code': 'дайте каждому итогу свой код',
});
