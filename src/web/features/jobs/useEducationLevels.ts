/** GB/T 4658 education levels, fetched once per page load and shared (a small public list). */
import { useEffect, useState } from 'react';
import { api } from '../../api.js';

export interface EducationLevel {
  code: string;
  name: string;
  parentCode: string | null;
  isCategory: boolean;
}

let cache: Promise<EducationLevel[]> | null = null;

function loadEducationLevels(): Promise<EducationLevel[]> {
  cache ??= api<{ items: EducationLevel[] }>('/api/catalog/education-levels')
    .then((r) => r.items)
    .catch((err: unknown) => {
      cache = null;
      throw err;
    });
  return cache;
}

export function useEducationLevels(): EducationLevel[] | undefined {
  const [levels, setLevels] = useState<EducationLevel[] | undefined>();
  useEffect(() => {
    let live = true;
    loadEducationLevels().then(
      (l) => live && setLevels(l),
      () => live && setLevels([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return levels;
}

/** Select options grouped by category (研究生教育 → 博士研究生毕业 …); a category itself is selectable too. */
export function educationOptions(levels: readonly EducationLevel[], counts?: ReadonlyMap<string, number>) {
  const label = (l: EducationLevel) => (counts?.has(l.code) ? `${l.name}（${counts.get(l.code)}）` : l.name);
  return levels
    .filter((l) => l.isCategory || l.parentCode === null)
    .map((cat) => ({
      label: cat.name,
      title: cat.name,
      options: [cat, ...levels.filter((l) => l.parentCode === cat.code)].map((l) => ({ value: l.code, label: label(l) })),
    }));
}
