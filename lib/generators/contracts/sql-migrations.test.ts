import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '@/lib/model';
import { contextFor, run, starterDesigns, withPostgres, type Psql } from './test-support';
import { serviceDbSchema, sqlIdent, sqlMigrationsGenerator } from './sql-migrations';

const starters = starterDesigns();

/** The RUNTIME_CONTRACT tables and columns (project.ts), as information_schema reports them. */
const CONTRACT: Record<string, string[]> = {
  records: ['id:uuid', 'resource:text', 'body:jsonb', 'idempotency_key:text', 'created_at:timestamp with time zone'],
  outbox: ['id:uuid', 'topic:text', 'routing_key:text', 'event:text', 'version:integer', 'payload:jsonb', 'created_at:timestamp with time zone', 'published_at:timestamp with time zone'],
  processed_messages: ['message_id:text', 'event:text', 'processed_at:timestamp with time zone'],
  received_events: ['id:bigint', 'message_id:text', 'event:text', 'version:integer', 'payload:jsonb', 'received_at:timestamp with time zone'],
};

function sharedDesign(names: string[]): Design {
  return designSchema.parse({
    name: 'Shared "db" <test>',
    nodes: [
      ...names.map((name, i) => ({ kind: 'service', id: `s${i}`, name, position: { x: 0, y: 0 } })),
      { kind: 'database', id: 'db', name: 'main-db', position: { x: 0, y: 0 }, technology: 'postgres' },
      { kind: 'database', id: 'db2', name: 'own-db', position: { x: 0, y: 0 }, technology: 'postgres', ownerId: 's0' },
    ],
    edges: [
      ...names.map((_, i) => ({ kind: 'data', id: `d${i}`, source: `s${i}`, target: 'db', access: 'read-write' })),
      { kind: 'data', id: 'own', source: 's0', target: 'db2', access: 'read-write' },
    ],
  });
}

/** Checks that `schema` of `db` holds exactly the contract's tables and columns. */
function expectContractTables(psql: Psql, db: string, schema: string) {
  const rows = psql(`SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = '${schema}' ORDER BY table_name, ordinal_position;`, db)
    .trim()
    .split('\n');
  const expected = Object.entries(CONTRACT)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([t, cols]) => cols.map((c) => `${t}.${c}`));
  expect(rows).toEqual(expected);
}

describe('sql-migrations', () => {
  it('emits one migration per service with a primary PostgreSQL database, in services/<name>/migrations/', () => {
    for (const { design } of starters) {
      const ctx = contextFor(design);
      const files = run(sqlMigrationsGenerator, design);
      const expected = ctx.project.services.filter((s) => s.primaryDatabase).map((s) => `services/${s.name}/migrations/0001_init.sql`);
      expect(files.map((f) => f.path)).toEqual(expected);
      for (const f of files) {
        expect(f.content).not.toMatch(/CREATE TABLE[^;]*schema_migrations/i);
        expect(f.content).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it('matches the snapshot on the e-commerce template', () => {
    const files = run(sqlMigrationsGenerator, starters.find((s) => s.id === 'ecommerce')!.design);
    expect(files).toMatchSnapshot();
  });

  it('gives services sharing a database their own schema, and keeps public for a database of one service', () => {
    const design = sharedDesign(['orders', 'pg-admin', 'public', 'a-b', 'a--b']);
    const { project } = contextFor(design);
    const schemas = project.services.map((s) => serviceDbSchema(project, s));
    expect(schemas).toEqual(['public', 'svc_pg_admin', 'svc_public', 'a_b', 'a_b_2']);
    // s0 owns own-db, so that is its primary database, alone there.
    expect(project.services[0].primaryDatabase?.name).toBe('own-db');
    expect(sqlIdent('we"ird')).toBe('"we""ird"');
  });

  it('applies to a throwaway PostgreSQL, twice (idempotent), creating exactly the contract tables', async () => {
    const ran = await withPostgres((psql) => {
      const designs = [...starters, { id: 'shared', design: sharedDesign(['orders', 'payments', 'pg-admin', 'public']) }];
      for (const { id, design } of designs) {
        const { project } = contextFor(design);
        const files = new Map(run(sqlMigrationsGenerator, design).map((f) => [f.path, f.content]));
        const dbs = new Set<string>();
        for (const service of project.services) {
          const db = service.primaryDatabase;
          if (!db) continue;
          const dbName = `${id}_${db.dbName}`.slice(0, 63);
          if (!dbs.has(dbName)) psql(`CREATE DATABASE ${sqlIdent(dbName)};`);
          dbs.add(dbName);
          const sql = files.get(`services/${service.name}/migrations/0001_init.sql`)!;
          // Twice, as a service restarting before it recorded the migration would.
          psql(sql, dbName);
          psql(sql, dbName);
          expectContractTables(psql, dbName, serviceDbSchema(project, service)!);
          // What the services do with the tables (RUNTIME_CONTRACT), in the migration's search_path.
          const schema = sqlIdent(serviceDbSchema(project, service)!);
          const out = psql(
            `SET search_path TO ${schema};
             INSERT INTO records (resource, body, idempotency_key) VALUES ('orders', '{"a":1}', 'k1') ON CONFLICT (idempotency_key) DO NOTHING;
             INSERT INTO records (resource, body, idempotency_key) VALUES ('orders', '{"a":2}', 'k1') ON CONFLICT (idempotency_key) DO NOTHING;
             INSERT INTO outbox (id, topic, routing_key, event, version, payload) VALUES (gen_random_uuid(), 't', 'e.v1', 'E', 1, '{}');
             INSERT INTO processed_messages (message_id, event) VALUES ('m1', 'E') ON CONFLICT DO NOTHING;
             INSERT INTO received_events (message_id, event, version, payload) VALUES ('m1', 'E', 1, '{}');
             SELECT count(*) FROM records WHERE idempotency_key = 'k1';
             SELECT count(*) FROM outbox WHERE published_at IS NULL;
             TRUNCATE records, outbox, processed_messages, received_events;`,
            dbName,
          );
          expect(out.trim().split('\n')).toEqual(['1', '1']);
        }
      }
    });
    if (!ran) console.warn('SKIPPED: PostgreSQL server binaries not found in /usr/lib/postgresql/15/bin; migrations were not applied.');
  }, 120_000);
});
