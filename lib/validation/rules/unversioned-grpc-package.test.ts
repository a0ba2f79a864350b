import rule from './unversioned-grpc-package';
import { testRule } from '../test-utils';

const grpc = (...paths: string[]) => ({ protocol: 'grpc', operations: paths.map((path) => ({ method: 'POST', path })) });

testRule(rule, {
  valid: [
    { name: 'versioned packages', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', grpc('user.v1.UserService/GetUser', '/billing.v2beta1.Billing/Charge')]] } },
    { name: 'no operations listed', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { protocol: 'grpc' }]] } },
    { name: 'REST paths are not packages', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: [{ method: 'GET', path: '/users' }] }]] } },
  ],
  invalid: [
    {
      name: 'unversioned',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', grpc('user.UserService/GetUser', 'user.v1.UserService/List')]] },
      findings: [{ targets: ['a:b', 'a', 'b'], message: /user\.UserService\/GetUser without a versioned package/ }],
    },
  ],
});
