/**
 * The languages plugin: BASIC, Logo and PILOT in CodeMirror's language registry, so notebook
 * cells (through the kernels' language_info) and files (through their extensions) are
 * highlighted.  Besides the theme's colours, every token gets a stable class (tok-keyword,
 * tok-string, tok-comment, tok-number, ...) that tests and a teacher's CSS can rely on.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IEditorLanguageRegistry } from '@jupyterlab/codemirror';
import {
  LanguageSupport,
  StreamLanguage,
  StreamParser,
  syntaxHighlighting
} from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';

import { LANGUAGES } from './kernels';
import { basic } from './languages/basic';
import { logo } from './languages/logo';
import { pilot } from './languages/pilot';

const PARSERS: Record<string, StreamParser<unknown>> = {
  basic: basic as StreamParser<unknown>,
  logo: logo as StreamParser<unknown>,
  pilot: pilot as StreamParser<unknown>
};

export const languagesPlugin: JupyterFrontEndPlugin<void> = {
  id: 'timewarp-jupyterlab:languages',
  description: 'Highlights BASIC, Logo and PILOT in notebooks and the file editor.',
  autoStart: true,
  requires: [IEditorLanguageRegistry],
  activate: (app: JupyterFrontEnd, registry: IEditorLanguageRegistry) => {
    for (const language of LANGUAGES) {
      registry.addLanguage({
        name: language.kernel,
        displayName: language.displayName,
        mime: language.mime,
        extensions: language.extensions,
        load: async () =>
          new LanguageSupport(StreamLanguage.define(PARSERS[language.kernel]), [
            syntaxHighlighting(classHighlighter)
          ])
      });
    }
  }
};
