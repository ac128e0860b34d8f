/**
 * The launcher examples plugin: an "Examples" section with a starter notebook per language.
 * Clicking one writes a copy into the top of the user's home (never over a file already
 * there: a taken name gets -1, -2, ...) and opens it, so students edit their own copy.
 * The notebooks are bundled into the extension from extensions/examples/, so they need no
 * server of their own and work the same on the hub and in `make lab`.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, showErrorMessage } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { ILauncher } from '@jupyterlab/launcher';
import { Contents, ServerConnection } from '@jupyterlab/services';

import basicGame from '../examples/guess-the-number.ipynb';
import logoDrawings from '../examples/turtle-drawings.ipynb';
import pilotQuiz from '../examples/capitals-quiz.ipynb';
import { ITimeWarpLanguage, LANGUAGES } from './kernels';

export const OPEN_EXAMPLE = 'timewarp:open-example';

interface IExample {
  /** The copy's file name, without .ipynb. */
  stem: string;
  label: string;
  language: ITimeWarpLanguage;
  notebook: Record<string, unknown>;
}

const language = (kernel: string) => LANGUAGES.find(l => l.kernel === kernel)!;

export const EXAMPLES: IExample[] = [
  {
    stem: 'turtle-drawings',
    label: 'Turtle drawings (Logo)',
    language: language('logo'),
    notebook: logoDrawings
  },
  {
    stem: 'guess-the-number',
    label: 'Guess the number (BASIC)',
    language: language('basic'),
    notebook: basicGame
  },
  {
    stem: 'capitals-quiz',
    label: 'Capitals quiz (PILOT)',
    language: language('pilot'),
    notebook: pilotQuiz
  }
];

/** The first of stem.ipynb, stem-1.ipynb, ... that does not exist yet. */
async function freePath(contents: Contents.IManager, stem: string): Promise<string> {
  for (let n = 0; n < 1000; n++) {
    const path = n === 0 ? `${stem}.ipynb` : `${stem}-${n}.ipynb`;
    try {
      await contents.get(path, { content: false });
    } catch (error) {
      if (error instanceof ServerConnection.ResponseError && error.response.status === 404) {
        return path;
      }
      throw error;
    }
  }
  throw new Error(`There are already 1000 copies of ${stem}.ipynb: delete some first.`);
}

export const examplesPlugin: JupyterFrontEndPlugin<void> = {
  id: 'timewarp-jupyterlab:examples',
  description: 'Starter notebooks for BASIC, Logo and PILOT in the launcher.',
  autoStart: true,
  requires: [IDocumentManager],
  optional: [ILauncher, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    docManager: IDocumentManager,
    launcher: ILauncher | null,
    palette: ICommandPalette | null
  ) => {
    const find = (stem: unknown) => EXAMPLES.find(example => example.stem === stem);
    app.commands.addCommand(OPEN_EXAMPLE, {
      label: args => find(args.example)?.label ?? 'Open an example',
      caption: args => `Copy the ${find(args.example)?.label ?? ''} example into your home and open it`,
      icon: args => find(args.example)?.language.icon,
      execute: async args => {
        const example = find(args.example);
        if (!example) {
          throw new Error(`There is no example called ${String(args.example)}.`);
        }
        const contents = app.serviceManager.contents;
        try {
          const path = await freePath(contents, example.stem);
          await contents.save(path, {
            type: 'notebook',
            format: 'json',
            content: example.notebook
          });
          return docManager.openOrReveal(path);
        } catch (error) {
          // A full disk or a folder the student may not write to: say so, not just in the console.
          await showErrorMessage(
            `Could not copy the ${example.label} example into your home`,
            error instanceof Error ? error : String(error)
          );
        }
      }
    });
    EXAMPLES.forEach((example, rank) => {
      const args = { example: example.stem };
      launcher?.add({ command: OPEN_EXAMPLE, args, category: 'Examples', rank });
      palette?.addItem({ command: OPEN_EXAMPLE, args, category: 'Time Warp examples' });
    });
  }
};
