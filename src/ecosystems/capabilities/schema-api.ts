import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'schema-api',
  description: 'GraphQL and gRPC servers: APIs whose contract is a schema rather than URLs',
  libraries: {
  "js": [
    "@apollo/server",
    "apollo-server",
    "apollo-server-express",
    "apollo-server-fastify",
    "graphql-yoga",
    "@graphql-yoga/node",
    "mercurius",
    "@nestjs/graphql",
    "type-graphql",
    "express-graphql",
    "graphql-http",
    "@pothos/core",
    "nexus",
    "@grpc/grpc-js",
    "@connectrpc/connect",
    "@connectrpc/connect-node",
    "@connectrpc/connect-express",
    "@connectrpc/connect-fastify"
  ],
  "python": [
    {
      "package": "strawberry-graphql",
      "imports": [
        "strawberry"
      ]
    },
    "graphene",
    {
      "package": "graphene-django",
      "imports": [
        "graphene_django"
      ]
    },
    "ariadne",
    {
      "package": "grpcio",
      "imports": [
        "grpc"
      ]
    }
  ],
  "go": [
    "github.com/99designs/gqlgen",
    "github.com/graph-gophers/graphql-go",
    "github.com/graphql-go/graphql",
    "google.golang.org/grpc",
    "connectrpc.com/connect"
  ],
  "jvm": [
    "com.netflix.graphql.dgs",
    "org.springframework.graphql",
    "com.expediagroup.graphql",
    "graphql.kickstart",
    "io.grpc",
    "net.devh.boot.grpc"
  ],
  "ruby": [
    "graphql",
    "grpc"
  ],
  "dotnet": [
    "HotChocolate",
    "GraphQL",
    "Grpc.AspNetCore",
    "Grpc.Core"
  ]
},
});
