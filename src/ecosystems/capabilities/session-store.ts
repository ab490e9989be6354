import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'session-store',
  description: 'Shared session stores',
  libraries: {
  "js": [
    "connect-redis",
    "connect-mongo",
    "connect-pg-simple",
    "express-mysql-session",
    "connect-session-sequelize",
    "@quixo3/prisma-session-store",
    "connect-dynamodb",
    "memorystore"
  ]
},
});
