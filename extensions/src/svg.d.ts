// SVG files are bundled as their text (JupyterLab's webpack set-up), notebooks as JSON.
declare module '*.svg' {
  const svgstr: string;
  export default svgstr;
}

declare module '*.ipynb' {
  const notebook: Record<string, unknown>;
  export default notebook;
}
