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
  ],
  // Rails and standalone ActiveRecord migrations are recognised by the Gemfile and db/migrate/
  // (uses-migration-tool): every migration names ActiveRecord::Migration, which would list
  // activerecord beside rails. Laravel's extend Illuminate\Database\Migrations\Migration.
  "ruby": [
    { "package": "sequel", "imports": ["sequel/extensions/migration", "Sequel::Migrator"] },
    { "package": "standalone_migrations", "imports": ["standalone_migrations", "StandaloneMigrations"] }
  ],
  "php": [
    { "package": "laravel/framework", "imports": ["Illuminate\\Database\\Migrations"] },
    { "package": "illuminate/database", "imports": ["Illuminate\\Database\\Migrations"] },
    { "package": "doctrine/migrations", "imports": ["Doctrine\\Migrations"] },
    { "package": "doctrine/doctrine-migrations-bundle", "imports": ["Doctrine\\Migrations"] },
    { "package": "robmorgan/phinx", "imports": ["Phinx"] }
  ]
},
});
