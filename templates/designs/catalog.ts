// The starter designs offered by "New from template". Each entry names a design file in this
// folder; `scripts/copy-templates.ts` copies them to public/templates/, where the app fetches them.
// Kept free of lib/ imports so the start screen can list templates without loading the model.

export interface DesignTemplate {
  /** Stable id, used in URLs (e.g. `/?template=ecommerce`). */
  readonly id: string;
  readonly title: string;
  /** One or two sentences for the template picker. */
  readonly description: string;
  /** File name in templates/designs/ (and public/templates/). */
  readonly file: string;
}

export const DESIGN_TEMPLATES: readonly DesignTemplate[] = [
  {
    id: 'ecommerce',
    title: 'E-commerce',
    description:
      'Web and mobile shop behind an nginx gateway: catalog, orders, payments, inventory, notifications and users, each with its own Postgres; checkout as an OrderPlaced saga over RabbitMQ, Stripe for payments.',
    file: 'ecommerce.archwright.yaml',
  },
  {
    id: 'fintech',
    title: 'Event-driven fintech',
    description:
      'Trading platform under the event-driven-gateway house rules: services talk only through RabbitMQ, one integration service per external system, a single database gateway, errors published to notifications.',
    file: 'fintech.archwright.yaml',
  },
  {
    id: 'social',
    title: 'Social platform (gRPC + Kafka)',
    description:
      'Ten services behind Envoy: gRPC between services, Kafka events published through an outbox, a Postgres database per service, Redis timelines and Elasticsearch search.',
    file: 'social.archwright.yaml',
  },
  {
    id: 'saas',
    title: 'Multi-tenant SaaS',
    description:
      'Auth, tenants, billing, analytics and notifications behind Kong; Postgres, Redis sessions, Elasticsearch for analytics, RabbitMQ for billing events and Stripe as payment provider.',
    file: 'saas.archwright.yaml',
  },
  {
    id: 'restaurant',
    title: 'Restaurant bookings',
    description:
      'A small booking system: web frontend, bookings API with Postgres, and a FastAPI voice agent that takes phone reservations through a telephony and speech API, linked by RabbitMQ.',
    file: 'restaurant.archwright.yaml',
  },
];

/** The catalog entry with this id, if any. */
export function findTemplate(id: string): DesignTemplate | undefined {
  return DESIGN_TEMPLATES.find((t) => t.id === id);
}

/** URL the app fetches the template's design file from (copies live in public/templates/). */
export function templateUrl(id: string): string {
  const template = findTemplate(id);
  if (!template) throw new Error(`Unknown design template "${id}".`);
  return `/templates/${template.file}`;
}
