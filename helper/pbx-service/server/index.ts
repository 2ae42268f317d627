export { runServeCommand } from './run-serve-command';
export type { ServeConfig } from './run-serve-command';
export { startPbxService } from './start-pbx-service';
export type { PbxService, PbxServiceParts, StartPbxServiceOptions } from './start-pbx-service';
export {
  DEFAULT_SERVER_SETTINGS,
  ServerConfigError,
  validateServerSettings,
} from '../../config/server-settings';
export type { ServerSettings } from '../../config/server-settings';
