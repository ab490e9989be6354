import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'http-server',
  description: 'HTTP server frameworks that expose an API',
  libraries: {
  "js": [
    "express",
    "fastify",
    "koa",
    "@koa/router",
    "koa-router",
    "@nestjs/core",
    "@hapi/hapi",
    "restify",
    "hono",
    "@trpc/server",
    "apollo-server",
    "@apollo/server",
    "graphql-yoga",
    "next",
    "polka",
    "micro",
    "routing-controllers",
    "elysia",
    "h3",
    "@hono/node-server",
    "@feathersjs/express",
    "@loopback/rest",
    "@adonisjs/core"
  ],
  "python": [
    "flask",
    "fastapi",
    "django",
    "starlette",
    "aiohttp",
    "tornado",
    "falcon",
    "sanic",
    "quart",
    "bottle",
    "pyramid",
    "litestar",
    "connexion",
    "cherrypy",
    {
      "package": "django-ninja",
      "imports": [
        "ninja"
      ]
    },
    {
      "package": "djangorestframework",
      "imports": [
        "rest_framework"
      ]
    }
  ],
  "go": [
    "github.com/gin-gonic/gin",
    "github.com/labstack/echo/v4",
    "github.com/gofiber/fiber/v2",
    "github.com/go-chi/chi/v5",
    "github.com/gorilla/mux",
    "github.com/julienschmidt/httprouter",
    "google.golang.org/grpc"
  ],
  "jvm": [
    "org.springframework.web",
    "io.javalin",
    "io.micronaut.http",
    "jakarta.ws.rs",
    "javax.ws.rs",
    "io.ktor.server",
    "io.quarkus.vertx.web"
  ],
  "dotnet": [
    "Microsoft.AspNetCore"
  ],
  "ruby": [
    "rails",
    "sinatra",
    "grape"
  ],
  "php": [
    "laravel/framework",
    "symfony/http-kernel",
    "slim/slim"
  ]
},
});
