import { LIGHTS, worstLight, type Light, type LightReason } from './investment';
import { MILESTONE_TEMPLATES } from './milestone-templates';
import type { RagLevel, RagReason } from './rag';

/**
 * The project light the console shows (issue 13): the milestone RAG combined with the lights of the monthly 调度
 * (investment, start, registration). The worst of them, and every reason with the light it came from. Defined here
 * once; the project list renders the level through `combinedLightSql` (libs/persistence/src/investment.sql.ts).
 */

export const LIGHT_SOURCES = ['milestones', 'investment', 'start', 'registration'] as const;
export type LightSource = (typeof LIGHT_SOURCES)[number];

export interface ProjectLightReason {
  /** Which light gave it: the milestone RAG, or one of the three lights of the monthly 调度. */
  readonly source: LightSource;
  readonly code: string;
  readonly level: Exclude<Light, 'green'>;
  /** One sentence in Chinese and in English; the API answers the one Accept-Language asks for. */
  readonly text: { readonly zh: string; readonly en: string };
}

export interface ProjectLight {
  readonly light: Light;
  readonly reasons: readonly ProjectLightReason[];
}

/** The milestone RAG says amber where the 调度's lights say yellow: the same level. */
export function lightOfRag(rag: RagLevel): Light {
  return rag === 'amber' ? 'yellow' : rag;
}

const SOURCE_OF: Record<LightReason['code'], LightSource> = { investment_behind: 'investment', start_overdue: 'start', not_registered: 'registration' };

function milestoneName(code: string): { zh: string; en: string } {
  return MILESTONE_TEMPLATES.find((template) => template.code === code)?.name ?? { zh: code, en: code };
}

/** A milestone RAG reason in words (the console's 「…」已逾期 N 天). */
export function ragReasonText(reason: RagReason): { zh: string; en: string } {
  const name = milestoneName(reason.milestone);
  switch (reason.code) {
    case 'milestone_overdue':
      return { zh: `「${name.zh}」已逾期 ${reason.days} 天`, en: `“${name.en}” is ${reason.days} days overdue` };
    case 'forecast_slip':
      return { zh: `「${name.zh}」预计比基线推迟 ${reason.days} 天`, en: `“${name.en}” is forecast ${reason.days} days after its baseline` };
    case 'target_out_of_reach':
      return {
        zh: `「${name.zh}」预计晚于 2030 年底 ${reason.days} 天，2030 年目标难以实现`,
        en: `“${name.en}” is forecast ${reason.days} days after 2030: the target is out of reach`,
      };
  }
}

/**
 * The project light: the worst of the milestone RAG and the 调度's project light (itself the worst of investment, start
 * and registration), every reason listed worst first, the milestones' before the 调度's at the same level.
 */
export function combineProjectLight(
  milestones: { readonly rag: RagLevel; readonly reasons: readonly RagReason[] },
  investment: { readonly light: Light; readonly reasons: readonly LightReason[] },
): ProjectLight {
  const reasons: ProjectLightReason[] = [
    ...milestones.reasons.map((reason) => ({
      source: 'milestones' as const,
      code: reason.code,
      level: lightOfRag(reason.level) as Exclude<Light, 'green'>,
      text: ragReasonText(reason),
    })),
    ...investment.reasons.map((reason) => ({
      source: SOURCE_OF[reason.code],
      code: reason.code,
      level: reason.level,
      text: { zh: reason.text, en: reason.en },
    })),
  ];
  const rank = (light: Light) => LIGHTS.indexOf(light);
  reasons.sort((a, b) => rank(b.level) - rank(a.level));
  return { light: worstLight(lightOfRag(milestones.rag), investment.light), reasons };
}
