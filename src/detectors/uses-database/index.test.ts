import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps, devDependencies: dev });

describe('uses-database', () => {
  it.each([
    ['pg', { 'package.json': pkg({ pg: '8' }), 'src/db.ts': "import { Pool } from 'pg';\n" }, ['src/db.ts:1']],
    ['Prisma', { 'package.json': pkg({ '@prisma/client': '5' }), 'src/db.ts': "import { PrismaClient } from '@prisma/client';\n" }, ['src/db.ts:1']],
    ['SQLAlchemy', { 'requirements.txt': 'SQLAlchemy==2.0\n', 'app/db.py': 'from sqlalchemy import create_engine\n' }, ['app/db.py:1']],
    ['psycopg2-binary', { 'requirements.txt': 'psycopg2-binary\n', 'app/db.py': 'import psycopg2\n' }, ['app/db.py:1']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['a CLI without a database', { 'package.json': pkg({ commander: '12' }), 'src/cli.ts': "import { Command } from 'commander';\n" }],
    ['only a Redis cache', { 'package.json': pkg({ ioredis: '5' }), 'src/cache.ts': "import Redis from 'ioredis';\n" }],
    ['only tests use sqlite', { 'package.json': pkg({}, { 'better-sqlite3': '9' }), 'test/db.test.ts': "import Database from 'better-sqlite3';\n" }],
    ['a README shows a driver', { 'package.json': pkg({}), 'README.md': "import { Pool } from 'pg'\n" }],
    ['a commented-out import', { 'package.json': pkg({ pg: '8' }), 'src/db.ts': "// import { Pool } from 'pg';\n" }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-database in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['a Rails model (ActiveRecord loaded by Bundler)', { 'Gemfile': `source "https://rubygems.org"
gem "rails"
gem "pg"
`, 'app/models/application_record.rb': `class ApplicationRecord < ActiveRecord::Base
  primary_abstract_class
end
`, 'app/models/order.rb': `class Order < ApplicationRecord
  belongs_to :customer
end
` }, ['app/models/application_record.rb:1']],
    ['a Laravel Eloquent model', { 'composer.json': `{ "require": { "laravel/framework": "*" } }
`, 'app/Models/Order.php': `<?php
namespace App\\Models;

use Illuminate\\Database\\Eloquent\\Model;

class Order extends Model {}
` }, ['app/Models/Order.php:4']],
    ['EF Core through the Npgsql provider package', { 'src/Api/Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="1.0.0" />
  </ItemGroup>
</Project>
`, 'src/Api/Db.cs': `using Microsoft.EntityFrameworkCore;

public class Db(DbContextOptions<Db> o) : DbContext(o) {}
` }, ['src/Api/Db.cs:1']],
    ['Go pgx', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
)
`, 'internal/db/db.go': `package db

import "github.com/jackc/pgx/v5/pgxpool"

var Pool *pgxpool.Pool
` }, ['internal/db/db.go:3']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['only the README of a Rails app names ActiveRecord', { 'Gemfile': `source "https://rubygems.org"
gem "rails"
`, 'README.md': `Models extend ActiveRecord::Base.
`, 'app/controllers/home_controller.rb': `class HomeController < ActionController::Base
end
` }],
    ['Eloquent is only in a vendored copy', { 'composer.json': `{ "require": { "slim/slim": "*" } }
`, 'vendor/illuminate/database/Eloquent/Model.php': `<?php
namespace Illuminate\\Database\\Eloquent;

use Illuminate\\Database\\Connection;

abstract class Model {}
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
