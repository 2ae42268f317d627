import { checkRecordingTemplate, RecordingTemplateError } from './recording-url';
import {
  checkTransferSettings,
  DEFAULT_TRANSFER_SETTINGS,
  TransferConfigError,
  type TransferSettings,
} from './transfer-settings';
import type { Rule } from './field-rules';
import { tr } from '../core/cli-text';
import './russian';

const RECORDING_EXAMPLE = '"https://pbx.example.com/recordings/{date}/{basename}"';

/** The recording module's own check, so the configuration refuses what it would refuse. */
export const recordingTemplate: Rule<string> = (value, key) => {
  if (value === '') return undefined;
  try {
    checkRecordingTemplate(value);
    return undefined;
  } catch (error) {
    if (!(error instanceof RecordingTemplateError)) throw error;
    return {
      message: error.problem,
      fix: tr`set ${key} to an http(s) address with {file}, {basename} or {date} where the recording goes, e.g. ${RECORDING_EXAMPLE}, or leave it empty`,
    };
  }
};

const TRANSFER_FIXES: Readonly<Record<Exclude<keyof TransferSettings, 'method'>, () => string>> = {
  courierContext: () =>
    tr`the dialplan context whose outbound route dials mobiles, e.g. "from-internal"`,
  courierExten: () =>
    tr`how the courier's mobile is dialled there: "{e164}", "{digits}" or "{national}", with dial prefix digits if the route needs them, e.g. "9{national}"`,
  managerContext: () =>
    tr`the dialplan context where the account manager's extension rings, e.g. "from-internal"`,
};

/**
 * One `[transfer]` key, checked by the transfer module's own `checkTransferSettings` with
 * the other keys at their defaults, so every problem is reported against its own key.
 */
export function transferSetting(field: keyof typeof TRANSFER_FIXES): Rule<string> {
  return (value, key) => {
    try {
      checkTransferSettings({ ...DEFAULT_TRANSFER_SETTINGS, [field]: value });
      return undefined;
    } catch (error) {
      if (!(error instanceof TransferConfigError)) throw error;
      return {
        message: error.problem,
        fix: tr`set ${key} to ${TRANSFER_FIXES[field]()}`,
      };
    }
  };
}
