// The stylesheet of the HTML report (the dashboard reuses it): sober, print-first, no web fonts
// (nothing loads at view time). Levels, statuses and N/A each have a badge with its own text and
// shape, so no meaning rests on colour alone; focus is always visible; print fits A4 and Letter
// (the page size is left to the printer, the content is fluid) and keeps a pillar's heading with
// its summary and each criterion whole.
export const REPORT_CSS = `
:root {
  --ink: #17212b;
  --text: #2e3b47;
  --muted: #5c6975;
  --rule: #dce2e8;
  --rule-strong: #b9c3cc;
  --tint: #f5f7f9;
  --navy: #1f3a5f;
  --teal: #2b7a78;
  --focus: #e8a317;
  --met: #1f6b45; --met-bg: #e5f1ea;
  --unmet: #9c3426; --unmet-bg: #f8e7e3;
  --unknown: #7a5a0e; --unknown-bg: #fbf2d9;
  --attested: #41479a; --attested-bg: #eceefa;
  --waived: #55606b; --waived-bg: #eef1f3;
  --serif: Georgia, 'Iowan Old Style', 'Palatino Linotype', 'Book Antiqua', 'Liberation Serif', 'DejaVu Serif', serif;
  --sans: 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif;
  --mono: ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eef1f4; color: var(--text); font: 15px/1.55 var(--sans); font-variant-numeric: tabular-nums; }
.page { max-width: 920px; margin: 32px auto; background: #fff; padding: 56px 64px 48px; box-shadow: 0 1px 3px rgba(23, 33, 43, .08), 0 8px 24px rgba(23, 33, 43, .06); }
h1, h2, h3, h4 { font-family: var(--serif); color: var(--ink); font-weight: 600; line-height: 1.25; }
h1 { font-size: 34px; margin: 4px 0 12px; letter-spacing: -.01em; overflow-wrap: anywhere; }
h2 { font-size: 24px; margin: 0 0 16px; padding-top: 8px; }
h3 { font-size: 19px; margin: 28px 0 10px; }
h4 { font-size: 15px; margin: 22px 0 8px; font-family: var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 700; }
p { margin: 0 0 12px; }
a { color: var(--navy); text-decoration-thickness: 1px; text-underline-offset: 2px; }
a:hover { color: var(--teal); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
code, .mono { font-family: var(--mono); font-size: .86em; }
code { background: var(--tint); border: 1px solid var(--rule); border-radius: 3px; padding: 0 4px; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 12px; top: -48px; background: var(--navy); color: #fff; padding: 8px 14px; z-index: 10; }
.skip-link:focus { top: 12px; color: #fff; }

/* Masthead */
.masthead { border-bottom: 3px solid var(--navy); padding-bottom: 24px; margin-bottom: 32px; }
.kicker { font-size: 12px; font-weight: 700; letter-spacing: .14em; text-transform: uppercase; color: var(--teal); margin: 0; }
.lede { font-size: 16px; color: var(--muted); max-width: 46em; }
.facts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 14px 24px; margin: 20px 0 0; }
.facts div { border-left: 2px solid var(--rule); padding-left: 10px; min-width: 0; }
.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 700; }
.facts dd { margin: 2px 0 0; font-size: 14px; color: var(--ink); overflow-wrap: anywhere; }

/* Contents */
.toc { background: var(--tint); border: 1px solid var(--rule); padding: 20px 28px 16px; margin-bottom: 40px; }
.toc h2 { font-size: 18px; margin-bottom: 10px; padding: 0; }
.toc ol { margin: 0; padding-left: 20px; }
.toc > ol > li { margin: 3px 0; }
.toc-pillars { columns: 2; column-gap: 28px; padding-left: 0 !important; list-style: none; margin: 6px 0 8px !important; }
.toc-pillars li { break-inside: avoid; margin: 0; padding: 1px 0; }
.toc-pillars a { display: flex; justify-content: space-between; align-items: center; gap: 10px; padding: 3px 6px; text-decoration: none; border-bottom: 1px dotted var(--rule-strong); color: var(--text); }
.toc-pillars a:hover { background: #fff; }

/* Sections */
.section { margin: 0 0 48px; }
.section > h2 { border-bottom: 1px solid var(--rule); padding-bottom: 8px; }
.note { border-left: 4px solid var(--unknown); background: var(--unknown-bg); padding: 10px 14px; margin: 0 0 16px; }
.note.info { border-color: var(--navy); background: var(--tint); }
.empty { color: var(--muted); font-style: italic; }

/* Key figures */
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0; margin: 24px 0 0; padding: 0; list-style: none; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
.kpis li { padding: 14px 14px 12px; border-left: 1px solid var(--rule); }
.kpis li:first-child { border-left: 0; padding-left: 0; }
.kpi-value { display: block; font-family: var(--serif); font-size: 28px; color: var(--ink); line-height: 1.1; }
.kpi-label { display: block; font-size: 12.5px; color: var(--muted); margin-top: 4px; }
.masthead .note { margin: 16px 0 0; }
.summary p { font-size: 15.5px; }
.summary .lead { font-size: 17.5px; line-height: 1.5; color: var(--ink); font-family: var(--serif); }
.summary h3 { font-family: var(--sans); font-size: 12px; text-transform: uppercase; letter-spacing: .08em; color: var(--teal); margin: 18px 0 6px; }
.summary ul { margin: 0 0 14px; padding-left: 20px; }
.summary li { margin: 0 0 8px; }
.summary .closing { border-top: 1px solid var(--rule); padding-top: 12px; font-weight: 600; color: var(--ink); }

/* Figures */
figure { margin: 0 0 20px; }
figure svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
figure.native svg.chart { max-width: 640px; margin: 0 auto; }
.scale { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0 20px; margin: 8px 0 0; padding: 0; list-style: none; border-top: 1px solid var(--rule); }
.scale li { display: grid; grid-template-columns: 38px 1fr; gap: 8px; padding: 8px 0; border-bottom: 1px solid var(--rule); font-size: 12.5px; line-height: 1.4; break-inside: avoid; }
.scale b { display: block; color: var(--ink); font-size: 13px; }

/* Tables */
table.data { width: 100%; border-collapse: collapse; font-size: 13.5px; margin: 4px 0 20px; }
table.data caption { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 700; padding-bottom: 6px; }
table.data th, table.data td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; overflow-wrap: break-word; }
table.data code, table.data .loc { overflow-wrap: anywhere; }
table.compact th, table.compact td { padding: 3px 8px; }
table.work td a { color: var(--ink); text-decoration: none; }
table.work td a:hover { text-decoration: underline; }
table.data td.group { border-right: 1px solid var(--rule); font-weight: 600; width: 22%; }
table.data thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1.5px solid var(--rule-strong); font-weight: 700; }
table.data tbody th { font-weight: 600; color: var(--ink); }
table.data td.num, table.data th.num { text-align: right; white-space: nowrap; }
table.data tr.na th, table.data tr.na td { color: var(--muted); }
.effort { white-space: nowrap; }

/* Badges: text and shape say what colour also says */
.level { display: inline-flex; align-items: center; justify-content: center; min-width: 30px; height: 22px; padding: 0 6px; border-radius: 11px; font: 700 12px/1 var(--sans); letter-spacing: .02em; border: 1px solid transparent; white-space: nowrap; }
.level-1 { background: #e3eaf3; color: #1f3a5f; border-color: #c9d5e4; }
.level-2 { background: #c3d3e6; color: #1f3a5f; }
.level-3 { background: #8eaed3; color: #0f2540; }
.level-4 { background: #3d6a99; color: #fff; }
.level-5 { background: #1f3a5f; color: #fff; }
.level-na { background: repeating-linear-gradient(135deg, #fff 0 4px, #eef1f4 4px 8px); color: #4b5763; border: 1px dashed #8a96a3; font-style: italic; }
.level-lg { min-width: 44px; height: 30px; border-radius: 15px; font-size: 15px; }
.badge { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px 1px 6px; border-radius: 3px; font: 700 11.5px/1.6 var(--sans); letter-spacing: .03em; text-transform: uppercase; border: 1px solid; white-space: nowrap; }
.badge .icon { font-size: 12px; line-height: 1; }
.badge-met { color: var(--met); background: var(--met-bg); border-color: #b5d6c3; }
.badge-unmet { color: var(--unmet); background: var(--unmet-bg); border-color: #e6b9b0; }
.badge-unknown { color: var(--unknown); background: var(--unknown-bg); border: 1px dashed #c9a650; }
.badge-attested { color: var(--attested); background: var(--attested-bg); border-color: #c3c6ec; }
.badge-waived { color: var(--waived); background: var(--waived-bg); border: 1px dashed #a3adb7; }
.legend-badges { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 0 0 20px; padding: 0; list-style: none; font-size: 13px; }

/* Roadmap */
.quarter { margin: 0 0 18px; }
.quarter h4 { margin: 18px 0 6px; display: flex; justify-content: space-between; align-items: baseline; color: var(--ink); }
.quarter h4 .muted { text-transform: none; letter-spacing: 0; font-weight: 400; font-size: 13px; }
.tag { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--unknown); border: 1px dashed #c9a650; background: var(--unknown-bg); border-radius: 3px; padding: 0 5px; margin-left: 4px; white-space: nowrap; }
.steps { white-space: nowrap; }
ul.plain { margin: 0 0 14px; padding-left: 20px; }

/* Pillars */
.pillar { border-top: 2px solid var(--navy); padding-top: 6px; margin: 0 0 44px; scroll-margin-top: 16px; }
.pillar:focus { outline: none; }
.pillar-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; }
.pillar-head h3 { margin: 10px 0 6px; font-size: 22px; }
.pillar-id { font: 12px var(--mono); color: var(--muted); }
.stats { display: flex; gap: 0; margin: 10px 0 0; flex-shrink: 0; }
.stats div { padding: 0 14px; border-left: 1px solid var(--rule); text-align: center; }
.stats div:first-child { border-left: 0; }
.stats dt { font-size: 10.5px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 700; }
.stats dd { margin: 4px 0 0; font-size: 15px; font-weight: 700; color: var(--ink); white-space: nowrap; }
.pillar-summary { font-size: 15px; color: var(--ink); margin-top: 10px; }
.callout { border: 1px solid var(--rule); border-left: 4px solid var(--attested); background: #fafbfd; padding: 10px 14px; margin: 0 0 12px; font-size: 14px; }
.callout.na { border-left-color: #8a96a3; background: repeating-linear-gradient(135deg, #fff 0 6px, #f6f7f9 6px 12px); }
.callout.next { border-left-color: var(--teal); }
.callout p:last-child { margin-bottom: 0; }
.callout-title { font-weight: 700; color: var(--ink); }
.criteria { list-style: none; margin: 0; padding: 0; }
.criterion { border: 1px solid var(--rule); border-left-width: 4px; padding: 10px 14px 8px; margin: 0 0 10px; break-inside: avoid; }
.criterion.st-met { border-left-color: var(--met); }
.criterion.st-unmet { border-left-color: var(--unmet); }
.criterion.st-unknown { border-left-color: #c9a650; border-left-style: dashed; background: #fffdf6; }
.criterion.st-attested { border-left-color: var(--attested); }
.criterion.st-waived { border-left-color: #a3adb7; border-left-style: dashed; }
.criterion-head { display: flex; gap: 10px; align-items: baseline; }
.criterion-title { font-weight: 600; color: var(--ink); }
.criterion-meta { font-size: 12px; color: var(--muted); margin: 2px 0 6px; }
.criterion-meta code { background: none; border: 0; padding: 0; }
.criterion p { margin: 0 0 6px; font-size: 14px; }
.label { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-right: 8px; }
.evidence { list-style: none; margin: 4px 0 8px; padding: 0; font-size: 13px; }
.evidence li { padding: 3px 0 3px 12px; border-left: 2px solid var(--rule); margin: 2px 0; overflow-wrap: anywhere; }
.evidence .loc { font-family: var(--mono); font-size: 12.5px; font-weight: 600; }
.evidence code { font-size: 12px; }
.ev-tag { color: var(--muted); font-size: 12px; }
.fix { background: var(--tint); padding: 6px 10px; border-radius: 3px; }
.person { background: var(--attested-bg); padding: 6px 10px; border-radius: 3px; }
.person.waiver { background: var(--waived-bg); }
details.more summary { cursor: pointer; color: var(--navy); font-size: 13px; padding: 2px 0 2px 12px; }
.back { font-size: 13px; margin-top: 6px; }

footer.colophon { border-top: 1px solid var(--rule); margin-top: 40px; padding-top: 14px; font-size: 12px; color: var(--muted); }
footer.colophon code { font-size: 11px; }

@media (max-width: 760px) {
  .page { margin: 0; padding: 28px 20px; box-shadow: none; }
  .scale { grid-template-columns: 1fr; }
  .facts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .kpis { grid-template-columns: repeat(2, 1fr); }
  .kpis li:nth-child(3) { border-left: 0; padding-left: 0; }
  .pillar-head { flex-direction: column; gap: 0; }
  .toc-pillars { columns: 1; }
}

@page { margin: 16mm 15mm 18mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font: 8pt 'Helvetica Neue', Helvetica, Arial, sans-serif; color: #5c6975; } }
@media print {
  html, body { background: #fff; }
  body { font-size: 9.5pt; line-height: 1.45; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .skip-link, .back { display: none; }
  a { color: inherit; text-decoration: none; }
  .evidence .loc, .toc a { color: var(--navy); }
  h1 { font-size: 24pt; }
  h2 { font-size: 16pt; }
  h3 { font-size: 13pt; }
  h2, h3, h4, .pillar-head, .criterion-head { break-after: avoid; }
  .masthead { break-inside: avoid; padding-bottom: 14px; margin-bottom: 16px; }
  .lede { font-size: 10.5pt; margin-bottom: 4px; }
  .facts { gap: 8px 20px; margin-top: 12px; }
  .kpis { margin-top: 14px; }
  .kpis li { padding: 8px 12px 6px; }
  .masthead .note { margin: 10px 0 0; }
  .summary li { margin-bottom: 4px; }
  .toc { padding: 12px 20px 10px; margin-bottom: 0; }
  .toc > ol > li { margin: 1px 0; }
  .toc-pillars a { padding: 1px 6px; }
  .toc .level { height: 17px; font-size: 9.5px; }
  .toc { break-inside: avoid; break-after: page; }
  .section { margin-bottom: 28px; }
  #profile, #gaps, #trend, #roadmap, #pillars, #reviews, #about { break-before: page; }
  .pillar { break-before: page; break-inside: avoid; margin-bottom: 0; }
  /* The first pillar follows the legend: pulled whole onto the next page, it would drag the legend's last line along. */
  #pillars > section.pillar:first-of-type { break-before: auto; break-inside: auto; }
  .legend-badges li { break-inside: avoid; }
  .pillar-intro { break-after: avoid; }
  .pillar-intro, .criterion, figure, .quarter h4, table.data tr, .callout, .kpis { break-inside: avoid; }
  figure svg.chart { max-height: 200mm; }
  thead { display: table-header-group; }
  table.data { font-size: 8.5pt; }
  table.compact th, table.compact td { padding: 2px 6px; }
  .kpi-value { font-size: 20pt; }
}
`;
