-- Read-only account for caller lookups. The helper connects with it from every operator
-- workstation, so it may read the courier database and nothing else.
-- On a real server choose another password and narrow '%' to the office network.
CREATE USER IF NOT EXISTS 'courier_ro'@'%' IDENTIFIED BY 'courier-ro-password';
GRANT SELECT ON courier.* TO 'courier_ro'@'%';
