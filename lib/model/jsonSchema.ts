import { z } from 'zod';
import { envelopeSchema } from './schema';
import { DESIGN_VERSION } from './version';

/** The published JSON Schema of a design file, generated from the zod schema. */
export function designJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(envelopeSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://archwright.dev/schema/design.schema.json',
    title: 'Archwright design',
    description: `An Archwright design document, format ${DESIGN_VERSION}.`,
  };
}
