import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const openapi = '# API\nopenapi: 3.0.3\ninfo:\n  title: Orders\npaths: {}\n';

describe('has-api-spec', () => {
  it('counts every kind of spec file, with the line of its key', async () => {
    const r = await detect(detector, {
      'api/openapi.yaml': openapi,
      'docs/api/swagger.json': '{\n  "swagger": "2.0",\n  "info": {}\n}\n',
      'events/asyncapi.yml': "asyncapi: '2.6.0'\n",
      'src/schema.graphql': 'scalar Date\n\ntype Query {\n  me: User\n}\n',
      'proto/orders/v1/orders.proto': 'syntax = "proto3";\npackage orders.v1;\n// service Old {\nservice Orders {\n  rpc Get(Req) returns (Res);\n}\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual([
      'api/openapi.yaml:2',
      'docs/api/swagger.json:2',
      'events/asyncapi.yml:1',
      'proto/orders/v1/orders.proto:4',
      'src/schema.graphql:3',
    ]);
    expect(r.measures?.['spec-files']).toEqual({ value: 5, unit: 'files' });
  });

  it.each([
    ['a README shows a spec', { 'README.md': 'openapi: 3.0.0\n', 'src/a.ts': 'x' }],
    ['a test fixture is a spec', { 'test/fixtures/petstore.yaml': openapi }],
    ['a vendored spec', { 'node_modules/x/openapi.yaml': openapi }],
    ['a generated spec', { 'generated/openapi.json': '{"openapi": "3.1.0"}' }],
    ['a nested key only', { 'config/app.yaml': 'docs:\n  openapi: 3.0.0\n' }],
    ['GraphQL operations without a schema', { 'src/queries.graphql': 'query Me {\n  me { id }\n}\n' }],
    ['a proto with messages only', { 'proto/types.proto': 'syntax = "proto3";\nmessage A {}\n' }],
    ['a commented-out openapi key', { 'api.yaml': '# openapi: 3.0.0\ntitle: x\n' }],
  ])('answers no when %s', async (_case, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['spec-files']?.value).toBe(0);
  });
});
