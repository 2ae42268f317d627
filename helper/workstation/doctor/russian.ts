import { registerRussian } from '../../core/cli-text';

/** What `doctor` prints: check names, findings and fixes. */
registerRussian({
  // The report
  'fix:': 'исправить:',
  'All {0} checks passed.': 'Все проверки пройдены: {0}.',
  '{0} check(s) failed, {1} passed: change what each [FAIL] line says and run doctor again.':
    'Не пройдено проверок: {0}, пройдено: {1}. Исправьте то, что сказано в каждой строке [FAIL], и запустите doctor снова.',
  'All {0} checks passed, {1} with a warning: each [warn] line says what is unavailable and how to enable it.':
    'Все проверки пройдены: {0}, из них с предупреждением: {1}. Каждая строка [warn] говорит, что недоступно и как это включить.',
  'config {0}': 'настройка {0}',
  'config file': 'файл настроек',
  'none found, so the helper would start in demo mode':
    'не найден, поэтому помощник запустился бы в демо-режиме',
  'create the configuration from config/helper.example.toml at the default location, or pass --config PATH':
    'создайте настройки по образцу config/helper.example.toml в папке по умолчанию или укажите --config ПУТЬ',
  'environment {0}': 'переменная окружения {0}',
  config: 'настройки',
  '{0} is valid (mode {1})': '{0} без ошибок (режим {1})',
  'config websocket.allowedOrigins': 'настройки websocket.allowedOrigins',
  'extensions admitted': 'допущенные расширения',
  'secret file permissions': 'права на файл с секретами',
  'not used in mode "demo"': 'не используется в режиме "demo"',
  'fix the [{0}] problems above first': 'сначала исправьте ошибки в [{0}] выше',
  'PBX, database and port checks': 'проверки АТС, базы данных и порта',
  'need a configuration file': 'нужен файл настроек',
  'AMI checks': 'проверки AMI',
  'transfer contexts': 'контексты перевода',
  'database checks': 'проверки базы данных',

  // The PBX
  'AMI reachable': 'AMI доступен',
  'AMI login': 'вход в AMI',
  'AMI account': 'учётная запись AMI',
  "need the seat's account name": 'нужно имя учётной записи места',
  'pbx.user "{0}" needs this seat\'s extension, which could not be read: {1}':
    'pbx.user "{0}" нужен внутренний номер этого места, а его не удалось прочитать: {1}',
  'correct what the database checks below report, then run doctor again':
    'исправьте то, о чём сообщают проверки базы данных ниже, и запустите doctor снова',
  '"{0}": pbx.user "{1}" for extension {2}': '"{0}": pbx.user "{1}" для внутреннего номера {2}',
  'AMI privileges': 'права AMI',
  'AMI least privilege': 'AMI без лишних прав',
  'click-to-call': 'звонок щелчком',
  'hang-up from the call card': 'завершение звонка из карточки',
  'blind transfer from the call card': 'перевод сразу из карточки звонка',
  'attended transfer from the call card': 'перевод с разговором из карточки звонка',
  "finding a call's channels, catching up on calls after a reconnect":
    'поиск каналов звонка, восстановление звонков после переподключения',
  'pausing in queues from the popup': 'пауза в очередях из окна расширения',
  'check pbx.host ("{0}") and pbx.port ({1}); on the PBX set enabled=yes and a reachable bindaddr in [general] of manager.conf, and open port {2} on the PBX firewall for this workstation':
    'проверьте pbx.host ("{0}") и pbx.port ({1}); на АТС задайте enabled=yes и доступный bindaddr в [general] файла manager.conf и откройте порт {2} в сетевом экране АТС для этого рабочего места',
  'run doctor again once the PBX answers': 'запустите doctor снова, когда АТС будет отвечать',
  'permission denied for {0}': 'нет прав на {0}',
  'add "{0}" to the write= line of the AMI account in manager.conf and run "manager reload" ({1} manager-conf prints the whole account)':
    'добавьте "{0}" в строку write= учётной записи AMI в manager.conf и выполните "manager reload" (всю учётную запись показывает {1} manager-conf)',
  'could not check: {0}': 'проверить не удалось: {0}',
  'the account may send {0}': 'учётной записи можно отправлять {0}',
  'the account has no command or system rights': 'у учётной записи нет прав command и system',
  'the account may also use the "{0}" write class, so whoever holds this workstation could run PBX commands or shut it down':
    'учётной записи доступен и класс записи "{0}": тот, кто сидит за этим рабочим местом, мог бы выполнять команды АТС или остановить её',
  'remove {0} (and "all") from the write= line of the account in manager.conf; {1} manager-conf prints the least-privilege account':
    'уберите {0} (и "all") из строки write= учётной записи в manager.conf; учётную запись с минимальными правами показывает {1} manager-conf',
  'the PBX refused the login as "{0}"': 'АТС не пустила учётную запись "{0}"',
  'login failed: {0}': 'вход не удался: {0}',
  "check pbx.user/pbx.secret (or COURIER_PBX_SECRET) against the account in manager.conf or manager_custom.conf, and that its permit= admits this workstation's address":
    'сверьте pbx.user/pbx.secret (или COURIER_PBX_SECRET) с учётной записью в manager.conf или manager_custom.conf и проверьте, что её permit= пускает адрес этого рабочего места',
  'needs a login': 'нужен вход',
  'cannot reach AMI at {0}: {1}': 'AMI на {0} недоступен: {1}',
  'needs the AMI port': 'нужен порт AMI',
  '{0} answers ({1})': '{0} отвечает ({1})',
  'no login answer from {0} within {1} ms': 'нет ответа на вход от {0} за {1} мс',
  'logged in as "{0}"': 'вход выполнен как "{0}"',
  aborted: 'прервано',
  'connected, but no AMI greeting within {0} ms':
    'подключение есть, но приветствия AMI нет за {0} мс',
  'no answer within {0} ms': 'нет ответа за {0} мс',
  'the service on this port is not AMI (it said {0})': 'на этом порту не AMI (ответ: {0})',
  'the PBX closed the connection at once': 'АТС сразу закрыла соединение',
  "a context whose outbound route dials the couriers' mobiles":
    'контекст, исходящий маршрут которого звонит на мобильные курьеров',
  "the context where the managers' extensions ring":
    'контекст, в котором звонят внутренние номера менеджеров',
  'transfer.{0} exists': 'transfer.{0} существует',
  'the PBX dialplan has context "{0}"': 'в диалплане АТС есть контекст "{0}"',
  'the PBX dialplan has no context "{0}", so transfers to it would fail':
    'в диалплане АТС нет контекста "{0}", перевод в него не удался бы',
  'set transfer.{0} to {1}; on FreePBX that is usually "from-internal" ("dialplan show" in the Asterisk CLI lists the contexts)':
    'задайте в transfer.{0} {1}; во FreePBX это обычно "from-internal" (контексты перечисляет "dialplan show" в консоли Asterisk)',
  'the AMI account may not send ShowDialPlan, so the context cannot be checked':
    'учётной записи AMI нельзя отправлять ShowDialPlan, поэтому контекст не проверить',
  'add "reporting" to the write= line of the AMI account in manager.conf and run "manager reload" (ShowDialPlan needs reporting or config; {0} manager-conf prints the whole account)':
    'добавьте "reporting" в строку write= учётной записи AMI в manager.conf и выполните "manager reload" (ShowDialPlan требует reporting или config; всю учётную запись показывает {0} manager-conf)',

  'AMI event filter': 'фильтр событий AMI',
  'replace the eventfilter lines of the AMI account in manager.conf (or manager_custom.conf) with those {0} manager-conf prints and run "manager reload"':
    'замените строки eventfilter учётной записи AMI в manager.conf (или manager_custom.conf) на те, что печатает {0} manager-conf, и выполните "manager reload"',
  'needs the originate write class (see AMI privileges)':
    'нужен класс записи originate (см. права AMI)',
  'office-wide filter (current): every call in the office reaches this seat; for many seats give each its own account ({0} manager-conf --seats)':
    'фильтр на весь офис (текущий): до этого места доходят все звонки офиса; при многих местах дайте каждому свою учётную запись ({0} manager-conf --seats)',
  "per-seat filter (current): only calls of the seat's own extensions reach it":
    'фильтр рабочего места (текущий): до него доходят только звонки его собственных номеров',
  "per-seat filter for {0} (current): only this seat's own calls reach it":
    'фильтр рабочего места {0} (текущий): до него доходят только его собственные звонки',
  "the account's per-seat filter is for other extensions: calls of {0} would not reach it":
    'фильтр рабочего места у учётной записи — для других номеров: звонки {0} до неё не дошли бы',
  'print this seat\'s account with {0} manager-conf --seats {1}, put its eventfilter lines into manager.conf and run "manager reload"':
    'напечатайте учётную запись этого места командой {0} manager-conf --seats {1}, перенесите её строки eventfilter в manager.conf и выполните "manager reload"',
  'the account has an older event filter: it drops events the helper now reads (Pickup, so a call picked up from another phone would show no caller; the queue member events, so a pause made elsewhere would not show)':
    'у учётной записи старый фильтр событий: он отбрасывает события, которые помощник теперь читает (Pickup, и у звонка, перехваченного с другого телефона, не было бы звонящего; события участников очередей, и пауза, поставленная не здесь, не была бы видна)',
  'no event of a probe channel reached the account within {0} s':
    'за {0} с до учётной записи не дошло ни одного события пробного канала',
  'give the account "read = call,dialplan,agent" and {0}':
    'дайте учётной записи "read = call,dialplan,agent" и {0}',

  // The database
  'database reachable': 'база данных доступна',
  'database account is read-only': 'учётная запись базы только для чтения',
  '{0} runs': '{0} выполняется',
  'contacts.VALUE lookup uses an index': 'поиск по contacts.VALUE идёт по индексу',
  '"{0}" may only read': '"{0}" может только читать',
  '"{0}" may also change data ({1})': '"{0}" может и изменять данные ({1})',
  'give the helper an account with SELECT only, e.g. {0}':
    'дайте помощнику учётную запись только с SELECT, например: {0}',
  "cannot read the account's grants: {0}": 'не удаётся прочитать права учётной записи: {0}',
  'run doctor again': 'запустите doctor снова',
  'the query runs but returns no column {0}': 'запрос выполняется, но не возвращает столбец {0}',
  'alias the matching columns in {0}: {1}': 'дайте подходящим столбцам в {0} псевдонимы: {1}',
  'operator "{0}" has extensions {1}': 'у оператора "{0}" внутренние номера {1}',
  'the cabinet has no user "{0}"': 'в кабинете нет пользователя "{0}"',
  'the cabinet user "{0}" has no extension in users.extPhone':
    'у пользователя кабинета "{0}" нет внутреннего номера в users.extPhone',
  'correct operator.user, fill users.extPhone in the user card, or set operator.extensions instead':
    'исправьте operator.user, заполните users.extPhone в карточке пользователя или задайте вместо этого operator.extensions',
  'returns {0}': 'возвращает {0}',
  'on the database server run: {0}': 'выполните на сервере базы данных: {0}',
  'contacts has no index on VALUE, so every call reads the whole table':
    'у contacts нет индекса по VALUE, и каждый звонок читает всю таблицу',
  'full scan': 'полный просмотр',
  'uses {0}': 'использует {0}',
  '{0} does not search contacts by {1}': '{0} ищет в contacts не по {1}',
  'compare VALUE with the ? directly in those queries (no function around the column), then run ANALYZE TABLE contacts; if it persists, run: {0}':
    'сравнивайте VALUE с ? напрямую в этих запросах (без функций вокруг столбца), затем выполните ANALYZE TABLE contacts; если не поможет, выполните: {0}',
  'every lookup searches contacts by {0}': 'каждый поиск ищет в contacts по {0}',
  'cannot read the query plans: {0}': 'не удаётся прочитать планы запросов: {0}',
  'fix the failing lookup queries above first':
    'сначала исправьте неработающие запросы поиска выше',
  'needs the database': 'нужна база данных',
  'logged in to {0}:{1}/{2} as "{3}"': 'вход в {0}:{1}/{2} выполнен как "{3}"',
  'cannot reach the database at {0} ({1})': 'база данных на {0} недоступна ({1})',
  'check database.host and database.port; the MySQL server must be running, listen on the network (bind-address) and its firewall must admit this workstation to port {0}':
    'проверьте database.host и database.port; сервер MySQL должен работать, слушать сеть (bind-address), а его сетевой экран — пускать это рабочее место на порт {0}',
  'the server refused the login as "{0}" ({1})': 'сервер не пустил учётную запись "{0}" ({1})',
  "check database.user and database.password (or COURIER_DB_PASSWORD), and that the account may connect from this workstation's address":
    'проверьте database.user и database.password (или COURIER_DB_PASSWORD) и то, что учётной записи можно подключаться с адреса этого рабочего места',
  'the server has no database "{0}"': 'на сервере нет базы данных "{0}"',
  'set database.database to the name of the courier database':
    'задайте в database.database имя курьерской базы данных',
  'the account "{0}" may not read "{1}" ({2})': 'учётной записи "{0}" нельзя читать "{1}" ({2})',
  'check the [database] section and the database server log':
    'проверьте раздел [database] и журнал сервера базы данных',
  "correct the SQL in {0} for this database's tables and columns (keep its column aliases), or remove the key to use the default query":
    'исправьте SQL в {0} под таблицы и столбцы этой базы (сохранив псевдонимы столбцов) или удалите ключ, чтобы работал запрос по умолчанию',

  // The call journal
  'journal checks': 'проверки журнала',
  'journal.enabled is false, so calls are not written to the database':
    'journal.enabled = false, звонки в базу данных не записываются',
  'journal account connects': 'учётная запись журнала подключается',
  'cannot read the migrations this helper carries: {0}':
    'не удаётся прочитать миграции, которые несёт помощник: {0}',
  'reinstall the helper from a complete release': 'переустановите помощник из полного выпуска',
  'needs the list of journal tables': 'нужен список таблиц журнала',
  'needs the journal account': 'нужна учётная запись журнала',
  "check journal.user and journal.password (or COURIER_JOURNAL_PASSWORD) against the journal account, and that it may connect from this workstation's address; if the account does not exist yet, run {0}":
    'сверьте journal.user и journal.password (или COURIER_JOURNAL_PASSWORD) с учётной записью журнала и проверьте, что ей можно подключаться с адреса этого рабочего места; если учётной записи ещё нет, выполните {0}',
  'the account "{0}" has no rights in "{1}" ({2})': 'у учётной записи "{0}" нет прав в "{1}" ({2})',
  'run {0}: it grants the account the journal tables':
    'выполните {0}: она даст учётной записи права на таблицы журнала',
  'journal columns and paging index': 'столбцы журнала и индекс для страниц',
  'needs the call_journal table': 'нужна таблица call_journal',
  "cannot read call_journal's columns: {0}": 'не удаётся прочитать столбцы call_journal: {0}',
  'call_journal has no column {0}': 'в call_journal нет столбцов {0}',
  'call_journal has no index on ({0})': 'в call_journal нет индекса по ({0})',
  'the {0} columns the helper writes are there; pages read along {1}':
    'все {0} столбцов, которые пишет помощник, на месте; страницы читаются по {1}',
  'journal account grants': 'права учётной записи журнала',
  'run {0}': 'выполните {0}',
  '{0} (it grants them), or on the database server run: {1};':
    '{0} (она даст эти права) или выполните на сервере базы данных: {1};',
  ' and {0} more': ' и ещё {0}',
  '"{0}" may do more than write the journal: {1}{2}':
    '"{0}" может больше, чем писать журнал: {1}{2}',
  'on the database server run: REVOKE ALL PRIVILEGES, GRANT OPTION FROM {0}; then run {1}, which grants {2} on the journal tables only':
    'выполните на сервере базы данных: REVOKE ALL PRIVILEGES, GRANT OPTION FROM {0}; затем выполните {1} — она даст {2} только на таблицы журнала',
  '{0} on {1}': '{0} на {1}',
  '"{0}" may not {1}': '"{0}" не может {1}',
  '"{0}" may {1} {2} and nothing else': '"{0}" может {1} {2} и ничего больше',
  'journal tables migrated': 'таблицы журнала созданы',
  'no journal migration is recorded in {0}': 'в {0} не записано ни одной миграции журнала',
  'migration {0} of this helper (up to {1}) is not applied':
    'миграция {0} этого помощника (до {1}) не выполнена',
  'cannot list the tables: {0}': 'не удаётся получить список таблиц: {0}',
  '"{0}" sees no table {1} in "{2}"': '"{0}" не видит таблицу {1} в "{2}"',
  '{0} present, migrations up to {1} applied': '{0} на месте, миграции до {1} выполнены',
  '{0} present (which migrations are applied is not readable as "{1}": {2})':
    '{0} на месте (какие миграции выполнены, от имени "{1}" не прочитать: {2})',
  "{0} migrate --config {1} --admin-user <an account that may create tables>, with that account's password in {2}":
    '{0} migrate --config {1} --admin-user <учётная запись, которой можно создавать таблицы>, с её паролем в {2}',
  'journal spool folder writable': 'в папку очереди журнала можно писать',
  '"{0}" is writable': 'в "{0}" можно писать',
  '"{0}" does not exist yet; it can be created and written':
    '"{0}" ещё нет; её можно создать и писать в неё',
  'cannot write in "{0}" ({1})': 'нельзя писать в "{0}" ({1})',
  'cannot write in "{0}" ({1}): the disk holding it is full, so the journal cannot spool calls; a running helper keeps them on the spool\'s reserve, then in memory, until there is room':
    'нельзя писать в "{0}" ({1}): диск с этой папкой заполнен, и журналу некуда откладывать звонки; работающий помощник держит их в резерве очереди, затем в памяти, пока не освободится место',
  'free space on the disk of "{0}" (or set journal.spoolDir to a folder on another local disk)':
    'освободите место на диске с "{0}" (или задайте в journal.spoolDir папку на другом локальном диске)',
  "ENOSPC: the spool's reserve is in use": 'ENOSPC: резерв очереди занят',
  'set journal.spoolDir to a folder on a local disk that this user may write, or give this user write access to "{0}"':
    'задайте в journal.spoolDir папку на локальном диске, в которую этот пользователь может писать, или дайте ему право записи в "{0}"',

  // The WebSocket port
  'WebSocket port': 'порт WebSocket',
  '{0} is free for the helper': '{0} свободен для помощника',
  'cannot listen on {0} ({1})': 'не удаётся слушать {0} ({1})',
  'set websocket.port to a port from 1024 to 65535 that this user may open':
    'задайте в websocket.port порт от 1024 до 65535, который этот пользователь может открыть',
  '{0} is in use by the running helper of this configuration (PID {1})':
    '{0} занят запущенным помощником с этими настройками (PID {1})',
  "or set websocket.port to a free port and the same port in the extension's options":
    'или задайте в websocket.port свободный порт и тот же порт в настройках расширения',
  '{0} is in use by a helper, but not by one running with this configuration':
    '{0} занят помощником, но не тем, что запущен с этими настройками',
  'stop the other helper (another configuration or user) {0}':
    'остановите другой помощник (с другими настройками или другого пользователя) {0}',
  '{0} is already in use by another program': '{0} уже занят другой программой',
  'stop that program {0}': 'остановите эту программу {0}',
  // Call control from the card
  'attended transfer feature codes': 'коды перевода с разговором',
  'attended transfer to outside numbers': 'перевод с разговором на внешние номера',
  'the AMI account may not send Getvar, so the feature codes cannot be checked':
    'учётной записи AMI нельзя отправлять Getvar, поэтому коды не проверить',
  'add "call" to the write= line of the AMI account in manager.conf and run "manager reload" (courier-helper manager-conf prints the whole account)':
    'добавьте "call" в строку write= учётной записи AMI в manager.conf и выполните "manager reload" (courier-helper manager-conf печатает всю учётную запись)',
  'features.conf maps no code to atxfer, so attended transfer from the card is unavailable (hang-up and blind transfer still work)':
    'в features.conf нет кода atxfer, поэтому перевод с разговором из карточки недоступен (завершение звонка и перевод сразу работают)',
  'add "atxfer => *2" to [featuremap] in features.conf (FreePBX: the feature code "In-Call Asterisk Attended Transfer") and run: {0}':
    'добавьте "atxfer => *2" в [featuremap] в features.conf (FreePBX: код "In-Call Asterisk Attended Transfer") и выполните: {0}',
  'features.conf has no atxferabort code, so an attended transfer cannot be cancelled from the card':
    'в features.conf нет кода atxferabort, поэтому перевод с разговором нельзя отменить из карточки',
  'set "atxferabort = *1" in [general] of features.conf and run: {0}':
    'задайте "atxferabort = *1" в [general] в features.conf и выполните: {0}',
  'atxfer is "{0}" and atxferabort "{1}": the card can start and cancel attended transfers; the calls themselves must let the operator transfer (Dial option t or T, Queue option t; FreePBX\'s default dial options Ttr do)':
    'atxfer — "{0}", atxferabort — "{1}": карточка может начать и отменить перевод с разговором; сами звонки должны разрешать оператору перевод (параметр Dial t или T, параметр Queue t; стандартные параметры FreePBX Ttr разрешают)',
  'transfer.courierExten "{0}" dials outside numbers in keypad digits (+79161234567 as {1})':
    'transfer.courierExten "{0}" набирает внешние номера цифрами клавиатуры (+79161234567 как {1})',
  'transfer.courierExten "{0}" dials outside numbers with "+", which an attended transfer cannot send (it reaches the PBX as keypad digits): talk-first transfers to outside numbers (couriers\' mobiles, typed numbers) are unavailable; blind transfers work':
    'transfer.courierExten "{0}" набирает внешние номера с "+", которого перевод с разговором отправить не может (он доходит до АТС цифрами клавиатуры): перевод с разговором на внешние номера (мобильные курьеров, набранные номера) недоступен; перевод сразу работает',
  'set transfer.courierExten = "{digits}", or the form the outbound route of transfer.courierContext dials (e.g. "{national}", "9{national}" with the route\'s prefix)':
    'задайте transfer.courierExten = "{digits}" или ту запись, которую набирает исходящий маршрут transfer.courierContext (например, "{national}", "9{national}" с префиксом маршрута)',
  // Browser pairing
  'browser pairing': 'сопряжение с браузером',
  'cannot read the paired browsers in {0} ({1})':
    'не удаётся прочитать сопряжённые браузеры в {0} ({1})',
  'make the state folder readable by the user the helper runs as, or pair again with courier-helper pair':
    'дайте пользователю, от имени которого работает помощник, право чтения папки состояния или выполните сопряжение заново: courier-helper pair',
  'managed pairing is on: a browser whose policy carries this websocket.pairingSecret pairs without a code; {0} paired, {1} of them by the policy':
    'сопряжение по политике включено: браузер, в политике которого задан этот websocket.pairingSecret, сопрягается без кода; сопряжено: {0}, из них по политике: {1}',
  "no browser paired yet: run courier-helper pair on this computer and type the code in the extension's options (or set websocket.pairingSecret to pair managed browsers without a code)":
    'браузер ещё не сопряжён: выполните courier-helper pair на этом компьютере и введите код в настройках расширения (или задайте websocket.pairingSecret, чтобы сопрягать управляемые браузеры без кода)',
  '{0} browser(s) paired with a code; managed pairing is off (websocket.pairingSecret is not set)':
    'браузеров, сопряжённых по коду: {0}; сопряжение по политике выключено (websocket.pairingSecret не задан)',
});
