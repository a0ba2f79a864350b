// Writes the published JSON Schema of the design file format (public/schema/design.schema.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { designJsonSchema } from '../lib/model/jsonSchema';

const out = path.join(__dirname, '..', 'public', 'schema', 'design.schema.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(designJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
