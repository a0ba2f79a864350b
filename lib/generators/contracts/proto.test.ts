import { describe, expect, it } from 'vitest';
import protobuf from 'protobufjs';
import { designSchema } from '@/lib/model';
import { contextFor, run, starterDesigns } from './test-support';
import { protoGenerator, protoModel, rpcName } from './proto';

const starters = starterDesigns();

describe('proto', () => {
  it('derives rpc names from any operation path', () => {
    expect(rpcName({ method: 'GET', path: 'auth.v1.AuthService/Check' })).toBe('Check');
    expect(rpcName({ method: 'POST', path: '/Users/Create' })).toBe('PostUsersCreate');
    expect(rpcName({ method: 'GET', path: 'GetUser' })).toBe('GetUser');
    expect(rpcName({ method: 'GET', path: '/products/{id}' })).toBe('GetProductsId');
    expect(rpcName({ method: 'GET', path: '/3d' })).toBe('Get3d');
    expect(rpcName({ method: 'GET', path: '/' })).toBe('Get');
    expect(rpcName({ method: 'GET', path: '*/ "x" ;' })).toBe('GetX');
  });

  it('parses with protobufjs for every starter template, one file per gRPC-called service', () => {
    let total = 0;
    for (const { id, design } of starters) {
      const ctx = contextFor(design);
      const files = run(protoGenerator, design);
      const called = ctx.project.services.filter((s) => ctx.graph.inEdges(s.id, 'call').some((e) => e.edge.protocol === 'grpc'));
      expect(files.map((f) => f.path), id).toEqual(called.map((s) => `contracts/proto/${s.name}/v1/${s.name}.proto`));
      for (const f of files) {
        const parsed = protobuf.parse(f.content, { keepCase: true });
        const service = called.find((s) => f.path.includes(`/${s.name}/`))!;
        const model = protoModel(ctx, service)!;
        expect(parsed.package).toBe(model.package);
        expect(parsed.package).toMatch(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.v1$/);
        const svc = parsed.root.lookupService(model.fullService);
        expect(Object.keys(svc.methods)).toEqual(model.methods.map((m) => m.name));
        total++;
      }
    }
    expect(total).toBeGreaterThan(0);
  });

  it('gives the social template versioned packages and rpcs named after the designed methods', () => {
    const files = run(protoGenerator, starters.find((s) => s.id === 'social')!.design);
    const auth = files.find((f) => f.path === 'contracts/proto/auth/v1/auth.proto')!.content;
    expect(auth).toContain('package social_platform.auth.v1;');
    expect(auth).toContain('rpc Check(CheckRequest) returns (CheckResponse);');
    expect(auth).toContain('rpc IssueToken(IssueTokenRequest) returns (IssueTokenResponse);');
  });

  it('sanitizes hostile names and deduplicates rpcs', () => {
    const design = designSchema.parse({
      name: '123 "evil" */ project',
      nodes: [
        { kind: 'service', id: 'a', name: '9lives', label: '*/ service {', position: { x: 0, y: 0 } },
        { kind: 'service', id: 'b', name: 'message', position: { x: 0, y: 0 } },
      ],
      edges: [
        {
          kind: 'call',
          id: 'e',
          source: 'b',
          target: 'a',
          protocol: 'grpc',
          operations: [
            { method: 'GET', path: 'x.Service/Get' },
            { method: 'GET', path: 'y.Service/get' },
            { method: 'POST', path: '/*/ rpc Evil() {}' },
            { method: 'GET', path: 'x.Service/Get' },
          ],
        },
        { kind: 'call', id: 'f', source: 'a', target: 'b', protocol: 'grpc' },
      ],
    });
    const files = run(protoGenerator, design);
    expect(files).toHaveLength(2);
    for (const f of files) protobuf.parse(f.content);
    const parsed = protobuf.parse(files[0].content);
    expect(parsed.package).toBe('x_123_evil_project.n_9lives.v1');
    expect(Object.keys(parsed.root.lookupService('x_123_evil_project.n_9lives.v1.N9livesService').methods)).toEqual(['Get', 'Get2', 'PostRpcEvil']);
  });

  it('matches the snapshot on the social template', () => {
    expect(run(protoGenerator, starters.find((s) => s.id === 'social')!.design)).toMatchSnapshot();
  });
});
