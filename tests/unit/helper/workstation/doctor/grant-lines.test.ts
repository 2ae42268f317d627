import { describe, expect, it } from 'vitest';
import { parseGrantLine } from '../../../../../helper/workstation/doctor/grant-lines';

describe('parseGrantLine', () => {
  it('reads a MariaDB table grant', () => {
    expect(
      parseGrantLine(
        'GRANT SELECT, INSERT, UPDATE ON `courier`.`call_journal` TO `courier_journal`@`%`',
      ),
    ).toEqual({
      privileges: ['SELECT', 'INSERT', 'UPDATE'],
      object: '`courier`.`call_journal`',
      database: 'courier',
      table: 'call_journal',
      grantOption: false,
      account: { user: 'courier_journal', host: '%' },
    });
  });

  it('drops USAGE and ignores the password hash after TO', () => {
    const line = parseGrantLine(
      "GRANT USAGE ON *.* TO `courier_journal`@`10.0.%` IDENTIFIED BY PASSWORD '*ABCDEF'",
    );
    expect(line).toMatchObject({
      privileges: [],
      database: undefined,
      table: undefined,
      account: { user: 'courier_journal', host: '10.0.%' },
    });
  });

  it('reads MySQL quoting, column lists, escaped wildcards and the grant option', () => {
    expect(
      parseGrantLine(
        "GRANT SELECT (`code`, `name`), ALL PRIVILEGES ON `cour\\_ier`.* TO 'w'@'%' WITH GRANT OPTION",
      ),
    ).toMatchObject({
      privileges: ['SELECT', 'ALL PRIVILEGES'],
      database: 'cour_ier',
      table: undefined,
      grantOption: true,
      account: { user: 'w', host: '%' },
    });
  });

  it('reads routine grants and unquoted names', () => {
    expect(parseGrantLine('GRANT EXECUTE ON PROCEDURE courier.cleanup TO `w`@`%`')).toMatchObject({
      privileges: ['EXECUTE'],
      database: 'courier',
      table: 'cleanup',
    });
  });

  it('leaves roles and proxy lines out', () => {
    expect(parseGrantLine('GRANT `journal_role` TO `courier_journal`@`%`')).toBeUndefined();
    expect(
      parseGrantLine("GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION"),
    ).toBeUndefined();
  });
});
