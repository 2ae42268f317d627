import { describe, expect, it } from 'vitest';
import { ApiError, NotAllowedError } from '../../../../../helper/workstation/ws/api-error';
import { errorReply } from '../../../../../helper/workstation/ws/error-reply';

describe('errorReply', () => {
  it('passes the code and text of an ApiError', () => {
    expect(errorReply(new ApiError('invalid-number', 'Not a phone number.'), 'r1')).toEqual({
      type: 'error',
      id: 'r1',
      code: 'invalid-number',
      message: 'Not a phone number.',
    });
    expect(errorReply(new NotAllowedError('Demo mode only.')).code).toBe('not-allowed');
  });

  it('hides the text of any other error', () => {
    const reply = errorReply(new Error('Access denied for user courier using password hunter2'));
    expect(reply.code).toBe('internal');
    expect(reply.message).not.toContain('hunter2');
    expect(reply).not.toHaveProperty('id');
  });

  it('keeps messages within the protocol limit', () => {
    expect(errorReply(new ApiError('internal', 'x'.repeat(5000))).message).toHaveLength(1024);
  });
});
