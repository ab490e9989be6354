import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'migration-tool',
  description: 'Schema migration tools',
  libraries: {
  "js": [
    "knex",
    "prisma",
    "@prisma/client",
    "typeorm",
    "sequelize-cli",
    "umzug",
    "db-migrate",
    "node-pg-migrate",
    "migrate-mongo",
    "drizzle-kit",
    "@mikro-orm/migrations",
    "postgrator",
    "kysely",
    "@mikro-orm/cli",
    "dbmate",
    "graphile-migrate",
    "migrate",
    "ley",
    "@databases/pg-migrations"
  ],
  "python": [
    "alembic",
    "django",
    {
      "package": "flask-migrate",
      "imports": [
        "flask_migrate"
      ]
    },
    "yoyo-migrations",
    "piccolo",
    {
      "package": "aerich",
      "imports": [
        "aerich"
      ]
    }
  ]
},
});
