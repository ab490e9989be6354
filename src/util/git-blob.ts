// The id git gives a file's content (`git hash-object`): sha1 of "blob <size>\0<content>".
import { createHash } from 'node:crypto';

export function gitBlobId(content: string | Buffer): string {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}
