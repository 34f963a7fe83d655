import type { TargetMismatch } from '../../domain/targets';

/** Where the year's targets disagree with themselves, shown rather than hidden (seed 000: 7746 vs 7800). */
export function TargetMismatches({ mismatches }: { mismatches: readonly TargetMismatch[] }) {
  if (mismatches.length === 0) return null;
  return (
    <div className="banner warning" role="alert">
      <p>目标任务数前后不一致，请核实：</p>
      <ul className="errors">
        {mismatches.map((mismatch) => (
          <li key={`${mismatch.where}-${mismatch.message}`}>
            {mismatch.where}：{mismatch.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
