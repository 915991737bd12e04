import type { Stage } from './catalog.types';

/**
 * How the governing verb of a clause maps to a project's target stage.
 *
 * Definite verbs fix the target. Vague verbs (建设, 推进, 推动, 实施, 打造, 新建 …) default to `start` with
 * `targetAmbiguous: true`; a few vague verbs carry another default (拟建 → study, 实体化运行 → complete).
 * When a vague verb governs a definite one (「推动…前期工作」, 「推动…开工建设」) the definite one is the
 * `targetVerb`.
 */

export interface VerbReading {
  target: Stage;
  ambiguous: boolean;
}

export const DEFINITE_VERBS: Readonly<Record<string, Stage>> = {
  建成: 'complete',
  建成投用: 'complete',
  完工: 'complete',
  完成: 'complete',
  投产: 'complete',
  开工: 'start',
  开工建设: 'start',
  力争开工: 'start',
  力争开工建设: 'start',
  研究论证: 'study',
  前期工作: 'study',
  前期论证及研究: 'study',
  谋划: 'study',
};

/** Vague verbs whose default target is not `start`. */
export const VAGUE_VERB_DEFAULTS: Readonly<Record<string, Stage>> = {
  拟建: 'study',
  实体化运行: 'complete',
};

/** Reading of a verb: definite per DEFINITE_VERBS, otherwise vague (ambiguous) with its default target. */
export function readVerb(verb: string): VerbReading {
  const definite = DEFINITE_VERBS[verb];
  if (definite) return { target: definite, ambiguous: false };
  return { target: VAGUE_VERB_DEFAULTS[verb] ?? 'start', ambiguous: true };
}

export const STAGE_RANK: Readonly<Record<Stage, number>> = { study: 0, start: 1, complete: 2 };
