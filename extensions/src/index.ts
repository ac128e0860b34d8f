/**
 * Time Warp Studio's JupyterLab extension: one plugin per concern.
 */
import { examplesPlugin } from './examplesPlugin';
import { fileTypesPlugin } from './fileTypesPlugin';
import { languagesPlugin } from './languagesPlugin';

export default [languagesPlugin, fileTypesPlugin, examplesPlugin];
