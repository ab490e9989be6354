// Reporters: pure functions from an assessment, a pillar result or a rubric to text.
export { renderAssessment, countCriteria, short, vsTypical, vsTypicalText, type CriteriaCounts, type VsTypical } from './terminal.ts';
export { renderExplain, statusLabel, evidenceLine, type ExplainOptions } from './explain.ts';
export { renderRubric, type RubricView } from './rubric.ts';
export { renderJson } from './json.ts';
export { renderMarkdown, escapeMarkdown, escapeHtml, codeSpan, hostedRepository, hostedFileUrl, repositoryName, markdownStatus, type HostedRepository, type MarkdownStatus } from './markdown.ts';
export { renderSarif, repositoryUri, SARIF_SCHEMA, type SarifLog, type SarifOptions } from './sarif.ts';
export type { TextOptions } from './text.ts';
// The HTML report (src/report/html/page.ts, renderHtml) is imported from its own module: it loads
// the charting library, which every other command would otherwise pay for at start-up.
export type { HtmlExtras, LevelName } from './html/page.ts';
