import type { Ecosystem } from '../../core/types.ts';
import { defineCapability, type LibraryEntry } from '../capability.ts';

// Database drivers and ORMs. Ruby gems are named by their constants too (Bundler loads them: a
// Rails model says `< ApplicationRecord`, not `require "active_record"`), PHP packages by their
// namespaces. .NET EF Core providers bring EF Core itself, so they declare its namespace.
export default defineCapability({
  id: 'database-driver',
  description: 'Database drivers and ORMs',
  libraries: {
    js: [
      'pg', 'postgres', 'pg-promise', '@neondatabase/serverless', 'mysql', 'mysql2', 'mariadb', 'sqlite3', 'better-sqlite3',
      'mongodb', 'mongoose', 'redis', 'ioredis', 'knex', 'sequelize', 'typeorm', '@prisma/client', 'drizzle-orm', 'kysely',
      'objection', '@mikro-orm/core', 'tedious', 'mssql', 'oracledb', 'cassandra-driver', '@elastic/elasticsearch',
      '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@libsql/client', '@planetscale/database', '@vercel/postgres',
      'slonik', 'sqlite', 'neo4j-driver', '@google-cloud/firestore', '@google-cloud/spanner', '@supabase/supabase-js',
      '@mikro-orm/postgresql', '@mikro-orm/mysql', 'couchbase',
    ],
    python: [
      { package: 'psycopg2', imports: ['psycopg2'] },
      { package: 'psycopg2-binary', imports: ['psycopg2'] },
      'psycopg', 'asyncpg', 'pymysql',
      { package: 'mysqlclient', imports: ['MySQLdb'] },
      { package: 'mysql-connector-python', imports: ['mysql'] },
      'sqlalchemy', 'django', 'pymongo', 'motor', 'redis', 'peewee',
      { package: 'tortoise-orm', imports: ['tortoise'] },
      'sqlmodel', 'aiomysql', 'aiopg', 'aiosqlite', 'databases', 'pymssql', 'pyodbc', 'oracledb',
      { package: 'cx-oracle', imports: ['cx_Oracle'] },
      { package: 'cassandra-driver', imports: ['cassandra'] },
      'elasticsearch', 'mongoengine', 'beanie', 'odmantic', 'ormar', 'piccolo',
      { package: 'flask-sqlalchemy', imports: ['flask_sqlalchemy'] },
      { package: 'clickhouse-driver', imports: ['clickhouse_driver'] },
      'mariadb',
    ],
    go: [
      'database/sql', 'github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v4', 'github.com/lib/pq', 'github.com/go-sql-driver/mysql',
      'gorm.io/gorm', 'github.com/jmoiron/sqlx', 'go.mongodb.org/mongo-driver/mongo', 'go.mongodb.org/mongo-driver/v2/mongo',
      'entgo.io/ent', 'github.com/uptrace/bun', 'github.com/go-pg/pg/v10', 'github.com/mattn/go-sqlite3', 'modernc.org/sqlite',
      'github.com/microsoft/go-mssqldb', 'github.com/gocql/gocql',
    ],
    jvm: [
      'org.springframework.data', 'org.springframework.jdbc', 'jakarta.persistence', 'javax.persistence', 'org.hibernate',
      'org.jooq', 'org.mybatis', 'java.sql', 'org.jetbrains.exposed', 'io.r2dbc', 'org.jdbi', 'com.mongodb', 'io.vertx.pgclient',
    ],
    dotnet: [
      'Microsoft.EntityFrameworkCore',
      { package: 'Npgsql.EntityFrameworkCore.PostgreSQL', imports: ['Microsoft.EntityFrameworkCore', 'Npgsql'] },
      { package: 'Pomelo.EntityFrameworkCore.MySql', imports: ['Microsoft.EntityFrameworkCore'] },
      { package: 'MongoDB.EntityFrameworkCore', imports: ['Microsoft.EntityFrameworkCore', 'MongoDB.Driver'] },
      'Dapper', 'Npgsql', 'MySqlConnector', { package: 'MySql.Data', imports: ['MySql.Data'] }, 'Microsoft.Data.SqlClient',
      'System.Data.SqlClient', 'Microsoft.Data.Sqlite', 'MongoDB.Driver', 'LinqToDB', 'NHibernate', 'Oracle.ManagedDataAccess',
    ],
    ruby: [
      { package: 'rails', imports: ['ActiveRecord'] },
      { package: 'activerecord', imports: ['active_record', 'ActiveRecord'] },
      { package: 'pg', imports: ['pg', 'PG'] },
      { package: 'mysql2', imports: ['mysql2', 'Mysql2'] },
      { package: 'trilogy', imports: ['trilogy', 'Trilogy'] },
      { package: 'sqlite3', imports: ['sqlite3', 'SQLite3'] },
      { package: 'sequel', imports: ['sequel', 'Sequel'] },
      { package: 'mongoid', imports: ['mongoid', 'Mongoid'] },
      { package: 'rom-sql', imports: ['rom-sql', 'ROM'] },
    ],
    php: [
      { package: 'laravel/framework', imports: ['Illuminate\\Database', 'Illuminate\\Support\\Facades\\DB'] },
      { package: 'illuminate/database', imports: ['Illuminate\\Database'] },
      { package: 'doctrine/orm', imports: ['Doctrine\\ORM'] },
      { package: 'doctrine/dbal', imports: ['Doctrine\\DBAL'] },
      { package: 'doctrine/doctrine-bundle', imports: ['Doctrine\\ORM', 'Doctrine\\DBAL', 'Doctrine\\Persistence'] },
      { package: 'mongodb/mongodb', imports: ['MongoDB'] },
    ],
  },
});

/**
 * Low-level drivers by database engine (data.single-driver). ORMs and query builders (knex,
 * sequelize, SQLAlchemy, GORM, EF Core, ActiveRecord) sit on top of one of these and are not
 * drivers. Packages that install the same module (psycopg2 and psycopg2-binary) are one driver.
 * JVM drivers are JDBC runtime dependencies, never imported, so the JVM has no entry.
 */
export const LOW_LEVEL_DRIVERS: readonly { engine: string; driver: string; ecosystem: Ecosystem; packages: readonly LibraryEntry[] }[] = [
  { engine: 'MySQL', driver: 'mysql', ecosystem: 'js', packages: ['mysql'] },
  { engine: 'MySQL', driver: 'mysql2', ecosystem: 'js', packages: ['mysql2'] },
  { engine: 'MySQL', driver: 'mariadb', ecosystem: 'js', packages: ['mariadb'] },
  { engine: 'MySQL', driver: 'pymysql', ecosystem: 'python', packages: ['pymysql'] },
  { engine: 'MySQL', driver: 'mysqlclient', ecosystem: 'python', packages: [{ package: 'mysqlclient', imports: ['MySQLdb'] }] },
  { engine: 'MySQL', driver: 'mysql-connector-python', ecosystem: 'python', packages: [{ package: 'mysql-connector-python', imports: ['mysql'] }] },
  { engine: 'MySQL', driver: 'mariadb', ecosystem: 'python', packages: ['mariadb'] },
  { engine: 'MySQL', driver: 'aiomysql', ecosystem: 'python', packages: ['aiomysql'] },
  { engine: 'MySQL', driver: 'go-sql-driver/mysql', ecosystem: 'go', packages: ['github.com/go-sql-driver/mysql'] },
  { engine: 'MySQL', driver: 'MySqlConnector', ecosystem: 'dotnet', packages: ['MySqlConnector'] },
  { engine: 'MySQL', driver: 'MySql.Data', ecosystem: 'dotnet', packages: [{ package: 'MySql.Data', imports: ['MySql.Data'] }] },
  { engine: 'MySQL', driver: 'mysql2', ecosystem: 'ruby', packages: [{ package: 'mysql2', imports: ['mysql2', 'Mysql2'] }] },
  { engine: 'MySQL', driver: 'trilogy', ecosystem: 'ruby', packages: [{ package: 'trilogy', imports: ['trilogy', 'Trilogy'] }] },
  { engine: 'PostgreSQL', driver: 'pg', ecosystem: 'js', packages: ['pg'] },
  { engine: 'PostgreSQL', driver: 'postgres', ecosystem: 'js', packages: ['postgres'] },
  { engine: 'PostgreSQL', driver: 'pg-promise', ecosystem: 'js', packages: ['pg-promise'] },
  { engine: 'PostgreSQL', driver: '@neondatabase/serverless', ecosystem: 'js', packages: ['@neondatabase/serverless'] },
  {
    engine: 'PostgreSQL',
    driver: 'psycopg2',
    ecosystem: 'python',
    packages: [{ package: 'psycopg2', imports: ['psycopg2'] }, { package: 'psycopg2-binary', imports: ['psycopg2'] }],
  },
  { engine: 'PostgreSQL', driver: 'psycopg', ecosystem: 'python', packages: ['psycopg', { package: 'psycopg-binary', imports: ['psycopg'] }] },
  { engine: 'PostgreSQL', driver: 'asyncpg', ecosystem: 'python', packages: ['asyncpg'] },
  { engine: 'PostgreSQL', driver: 'aiopg', ecosystem: 'python', packages: ['aiopg'] },
  { engine: 'PostgreSQL', driver: 'pgx', ecosystem: 'go', packages: ['github.com/jackc/pgx/v5', 'github.com/jackc/pgx/v4'] },
  { engine: 'PostgreSQL', driver: 'lib/pq', ecosystem: 'go', packages: ['github.com/lib/pq'] },
  { engine: 'PostgreSQL', driver: 'go-pg', ecosystem: 'go', packages: ['github.com/go-pg/pg/v10'] },
  { engine: 'PostgreSQL', driver: 'Npgsql', ecosystem: 'dotnet', packages: ['Npgsql'] },
  { engine: 'PostgreSQL', driver: 'pg', ecosystem: 'ruby', packages: [{ package: 'pg', imports: ['pg', 'PG'] }] },
  { engine: 'MongoDB', driver: 'mongodb', ecosystem: 'js', packages: ['mongodb'] },
  { engine: 'MongoDB', driver: 'pymongo', ecosystem: 'python', packages: ['pymongo'] },
  { engine: 'MongoDB', driver: 'motor', ecosystem: 'python', packages: ['motor'] },
  { engine: 'SQL Server', driver: 'Microsoft.Data.SqlClient', ecosystem: 'dotnet', packages: ['Microsoft.Data.SqlClient'] },
  { engine: 'SQL Server', driver: 'System.Data.SqlClient', ecosystem: 'dotnet', packages: ['System.Data.SqlClient'] },
];
