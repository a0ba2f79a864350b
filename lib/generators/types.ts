import type { Design, DEPLOY_TARGETS, SERVICE_STACKS } from '@/lib/model';
import type { DesignGraph } from '@/lib/graph';
import type { Project } from './project';
import type { ToolVersions } from './versions';

export type ServiceStack = (typeof SERVICE_STACKS)[number];
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];

/** One file of the exported project. Paths are relative, POSIX, never absolute or with `..`. */
export interface GeneratedFile {
  path: string;
  content: string;
  /** Marks scripts that must be executable in the zip (mode 0755). */
  executable?: boolean;
}

/** What the user picked in the export dialog (or on the CLI). */
export interface ExportOptions {
  /** Stack per service node id; services not listed use their node's `stack`. */
  stacks: Record<string, ServiceStack>;
  /** Deployment targets to emit; defaults to the design's settings.targets. */
  targets: DeployTarget[];
  /** Emit observability/ (collector, Prometheus, Grafana) and wire tracing. */
  observability: boolean;
  /** Emit .github/workflows/ci.yml. */
  ci: boolean;
  /** Emit gateway config for gateway nodes. */
  gateway: boolean;
  /** ISO date (YYYY-MM-DD) stamped into ADRs and docs; passed in so output is deterministic. */
  date: string;
  /** Image tags and package versions; passed in so output is deterministic. */
  versions: ToolVersions;
}

/**
 * Read-only access to the template files under `templates/` (keys like `fastify/src/main.ts`).
 * In Node it reads the folder; in the browser it is the bundle `scripts/copy-templates.ts` writes.
 */
export interface TemplateSource {
  /** The template's text; throws a clear error when it does not exist. */
  get(path: string): string;
  /** Every template path starting with `prefix` (e.g. `fastify/`), sorted. */
  list(prefix: string): string[];
}

/** Everything a generator may read. */
export interface GeneratorContext {
  readonly design: Design;
  readonly graph: DesignGraph;
  readonly options: ExportOptions;
  /** Names, ports, env vars and wiring derived once from the design; see project.ts. */
  readonly project: Project;
  readonly templates: TemplateSource;
}

/** One artifact kind (compose, k8s, a stack's service code, ADRs…): a pure, deterministic function. */
export interface Generator {
  /** Kebab-case id, equals the file name in lib/generators/. */
  id: string;
  title: string;
  /** Whether it emits anything for these options (e.g. k8s only when the target is picked). */
  applies?(ctx: GeneratorContext): boolean;
  generate(ctx: GeneratorContext): GeneratedFile[];
}
