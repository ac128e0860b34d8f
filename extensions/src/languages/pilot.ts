/**
 * PILOT (IEEE 1154 with Nevada PILOT's extensions) for CodeMirror 6.
 *
 * A line is [*LABEL] NAME[Y|N][(condition)]:operand.  The statement name is a keyword and its
 * Y/N suffix an atom; the condition is an expression; what the operand is depends on the
 * statement: text to show or match (a string, with $NAME and #NUMBER variables standing out),
 * labels to jump to, an expression to compute, turtle commands, or a remark (a comment).
 */
import { StreamParser, StringStream } from '@codemirror/language';

import { PILOT } from './tables';

type Operand = 'text' | 'remark' | 'labels' | 'expression' | 'turtle';

/** What each statement's operand is, by its short name; anything else is text. */
const OPERANDS: Record<string, Operand> = {
  R: 'remark',
  PR: 'remark',
  J: 'labels',
  JM: 'labels',
  U: 'labels',
  C: 'expression',
  CK: 'expression',
  W: 'expression',
  G: 'turtle'
};

const VARIABLE = /^(?:[$#][A-Za-z][A-Za-z0-9_]*|%[A-Za-z]+)/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)/;

export interface PilotState {
  /** Where in the line the tokenizer is. */
  part: 'start' | 'suffix' | 'head' | 'condition' | 'operand';
  /** The current statement's operand (kept for : continuation lines). */
  operand: Operand;
  /** How deep in brackets the condition is. */
  depth: number;
}

function statementName(stream: StringStream, state: PilotState): string | null {
  const head = stream.match(/^[A-Za-z]+(?=\s*[(:])/) as RegExpMatchArray | null;
  if (!head) {
    return null;
  }
  const name = head[0].toUpperCase();
  let short = PILOT.statements.get(name);
  if (!short && /[YN]$/.test(name)) {
    short = PILOT.statements.get(name.slice(0, -1));
    if (short) {
      stream.backUp(1);
      state.part = 'suffix';
    }
  }
  if (!short) {
    state.part = 'head';
    state.operand = 'text';
    return 'invalid';
  }
  state.operand = OPERANDS[short] ?? 'text';
  if (state.part !== 'suffix') {
    state.part = 'head';
  }
  return 'keyword';
}

function expression(stream: StringStream): string | null {
  if (stream.match(VARIABLE)) {
    return 'variableName.special';
  }
  if (stream.match(NUMBER)) {
    return 'number';
  }
  if (stream.eat('"')) {
    stream.skipTo('"') ? stream.next() : stream.skipToEnd();
    return 'string';
  }
  const word = stream.match(/^[A-Za-z][A-Za-z0-9_]*/) as RegExpMatchArray | null;
  if (word) {
    const upper = word[0].toUpperCase();
    if (['AND', 'OR', 'NOT'].includes(upper)) {
      return 'operatorKeyword';
    }
    return PILOT.functions.has(upper) ? 'variableName.standard' : 'variableName';
  }
  if (stream.match(/^(?:<=|>=|<>|!=|[-+*/%=<>])/)) {
    return 'operator';
  }
  stream.next();
  return null;
}

function operand(stream: StringStream, state: PilotState): string | null {
  switch (state.operand) {
    case 'remark':
      stream.skipToEnd();
      return 'comment';
    case 'labels':
      if (stream.match(/^\*[A-Za-z][A-Za-z0-9_]*/)) {
        return 'labelName';
      }
      if (stream.match(/^@[A-Za-z]/)) {
        return 'atom';
      }
      return expression(stream);
    case 'expression':
      return expression(stream);
    case 'turtle': {
      const word = stream.match(/^[A-Za-z][A-Za-z0-9_]*/) as RegExpMatchArray | null;
      if (word) {
        return PILOT.turtle.has(word[0].toUpperCase()) ? 'variableName.standard' : 'atom';
      }
      return expression(stream);
    }
    default:
      if (stream.match(VARIABLE)) {
        return 'variableName.special';
      }
      // Text up to the next variable is one string token.
      stream.eatWhile(c => !'$#%'.includes(c));
      if (stream.current() === '') {
        stream.next();
      }
      return 'string';
  }
}

export const pilot: StreamParser<PilotState> = {
  name: 'pilot',
  startState: () => ({ part: 'start', operand: 'text', depth: 0 }),
  copyState: state => ({ ...state }),
  token(stream, state) {
    if (stream.sol()) {
      state.part = 'start';
      state.depth = 0;
    }
    // Spaces are part of text to show or match, and nothing elsewhere.
    const inText = state.part === 'operand' && state.operand === 'text';
    if (!inText && stream.eatSpace()) {
      return null;
    }
    switch (state.part) {
      case 'start':
        if (stream.match('//')) {
          stream.skipToEnd();
          return 'comment';
        }
        if (stream.match(/^\*[A-Za-z][A-Za-z0-9_]*/)) {
          return 'labelName';
        }
        if (stream.eat(':')) {
          // A line that starts with its colon goes on with the statement before it.
          state.part = 'operand';
          return 'punctuation';
        }
        {
          const style = statementName(stream, state);
          if (style) {
            return style;
          }
        }
        stream.skipToEnd();
        return null;
      case 'suffix':
        stream.next();
        state.part = 'head';
        return 'atom';
      case 'head':
        if (stream.eat('(')) {
          state.part = 'condition';
          state.depth = 1;
          return 'paren';
        }
        if (stream.eat(':')) {
          state.part = 'operand';
          return 'punctuation';
        }
        stream.next();
        return null;
      case 'condition':
        if (stream.eat('(')) {
          state.depth += 1;
          return 'paren';
        }
        if (stream.eat(')')) {
          state.depth -= 1;
          if (state.depth === 0) {
            state.part = 'head';
          }
          return 'paren';
        }
        return expression(stream);
      default:
        return operand(stream, state);
    }
  },
  languageData: { commentTokens: { line: 'R:' } }
};
