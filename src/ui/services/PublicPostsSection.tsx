import { useId, useState } from 'react';
import { savePerson } from '../../db/people';
import { formatLocalDate } from '../../domain/dates';
import type { Person } from '../../domain/person';
import { POST_EXIT_DESTINATIONS, PublicPostSpellSchema, type PublicPostSpell } from '../../domain/public-post';
import { TextField } from '../fields';
import { useServices } from '../services';

function ExitForm({ spell, onSave }: { spell: PublicPostSpell; onSave: (spell: PublicPostSpell) => Promise<string | null> }) {
  const destinationId = useId();
  const [exitDate, setExitDate] = useState(formatLocalDate(new Date()));
  const [destination, setDestination] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="card nested">
      <TextField label="退出时间" type="date" value={exitDate} onChange={setExitDate} />
      <div className="field">
        <label htmlFor={destinationId}>退出后就业去向</label>
        <select id={destinationId} value={destination} onChange={(event) => setDestination(event.target.value)}>
          <option value="">请选择</option>
          {POST_EXIT_DESTINATIONS.map((option) => <option key={option}>{option}</option>)}
        </select>
      </div>
      {problem ? <p role="alert" className="field-error">{problem}</p> : null}
      <button
        type="button"
        className="button primary small"
        onClick={() => {
          if (!destination) return setProblem('请选择退出后就业去向');
          if (exitDate < spell.startDate) return setProblem('退出时间不能早于上岗时间');
          void onSave({ ...spell, exitDate, exitDestination: destination as PublicPostSpell['exitDestination'] }).then(setProblem);
        }}
      >
        保存退出
      </button>
    </div>
  );
}

/** 乡村公益性岗位 spells of one person (附件4-1): posts held, exits and where they went. */
export function PublicPostsSection({ person }: { person: Person }) {
  const { db } = useServices();
  const [adding, setAdding] = useState(false);
  const [exiting, setExiting] = useState<string | null>(null);
  const [draft, setDraft] = useState({ post: '', employer: '', monthlySubsidy: '', startDate: formatLocalDate(new Date()), fundingSource: '' });
  const [problem, setProblem] = useState<string | null>(null);

  async function store(publicPosts: PublicPostSpell[]): Promise<string | null> {
    try {
      await savePerson(db, { ...person, publicPosts });
      return null;
    } catch {
      return '保存失败，请重试';
    }
  }

  async function addSpell() {
    const parsed = PublicPostSpellSchema.safeParse({
      id: crypto.randomUUID(),
      ...draft,
      monthlySubsidy: draft.monthlySubsidy ? Number(draft.monthlySubsidy) : undefined,
    });
    if (!parsed.success) return setProblem(parsed.error.issues.map((issue) => issue.message).join('；'));
    const failure = await store([...person.publicPosts, parsed.data]);
    setProblem(failure);
    if (!failure) setAdding(false);
  }

  return (
    <section aria-labelledby="posts-title">
      <h2 id="posts-title">乡村公益性岗位</h2>
      {person.publicPosts.length === 0 ? <p className="muted">无公益性岗位记录。</p> : null}
      <ul className="events" aria-label="公益性岗位">
        {person.publicPosts.map((spell) => (
          <li key={spell.id} className="event">
            <div className="event-line">
              <span className="event-title">{spell.post}</span>
              <span className="event-date">
                {spell.startDate} 至 {spell.exitDate ?? '今'}
              </span>
            </div>
            <p className="event-detail">{[spell.employer, spell.monthlySubsidy !== undefined ? `月补贴 ${spell.monthlySubsidy} 元` : '', spell.fundingSource].filter(Boolean).join(' · ')}</p>
            {spell.exitDestination ? <p className="event-detail">退出后就业去向：{spell.exitDestination}</p> : null}
            {!spell.exitDate && exiting !== spell.id ? (
              <button type="button" className="button small" onClick={() => setExiting(spell.id)}>
                登记退出
              </button>
            ) : null}
            {exiting === spell.id ? (
              <ExitForm
                spell={spell}
                onSave={async (updated) => {
                  const failure = await store(person.publicPosts.map((candidate) => (candidate.id === updated.id ? updated : candidate)));
                  if (!failure) setExiting(null);
                  return failure;
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {adding ? (
        <div className="card nested">
          <TextField label="岗位（工种）名称" value={draft.post} onChange={(post) => setDraft({ ...draft, post })} />
          <TextField label="用人单位" value={draft.employer} onChange={(employer) => setDraft({ ...draft, employer })} />
          <TextField label="月补贴标准（元）" value={draft.monthlySubsidy} onChange={(value) => setDraft({ ...draft, monthlySubsidy: value.replace(/[^\d.]/g, '') })} />
          <TextField label="上岗时间" type="date" value={draft.startDate} onChange={(startDate) => setDraft({ ...draft, startDate })} />
          <TextField label="补贴资金来源" value={draft.fundingSource} onChange={(fundingSource) => setDraft({ ...draft, fundingSource })} />
          {problem ? <p role="alert" className="field-error">{problem}</p> : null}
          <button type="button" className="button primary small" onClick={() => void addSpell()}>
            保存岗位
          </button>
        </div>
      ) : (
        <button type="button" className="button small" onClick={() => setAdding(true)}>
          新增公益性岗位
        </button>
      )}
    </section>
  );
}
