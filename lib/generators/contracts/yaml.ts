// Contracts and docs write YAML through the generators' one YAML writer (lib/generators/yaml.ts).
export { toYaml } from '../yaml';
