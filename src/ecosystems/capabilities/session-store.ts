import { defineCapability } from '../capability.ts';

// Session stores shared between hosts. `memorystore` and file or SQLite stores are not listed:
// they keep sessions on one host.
export default defineCapability({
  id: 'session-store',
  description: 'Shared session stores',
  libraries: {
    js: [
      'connect-redis',
      'connect-mongo',
      'connect-mongodb-session',
      'connect-pg-simple',
      'express-mysql-session',
      'connect-session-sequelize',
      'connect-session-knex',
      'connect-typeorm',
      '@quixo3/prisma-session-store',
      'connect-dynamodb',
      'connect-memcached',
      '@google-cloud/connect-firestore',
      'connect-firestore',
    ],
    // Rails' default cookie store keeps no server state; these keep sessions in a shared store.
    ruby: [
      { package: 'redis-session-store', imports: ['redis-session-store', 'RedisSessionStore'] },
      { package: 'activerecord-session_store', imports: ['activerecord/session_store', 'ActiveRecord::SessionStore', 'ActionDispatch::Session::ActiveRecordStore'] },
      { package: 'redis-actionpack', imports: ['redis-actionpack', 'ActionDispatch::Session::RedisStore'] },
    ],
  },
});
