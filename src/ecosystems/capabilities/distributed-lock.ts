import { defineCapability } from '../capability.ts';

// Distributed locks that let one host of many run a scheduled job (ShedLock, Redlock, redsync...).
export default defineCapability({
  id: 'distributed-lock',
  description: 'Distributed locks and leader election for scheduled work',
  libraries: {
    js: ['redlock', '@sesamecare-oss/redlock', 'redis-semaphore'],
    python: [{ package: 'python-redis-lock', imports: ['redis_lock'] }, 'pottery'],
    go: ['github.com/go-redsync/redsync', 'github.com/bsm/redislock'],
    jvm: ['net.javacrumbs.shedlock', 'org.springframework.integration.support.locks'],
    ruby: [{ package: 'redlock', imports: ['redlock', 'Redlock'] }, { package: 'with_advisory_lock', imports: ['with_advisory_lock'] }],
    php: [{ package: 'symfony/lock', imports: ['Symfony\\Component\\Lock'] }],
    dotnet: [{ package: 'DistributedLock', imports: ['Medallion.Threading'] }],
  },
});
