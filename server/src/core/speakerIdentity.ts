/**
 * Which speaker labels name the same person. The model already merges labels that are equal after
 * NFKC and whitespace folding (`Ｑ` / `Q`) into one speaker, keeping each written form; this goes
 * further for the speaker features (`inconsistent-speaker`, `undeclared-speaker`, completion):
 *
 * - an identity key: NFKC, case-folded, without whitespace and dots (`MS. PSAKI`, `Ms. Psaki`,
 *   `Ms.Psaki` → `mspsaki`; `孙弘`, `孙 弘` → `孙弘`);
 * - a trailing-surname match: a one-word label (`PSAKI`) is the person whose longer label ends in
 *   that word (`MS. PSAKI`), when exactly one such person exists and the word has at least three
 *   letters. `MR. LONG` and `MRS. LONG` stay two people, and `LONG` then matches neither.
 */
import type { Speaker, Turn, TranscriptModel } from './model';
import { nfkc, roleWord } from './normalize';
import { ANSWER_LABELS, INTERVIEWER_LABELS, QUESTION_LABELS } from './roles';

/** Whitespace, dots (`.`, `·`, `・`, `•`) and a leading CHAT `*`, none of which tell two people apart. */
const IGNORED = /[\s.\u00b7\u2022\u2027\u30fb\ufeff]+/gu;

/** The key labels of one person share: NFKC, case-folded, without whitespace, dots or a leading `*`. */
export function identityKey(label: string): string {
  return nfkc(label).toLowerCase().replace(/^\*+/, '').replace(IGNORED, '');
}

/** The words of a label, each case-folded without its dots: `MS. PSAKI` → `ms`, `psaki`. */
export function identityWords(label: string): string[] {
  return nfkc(label)
    .toLowerCase()
    .replace(/^\*+/, '')
    .split(/[\s\u3000\u00a0]+/)
    .map((word) => word.replace(IGNORED, ''))
    .filter((word) => word !== '');
}

/** The last word of a multi-word label, when it can stand for the person alone (3+ characters, a letter). */
export function surnameOf(label: string): string | undefined {
  const words = identityWords(label);
  if (words.length < 2) return undefined;
  const last = words[words.length - 1];
  return Array.from(last).length >= 3 && /\p{L}/u.test(last) ? last : undefined;
}

/** A built-in role word (`Q`, `答`, `主持人`, `Host`, …): a role, not a person's name. */
export function isRoleWord(label: string): boolean {
  const word = roleWord(label);
  return QUESTION_LABELS.has(word) || INTERVIEWER_LABELS.has(word) || ANSWER_LABELS.has(word);
}

const PLACEHOLDER = /^(?:(?:speaker|spk|说话人|說話人|发言人|發言人|讲者|講者|unknown speaker|unidentified speaker)(?:[ _-]*\d+|[ _-]+[a-z])?|unknown|unidentified)$/;

/**
 * A placeholder for a voice nobody has named yet, as speech-to-text exports write them: `Speaker 1`,
 * `SPEAKER_00`, `Speaker A`, `说话人1`, `Unknown`. A person to be named, not one to be declared.
 */
export function isPlaceholderLabel(label: string): boolean {
  return PLACEHOLDER.test(nfkc(label).toLowerCase().replace(/\s+/g, ' ').trim());
}

export interface SpeakerForm {
  /** The label as written. */
  readonly label: string;
  /** Turns written this way, in document order. */
  readonly turns: Turn[];
}

/** One person: the model speakers whose labels are variants of each other, and every written form. */
export interface IdentityGroup {
  readonly speakers: Speaker[];
  /** Most frequent first (ties: the form seen first). */
  readonly forms: SpeakerForm[];
}

/** The most frequent written form of a group: what its variants are replaced with. */
export function mainForm(group: IdentityGroup): SpeakerForm {
  return group.forms[0];
}

const groupsCache = new WeakMap<TranscriptModel, IdentityGroup[]>();

/**
 * Groups the model's speakers into people, in order of first appearance. Linear in the number of
 * speakers and turns; computed once per model.
 */
export function identityGroups(model: TranscriptModel): IdentityGroup[] {
  const cached = groupsCache.get(model);
  if (cached) return cached;

  // Union-find over identity keys.
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = key;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const keyOf = new Map<Speaker, string>();
  /** Surname → the identity keys of multi-word labels that end in it. */
  const bySurname = new Map<string, Set<string>>();
  /** Identity keys written as one word somewhere (candidates for a surname match). */
  const oneWord = new Set<string>();
  for (const speaker of model.speakers) {
    const key = identityKey(speaker.key) || speaker.key;
    keyOf.set(speaker, key);
    if (!parent.has(key)) parent.set(key, key);
    for (const form of speaker.forms.keys()) {
      const surname = surnameOf(form);
      if (surname !== undefined) {
        const keys = bySurname.get(surname) ?? new Set<string>();
        keys.add(key);
        bySurname.set(surname, keys);
      } else if (identityWords(form).length === 1 && !isRoleWord(form)) {
        oneWord.add(key);
      }
    }
  }
  for (const key of oneWord) {
    const owners = bySurname.get(key);
    if (!owners || owners.size !== 1) continue; // nobody, or ambiguous (MR. LONG and MRS. LONG)
    const [owner] = owners;
    if (owner !== key) parent.set(find(key), find(owner));
  }

  const byRoot = new Map<string, Speaker[]>();
  const order: string[] = [];
  for (const speaker of model.speakers) {
    const root = find(keyOf.get(speaker)!);
    const list = byRoot.get(root);
    if (list) list.push(speaker);
    else {
      byRoot.set(root, [speaker]);
      order.push(root);
    }
  }
  const groups = order.map((root) => {
    const speakers = byRoot.get(root)!;
    // The common case, one speaker written one way: no pass over its turns.
    // (The form's turns are the speaker's, asked for only when used: most callers never do.)
    if (speakers.length === 1 && speakers[0].forms.size === 1) return { speakers, forms: [onlyForm(speakers[0])] };
    const forms = new Map<string, Turn[]>();
    const turns = speakers.length === 1 ? speakers[0].turns : speakers.flatMap((speaker) => speaker.turns).sort((a, b) => a.index - b.index);
    for (const turn of turns) {
      const list = forms.get(turn.label);
      if (list) list.push(turn);
      else forms.set(turn.label, [turn]);
    }
    const sorted = [...forms].map(([label, formTurns]) => ({ label, turns: formTurns }));
    sorted.sort((a, b) => b.turns.length - a.turns.length || a.turns[0].index - b.turns[0].index);
    return { speakers, forms: sorted };
  });
  groupsCache.set(model, groups);
  return groups;
}

/** The one written form of a speaker written one way; its turns are the speaker's. */
function onlyForm(speaker: Speaker): SpeakerForm {
  const [label] = speaker.forms.keys();
  return {
    label,
    get turns(): Turn[] {
      return speaker.turns;
    },
  };
}

/** The group a speaker belongs to. */
export function identityGroupOf(model: TranscriptModel, speaker: Speaker): IdentityGroup | undefined {
  return identityGroups(model).find((group) => group.speakers.includes(speaker));
}
