import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { PlanTree, UnitWithCount } from '../api/types';

/** The plan tree and the units change only with a catalog import: fetched once per page load and shared. */
let planTree: Promise<PlanTree> | undefined;
let units: Promise<UnitWithCount[]> | undefined;

export function fetchPlanTree(): Promise<PlanTree> {
  planTree ??= api.get<PlanTree>('/api/plan').catch((error) => {
    planTree = undefined;
    throw error;
  });
  return planTree;
}

export function fetchUnits(): Promise<UnitWithCount[]> {
  units ??= api
    .get<{ items: UnitWithCount[] }>('/api/units')
    .then((answer) => answer.items)
    .catch((error) => {
      units = undefined;
      throw error;
    });
  return units;
}

function useShared<T>(fetcher: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    fetcher().then(
      (v) => live && setValue(v),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [fetcher]);
  return value;
}

export const usePlanTree = () => useShared(fetchPlanTree);
export const useUnits = () => useShared(fetchUnits);

export interface PlanIndex {
  part: Map<number, { label: string; title: string }>;
  chapter: Map<number, { label: string; title: string; part: number }>;
  column: Map<number, { label: string; title: string; chapter: number; part: number }>;
}

export function indexPlan(tree: PlanTree | undefined): PlanIndex {
  const index: PlanIndex = { part: new Map(), chapter: new Map(), column: new Map() };
  for (const part of tree?.parts ?? []) {
    index.part.set(part.no, part);
    for (const chapter of part.chapters) {
      index.chapter.set(chapter.no, { ...chapter, part: part.no });
      for (const column of chapter.columns) index.column.set(column.no, { ...column, chapter: chapter.no, part: part.no });
    }
  }
  return index;
}
