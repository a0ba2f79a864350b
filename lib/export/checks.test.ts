// The project checker has teeth: each check rejects a small broken file of its kind, and accepts
// the fixed one. Without this, a checker that silently skips a format would pass every project.
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '@/lib/generators';
import { NGINX_BIN } from '@/lib/generators/deploy/test-utils';
import { ProjectChecker, checkPaths, sqlOutsideLiterals } from './test-support/checks';

const M = 'xPWNx';
const f = (path: string, content: string): GeneratedFile => ({ path, content });
const DOCKERFILE_OK = 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nUSER node\nHEALTHCHECK CMD ["node", "-e", "1"]\nCMD ["node", "/app/main.js"]\n';

/** Problems of one file, with and without the marker check. */
async function problemsOf(file: GeneratedFile, marker = true): Promise<string[]> {
  return new ProjectChecker({ marker: marker ? M : undefined }).check([file]);
}

describe('ProjectChecker rejects what it should', { timeout: 60_000 }, () => {
  const cases: [string, GeneratedFile, RegExp][] = [
    ['YAML syntax', f('observability/prometheus.yml', 'a: [1\n'), /.+/],
    ['YAML duplicate key', f('observability/prometheus.yml', 'a: 1\na: 2\n'), /.+/],
    ['YAML alias', f('observability/prometheus.yml', 'a: &x 1\nb: *x\n'), /.+/],
    ['design text as a YAML key', f('observability/prometheus.yml', `a: 1\n${M}: 2\n`), /became a key/],
    ['NEL ending a YAML comment for YAML 1.1 parsers', f('observability/prometheus.yml', `# of x\u0085${M}: 1\na: 1\n`), /YAML 1\.1/],
    ['JSON syntax', f('services/a/package.json', '{"a": 1,}'), /.+/],
    ['compose schema', f('docker-compose.yml', 'services:\n  a:\n    image: x\n    bogus: 1\n'), /bogus|additional/i],
    ['k8s unknown field', f('k8s/services/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\nbogus: 1\n'), /unknown field|not listed/],
    ['DigitalOcean spec', f('.do/app.yaml', 'name: x\nservices:\n  - name: a\n'), /name|pattern/],
    ['OpenAPI 3.1 schema', f('contracts/openapi/a.yaml', 'openapi: 3.1.0\ninfo:\n  title: a\npaths: {}\n'), /version|required/],
    ['AsyncAPI', f('contracts/asyncapi.yaml', 'asyncapi: 3.0.0\ninfo:\n  title: a\n'), /asyncapi/],
    ['actionlint', f('.github/workflows/ci.yml', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ bogus.x }}\n'), /actionlint/],
    ['Dockerfile as root', f('services/a/Dockerfile', DOCKERFILE_OK.replace('USER node', 'USER root')), /runs as root/],
    ['Dockerfile without HEALTHCHECK', f('services/a/Dockerfile', DOCKERFILE_OK.replace(/HEALTHCHECK.*\n/, '')), /HEALTHCHECK/],
    ['Dockerfile syntax', f('services/a/Dockerfile', DOCKERFILE_OK.replace('FROM node:20-slim', 'FROM')), /dockerfile-utils/],
    ['design text in RUN', f('services/a/Dockerfile', DOCKERFILE_OK.replace('RUN npm ci', `RUN echo ${M}`)), /design text in RUN/],
    ['design text in a Makefile recipe', f('Makefile', `all:\n\techo ${M}\n`), /outside a comment/],
    ['Makefile comment continued by a backslash', f('Makefile', `# ${M} \\\nall:\n\ttrue\n`), /continues/],
    ['.env line', f('.env.example', `A=1\n${M}()\n`), /KEY=value/],
    ['.env value with shell syntax', f('.env.example', `A=$(${M})\n`), /shell syntax/],
    ['design text in an nginx directive', f('gateway/g/nginx.conf', `events {}\nhttp {\n  server {\n    return 200 ${M};\n  }\n}\n`), /outside a quoted string/],
    ['markdownlint', f('docs/a.md', '# A\n\n\n\ntext\n'), /MD012/],
    ['proto syntax', f('contracts/proto/a.proto', 'syntax = "proto3";\npackage a.v1;\nmessage {\n'), /protobufjs/],
    ['design text as proto code', f('contracts/proto/a.proto', `syntax = "proto3";\npackage a.v1;\nmessage ${M} {}\n`), /outside proto/],
    ['TypeScript syntax', f('services/a/src/a.ts', 'export const a = ;\n'), /ts syntax/],
    ['design text as a TypeScript identifier', f('services/a/src/a.ts', `const s = "a"; ${M}(); // "\n`), /became code/],
    ['Python syntax', f('services/a/app/a.py', 'def f(:\n  pass\n'), /SyntaxError/],
    ['design text as a Python name', f('services/a/app/a.py', `s = "a" + ${M}() + "b"\n`), /became code/],
    ['design text in an f-string expression', f('services/a/app/a.py', `s = f"{${M}()}"\n`), /became code/],
    ['TOML syntax', f('services/a/pyproject.toml', '[project\nname = "a"\n'), /TOML|Error/],
    ['SQL unterminated string', f('services/a/migrations/0001_init.sql', "SELECT 'a;\n"), /unterminated/],
    ['design text as SQL', f('services/a/migrations/0001_init.sql', `SELECT 'a'; DROP TABLE ${M}; -- '\n`), /outside SQL literals/],
    ['shell syntax', f('scripts/a.sh', 'if then fi\n'), /bash -n/],
  ];
  for (const [what, file, expected] of cases) {
    it(what, async () => {
      const found = await problemsOf(file);
      expect(found.join('\n'), `${what}: ${JSON.stringify(found)}`).toMatch(expected);
    });
  }

  it('accepts the fixed files', async () => {
    const ok = [
      f('observability/prometheus.yml', `# of ${M}\na: "${M}\u2028"\n`),
      f('services/a/Dockerfile', DOCKERFILE_OK.replace('FROM node:20 AS build', `# ${M}\nFROM node:20 AS build`)),
      f('Makefile', `# Makefile of $(${M})\nall:\n\ttrue\n`),
      f('.env.example', `# ${M}\nA='$(${M})'\n`),
      f('services/a/src/a.ts', `// ${M}()\nexport const a = "${M}()" + \`\${"${M}"}\`;\n`),
      f('services/a/app/a.py', `# ${M}()\ns = "${M}()"\n`),
      f('services/a/migrations/0001_init.sql', `-- ${M}\nCOMMENT ON TABLE t IS '${M}''s'; SELECT $$${M}$$, E'\\'${M}';\n`),
      f('contracts/proto/a.proto', `syntax = "proto3";\n// ${M}\npackage a.v1;\nmessage A { string a = 1; }\n`),
      f('docs/a.md', `# A\n\n${M} text\n`),
    ];
    expect(await new ProjectChecker({ marker: M }).check(ok)).toEqual([]);
  });

  it.runIf(NGINX_BIN)('runs nginx -t when asked', async () => {
    const broken = f('gateway/g/nginx.conf', 'events {}\nhttp {\n  server {\n    bogus_directive on;\n  }\n}\n');
    expect((await new ProjectChecker({ nginx: true }).check([broken])).join('\n')).toMatch(/nginx -t/);
  });

  it('parses the Makefile with make when asked', async () => {
    const broken = f('Makefile', 'all:\n    echo spaces, not a tab\n');
    expect((await new ProjectChecker({ make: true }).check([broken])).join('\n')).toMatch(/make: .*separator/);
    expect(await new ProjectChecker({ make: true }).check([f('Makefile', 'all:\n\ttrue\n')])).toEqual([]);
  });

  it('checks paths: unsafe, duplicate, case-only collisions and files under files', () => {
    const found = checkPaths([f('a/../b', ''), f('x', ''), f('x', ''), f('Docs/A.md', ''), f('docs/a.md', ''), f('k', ''), f('k/v', '')]);
    expect(found.join('\n')).toMatch(/unsafe/);
    expect(found.join('\n')).toMatch(/duplicate path x/);
    expect(found.join('\n')).toMatch(/differ only in case/);
    expect(found.join('\n')).toMatch(/lies under the file k/);
  });

  it('lexes SQL literals, comments and dollar quotes', () => {
    expect(sqlOutsideLiterals("SELECT 'a''b', \"x\"\"y\", $t$ ' $t$ /* ' /* */ ' */ -- '\n;").error).toBeUndefined();
    expect(sqlOutsideLiterals('SELECT $t$ a').error).toMatch(/unterminated/);
    expect(sqlOutsideLiterals('/* a').error).toMatch(/unterminated/);
  });
});
