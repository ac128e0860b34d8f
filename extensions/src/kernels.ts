/**
 * The three languages as the rest of the extension sees them: each one's kernel, file
 * extensions, MIME type (what the kernels' language_info names) and icon (the kernelspec logo).
 */
import { LabIcon } from '@jupyterlab/ui-components';

import tables from './generated/keywords.json';

import basicSvg from '../../kernels/timewarp/kernel/kernelspecs/basic/logo-svg.svg';
import logoSvg from '../../kernels/timewarp/kernel/kernelspecs/logo/logo-svg.svg';
import pilotSvg from '../../kernels/timewarp/kernel/kernelspecs/pilot/logo-svg.svg';

export interface ITimeWarpLanguage {
  /** The kernel's name, and the language's name in CodeMirror's registry. */
  kernel: string;
  displayName: string;
  mime: string;
  /** File extensions without the dot, from timewarp.languages; new files get the first. */
  extensions: string[];
  icon: LabIcon;
}

export const LANGUAGES: ITimeWarpLanguage[] = [
  {
    kernel: 'basic',
    displayName: 'BASIC',
    mime: 'text/x-basic',
    extensions: tables.extensions.basic,
    icon: new LabIcon({ name: 'timewarp:basic', svgstr: basicSvg })
  },
  {
    kernel: 'logo',
    displayName: 'Logo',
    mime: 'text/x-logo',
    extensions: tables.extensions.logo,
    icon: new LabIcon({ name: 'timewarp:logo', svgstr: logoSvg })
  },
  {
    kernel: 'pilot',
    displayName: 'PILOT',
    mime: 'text/x-pilot',
    extensions: tables.extensions.pilot,
    icon: new LabIcon({ name: 'timewarp:pilot', svgstr: pilotSvg })
  }
];

/** The language a file is written in, judged by its extension, or undefined. */
export function languageForPath(path: string): ITimeWarpLanguage | undefined {
  const dot = path.lastIndexOf('.');
  const ext = dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
  return LANGUAGES.find(language => language.extensions.includes(ext));
}
