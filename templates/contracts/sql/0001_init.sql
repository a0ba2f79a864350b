-- {{header}}
-- Runtime tables of {{serviceName}} (RUNTIME_CONTRACT v{{contractVersion}}), in {{databaseName}}.
-- Idempotent: every statement can run again without error or change. Applied once by the service
-- at startup and recorded in schema_migrations (which the service creates, not this file).
-- Later changes go in new files (0002_*.sql …) and follow expand-contract: add columns and tables
-- first, backfill, switch readers, and drop old ones only in a later release.
{{schemaSetup}}
-- Resources written through the HTTP API; one row per write, deduplicated by Idempotency-Key.
CREATE TABLE IF NOT EXISTS records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource text NOT NULL,
  body jsonb NOT NULL,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS records_resource_created_at_idx ON records (resource, created_at DESC);

-- Transactional outbox: events are written here with the change they describe, then relayed.
CREATE TABLE IF NOT EXISTS outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  topic text NOT NULL,
  routing_key text NOT NULL,
  event text NOT NULL,
  version integer NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz NULL
);
CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL;

-- Idempotent consumers: ids of envelopes already handled.
CREATE TABLE IF NOT EXISTS processed_messages (
  message_id text PRIMARY KEY,
  event text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);

-- Events this service consumed, as received.
CREATE TABLE IF NOT EXISTS received_events (
  id bigserial PRIMARY KEY,
  message_id text NOT NULL,
  event text NOT NULL,
  version integer NOT NULL,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS received_events_message_id_idx ON received_events (message_id);
CREATE INDEX IF NOT EXISTS received_events_event_idx ON received_events (event, version, received_at DESC);
