/**
 * BASIC for CodeMirror 6: GW-BASIC listings and QBasic programs alike.
 *
 * Line numbers and QBasic labels are labels; REM and ' start comments; numbers may carry
 * a type suffix (! # % &) or be &H hex and &O octal.  Old listings run keywords together
 * (FORI=1TO9, GOTO100): as the engine does, a word that starts with a keyword is split
 * after it where the rest is a number or a short name, so that TOTAL or FORMAT stay whole.
 */
import { StreamParser, StringStream } from '@codemirror/language';

import { BASIC } from './tables';

/** Keywords old listings glue to a following short variable name (FORI, NEXTJ, TOX). */
const GLUE_PRONE = new Set(['FOR', 'NEXT', 'TO', 'STEP', 'IF', 'THEN', 'ELSE', 'GOTO',
  'GOSUB', 'PRINT', 'INPUT', 'AND', 'OR', 'XOR', 'MOD']);
const SHORT_NAME = /^[A-Z][A-Z0-9]?[$%!#]?$/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[EeDd][+-]?\d+)?[!#%&]?/;
const HEX_OR_OCTAL = /^&(?:[Hh][0-9A-Fa-f]+|[Oo]?[0-7]+)&?/;
const WORD = /^[A-Za-z][A-Za-z0-9.]*[$%!#&]?/;
const OPERATOR = /^(?:<=|>=|<>|><|=<|=>|[-+*/\\^=<>])/;

export interface BasicState {
  /** True until the first token of a line: where a line number or a label may stand. */
  lineStart: boolean;
}

function wordStyle(word: string): string {
  if (BASIC.operators.has(word)) {
    return 'operatorKeyword';
  }
  if (BASIC.functions.has(word)) {
    return 'variableName.standard';
  }
  return 'keyword';
}

function isKeyword(word: string): boolean {
  return BASIC.keywords.has(word) || BASIC.functions.has(word) || BASIC.operators.has(word);
}

/** The keyword a run-together word starts with, or null if it reads best as one name. */
function leadingKeyword(word: string, stream: StringStream): string | null {
  const assigned = /^\s*=/.test(stream.string.slice(stream.pos));
  for (const keyword of BASIC.byLength) {
    if (!word.startsWith(keyword) || word.length === keyword.length) {
      continue;
    }
    const rest = word.slice(keyword.length);
    if (/^\d+$/.test(rest)) {
      return keyword;
    }
    if (!GLUE_PRONE.has(keyword)) {
      continue;
    }
    // FORM = 2 assigns FORM; FORI=1TO9 starts a loop: only a loop has a TO after it.
    if (assigned && !(keyword === 'FOR' && /TO/i.test(stream.string.slice(stream.pos)))) {
      continue;
    }
    if (SHORT_NAME.test(rest) || BASIC.byLength.some(k => rest.startsWith(k))) {
      return keyword;
    }
  }
  return null;
}

function word(stream: StringStream, text: string): string | null {
  const upper = text.toUpperCase();
  if (upper === 'REM') {
    stream.skipToEnd();
    return 'comment';
  }
  if (isKeyword(upper)) {
    return wordStyle(upper);
  }
  if (upper.startsWith('FN') && upper.length > 2) {
    stream.backUp(upper.length - 2);
    return 'variableName.standard';
  }
  const keyword = leadingKeyword(upper, stream);
  if (keyword) {
    stream.backUp(upper.length - keyword.length);
    return wordStyle(keyword);
  }
  return 'variableName';
}

export const basic: StreamParser<BasicState> = {
  name: 'basic',
  startState: () => ({ lineStart: true }),
  copyState: state => ({ ...state }),
  token(stream, state) {
    if (stream.sol()) {
      state.lineStart = true;
    }
    if (stream.eatSpace()) {
      return null;
    }
    if (state.lineStart) {
      state.lineStart = false;
      if (stream.match(/^\d+/)) {
        return 'labelName';
      }
      const label = stream.match(/^[A-Za-z][A-Za-z0-9.]*(?=:)/, false) as RegExpMatchArray | null;
      if (label && !isKeyword(label[0].toUpperCase())) {
        stream.match(label[0]);
        return 'labelName';
      }
    }
    if (stream.peek() === "'") {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.eat('"')) {
      stream.skipTo('"') ? stream.next() : stream.skipToEnd();
      return 'string';
    }
    if (stream.match(HEX_OR_OCTAL) || stream.match(NUMBER)) {
      return 'number';
    }
    const found = stream.match(WORD) as RegExpMatchArray | null;
    if (found) {
      return word(stream, found[0]);
    }
    if (stream.match(OPERATOR)) {
      return 'operator';
    }
    const next = stream.next();
    return next && '(),;:'.includes(next) ? 'punctuation' : null;
  },
  languageData: { commentTokens: { line: "'" } }
};
