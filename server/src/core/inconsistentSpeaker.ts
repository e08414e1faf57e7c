/**
 * `inconsistent-speaker`: one person under variant labels (`孙弘` / `孙 弘`, `MS. PSAKI` / `Ms. Psaki`
 * / `PSAKI`, `Ｑ` / `Q`). Reported on every turn label written in a form other than the person's most
 * frequent one; the quick fix rewrites those labels, and only those labels, to the main form.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Finding } from './findings';
import type { TranscriptModel, Turn } from './model';
import { IdentityGroup, identityGroups, mainForm } from './speakerIdentity';
import { plural } from './words';

/** Groups with more than one written form: the people whose labels drift. */
export function inconsistentGroups(model: TranscriptModel): IdentityGroup[] {
  return identityGroups(model).filter((group) => group.forms.length > 1);
}

/** The findings of `inconsistent-speaker`, one per turn whose label is a minority form. */
export function inconsistentSpeakerFindings(model: TranscriptModel): Finding[] {
  const findings: Finding[] = [];
  for (const group of inconsistentGroups(model)) {
    const main = mainForm(group);
    const first = main.turns[0];
    for (const form of group.forms) {
      if (form === main) continue;
      for (const turn of form.turns) {
        findings.push({
          code: 'inconsistent-speaker',
          range: turn.labelRange,
          message: `Speaker '${turn.label}' is written '${main.label}' in ${plural(main.turns.length, 'turn')} (first on line ${first.line + 1}): one speaker under variant labels.`,
          related: [{ range: first.labelRange, message: `'${main.label}' (line ${first.line + 1})` }],
          turnIndex: turn.index,
        });
      }
    }
  }
  return findings;
}

/** The group whose variant label `turn` carries, if its label is not the group's main form. */
export function variantGroupOf(model: TranscriptModel, turn: Turn): IdentityGroup | undefined {
  const group = inconsistentGroups(model).find((candidate) => candidate.speakers.includes(turn.speaker));
  return group && mainForm(group).label !== turn.label ? group : undefined;
}

/** Rewrites every label of the group that is not in the main form to the main form (label ranges only). */
export function useMainFormEdits(group: IdentityGroup): TextEdit[] {
  const main = mainForm(group);
  const edits: TextEdit[] = [];
  for (const form of group.forms) {
    if (form === main) continue;
    for (const turn of form.turns) edits.push({ range: turn.labelRange, newText: main.label });
  }
  return edits.sort((a, b) => a.range.start.line - b.range.start.line);
}
