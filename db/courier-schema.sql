-- Courier delivery-management database `courier`: the tables and columns the telephony
-- integration reads, with the everyday columns a real deployment has around them.
-- Legacy column names (`VALUE`, `SourceCodeType`, `extPhone`, ...) are kept as the
-- cabinet uses them. Tables come first, secondary indexes last: a bulk load creates the
-- tables, loads the rows and only then builds the indexes.

CREATE TABLE users (
  `user` VARCHAR(32) NOT NULL COMMENT 'login in the web cabinet',
  name VARCHAR(150) NOT NULL,
  position VARCHAR(100) NULL,
  extPhone VARCHAR(64) NULL COMMENT 'internal numbers, comma-separated: 101 or 101,102',
  email VARCHAR(150) NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  date_create DATETIME NOT NULL,
  PRIMARY KEY (`user`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='staff';

CREATE TABLE kurier (
  code INT UNSIGNED NOT NULL,
  name VARCHAR(150) NOT NULL,
  phonem VARCHAR(20) NULL COMMENT 'mobile, digits only: 79161234567',
  phonek VARCHAR(20) NULL COMMENT 'second (work) phone, digits only',
  manager VARCHAR(32) NULL COMMENT 'users.user of the dispatcher in charge',
  active TINYINT(1) NOT NULL DEFAULT 1,
  date_create DATETIME NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='couriers';

CREATE TABLE clients (
  code INT UNSIGNED NOT NULL,
  company VARCHAR(200) NOT NULL,
  inn VARCHAR(12) NULL COMMENT 'taxpayer number',
  manager VARCHAR(32) NULL COMMENT 'users.user of the account manager',
  status TINYINT NOT NULL DEFAULT 1 COMMENT '0 blocked, 1 active, 2 paused, 3 VIP',
  date_create DATETIME NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='clients (senders)';

CREATE TABLE fio (
  code INT UNSIGNED NOT NULL,
  client INT UNSIGNED NOT NULL COMMENT 'clients.code',
  name VARCHAR(150) NOT NULL,
  position VARCHAR(100) NULL,
  email VARCHAR(150) NULL,
  date_create DATETIME NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='clients'' contact persons';

CREATE TABLE zakaz (
  code INT UNSIGNED NOT NULL,
  number VARCHAR(32) NOT NULL COMMENT 'order number shown to people',
  source INT UNSIGNED NOT NULL COMMENT 'clients.code of the sender',
  status TINYINT NOT NULL DEFAULT 1 COMMENT '1 new, 2 in work, 3 delivered, 4 cancelled',
  date_create DATETIME NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='orders';

CREATE TABLE address (
  code INT UNSIGNED NOT NULL,
  zakaz INT UNSIGNED NOT NULL COMMENT 'zakaz.code',
  fio VARCHAR(150) NOT NULL COMMENT 'recipient name',
  address VARCHAR(255) NOT NULL COMMENT 'delivery address text',
  `date` DATE NOT NULL COMMENT 'delivery date',
  time_from TIME NULL COMMENT 'delivery interval start',
  time_to TIME NULL COMMENT 'delivery interval end',
  cod DECIMAL(10, 2) NOT NULL DEFAULT 0 COMMENT 'cash on delivery to collect',
  date_put DATETIME NULL COMMENT 'when delivered; NULL while the delivery is in work',
  date_create DATETIME NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='an order''s delivery to one recipient';

CREATE TABLE givn (
  code INT UNSIGNED NOT NULL,
  address INT UNSIGNED NOT NULL COMMENT 'address.code',
  kurier INT UNSIGNED NOT NULL COMMENT 'kurier.code',
  State TINYINT NOT NULL COMMENT '1 the parcel is in the courier''s hands, 0 handed back or delivered',
  date_create DATETIME NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='hand-overs of deliveries to couriers';

CREATE TABLE contacts (
  code INT UNSIGNED NOT NULL,
  `VALUE` VARCHAR(32) NOT NULL COMMENT 'normalized number, digits only: 79161234567',
  SourceCodeType SMALLINT NOT NULL COMMENT '1 courier, 2 client, 3 recipient (address), 39 contact person (fio)',
  Source INT UNSIGNED NOT NULL COMMENT 'owner code: kurier, clients, address or fio',
  State TINYINT NOT NULL DEFAULT 1 COMMENT 'status returned with a client''s contact: 1 valid, 0 outdated',
  comment VARCHAR(255) NULL,
  date_create DATETIME NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='phone numbers, one row per number and owner';

-- Caller lookups: every incoming call searches by number and owner kind.
CREATE INDEX contacts_value_type ON contacts (`VALUE`, SourceCodeType);
-- An owner's numbers (a courier's or client's card, callbacks).
CREATE INDEX contacts_owner ON contacts (SourceCodeType, Source);
-- Which courier holds a delivery now, and which parcels a courier holds.
CREATE INDEX givn_address_state ON givn (address, State);
CREATE INDEX givn_kurier_state ON givn (kurier, State);
CREATE INDEX address_zakaz ON address (zakaz);
CREATE UNIQUE INDEX zakaz_number ON zakaz (number);
CREATE INDEX zakaz_source ON zakaz (source);
CREATE INDEX fio_client ON fio (client);
CREATE INDEX clients_manager ON clients (manager);
CREATE INDEX kurier_manager ON kurier (manager);
CREATE INDEX kurier_phonem ON kurier (phonem);
