export { renderManagerConf, PermitAddressError, AccountNameError } from './render-manager-conf';
export type { ManagerConfOptions, FilterSyntax } from './render-manager-conf';
export {
  HELPER_EVENTS,
  READ_CLASSES,
  WRITE_CLASSES,
  RECORDING_VARIABLES,
} from './account-privileges';
