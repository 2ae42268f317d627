import { registerRussian } from '../../core/cli-text';

/** What `manager-conf` refuses. */
registerRussian({
  "--permit {0} is not an IP address: give this workstation's address as the PBX sees it, e.g. --permit 10.0.0.21":
    '--permit {0} — не IP-адрес: укажите адрес этого рабочего места, каким его видит АТС, например --permit 10.0.0.21',
  '{0} cannot be an AMI account name: use letters, digits, "-", "_" or "." only, e.g. --user courier-101':
    '{0} не может быть именем учётной записи AMI: только буквы, цифры, "-", "_" и ".", например --user courier-101',
  '--seats {0}: {1}; give extensions and ranges separated by commas, e.g. --seats 101-103,110':
    '--seats {0}: {1}; перечислите номера и диапазоны через запятую, например --seats 101-103,110',
  '"{0}" is not an extension': '«{0}» — не номер',
  '"{0}" is not a range of extensions of one length': '«{0}» — не диапазон номеров одной длины',
  '"{0}" runs backwards': '«{0}» идёт в обратном порядке',
  '"{0}" names more than {1} seats': '«{0}» называет больше {1} рабочих мест',
  'more than {0} seats': 'больше {0} рабочих мест',
  '[originate] channel = {0} cannot name a seat\'s phone: use TECH/{ext}, e.g. "PJSIP/{ext}"':
    '[originate] channel = {0} не может назвать телефон рабочего места: используйте ТЕХНОЛОГИЯ/{ext}, например "PJSIP/{ext}"',
});
