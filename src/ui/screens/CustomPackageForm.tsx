import { useId, useState } from 'react';
import type { ServiceType } from '../../domain/assistance-event';
import { ServicePackageSchema, type ServicePackage } from '../../domain/service-package';

const COUNTABLE: { label: string; types: ServiceType[] }[] = [
  { label: '政策宣讲', types: ['政策宣讲'] },
  { label: '职业指导', types: ['职业指导'] },
  { label: '岗位推介', types: ['岗位推介'] },
  { label: '技能培训', types: ['技能培训'] },
  { label: '培训或见习', types: ['技能培训', '就业见习'] },
];

/** A township's own package: a name and how many of each service. */
export function CustomPackageForm({ onAdd }: { onAdd: (servicePackage: ServicePackage) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        新增自定义服务包
      </button>
    );
  }
  function add() {
    const requirements = COUNTABLE.flatMap(({ label, types }) => {
      const count = Number(counts[label] ?? '');
      return count > 0 ? [{ label, types, count }] : [];
    });
    const parsed = ServicePackageSchema.safeParse({ id: `custom-${crypto.randomUUID()}`, name, requirements });
    if (!parsed.success) return setProblem(parsed.error.issues.map((issue) => issue.message).join('；'));
    onAdd(parsed.data);
    setOpen(false);
  }
  return (
    <div className="card nested">
      <div className="field">
        <label htmlFor={`${id}-name`}>服务包名称</label>
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="inline-fields">
        {COUNTABLE.map(({ label }) => (
          <div className="field" key={label}>
            <label htmlFor={`${id}-${label}`}>{label}（次）</label>
            <input id={`${id}-${label}`} inputMode="numeric" value={counts[label] ?? ''} onChange={(event) => setCounts({ ...counts, [label]: event.target.value.replace(/\D/g, '') })} />
          </div>
        ))}
      </div>
      {problem ? <p role="alert" className="field-error">{problem}</p> : null}
      <button type="button" className="button primary small" onClick={add}>
        添加服务包
      </button>
    </div>
  );
}
