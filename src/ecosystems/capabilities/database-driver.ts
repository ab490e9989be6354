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
    "@aws-sdk/lib-dynamodb",
    "@libsql/client",
    "@planetscale/database",
    "@vercel/postgres",
    "slonik",
    "sqlite",
    "neo4j-driver",
    "@google-cloud/firestore",
    "@google-cloud/spanner",
    "@supabase/supabase-js",
    "@mikro-orm/postgresql",
    "@mikro-orm/mysql",
    "couchbase"
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
    "sqlmodel",
    "aiomysql",
    "aiopg",
    "aiosqlite",
    "databases",
    "pymssql",
    "pyodbc",
    "oracledb",
    {
      "package": "cx-oracle",
      "imports": [
        "cx_Oracle"
      ]
    },
    {
      "package": "cassandra-driver",
      "imports": [
        "cassandra"
      ]
    },
    "elasticsearch",
    "mongoengine",
    "beanie",
    "odmantic",
    "ormar",
    "piccolo",
    {
      "package": "flask-sqlalchemy",
      "imports": [
        "flask_sqlalchemy"
      ]
    },
    {
      "package": "clickhouse-driver",
      "imports": [
        "clickhouse_driver"
      ]
    },
    "mariadb"
  ],
  "go": [
    "database/sql",
    "github.com/jackc/pgx/v5",
    "github.com/lib/pq",
    "github.com/go-sql-driver/mysql",
    "gorm.io/gorm",
    "github.com/jmoiron/sqlx",
    "go.mongodb.org/mongo-driver/mongo",
    "entgo.io/ent"
  ],
  "jvm": [
    "org.springframework.data",
    "org.springframework.jdbc",
    "jakarta.persistence",
    "javax.persistence",
    "org.hibernate",
    "org.jooq",
    "org.mybatis",
    "java.sql",
    "org.jetbrains.exposed"
  ],
  "dotnet": [
    "Microsoft.EntityFrameworkCore",
    "Dapper",
    "Npgsql",
    "MySqlConnector",
    "Microsoft.Data.SqlClient",
    "MongoDB.Driver"
  ],
  "ruby": [
    "active_record",
    "pg",
    "mysql2",
    "sequel",
    "mongoid"
  ]
},
});
