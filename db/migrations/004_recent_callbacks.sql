-- Courier callbacks the PBX-side service placed recently (F7), so that a recipient who calls
-- back reaches the same courier. Kept in the database rather than in one service's memory:
-- every `helper serve` of the PBX reads and writes the same rows, so a second instance (the
-- dialplan tries it when the first does not answer) routes a call back as the first would,
-- and a restart forgets nothing.
--
-- One row per recipient number, replaced by the next callback to it. A row older than
-- server.callbackMemoryHours is ignored (and overwritten later), so nothing is ever deleted
-- and the writer account keeps its SELECT, INSERT and UPDATE. Times are UTC, taken from the
-- database's clock, which every service instance shares.

CREATE TABLE IF NOT EXISTS courier_callback_memory (
  recipient_db_key VARCHAR(15) NOT NULL COMMENT 'the recipient, digits as contacts.VALUE stores them: 79161234567',
  courier_mobile VARCHAR(16) NOT NULL COMMENT 'the courier''s mobile that answered the callback: +79031112233',
  order_code INT UNSIGNED NOT NULL COMMENT 'zakaz.code',
  address_code INT UNSIGNED NOT NULL COMMENT 'address.code: the delivery the callback was about',
  courier_code INT UNSIGNED NOT NULL COMMENT 'kurier.code',
  remembered_at DATETIME(3) NOT NULL COMMENT 'UTC: when the courier answered',
  PRIMARY KEY (recipient_db_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='recent courier callbacks, by recipient';
