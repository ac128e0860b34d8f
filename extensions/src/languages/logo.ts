/**
 * Logo (UCBLogo as Time Warp runs it) for CodeMirror 6.
 *
 * TO name :inputs ... END define procedures; the engine's control commands are keywords and
 * its other primitives builtins; :name is a variable, "word a quoted word, [ ] a list, and
 * everything after ; a comment.
 */
import { StreamParser } from '@codemirror/language';

import { LOGO } from './tables';

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?=[\s[\]()+\-*/=<>;]|$)/;
const WORD = /^[^\s[\]()";:+\-*/=<>]+/;
const OPERATOR = /^(?:<=|>=|<>|[-+*/=<>])/;

export interface LogoState {
  /** The next word names the procedure being defined (it follows TO). */
  procedureName: boolean;
}

export const logo: StreamParser<LogoState> = {
  name: 'logo',
  startState: () => ({ procedureName: false }),
  copyState: state => ({ ...state }),
  token(stream, state) {
    if (stream.eatSpace()) {
      return null;
    }
    const next = stream.peek() ?? '';
    if (next === ';') {
      stream.skipToEnd();
      return 'comment';
    }
    if (next === '"') {
      stream.next();
      stream.match(WORD);
      return 'string';
    }
    if (next === ':' && stream.match(/^:[^\s[\]()";:+\-*/=<>]+/)) {
      return 'variableName.special';
    }
    if (stream.match(NUMBER)) {
      return 'number';
    }
    if (stream.eat(/[[\]]/)) {
      return 'squareBracket';
    }
    if (stream.eat(/[()]/)) {
      return 'paren';
    }
    if (stream.match(OPERATOR)) {
      return 'operator';
    }
    const found = stream.match(WORD) as RegExpMatchArray | null;
    if (!found) {
      stream.next();
      return null;
    }
    const word = found[0].toLowerCase();
    if (state.procedureName) {
      state.procedureName = false;
      return 'variableName.definition';
    }
    if (word === 'to' || word === '.macro') {
      state.procedureName = true;
      return 'keyword';
    }
    if (word === 'end' || LOGO.control.has(word)) {
      return 'keyword';
    }
    if (LOGO.primitives.has(word)) {
      return 'variableName.standard';
    }
    return 'variableName';
  },
  languageData: { commentTokens: { line: ';' } }
};
