import type { ExtensionClient } from '../../harness/extension/extension-client';
import type { AmiAccess, DatabaseAccess } from '../../harness/processes/service-access';
import {
  pairWithWorkstation,
  type WorkstationProcess,
} from '../../harness/processes/workstation-process';
import { harnessInfo } from './harness-info';

/** The test PBX's office-wide helper account and the read-only database account. */
export function harnessHelperAccess(): { ami: AmiAccess; database: DatabaseAccess } {
  const { asterisk, mariadb } = harnessInfo();
  return {
    ami: {
      host: asterisk.amiHost,
      port: asterisk.amiPort,
      user: asterisk.accounts.helper.username,
      secret: asterisk.accounts.helper.secret,
    },
    database: {
      host: mariadb.host,
      port: mariadb.port,
      database: mariadb.database,
      ...mariadb.readOnly,
    },
  };
}

/** Pairs with a helper process as the extension does, then opens a connection that said hello. */
export async function pairedClient(process: WorkstationProcess): Promise<ExtensionClient> {
  return (await pairWithWorkstation(process)).client;
}
