-- Post-call feedback: the customer's keypad rating (1 to 5) after a call, asked by the PBX
-- (docs/asterisk/extensions_courier.conf, context courier-feedback) and written by the
-- PBX-side service (`helper serve`). One row per call, linked like the call journal: the
-- call id is Asterisk's Linkedid, as call_journal.call_id, and the codes mirror the courier
-- schema's INT UNSIGNED keys so reports join on their indexes. Times are UTC.
--
-- Written with the journal's writer account, which needs INSERT, SELECT and UPDATE on this
-- table too.

CREATE TABLE IF NOT EXISTS call_feedback (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  call_id VARCHAR(128) NOT NULL COMMENT 'the PBX call (Asterisk Linkedid), as call_journal.call_id',
  outcome ENUM('rated', 'no-input', 'invalid') NOT NULL COMMENT 'rated: a key from 1 to 5; no-input: no key; invalid: other keys only',
  rating TINYINT UNSIGNED NULL COMMENT '1 (poor) to 5 (excellent) when rated',
  attempts TINYINT UNSIGNED NOT NULL COMMENT 'how many times the question was asked',
  customer_e164 VARCHAR(16) NULL COMMENT '+79161234567',
  customer_db_key VARCHAR(15) NULL COMMENT 'digits as contacts.VALUE stores them: 79161234567',
  order_code INT UNSIGNED NULL COMMENT 'zakaz.code',
  address_code INT UNSIGNED NULL COMMENT 'address.code: the delivery the call was about',
  courier_code INT UNSIGNED NULL COMMENT 'kurier.code of the courier the customer talked to',
  operator_extension VARCHAR(16) NULL COMMENT 'the extension that took the call, when an operator did',
  created_at DATETIME(3) NOT NULL COMMENT 'UTC: when the customer answered the question',
  PRIMARY KEY (id),
  UNIQUE KEY uq_call_feedback_call (call_id),
  KEY ix_call_feedback_order (order_code),
  KEY ix_call_feedback_courier (courier_code, created_at),
  KEY ix_call_feedback_operator (operator_extension, created_at),
  KEY ix_call_feedback_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='customers'' ratings after calls';
