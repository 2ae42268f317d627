-- Call control from the card: a transfer may go to anyone the operator picks (a courier, an
-- account manager, a client's contact) or types in, blind or after talking to the person
-- first (attended); a transfer that did not happen keeps why.

ALTER TABLE call_journal
  MODIFY transfer_target ENUM('courier', 'manager', 'contact', 'number') NULL
    COMMENT 'who the caller was sent to, as picked on the card; number: typed in',
  ADD COLUMN transfer_mode ENUM('blind', 'attended') NULL
    COMMENT 'blind: at once; attended: after the operator talked to the person' AFTER transfer_target,
  ADD COLUMN transfer_reason VARCHAR(32) NULL
    COMMENT 'why the transfer did not happen: cancelled, target-busy, target-no-answer, ...' AFTER transfer_ok;
