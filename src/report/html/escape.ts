// HTML escaping and links for the HTML report and the dashboard. Every piece of text that comes
// from a repository (paths, excerpts, justifications, names) goes through `html`, which escapes
// whatever it interpolates unless it is already markup (SafeHtml): forgetting an escape then
// takes a deliberate `raw`, not an omission. Links to hosted repositories reuse the Markdown
// report's reading of remotes, so both reports link the same files.
import type { Assessment, HumanEvidence } from '../../core/assessment.ts';
import { encodePath, hostedCommitUrl, hostedFileUrl, hostedRepository, type HostedRepository } from '../markdown.ts';

export { encodePath, hostedCommitUrl, hostedFileUrl, hostedRepository, repositoryName, type HostedRepository } from '../markdown.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and attribute values (quoted): the five special characters as entities. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that is already safe: built by `html` or vouched for with `raw`. */
export interface SafeHtml {
  readonly safeHtml: string;
}

/** What `html` interpolates: text is escaped, markup kept, nothing shown for null, undefined and false. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

/** Markup vouched for by the caller (an SVG rendered here, a stylesheet): never repository text. */
export function raw(markup: string): SafeHtml {
  return { safeHtml: markup };
}

function isSafe(v: unknown): v is SafeHtml {
  return typeof v === 'object' && v !== null && 'safeHtml' in v;
}

function interpolate(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return escapeHtmlText(v);
  if (isSafe(v)) return v.safeHtml;
  return (v as readonly HtmlValue[]).map(interpolate).join('');
}

/** A template of markup whose interpolated values are escaped (arrays are joined, markup kept). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += interpolate(v) + strings[i + 1]!;
  });
  return { safeHtml: out };
}

/** Where evidence of an assessment links to: the hosted repository at the assessed commit, when known. */
export interface Links {
  repo: HostedRepository | null;
  commit: string | null;
}

export function linksOf(a: Pick<Assessment, 'subject'>): Links {
  return { repo: hostedRepository(a.subject.remote), commit: a.subject.commit };
}

/** `path` or `path:line`. */
export function locationText(path: string, line?: number): string {
  return line !== undefined ? `${path}:${line}` : path;
}

/**
 * The address of a repository file: on the hosted repository at the assessed commit (with the
 * line as #L anchor) when the remote is GitHub or GitLab, else the path relative to the
 * repository root (a file:// report placed in the repository opens it).
 */
export function fileHref(links: Links, path: string, line?: number): string {
  if (links.repo && links.commit) return hostedFileUrl(links.repo, links.commit, path, line);
  return encodePath(path);
}

export function commitHref(links: Links): string | null {
  return links.repo && links.commit ? hostedCommitUrl(links.repo, links.commit) : null;
}

/** Only http(s) addresses become links: a `javascript:` URL in an attestation stays text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/** A repository file as a link showing `path:line`. */
export function fileLink(links: Links, path: string, line?: number): SafeHtml {
  return html`<a class="loc" href="${fileHref(links, path, line)}">${locationText(path, line)}</a>`;
}

/** Evidence people supplied: a web link, a document of the repository (linked), or a measured figure. */
export function humanEvidenceHtml(e: HumanEvidence, links: Links): SafeHtml {
  if (e.url) return isWebUrl(e.url) ? html`<a href="${e.url}">${e.url}</a>` : html`${e.url}`;
  if (e.document) return html`${fileLink(links, e.document)}${e.blob ? html` <span class="muted">(blob ${e.blob.slice(0, 12)})</span>` : ''}`;
  if (e.measured) return html`${e.measured.value} ${e.measured.unit} (${e.measured.source})`;
  return html``;
}
