import type { SurveyState } from '../domain/person-rules';

const STATE_CLASS: Record<SurveyState, string> = { 未调查: 'todo', 待完善: 'incomplete', 已完成: 'done' };

export function SurveyStateBadge({ state }: { state: SurveyState }) {
  return <span className={`state state-${STATE_CLASS[state]}`}>{state}</span>;
}
