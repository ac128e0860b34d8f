/**
 * The file types plugin: .bas, .logo/.lg and .pil/.pilot files with their language's icon,
 * opening in the editor (JupyterLab's editor is the default for every text file), a
 * "BASIC File" (Logo, PILOT) launcher item that makes a new one, and a "Run in kernel"
 * command that sends the file's text to a console of the matching kernel.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ConsolePanel } from '@jupyterlab/console';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { IEditorTracker } from '@jupyterlab/fileeditor';
import { ILauncher } from '@jupyterlab/launcher';

import { LANGUAGES, languageForPath } from './kernels';

export const RUN_IN_KERNEL = 'timewarp:run-in-kernel';
export const NEW_FILE = 'timewarp:new-file';

export const fileTypesPlugin: JupyterFrontEndPlugin<void> = {
  id: 'timewarp-jupyterlab:file-types',
  description: 'BASIC, Logo and PILOT files: icons, the editor, and Run in kernel.',
  autoStart: true,
  requires: [IEditorTracker],
  optional: [ICommandPalette, ILauncher, IDefaultFileBrowser],
  activate: (
    app: JupyterFrontEnd,
    editors: IEditorTracker,
    palette: ICommandPalette | null,
    launcher: ILauncher | null,
    fileBrowser: IDefaultFileBrowser | null
  ) => {
    for (const language of LANGUAGES) {
      app.docRegistry.addFileType({
        name: `timewarp-${language.kernel}`,
        displayName: `${language.displayName} program`,
        extensions: language.extensions.map(ext => `.${ext}`),
        mimeTypes: [language.mime],
        icon: language.icon,
        contentType: 'file',
        fileFormat: 'text'
      });
    }

    // The editor's tab shows the language's logo too (the editor gives every file its own icon).
    editors.widgetAdded.connect((_, widget) => {
      const showIcon = () => {
        const language = languageForPath(widget.context.path);
        if (language) {
          widget.title.icon = language.icon;
        }
      };
      showIcon();
      widget.context.pathChanged.connect(showIcon);
    });

    // One console per file: running again reuses it, so the output stays in one place.
    const consoles = new Map<string, ConsolePanel>();
    const currentLanguage = () => {
      const widget = editors.currentWidget;
      return widget ? languageForPath(widget.context.path) : undefined;
    };

    app.commands.addCommand(RUN_IN_KERNEL, {
      label: () => {
        const language = currentLanguage();
        return language ? `Run in ${language.displayName} Kernel` : 'Run in Kernel';
      },
      caption: 'Run this program in a console with its language’s kernel',
      icon: () => currentLanguage()?.icon,
      isEnabled: () => currentLanguage() !== undefined,
      execute: async () => {
        const widget = editors.currentWidget;
        const language = currentLanguage();
        if (!widget || !language) {
          return;
        }
        const path = widget.context.path;
        const code = widget.content.model.sharedModel.getSource();
        let panel = consoles.get(path);
        const reused = panel !== undefined && !panel.isDisposed;
        if (!panel || panel.isDisposed) {
          panel = (await app.commands.execute('console:create', {
            path,
            kernelPreference: { name: language.kernel },
            insertMode: 'split-bottom',
            ref: widget.id,
            activate: false
          })) as ConsolePanel;
          consoles.set(path, panel);
        }
        await panel.sessionContext.ready;
        if (reused && language.kernel === 'basic') {
          // A fresh program: numbered lines left from the last run would mix with these.
          await panel.console.inject('NEW');
        }
        await panel.console.inject(code);
      }
    });

    const byKernel = (kernel: unknown) => LANGUAGES.find(l => l.kernel === kernel);
    app.commands.addCommand(NEW_FILE, {
      label: args => `${byKernel(args.kernel)?.displayName ?? 'Program'} File`,
      caption: args => `A new ${byKernel(args.kernel)?.displayName ?? ''} program file`,
      icon: args => byKernel(args.kernel)?.icon,
      execute: async args => {
        const language = byKernel(args.kernel);
        if (!language) {
          throw new Error(`Time Warp has no language called ${String(args.kernel)}.`);
        }
        const model = await app.commands.execute('docmanager:new-untitled', {
          path: fileBrowser?.model.path ?? '',
          type: 'file',
          ext: `.${language.extensions[0]}`
        });
        return app.commands.execute('docmanager:open', { path: model.path });
      }
    });
    LANGUAGES.forEach((language, rank) => {
      const args = { kernel: language.kernel };
      launcher?.add({ command: NEW_FILE, args, category: 'Other', rank: 10 + rank });
      palette?.addItem({ command: NEW_FILE, args, category: 'Time Warp' });
    });

    app.contextMenu.addItem({
      command: RUN_IN_KERNEL,
      selector: '.jp-FileEditor',
      rank: 0
    });
    palette?.addItem({ command: RUN_IN_KERNEL, category: 'Time Warp' });
  }
};
