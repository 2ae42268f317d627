import { describe, expect, it } from 'vitest';
import {
  AmiActionError,
  AmiPermissionError,
  AmiTimeoutError,
} from '../../../../../helper/ami/errors';
import type { DoctorAmiSession } from '../../../../../helper/workstation/doctor/ami-session';
import { transferContextChecks } from '../../../../../helper/workstation/doctor/transfer-context-checks';

/** A logged-in session whose PBX dialplan holds `contexts`; `fails` replaces every answer. */
function session(contexts: string[], fails?: Error): DoctorAmiSession & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    start: async () => undefined,
    action: async () => ({}),
    actionList: async (name, fields = {}) => {
      const context = fields.Context ?? '';
      asked.push(`${name} ${context}`);
      if (fails) throw fails;
      if (!contexts.includes(context)) {
        throw new AmiActionError(name, `Did not find context ${context}`);
      }
      return { response: { response: 'Success' }, events: [], complete: undefined };
    },
    on: () => () => undefined,
    close: async () => undefined,
  };
}

const FREEPBX = { courierContext: 'from-internal', managerContext: 'from-internal' };

describe('transferContextChecks', () => {
  it('names the lines it would skip without a login', () => {
    expect(transferContextChecks(FREEPBX).names()).toEqual([
      'transfer.courierContext exists',
      'transfer.managerContext exists',
    ]);
  });

  it('passes contexts the dialplan has, asking once for a context both keys name', async () => {
    const pbx = session(['from-internal']);
    expect(await transferContextChecks(FREEPBX).run(pbx)).toEqual([
      {
        status: 'ok',
        name: 'transfer.courierContext exists',
        detail: 'the PBX dialplan has context "from-internal"',
      },
      {
        status: 'ok',
        name: 'transfer.managerContext exists',
        detail: 'the PBX dialplan has context "from-internal"',
      },
    ]);
    expect(pbx.asked).toEqual(['ShowDialPlan from-internal']);
  });

  it('fails a missing context with its key and the usual FreePBX context', async () => {
    const pbx = session(['from-internal', 'managers']);
    const [courier, manager] = await transferContextChecks({
      courierContext: 'to-mobiles',
      managerContext: 'managers',
    }).run(pbx);
    expect(courier).toEqual({
      status: 'fail',
      name: 'transfer.courierContext exists',
      detail: 'the PBX dialplan has no context "to-mobiles", so transfers to it would fail',
      fix:
        "set transfer.courierContext to a context whose outbound route dials the couriers' mobiles; " +
        'on FreePBX that is usually "from-internal" ("dialplan show" in the Asterisk CLI lists the contexts)',
    });
    expect(manager?.status).toBe('ok');
    expect(pbx.asked).toEqual(['ShowDialPlan to-mobiles', 'ShowDialPlan managers']);
  });

  it('names the write class when the account may not read the dialplan', async () => {
    const denied = new AmiPermissionError('ShowDialPlan', 'Permission denied', undefined);
    const [courier] = await transferContextChecks(FREEPBX).run(session([], denied));
    expect(courier).toMatchObject({
      status: 'fail',
      detail: 'the AMI account may not send ShowDialPlan, so the context cannot be checked',
      fix: expect.stringMatching(/^add "reporting" to the write= line of the AMI account/),
    });
  });

  it('asks to run again when the PBX does not answer', async () => {
    const [, manager] = await transferContextChecks(FREEPBX).run(
      session([], new AmiTimeoutError('ShowDialPlan', 5000)),
    );
    expect(manager).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^could not check: AMI action ShowDialPlan got no answer/),
      fix: 'run doctor again once the PBX answers',
    });
  });
});
