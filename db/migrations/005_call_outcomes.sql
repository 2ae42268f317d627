-- What operators note on a call: an outcome from the list IT configures ([outcomes] list),
-- a free-text note and the order it was about, on the journal row of that call and that
-- operator's extension. Also who the remote party was by name, and the index the popup's
-- journal pages and searches through: one operator's calls, newest first.
--
-- One ALTER, so it is applied whole or not at all; `migrate` takes an ALTER that finds
-- its columns already there as applied, so a run cut short is finished by the next one.
-- The writer account's grant is unchanged: it already covers every column of call_journal.

ALTER TABLE call_journal
  ADD COLUMN remote_name VARCHAR(255) NULL COMMENT 'who the remote party was, as the card named them: companies, contact persons, couriers, recipients' AFTER identity_json,
  ADD COLUMN outcome VARCHAR(32) NULL COMMENT 'code of the outcome the operator noted ([outcomes] list)' AFTER transfer_message,
  ADD COLUMN outcome_label VARCHAR(128) NULL COMMENT 'the outcome as it was named when noted' AFTER outcome,
  ADD COLUMN note VARCHAR(1000) NULL COMMENT 'the operator''s note' AFTER outcome_label,
  ADD COLUMN outcome_order_code INT UNSIGNED NULL COMMENT 'zakaz.code of the order the operator tied the call to; NULL: the orders in call_journal_orders' AFTER note,
  ADD COLUMN outcome_order_number VARCHAR(64) NULL COMMENT 'that order''s number as the card showed it' AFTER outcome_order_code,
  ADD COLUMN noted_at DATETIME(3) NULL COMMENT 'UTC: when the outcome and note were last saved' AFTER outcome_order_number,
  ADD KEY ix_call_journal_pages (extension, started_at, call_id),
  ADD KEY ix_call_journal_outcome_order (outcome_order_code);

-- The pages index starts with the columns of this one, which nothing needs any more.
DROP INDEX ix_call_journal_extension ON call_journal;

-- Calls journaled before this migration become searchable by name from what their card showed.
UPDATE call_journal
SET remote_name = NULLIF(LEFT(CONCAT_WS(', ',
    JSON_UNQUOTE(JSON_EXTRACT(identity_json, '$.clients[0].company')),
    JSON_UNQUOTE(JSON_EXTRACT(identity_json, '$.clients[0].contact.name')),
    JSON_UNQUOTE(JSON_EXTRACT(identity_json, '$.couriers[0].name')),
    JSON_UNQUOTE(JSON_EXTRACT(identity_json, '$.deliveries[0].recipientName'))), 255), '')
WHERE remote_name IS NULL AND identity_json IS NOT NULL;
