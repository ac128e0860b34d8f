// Tokenize text with the extension's CodeMirror stream parsers, outside the browser, for the tests
// (tests/extensions/test_tokenizers.py).  Usage: node tokenize.cjs COMPILED_DIR < cases.json
// where COMPILED_DIR holds src/ compiled to CommonJS, and cases.json is a list of
// [language, text]; prints, for each case, its tokens as [style, text] (null style: plain).
const path = require('path');
const { StringStream } = require('@codemirror/language');
const { tags } = require('@lezer/highlight');

const compiled = path.resolve(process.argv[2]);
const parsers = {
  basic: require(path.join(compiled, 'languages', 'basic.js')).basic,
  logo: require(path.join(compiled, 'languages', 'logo.js')).logo,
  pilot: require(path.join(compiled, 'languages', 'pilot.js')).pilot
};

function tokenize(parser, text) {
  const state = parser.startState(2);
  const tokens = [];
  for (const line of text.split('\n')) {
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      const before = stream.pos;
      const style = parser.token(stream, state);
      if (stream.pos <= before) {
        throw new Error(`the tokenizer did not advance at ${before} in ${JSON.stringify(line)}`);
      }
      // A style CodeMirror does not know would be shown uncoloured, with only a console warning.
      for (const part of style ? style.split('.') : []) {
        if (!(part in tags)) {
          throw new Error(`unknown highlighting tag ${part} in ${style}`);
        }
      }
      tokens.push([style || null, line.slice(stream.start, stream.pos)]);
      stream.start = stream.pos;
    }
  }
  return tokens;
}

let input = '';
process.stdin.on('data', chunk => (input += chunk));
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  process.stdout.write(JSON.stringify(cases.map(([language, text]) => tokenize(parsers[language], text))));
});
