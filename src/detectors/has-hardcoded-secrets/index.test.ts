import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

// Built at run time so this file never contains a secret-shaped literal.
const GH = ['ghp', 'Q7x2Lm9Zp4Tr8Wk1Nv6Bc3Hd5Fg0Js2Ya7Ue'].join('_');
const STRIPE = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
const API = 'a8F3kL0pQ7zX2mN9';
const JWT = 'u7Yq2Ws9Ex4Rc1Tv';
const DBPW = 'Xy7pQ2wLm9zz';
const AWS_DOC = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const KEY = ['-----BEGIN RSA PRIVATE', 'KEY-----'].join(' ');
const BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun';

describe('has-hardcoded-secrets', () => {
  it.each<[string, Files, string[], string]>([
    ['a GitHub token in source', { 'src/github.ts': `export const client = new Octokit({ auth: process.env.GH ?? '${GH}' });\n` }, ['src/github.ts:1'], GH],
    ['a Stripe key in a comment', { 'src/pay.ts': `// old key: ${STRIPE}\nexport {};\n` }, ['src/pay.ts:1'], STRIPE],
    ['a secret-named literal', { 'src/config.ts': `export const config = {\n  apiKey: '${API}',\n};\n` }, ['src/config.ts:2'], API],
    ['a Django SECRET_KEY', { 'app/settings.py': `SECRET_KEY = "django-insecure-${API}"\n` }, ['app/settings.py:1'], API],
    ['a committed .env.production', { '.env.production': `NODE_ENV=production\nJWT_SECRET=${JWT}\nJWT_EXPIRES_IN=7d\n` }, ['.env.production:2'], JWT],
    ['a password in a connection URL', { 'docker-compose.yml': `services:\n  api:\n    environment:\n      DATABASE_URL: postgres://app:${DBPW}@db:5432/app\n` }, ['docker-compose.yml:4'], DBPW],
    ['a private key file', { 'certs/server.key': `${KEY}\n${BODY}\n` }, ['certs/server.key:1'], BODY],
    ['a private key in a string', { 'src/jwt.ts': `const pem = "${KEY}\\n${BODY}\\n";\n` }, ['src/jwt.ts:1'], BODY],
    ['a Spring datasource password in application.properties', { 'src/main/resources/application.properties': `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=${DBPW}\n` }, ['src/main/resources/application.properties:2'], DBPW],
    ['a client secret in application.yml', { 'src/main/resources/application.yml': `spring:\n  security:\n    oauth2:\n      client:\n        registration:\n          github:\n            client-secret: ${API}\n` }, ['src/main/resources/application.yml:7'], API],
    ['a password in a Go DSN', { 'internal/db/db.go': `package db\n\nconst dsn = "postgres://orders:${DBPW}@orders-db:5432/orders"\n` }, ['internal/db/db.go:3'], DBPW],
    ['a password in a .NET connection string', { 'Api/appsettings.json': `{ "ConnectionStrings": { "Default": "Server=sql.prod;Database=Orders;User Id=app;Password=${DBPW};Encrypt=True" } }\n` }, ['Api/appsettings.json:1'], DBPW],
  ])('answers yes for %s, never echoing the secret', async (_name, files, locs, raw) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.secrets).toEqual({ value: locs.length, unit: 'findings' });
    expect(JSON.stringify(r)).not.toContain(raw);
  });

  it('counts every finding across files', async () => {
    const r = await detect(detector, {
      'src/a.ts': `const password = "${DBPW}";\nconst token = '${GH}';\n`,
      '.env': `STRIPE_SECRET_KEY=${STRIPE}\nDB_PASSWORD=\n`,
    });
    expect(r.measures?.secrets?.value).toBe(3);
    expect(locations(r)).toEqual(['.env:1', 'src/a.ts:1', 'src/a.ts:2']);
    for (const raw of [DBPW, GH, STRIPE]) expect(JSON.stringify(r)).not.toContain(raw);
  });

  it.each<[string, Files]>([
    ['values are placeholders or references', { 'src/c.ts': "const a = { password: 'changeme', apiKey: process.env.API_KEY, token: '<your-token>', secret: '${SECRET}' };\n" }],
    ['code parses PEM headers', { 'src/pem.ts': `export const isKey = (s: string) => s.startsWith('${KEY}');\n` }],
    ['UI strings sit under secret-like names', { 'src/i18n/de.json': '{ "forgotPassword": "Passwort-vergessen?", "passwordHint": "Mindestens 8 Zeichen" }\n' }],
    ['names hold keys of secrets, not secrets', { 'src/c.ts': "const TOKEN_STORAGE_KEY = 'accessTokenStorage';\nconst tokenType = 'Bearer';\nconst passwordField = 'pw-input-1';\n" }],
    ['the AWS key is the documented example', { 'src/aws.ts': `const id = '${AWS_DOC}';\n` }],
    ['the env file is an example', { '.env.example': `JWT_SECRET=${JWT}\n` }],
    ['the env file holds local defaults only', { '.env': 'POSTGRES_PASSWORD=postgres\nAPI_TOKEN=\nTOKEN_TTL=3600\nSECRET_KEY=changethis\n' }],
    ['the secret is in a test', { 'src/a.test.ts': `const token = '${GH}';\n` }],
    ['the secret is in a fixture', { 'test/fixtures/creds.json': `{ "apiKey": "${API}" }\n` }],
    ['the secret is in the docs', { 'README.md': `export GITHUB_TOKEN=${GH}\n` }],
    ['the secret is in a lockfile', { 'package-lock.json': `{ "x": "${GH}" }\n` }],
    ['the env file is for tests', { '.env.test': `SECRET_KEY=${API}\nDATABASE_URL=postgres://user:${DBPW}@127.0.0.1/test\n` }],
    ['a translation names a secret field', { 'shared/i18n/locales/da_DK/translation.json': '{ "OAuth application secret": "OAuth-applikations9hemmelighed" }\n' }],
    ['the name only contains a secret word', { 'src/passkeys.ts': 'export enum Aaguid {\n  GooglePasswordManager = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4",\n}\n' }],
    ['the value is a UUID identifier', { 'src/passkeys.ts': 'export enum Aaguid {\n  OnePassword = "bada5566-a7aa-401f-bd96-45619a55120d",\n}\n' }],
    ['the value is built at run time', { 'src/webhook.ts': 'this.secret = `ol_whs_${randomString(32)}`;\n' }],
    ['Spring reads the password from a placeholder', { 'src/main/resources/application.yml': 'spring:\n  datasource:\n    password: ${DB_PASSWORD}\n    hikari:\n      maximum-pool-size: 10\n', 'src/main/resources/application.properties': 'jwt.secret=${JWT_SECRET:}\nserver.ssl.key-store-password=changeit\njwt.token-validity=3600\n' }],
    ['the Spring password is in test resources', { 'src/test/resources/application.properties': `spring.datasource.password=${DBPW}\n` }],
    ['the .NET connection string uses integrated security or a token', { 'Api/appsettings.json': '{ "ConnectionStrings": { "Default": "Server=(localdb)\\\\mssqllocaldb;Database=Orders;Trusted_Connection=True", "Other": "Server=db;User Id=app;Password=#{DbPassword}#;" } }\n' }],
  ])('answers no when %s', async (_name, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.secrets?.value).toBe(0);
  });
});
