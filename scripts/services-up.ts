import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { generateCourierDb } from '../harness/courier-db/generate-courier-db';
import { startAsterisk, type AsteriskService } from '../harness/services/asterisk';
import { startMariaDb } from '../harness/services/mariadb';
import { UsageError } from './usage-error';

const USAGE = `Usage: npm run services:up -- [--no-asterisk] [--contacts N] [--buffer-pool 1G]
Starts a throwaway MariaDB (with the generated courier database unless --contacts 0) and
the test Asterisk, prints how to reach them, and keeps them up until Ctrl-C.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'no-asterisk': { type: 'boolean', default: false },
      contacts: { type: 'string', default: '3000' },
      'buffer-pool': { type: 'string', default: '256M' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const contacts = Number(values.contacts.replace(/_/g, ''));
  if (!Number.isInteger(contacts) || contacts < 0) {
    throw new UsageError(`--contacts needs a whole number, got "${values.contacts}"\n${USAGE}`);
  }
  const mariadb = await startMariaDb({
    bufferPoolSize: values['buffer-pool'],
    serverOptions: ['--innodb-log-file-size=512M'],
  });
  let asterisk: AsteriskService | undefined;
  try {
    if (contacts > 0) {
      const report = await generateCourierDb({
        target: { host: mariadb.host, port: mariadb.port, user: mariadb.rootUser },
        contacts,
      });
      console.log(
        `courier database: ${contacts} contacts in ${(report.totalMs / 1000).toFixed(1)} s`,
      );
    }
    console.log(
      `MariaDB: mysql -h ${mariadb.host} -P ${mariadb.port} -u root  (courier_ro / courier-ro-password)`,
    );
    if (!values['no-asterisk']) {
      asterisk = await startAsterisk();
      const { helper, admin } = asterisk.accounts;
      console.log(
        `AMI: ${asterisk.amiHost}:${asterisk.amiPort} helper/${helper.secret} admin/${admin.secret}`,
      );
      console.log(
        `SIP: ${asterisk.sipHost}:${asterisk.sipPort}, trunk calls from ${asterisk.trunkIp}`,
      );
      for (const [name, peer] of Object.entries(asterisk.peers)) {
        console.log(`  ${name} expected at ${peer.host}:${peer.port}`);
      }
      console.log(
        `Asterisk CLI: chroot ${asterisk.root} asterisk -C ${asterisk.runDir}/etc/asterisk.conf -r`,
      );
      console.log(`Asterisk logs: ${asterisk.hostRunDir}/log/`);
    }
    console.log('services are up; Ctrl-C stops them');
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  } finally {
    await asterisk?.stop();
    await mariadb.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
