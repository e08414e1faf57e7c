/**
 * The speaker statistics page: a table and a bar chart (inline SVG, no scripts, no remote
 * resources) under a strict Content Security Policy. Pure, so it is unit-tested without VS Code.
 */
import { plural } from '../../server/src/core/words';
import type { TranscriptStatistics } from '../../server/src/service/protocol';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

const ROLE_CLASS: Record<string, string> = { questioner: 'questioner', interviewer: 'interviewer', answerer: 'answerer' };

function barChart(stats: TranscriptStatistics): string {
  const rows = stats.speakers;
  const rowHeight = 28;
  const labelWidth = 160;
  const chartWidth = 360;
  const maxTurns = Math.max(1, ...rows.map((row) => row.turns));
  const height = rows.length * rowHeight + 8;
  const bars = rows
    .map((row, i) => {
      const y = i * rowHeight + 4;
      const turnsWidth = Math.max(1, Math.round((row.turns / maxTurns) * chartWidth));
      const shareWidth = Math.max(1, Math.round(row.share * chartWidth));
      return [
        `<text class="label" x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(row.name)}</text>`,
        `<rect class="bar ${ROLE_CLASS[row.role] ?? 'answerer'}" x="${labelWidth}" y="${y}" width="${turnsWidth}" height="11"><title>${row.turns} turns</title></rect>`,
        `<rect class="bar share" x="${labelWidth}" y="${y + 13}" width="${shareWidth}" height="7"><title>${percent(row.share)} of the text</title></rect>`,
        `<text class="value" x="${labelWidth + turnsWidth + 6}" y="${y + 10}">${row.turns}</text>`,
      ].join('');
    })
    .join('');
  // Scales down with the view (viewBox), never wider than its natural size.
  return `<svg class="chart" role="img" aria-label="Turns and share of text per speaker" width="100%" height="${height}" preserveAspectRatio="xMinYMin meet" viewBox="0 0 ${labelWidth + chartWidth + 60} ${height}">${bars}</svg>`;
}

export function statisticsHtml(stats: TranscriptStatistics, documentName: string, cspSource: string, nonce: string): string {
  const { summary } = stats;
  const rows = stats.speakers
    .map(
      (row) => `<tr>
        <td>${escapeHtml(row.name)}</td>
        <td><span class="role ${ROLE_CLASS[row.role] ?? 'answerer'}">${escapeHtml(row.role)}</span>${row.roleSource === 'inferred' ? ' <span class="muted">(inferred)</span>' : ''}</td>
        <td class="number">${row.turns}</td>
        <td class="number">${percent(row.share)}</td>
        <td class="number">${row.questionsAsked}</td>
        <td class="number">${row.questionsAnswered}</td>
        <td class="number">${row.firstLine + 1}</td>
      </tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Speaker statistics</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; font-weight: 600; }
  .muted { color: var(--vscode-descriptionForeground); }
  table { border-collapse: collapse; margin: 12px 0 20px; }
  th, td { padding: 4px 10px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); text-align: left; }
  th { font-weight: 600; }
  td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
  .role { padding: 0 6px; border-radius: 8px; font-size: .9em; }
  .role.questioner, .role.interviewer { background: var(--vscode-charts-purple, #b180d7); color: var(--vscode-editor-background, #fff); }
  .role.answerer { background: var(--vscode-charts-blue, #3794ff); color: var(--vscode-editor-background, #fff); }
  svg .label, svg .value { fill: var(--vscode-foreground); font-size: 12px; }
  svg .bar.questioner, svg .bar.interviewer { fill: var(--vscode-charts-purple, #b180d7); }
  svg .bar.answerer { fill: var(--vscode-charts-blue, #3794ff); }
  svg .bar.share { fill: var(--vscode-charts-green, #89d185); }
  .legend span { margin-right: 14px; }
  .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
  svg.chart { max-width: 580px; }
  .swatch.turns { background: var(--vscode-charts-blue, #3794ff); }
  .swatch.asks { background: var(--vscode-charts-purple, #b180d7); }
  .swatch.share { background: var(--vscode-charts-green, #89d185); }
</style>
</head>
<body>
<h1>Speaker statistics</h1>
<p class="muted">${escapeHtml(stats.title ?? documentName)} · ${plural(summary.questions, 'question')} · ${summary.unanswered} unanswered · ${plural(summary.duplicates, 'duplicate')} · ${plural(summary.speakers, 'speaker')}</p>
<table>
  <thead><tr><th>Speaker</th><th>Role</th><th class="number">Turns</th><th class="number">Share of text</th><th class="number">Asked</th><th class="number">Answered</th><th class="number">First line</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<p class="legend muted"><span><i class="swatch asks"></i>turns of people who ask</span><span><i class="swatch turns"></i>turns of people who answer</span><span><i class="swatch share"></i>share of the spoken text</span></p>
${barChart(stats)}
</body>
</html>`;
}

/** Shown when the document is no longer a transcript (closed, or switched to another language). */
export function noTranscriptHtml(documentName: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">body { font-family: var(--vscode-font-family); color: var(--vscode-descriptionForeground); padding: 16px; }</style>
</head><body><p>${escapeHtml(documentName)} is not open as a transcript any more. Run “Transcript: Show Speaker Statistics” in a transcript to see its speakers.</p></body></html>`;
}
