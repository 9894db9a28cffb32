-- CloudEvents binary mode (deploy/connect/*.json): the outbox relay sets ce_id, ce_type, ce_time and ce_subject from
-- this table's id, type, occurredat and aggregateid, ce_source as a constant, and ce_specversion from this column.
-- A column, because Kafka Connect's InsertHeader parses its literal and "1.0" would go out as the number 1; a DEFAULT,
-- because it is written into the row (and so into the write-ahead log) without the OutboxWriter naming it, whereas a
-- generated column is not published by logical replication before PostgreSQL 18.
ALTER TABLE outbox ADD COLUMN ce_specversion varchar(8) NOT NULL DEFAULT '1.0';
