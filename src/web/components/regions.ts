/** Jiangxi regions, fetched once per page load and shared (the list is small and public). */
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { Region } from '../api-types.js';

let cache: Promise<Region[]> | null = null;

export function loadRegions(): Promise<Region[]> {
  cache ??= api<{ items: Region[] }>('/api/catalog/regions')
    .then((r) => r.items)
    .catch((err: unknown) => {
      cache = null;
      throw err;
    });
  return cache;
}

export function useRegions(): { regions: Region[] | undefined; error: unknown } {
  const [regions, setRegions] = useState<Region[] | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    loadRegions().then(
      (r) => live && setRegions(r),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  return { regions, error };
}

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/**
 * Cities with their counties; 赣江新区 (level special) sits beside the cities. With `withProvince`
 * the province itself is the root, so a province-level account can be chosen.
 */
export function regionTree(regions: readonly Region[], withProvince: boolean): RegionOption[] {
  const province = regions.find((r) => r.level === 'province');
  const childrenOf = (code: string) => regions.filter((r) => r.parentCode === code);
  const node = (r: Region): RegionOption => {
    const kids = childrenOf(r.code);
    return kids.length && r.level !== 'county' ? { value: r.code, label: r.name, children: kids.map(node) } : { value: r.code, label: r.name };
  };
  const top = province ? childrenOf(province.code).map(node) : regions.filter((r) => r.level === 'city' || r.level === 'special').map(node);
  return withProvince && province ? [{ value: province.code, label: province.name, children: top }] : top;
}

/** The path of codes from the tree's root to `code`, for the Cascader value. */
export function regionPath(regions: readonly Region[], code: string | undefined, withProvince: boolean): string[] {
  const path: string[] = [];
  let cur = regions.find((r) => r.code === code);
  while (cur) {
    if (cur.level !== 'province' || withProvince) path.unshift(cur.code);
    const parent = cur.parentCode;
    cur = parent ? regions.find((r) => r.code === parent) : undefined;
  }
  return path;
}

export function regionName(regions: readonly Region[] | undefined, code: string | null | undefined): string {
  if (!code) return '';
  return regions?.find((r) => r.code === code)?.name ?? code;
}
