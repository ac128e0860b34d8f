/**
 * The keyword tables, as the build wrote them from the engines' own tables
 * (scripts/keywords.py), turned into sets for the tokenizers.
 */
import tables from '../generated/keywords.json';

const upper = (words: string[]) => new Set(words.map(w => w.toUpperCase()));
const lower = (words: string[]) => new Set(words.map(w => w.toLowerCase()));

export const BASIC = {
  keywords: upper(tables.basic.keywords),
  functions: upper(tables.basic.functions),
  operators: upper(tables.basic.operators),
  /** Longest first, to split run-together words such as GOTO100 or FORI. */
  byLength: [...tables.basic.keywords, ...tables.basic.operators]
    .map(w => w.toUpperCase())
    .sort((a, b) => b.length - a.length)
};

export const LOGO = {
  control: lower(tables.logo.control),
  primitives: lower(tables.logo.primitives)
};

export const PILOT = {
  /** Every name of a statement (T, TYPE, ...) to its short name. */
  statements: new Map<string, string>(
    Object.entries(tables.pilot.statements as Record<string, string>)
  ),
  functions: upper(tables.pilot.functions),
  turtle: upper(tables.pilot.turtle)
};
