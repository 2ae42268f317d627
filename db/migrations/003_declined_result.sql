-- A call result for a phone that rang and whose operator rejected the call (486 Busy Here or
-- 603 Decline after ringing): `declined`, told apart from `busy` (refused without ringing)
-- and from `answered-elsewhere`. The other values are unchanged.

ALTER TABLE call_journal
  MODIFY result ENUM('answered', 'no-answer', 'busy', 'failed', 'cancelled', 'answered-elsewhere', 'declined') NOT NULL;
