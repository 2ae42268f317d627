-- Call journal of the telephony helper: one row per call and operator extension, written
-- by the helper on every workstation so that the office system and reports can join calls
-- to clients, couriers and orders.
--
-- Applied by `helper migrate` with an administrator account; the helper itself writes with
-- an account limited to INSERT, SELECT and UPDATE on these two tables. Codes mirror the
-- courier schema's INT UNSIGNED keys (clients.code, fio.code, kurier.code, zakaz.code,
-- address.code) so joins use the indexes on both sides. Times are UTC.

CREATE TABLE IF NOT EXISTS call_journal (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  call_id VARCHAR(128) NOT NULL COMMENT 'the PBX call (Asterisk Linkedid)',
  extension VARCHAR(16) NOT NULL COMMENT 'the operator extension this row is about',
  direction ENUM('in', 'out', 'internal') NOT NULL,
  origin ENUM('pbx', 'click-to-call') NOT NULL,
  remote_raw VARCHAR(64) NOT NULL COMMENT 'the remote number as the PBX reported it',
  remote_e164 VARCHAR(16) NULL COMMENT '+79161234567',
  remote_db_key VARCHAR(15) NULL COMMENT 'digits as contacts.VALUE stores them: 79161234567',
  client_code INT UNSIGNED NULL COMMENT 'clients.code of the caller',
  contact_code INT UNSIGNED NULL COMMENT 'fio.code of the client''s contact person',
  courier_code INT UNSIGNED NULL COMMENT 'kurier.code when the remote party is a courier',
  identity_json JSON NULL COMMENT 'who the caller was at call time, as the card showed it',
  started_at DATETIME(3) NOT NULL COMMENT 'UTC: the phone started ringing, or dialling began',
  answered_at DATETIME(3) NULL COMMENT 'UTC',
  ended_at DATETIME(3) NOT NULL COMMENT 'UTC',
  talk_seconds INT UNSIGNED NOT NULL DEFAULT 0,
  result ENUM('answered', 'no-answer', 'busy', 'failed', 'cancelled', 'answered-elsewhere') NOT NULL,
  missed TINYINT(1) NOT NULL DEFAULT 0 COMMENT 'rang this extension and nobody answered',
  answered_by VARCHAR(64) NULL COMMENT 'the extension that took the call',
  recording_file VARCHAR(255) NULL COMMENT 'the recording as the PBX named it (MixMonitor)',
  recording_url VARCHAR(2048) NULL,
  transfer_target ENUM('courier', 'manager') NULL,
  transferred_to VARCHAR(64) NULL COMMENT 'number or extension the caller was transferred to',
  transfer_ok TINYINT(1) NULL,
  transferred_at DATETIME(3) NULL COMMENT 'UTC',
  transfer_message VARCHAR(512) NULL,
  recovered TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1: ended while the helper was stopped; ended_at is when it noticed',
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_call_journal_call (call_id, extension),
  KEY ix_call_journal_started (started_at),
  KEY ix_call_journal_extension (extension, started_at),
  KEY ix_call_journal_remote (remote_db_key, started_at),
  KEY ix_call_journal_client (client_code),
  KEY ix_call_journal_courier (courier_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='calls of the operators'' extensions';

CREATE TABLE IF NOT EXISTS call_journal_orders (
  journal_id BIGINT UNSIGNED NOT NULL COMMENT 'call_journal.id',
  address_code INT UNSIGNED NOT NULL COMMENT 'address.code: the delivery in work for the caller',
  order_code INT UNSIGNED NOT NULL COMMENT 'zakaz.code',
  courier_code INT UNSIGNED NULL COMMENT 'kurier.code of the courier holding the parcel at call time',
  PRIMARY KEY (journal_id, address_code),
  KEY ix_call_journal_orders_order (order_code),
  KEY ix_call_journal_orders_courier (courier_code),
  CONSTRAINT fk_call_journal_orders_journal FOREIGN KEY (journal_id) REFERENCES call_journal (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='orders a journaled call was about';
