/** Message lookup: typed keys, English falling back to Chinese, `{name}` interpolation. */
import { enUS } from './en-US.js';
import { type Messages, zhCN } from './zh-CN.js';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of zh-CN.ts, e.g. `nav.home` or `errors.AUTH_REQUIRED`. */
export type MessageKey = Leaves<Messages>;
export type Params = Record<string, unknown>;

type Tree = { [key: string]: string | Tree | undefined };

function walk(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

/** The message for `key` in `lang`, or undefined when neither language has it. */
export function lookup(lang: Lang, key: string): string | undefined {
  const own = lang === 'en-US' ? walk(enUS as Tree, key) : undefined;
  return own ?? walk(zhCN as unknown as Tree, key);
}

export function translate(lang: Lang, key: string, params?: Params): string {
  return interpolate(lookup(lang, key) ?? key, params);
}
