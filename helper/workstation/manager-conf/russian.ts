import { registerRussian } from '../../core/cli-text';

/** What `manager-conf` refuses. */
registerRussian({
  "--permit {0} is not an IP address: give this workstation's address as the PBX sees it, e.g. --permit 10.0.0.21":
    '--permit {0} — не IP-адрес: укажите адрес этого рабочего места, каким его видит АТС, например --permit 10.0.0.21',
  '{0} cannot be an AMI account name: use letters, digits, "-", "_" or "." only, e.g. --user courier-101':
    '{0} не может быть именем учётной записи AMI: только буквы, цифры, "-", "_" и ".", например --user courier-101',
});
