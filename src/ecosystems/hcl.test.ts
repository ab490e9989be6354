import { describe, expect, it } from 'vitest';
import { attribute, blankHclComments, childBlocks, literalString, parseHcl, stringAttr } from './hcl.ts';

/** HCL that trips naive readers: braces in strings, comments and heredocs, templates, escapes. */
const NASTY = [
  '// leading comment with { brace', // 1
  '/* block comment', // 2
  '   resource "aws_s3_bucket" "fake" {', // 3
  '*/', // 4
  'terraform {', // 5
  '  required_version = ">= 1.5"', // 6
  '  backend "s3" { bucket = "tf-state" }', // 7
  '}', // 8
  'resource "aws_security_group" "sg" {', // 9
  '  name        = "sg-{oops"', // 10
  '  description = "closing } in string # not a comment // nor this"', // 11
  '  dynamic "ingress" {', // 12
  '    for_each = var.ports', // 13
  '    content {', // 14
  '      from_port   = ingress.value', // 15
  '      cidr_blocks = ["0.0.0.0/0"] # comment }', // 16
  '    }', // 17
  '  }', // 18
  '  tags = { Team = "a}b", "Cost-Center" = "cc" }', // 19
  '}', // 20
  'resource "aws_instance" "web" {', // 21
  '  count     = var.enabled ? 1 : 0', // 22
  '  user_data = <<-EOT', // 23
  '    #!/bin/bash', // 24
  '    cp /opt/app/* /srv/   # a shell glob, not a comment opener', // 25
  '    echo "${var.name}" } {', // 26
  '    EOT', // 27
  '  literal   = "$${not_interpolated} {"', // 28
  '  nested    = "${jsonencode({ a = "}" })}"', // 29
  '  policy    = "arn:aws:s3:::bucket/*"', // 30
  '}', // 31
  'resource "aws_s3_bucket" "after" {}', // 32
  'locals { url = "https://example.com/#frag" }', // 33
].join('\n');

describe('HCL reader', () => {
  it('finds every block with its type, labels and lines, whatever the strings, comments and heredocs hold', () => {
    const blocks = parseHcl('main.tf', NASTY);
    expect(blocks.map((b) => `${b.type}:${b.labels.join('.')}:${b.line}-${b.endLine}`)).toEqual([
      'terraform::5-8',
      'resource:aws_security_group.sg:9-20',
      'resource:aws_instance.web:21-31',
      'resource:aws_s3_bucket.after:32-32',
      'locals::33-33',
    ]);
  });

  it('gives attributes and nested blocks, dynamic blocks included', () => {
    const [tf, sg, web, , locals] = parseHcl('main.tf', NASTY);
    expect(tf!.blocks.map((b) => `${b.type}:${b.labels[0]}:${b.line}`)).toEqual(['backend:s3:7']);
    expect(sg!.attributes.map((a) => `${a.name}@${a.line}`)).toEqual(['name@10', 'description@11', 'tags@19']);
    expect(stringAttr(sg!, 'description')).toBe('closing } in string # not a comment // nor this');
    const ingress = childBlocks(sg!, 'ingress');
    expect(ingress.map((b) => `${b.type}@${b.line}`)).toEqual(['content@14']);
    expect(attribute(ingress[0]!, 'cidr_blocks')?.expr).toBe('["0.0.0.0/0"]');
    expect(web!.attributes.map((a) => a.name)).toEqual(['count', 'user_data', 'literal', 'nested', 'policy']);
    expect(attribute(web!, 'count')?.expr).toBe('var.enabled ? 1 : 0');
    expect(stringAttr(web!, 'policy')).toBe('arn:aws:s3:::bucket/*');
    expect(stringAttr(locals!, 'url')).toBe('https://example.com/#frag');
  });

  it('blanks comments only, keeping offsets, strings and heredoc bodies', () => {
    const b = blankHclComments(NASTY);
    expect(b.length).toBe(NASTY.length);
    expect(b.split('\n')[2]).toBe(' '.repeat(NASTY.split('\n')[2]!.length));
    expect(b).toContain('cp /opt/app/* /srv/   # a shell glob');
    expect(b).toContain('"closing } in string # not a comment // nor this"');
    expect(b.split('\n')[15]).toBe(`      cidr_blocks = ["0.0.0.0/0"] ${' '.repeat('# comment }'.length)}`);
  });

  it('reads a literal string only when nothing is interpolated', () => {
    expect(literalString('"plain \\"quoted\\""')).toBe('plain "quoted"');
    expect(literalString('"env-${var.env}"')).toBeUndefined();
    expect(literalString('var.x')).toBeUndefined();
  });
});
