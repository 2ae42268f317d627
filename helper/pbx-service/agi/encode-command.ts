import {
  CHANNEL_VALUE_CHARACTERS,
  CHANNEL_VARIABLE_PATTERN,
  type ChannelValue,
  type ChannelVariable,
} from './channel-value';
import { AgiValueError } from './errors';

/**
 * `SET VARIABLE NAME "value"` with its line end. The branded types already guarantee the
 * shape; the characters are checked once more here because this is the last step before
 * the socket, and a quote or a line break would start another command.
 */
export function encodeSetVariable(name: ChannelVariable, value: ChannelValue): string {
  if (!CHANNEL_VARIABLE_PATTERN.test(name)) {
    throw new AgiValueError('variable name', 'it must be CT_ followed by A-Z, 0-9 and "_"');
  }
  if (!CHANNEL_VALUE_CHARACTERS.test(value)) {
    throw new AgiValueError(name, 'only digits, letters, "+", "&" and "-" may be sent');
  }
  return `SET VARIABLE ${name} "${value}"\n`;
}
