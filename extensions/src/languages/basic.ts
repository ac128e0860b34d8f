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

/** A word followed by "=" is being assigned or compared (FORM = 2, TOTAL = 0)... */
const ASSIGNED = /^[ \t]*=(?![<>])/;
/** ...unless its statement shows it is a glued FOR or IF: FORI=1TO9, IFX=5THEN60. */
const GLUED_STATEMENT: [string, RegExp][] = [['FOR', /TO/i], ['IF', /THEN|GOTO/i]];

function isAssignedName(word: string, restOfLine: string): boolean {
  if (!ASSIGNED.test(restOfLine) || isKeyword(word)) {
    return false;
  }
  const statement = restOfLine.split(':')[0];
  return !GLUED_STATEMENT.some(
    ([keyword, companion]) => word.startsWith(keyword) && companion.test(statement)
  );
}

/**
 * The pieces of a run-together word (keywords, numbers, a short name), or null if it reads
 * best as one name: GOTO100 is GOTO 100, FORI is FOR I, NEXTJ is NEXT J, TOTAL stays whole.
 */
function split(word: string): string[] | null {
  if (isKeyword(word)) {
    return [word];
  }
  if (word.startsWith('FN') && word.length > 2) {
    return ['FN', word.slice(2)];
  }
  for (const keyword of BASIC.byLength) {
    if (word.startsWith(keyword)) {
      const tail = splitAfter(keyword, word.slice(keyword.length));
      if (tail) {
        return [keyword, ...tail];
      }
    }
  }
  return null;
}

function splitAfter(keyword: string, rest: string): string[] | null {
  const digits = /^\d+/.exec(rest);
  if (digits) {
    const after = rest.slice(digits[0].length);
    const tail = after ? split(after) : [];
    return tail && [digits[0], ...tail];
  }
  const tail = split(rest);
  if (!tail && GLUE_PRONE.has(keyword) && SHORT_NAME.test(rest)) {
    return [rest];
  }
  return tail;
}

function word(stream: StringStream, text: string): string | null {
  const upper = text.toUpperCase();
  if (upper === 'REM') {
    stream.skipToEnd();
    return 'comment';
  }
  if (isAssignedName(upper, stream.string.slice(stream.pos))) {
    return 'variableName';
  }
  const pieces = split(upper);
  if (!pieces) {
    return 'variableName';
  }
  // Only the first piece is this token; the rest is read again as the following tokens.
  const first = pieces[0];
  stream.backUp(upper.length - first.length);
  return isKeyword(first) ? wordStyle(first) : 'variableName';
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
