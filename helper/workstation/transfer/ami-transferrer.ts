import type { CallView, TransferFailure, TransferState } from '../../../shared/protocol';
import type { AmiResponse } from '../../ami/client';
import type { ChannelSnapshot } from '../../ami/channel-snapshot';
import type { AmiFields } from '../../ami/encode';
import type { Transferrer, TransferRequest } from '../../core/helper-api';
import { callChannels } from './call-channels';
import { TransferRefusedError } from './errors';
import { failureReason } from './failure-reason';
import { checkTransferSettings, type TransferSettings } from '../../config/transfer-settings';
import { transferTarget, type TransferTarget } from './transfer-target';

/** The AMI actions a transfer uses; `AmiClient` has them. */
export interface TransferAmi {
  action(name: string, fields?: AmiFields, options?: { timeoutMs?: number }): Promise<AmiResponse>;
  coreShowChannels(options?: { timeoutMs?: number }): Promise<ChannelSnapshot[]>;
}

export interface AmiTransferrerOptions {
  readonly ami: TransferAmi;
  readonly settings: TransferSettings;
  /** The operator's extensions, so none of their phones is taken for the caller. */
  readonly extensions: () => readonly string[];
  /**
   * Told every transfer asked from the card: done, refused before the PBX was asked (with
   * the reason), or failed at the PBX. The card and the journal show it.
   */
  readonly onTransfer?: (call: CallView, state: TransferState) => void;
  readonly now?: () => number;
}

export interface TransferOutcome {
  ok: boolean;
  to?: string;
  /** Set whenever `ok` is false. */
  reason?: TransferFailure;
  /** English detail for logs and the journal. */
  message?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Transfers the caller of a card's call over AMI. `blind` asks the PBX to blind-transfer
 * from the operator's phone channel (BlindTransfer: everyone bridged to that channel goes
 * to the destination, the operator's phone is released); `redirect` sends the caller's own
 * channel to the destination (Redirect). Both need the AMI write class `call`; finding the
 * channels (CoreShowChannels) needs `reporting`.
 */
export class AmiTransferrer implements Transferrer {
  private readonly now: () => number;

  constructor(private readonly options: AmiTransferrerOptions) {
    checkTransferSettings(options.settings);
    this.now = options.now ?? Date.now;
  }

  async transfer(call: CallView, request: TransferRequest): Promise<TransferOutcome> {
    let target: TransferTarget;
    try {
      if (call.state !== 'answered') {
        throw new TransferRefusedError('not-answered', 'Only an answered call can be transferred.');
      }
      target = transferTarget(call, request, this.options.settings);
    } catch (error) {
      if (!(error instanceof TransferRefusedError)) throw error;
      return this.report(call, request.target, {
        ok: false,
        reason: error.reason,
        message: error.message,
      });
    }
    try {
      await this.ask(call, target);
    } catch (error) {
      return this.report(call, target.target, {
        ok: false,
        to: target.to,
        reason: failureReason(error),
        message: describe(error),
      });
    }
    return this.report(call, target.target, {
      ok: true,
      to: target.to,
      message: `Transferred to ${target.name ? `${target.name}, ` : ''}${target.to}.`,
    });
  }

  /** Tells the card and the journal how the transfer went, refusals included. */
  private report(
    call: CallView,
    target: TransferTarget['target'],
    outcome: TransferOutcome,
  ): TransferOutcome {
    const state: TransferState = {
      target,
      to: outcome.to ?? '',
      ok: outcome.ok,
      at: this.now(),
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      ...(outcome.message ? { message: outcome.message.slice(0, 512) } : {}),
    };
    this.options.onTransfer?.(call, state);
    return outcome;
  }

  private async ask(call: CallView, target: TransferTarget): Promise<void> {
    const snapshots = await this.options.ami.coreShowChannels();
    const channels = callChannels(
      snapshots,
      call.callId,
      call.extension,
      this.options.extensions(),
    );
    const destination = { Context: target.context, Exten: target.exten };
    if (this.options.settings.method === 'blind') {
      if (!channels.operator) {
        throw new TransferRefusedError(
          'not-connected',
          `The call is no longer connected to extension ${call.extension}; nothing was transferred.`,
        );
      }
      await this.options.ami.action('BlindTransfer', {
        Channel: channels.operator,
        ...destination,
      });
    } else {
      if (!channels.remote) {
        throw new TransferRefusedError(
          'not-connected',
          'The caller is no longer on the line; nothing was transferred.',
        );
      }
      await this.options.ami.action('Redirect', {
        Channel: channels.remote,
        ...destination,
        Priority: '1',
      });
    }
  }
}
