import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'database-driver',
  description: 'Database drivers and ORMs',
  libraries: {
  "js": [
    "pg",
    "postgres",
    "pg-promise",
    "@neondatabase/serverless",
    "mysql",
    "mysql2",
    "mariadb",
    "sqlite3",
    "better-sqlite3",
    "mongodb",
    "mongoose",
    "redis",
    "ioredis",
    "knex",
    "sequelize",
    "typeorm",
    "@prisma/client",
    "drizzle-orm",
    "kysely",
    "objection",
    "@mikro-orm/core",
    "tedious",
    "mssql",
    "oracledb",
    "cassandra-driver",
    "@elastic/elasticsearch",
    "@aws-sdk/client-dynamodb",
    "@aws-sdk/lib-dynamodb"
  ],
  "python": [
    {
      "package": "psycopg2",
      "imports": [
        "psycopg2"
      ]
    },
    {
      "package": "psycopg2-binary",
      "imports": [
        "psycopg2"
      ]
    },
    "psycopg",
    "asyncpg",
    "pymysql",
    {
      "package": "mysqlclient",
      "imports": [
        "MySQLdb"
      ]
    },
    {
      "package": "mysql-connector-python",
      "imports": [
        "mysql"
      ]
    },
    "sqlalchemy",
    "django",
    "pymongo",
    "motor",
    "redis",
    "peewee",
    {
      "package": "tortoise-orm",
      "imports": [
        "tortoise"
      ]
    },
    "sqlmodel"
  ]
},
});
