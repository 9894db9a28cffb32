-- Who acted, carried by Debezium's outbox router as the Kafka header "actor" (deploy/connect/*.json):
-- a person's account id, system:<consumer> or system:<service>. Nullable: nobody named, and rows
-- written before this column existed.
ALTER TABLE outbox ADD COLUMN actor varchar(128);
