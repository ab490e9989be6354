import { describe, expect, it } from 'vitest';
import { entropy, isPlaceholder, maskSecrets, maskValue } from './secrets.ts';

// Built by concatenation so this file holds no secret-shaped literal.
const AWS = 'AKIA' + 'IOSFODNN7EXAMPLE';
const GH = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

describe('maskSecrets', () => {
  it.each([
    [`const key = '${AWS}';`, AWS],
    [`token: ${GH}`, GH],
    ['DATABASE_URL=postgres://app:Sup3rS3cret@db:5432/app', 'Sup3rS3cret'],
    ['password = "correct-horse-battery"', 'correct-horse-battery'],
    ["apiKey: 'sk_test_51Habc123'", 'sk_test_51Habc123'],
    ['JWT_SECRET=zq81Lmx0Pq72', 'zq81Lmx0Pq72'],
    ['  password: hunter2222', 'hunter2222'],
    ['const k = "-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA7bq9dlWq0pX3kzDhm4aZ"', 'MIIEowIBAAKCAQEA7bq9dlWq0pX3kzDhm4aZ'],
  ])('never lets the secret through: %s', (line, secret) => {
    const out = maskSecrets(line);
    expect(out).not.toContain(secret);
    expect(out).toContain('********');
  });

  it('keeps placeholders and references readable', () => {
    expect(maskSecrets('password: process.env.DB_PASSWORD')).toBe('password: process.env.DB_PASSWORD');
    expect(maskSecrets('password = "changeme"')).toBe('password = "changeme"');
    expect(maskSecrets('secret: "${SECRET}"')).toBe('secret: "${SECRET}"');
    expect(maskSecrets('token = getToken(req)')).toBe('token = getToken(req)');
    expect(maskSecrets('DB_PASSWORD=changethis')).toBe('DB_PASSWORD=changethis');
    expect(maskSecrets('api_key: API_KEY_FROM_ENV')).toBe('api_key: API_KEY_FROM_ENV');
  });

  it('is idempotent', () => {
    const once = maskSecrets(`k = '${AWS}'`);
    expect(maskSecrets(once)).toBe(once);
  });
});

describe('helpers', () => {
  it('masks values keeping a short prefix', () => {
    expect(maskValue('abcdefghijkl')).toBe('abcd********');
    expect(maskValue('abc')).toBe('ab********');
  });
  it('measures entropy', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(entropy('abcd')).toBe(2);
  });
  it('recognises placeholders', () => {
    expect(isPlaceholder('<your-key>')).toBe(true);
    expect(isPlaceholder('xxxxxxxx')).toBe(true);
    expect(isPlaceholder('q8Zr2mWp')).toBe(false);
  });
});
