import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-audit-logging', () => {
  it.each<[string, Files, string[]]>([
    [
      'an audit service called from admin actions',
      {
        'src/admin/users.ts': "export async function ban(id: string, actor: User) {\n  await users.ban(id);\n  await auditLog({ actor, action: 'user.ban', target: id });\n}\n",
        'src/audit/index.ts': 'export async function auditLog(e: Event) {\n  await db.insert(e).into("audit_log");\n}\n',
      },
      ['src/admin/users.ts:3', 'src/audit/index.ts:1', 'src/audit/index.ts:2'],
    ],
    ['an AuditEvent model', { 'app/models.py': 'class AuditEvent(models.Model):\n    actor = models.ForeignKey(User)\n' }, ['app/models.py:1']],
    ['django-simple-history', { 'app/models.py': 'from simple_history.models import HistoricalRecords\nclass Order(models.Model):\n    history = HistoricalRecords()\n' }, ['app/models.py:1', 'app/models.py:3']],
    ['an audit table migration', { 'migrations/004_audit.sql': 'CREATE TABLE audit_events (\n  id bigserial primary key\n);\n' }, ['migrations/004_audit.sql:1']],
    ['Hibernate Envers @Audited', { 'src/main/java/com/acme/Invoice.java': 'package com.acme;\n\n@Entity\n@Audited\npublic class Invoice {}\n' }, ['src/main/java/com/acme/Invoice.java:4']],
    ['paper_trail in Rails', { 'app/models/invoice.rb': 'class Invoice < ApplicationRecord\n  has_paper_trail\nend\n' }, ['app/models/invoice.rb:2']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['audit-call-sites']).toEqual({ value: locs.length, unit: 'lines' });
  });

  it.each<[string, Files]>([
    ['only npm audit runs in a script config', { 'package.json': '{ "scripts": { "audit": "npm audit" } }\n', 'src/a.ts': 'export const audited = false;\n' }],
    ['the audit call is commented out', { 'src/a.ts': '// TODO: auditLog({ action })\nexport {};\n' }],
    ['only a test writes audit logs', { 'src/audit.test.ts': 'await auditLog({ action: "x" });\n' }],
    ['only a vendored gem keeps an audit trail', { 'vendor/bundle/ruby/3.3.0/gems/audited-5.6.0/lib/audited.rb': 'module Audited\n  class Audit; end\nend\n', 'vendor/lib/audit.ts': 'auditLog({ action: "x" });\n' }],
    ['only docs describe the audit log', { 'docs/audit.md': 'We keep an audit_log table.\n' }],
  ])('answers no when %s', async (_name, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['audit-call-sites']?.value).toBe(0);
  });
});
