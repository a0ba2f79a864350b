"""Events: the envelope every broker carries, publishers, idempotent consumers and the outbox relay."""
