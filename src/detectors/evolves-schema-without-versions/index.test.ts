import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const apollo = {
  'package.json': JSON.stringify({ name: 'graph', dependencies: { '@apollo/server': '4', graphql: '16' } }),
  'src/index.ts': "import { ApolloServer } from '@apollo/server';\nconst server = new ApolloServer({ typeDefs, resolvers });\n",
};
const grpcGo = {
  'go.mod': 'module x\n\nrequire google.golang.org/grpc v1.64.0\n',
  'main.go': 'package main\n\nimport "google.golang.org/grpc"\n\nfunc main() { _ = grpc.NewServer() }\n',
};
const gha = (run: string, extra = ''): string =>
  `name: schema\non: [pull_request]\njobs:\n  check:\n${extra}    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

describe('evolves-schema-without-versions', () => {
  it.each([
    ['a GraphQL SDL with @deprecated fields', { ...apollo, 'schema.graphql': 'type User {\n  id: ID!\n  login: String @deprecated(reason: "Use handle.")\n}\ntype Query { me: User }\n' }, ['schema.graphql:3']],
    ['a code-first Strawberry schema with a deprecation reason', {
      'requirements.txt': 'strawberry-graphql==0.235.0\n',
      'app/schema.py': 'import strawberry\n\n@strawberry.type\nclass Book:\n    author: str = strawberry.field(deprecation_reason="Use authors.")\n',
    }, ['app/schema.py:5']],
    ['a type-graphql field with deprecationReason', {
      'package.json': JSON.stringify({ dependencies: { 'type-graphql': '2', graphql: '16' } }),
      'src/user.ts': "import { Field, ObjectType } from 'type-graphql';\n@ObjectType()\nexport class User {\n  @Field({ deprecationReason: 'Use handle' })\n  login!: string;\n}\n",
    }, ['src/user.ts:4']],
    ['protobuf reserved fields and a versioned package on a gRPC server', {
      ...grpcGo,
      'proto/ledger/v1/ledger.proto': 'syntax = "proto3";\npackage ledger.v1;\nservice Ledger { rpc Get(Req) returns (Res); }\nmessage Req {\n  reserved 2;\n  string id = 1;\n  string old = 3 [deprecated = true];\n}\n',
    }, ['proto/ledger/v1/ledger.proto:5', 'proto/ledger/v1/ledger.proto:7', 'proto/ledger/v1/ledger.proto:2']],
    ['GraphQL Inspector in CI on a Hot Chocolate server', {
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="HotChocolate.AspNetCore" Version="13.9.0" /></ItemGroup></Project>',
      'Api/Program.cs': 'using HotChocolate;\nvar builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddGraphQLServer().AddQueryType<Query>();\n',
      '.github/workflows/schema.yml': gha("npx @graphql-inspector/cli diff 'git:origin/main:schema.graphql' schema.graphql"),
    }, ['.github/workflows/schema.yml:8']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r).filter((l) => where.includes(l))).toEqual(where);
  });

  it.each([
    ['a GraphQL API without any deprecation or check', { ...apollo, 'schema.graphql': 'type Query { me: String }\n' }],
    ['a commented-out @deprecated in the SDL', { ...apollo, 'schema.graphql': 'type Query {\n  # old: String @deprecated\n  me: String\n}\n' }],
    ['@deprecated only in a test fixture schema', { ...apollo, 'test/fixtures/schema.graphql': 'type Query { a: String @deprecated }\n' }],
    ['reserved fields only in vendored protos', { ...grpcGo, 'vendor/github.com/x/api/a.proto': 'syntax = "proto3";\npackage x.v1;\nmessage A { reserved 1; }\n' }],
    ['buf breaking in a disabled job', { ...grpcGo, '.github/workflows/buf.yml': gha('buf breaking --against .git#branch=main', '    if: false\n') }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it.each([
    ['a REST API, even with a deprecated GraphQL field', {
      'package.json': JSON.stringify({ dependencies: { express: '4', '@apollo/server': '4' } }),
      'src/app.ts': "import express from 'express';\nimport { ApolloServer } from '@apollo/server';\nconst app = express();\napp.get('/users', list);\napp.use('/graphql', mw);\n",
      'schema.graphql': 'type Query { a: String @deprecated }\n',
    }],
    ['a CLI with a proto file', { 'go.mod': 'module x\n', 'proto/a.proto': 'syntax = "proto3";\npackage a.v1;\nmessage A { reserved 1; }\n' }],
    ['GraphQL named only in a README', { 'package.json': JSON.stringify({ dependencies: {} }), 'README.md': "import { ApolloServer } from '@apollo/server'\n", 'schema.graphql': 'type Query { a: String @deprecated }\n' }],
  ])('is not applicable for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('not-applicable');
  });
});
