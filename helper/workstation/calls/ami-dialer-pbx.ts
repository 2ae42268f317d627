import type { AmiClient } from '../../ami/client';
import {
  AmiActionError,
  AmiClosedError,
  AmiDisconnectedError,
  AmiTimeoutError,
  AmiValueError,
} from '../../ami/errors';
import { originateFields } from '../../ami/originate';
import {
  PbxRefusedError,
  PbxUnavailableError,
  type DialerPbx,
  type OriginateCommand,
} from './click-to-call/dialer-pbx';

// Asterisk keeps Uniqueids in a fixed buffer (AST_MAX_PUBLIC_UNIQUEID, 149 bytes).
const CHANNEL_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The AMI client as click-to-call's PBX. The Originate goes through `action()` with a
 * ChannelId, so its outcome is read from the event stream (the `OriginateResponse` and the
 * channel's events all carry that id) rather than from a pending request.
 */
export function createAmiDialerPbx(ami: Pick<AmiClient, 'action' | 'on'>): DialerPbx {
  return {
    async originate(command: OriginateCommand): Promise<void> {
      if (!CHANNEL_ID.test(command.channelId)) {
        throw new PbxRefusedError(`channel id "${command.channelId}" is not a valid Uniqueid`);
      }
      let fields;
      try {
        fields = originateFields({
          channel: command.channel,
          context: command.context,
          exten: command.exten,
          ...(command.callerId === undefined ? {} : { callerId: command.callerId }),
          timeoutMs: command.timeoutMs,
        });
      } catch (error) {
        if (error instanceof AmiValueError) throw new PbxRefusedError(error.message);
        throw error;
      }
      try {
        await ami.action('Originate', { ...fields, ChannelId: command.channelId });
      } catch (error) {
        if (
          error instanceof AmiDisconnectedError ||
          error instanceof AmiTimeoutError ||
          error instanceof AmiClosedError
        ) {
          throw new PbxUnavailableError(error.message);
        }
        if (error instanceof AmiActionError) throw new PbxRefusedError(error.message);
        if (error instanceof AmiValueError) throw new PbxRefusedError(error.message);
        throw error;
      }
    },
    onEvent(listener, signal): void {
      ami.on('event', listener, { signal });
    },
  };
}
