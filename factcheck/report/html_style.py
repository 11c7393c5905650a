"""The HTML report's stylesheet: inline, system fonts only, readable from phone to desktop, light or dark."""

CSS = """
:root { --fg: #1b1f24; --muted: #5b6470; --bg: #ffffff; --panel: #f5f7fa; --line: #d8dee6;
  --red: #b42318; --green: #067647; --cyan: #0e6d8c; --amber: #b54708; --mark: #fff1b8; --value: #ffd43b; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e9ee; --muted: #9aa4b2; --bg: #111418; --panel: #1a1f26; --line: #2e3640;
    --red: #f97066; --green: #47cd89; --cyan: #5cc8e6; --amber: #fdb022; --mark: #4a3f12; --value: #8a6d00; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-behavior: auto; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; color: var(--fg); background: var(--bg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p { margin: .35rem 0; }
a { color: inherit; }
header { background: var(--panel); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
nav { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: .75rem; }
nav a { text-decoration: none; border: 1px solid var(--line); border-radius: 1rem; padding: .15rem .7rem;
  background: var(--bg); }
.run, .path, .fid, .hint, .none { color: var(--muted); font-size: .875rem; }
.path, a.where, td.path { overflow-wrap: anywhere; }
.review-line { color: var(--amber); font-weight: 600; }
.warning { border: 2px solid var(--red); border-radius: .5rem; padding: .75rem; margin: .75rem 0; color: var(--red); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num { text-align: right; }
td.when { white-space: nowrap; font-variant-numeric: tabular-nums; }
section.contradiction h2 { color: var(--red); }
section.agreement h2 { color: var(--green); }
section.update h2 { color: var(--cyan); }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--red); border-radius: .5rem;
  padding: .25rem 1rem .75rem; margin: 1rem 0; }
.quotes { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .75rem; }
figure.quote { margin: 0; background: var(--panel); border-radius: .5rem; padding: .75rem; }
figcaption { font-weight: 600; }
blockquote { margin: .5rem 0; font-size: 1.05rem; }
a.q { text-decoration: none; border-bottom: 1px dotted var(--muted); }
a.q:hover, a.q:focus { border-bottom-style: solid; }
.quoted a.q { text-decoration: underline; border-bottom: none; color: inherit; }
.ctx { color: var(--muted); }
.origin, .attrib { color: var(--amber); margin: .2em 0; }
mark { color: inherit; }
mark.v { background: var(--value); font-weight: 700; padding: 0 .1em; border-radius: .2em; }
a.where { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem;
  color: var(--muted); }
.value { font-size: .9rem; }
ul.cites, ul.notes { margin: 0; padding-left: 1.1rem; }
ul.cites li { margin-bottom: .35rem; }
.src { font-weight: 600; }
.decision { font-weight: 600; font-size: .9rem; }
.decision.confirmed { color: var(--green); }
.decision.follow_up { color: var(--amber); }
.decision.dismissed { color: var(--muted); text-decoration: line-through; }
details { margin: .75rem 0; }
summary { cursor: pointer; font-weight: 600; }
.article { border-top: 1px solid var(--line); margin-top: 1.5rem; }
.text { white-space: pre-wrap; background: var(--panel); border-radius: .5rem; padding: .75rem 1rem;
  font-size: 1rem; line-height: 1.6; }
.furniture { color: var(--muted); }
mark.q { background: var(--mark); border-radius: .15em; scroll-margin-top: 30vh; }
mark.q:target { outline: 3px solid var(--amber); outline-offset: 1px; }
@media (max-width: 40rem) {
  body { padding: .5rem; font-size: 15px; }
  header { padding: .75rem; }
  .finding { padding: .25rem .6rem .6rem; }
  th, td { padding: .35rem .3rem; }
  table.sources thead { display: none; }
  table.sources tr { display: block; padding: .4rem 0; border-bottom: 1px solid var(--line); }
  table.sources td { display: inline; border: 0; padding: 0 .4rem 0 0; }
  table.sources td:nth-child(4), table.sources td:nth-child(5) { display: block; }
  table.findings thead { display: none; }
  table.findings tr { display: block; padding: .5rem 0; border-bottom: 1px solid var(--line); }
  table.findings td { display: block; border: 0; padding: .15rem 0; text-align: left; }
  table.findings td.slot { font-weight: 600; }
  table.findings td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8rem; }
}
@media print { nav { display: none; } .finding { break-inside: avoid; } }
"""
