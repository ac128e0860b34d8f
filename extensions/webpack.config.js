// Example notebooks are bundled as JSON (see src/examplesPlugin.ts).
module.exports = {
  module: {
    rules: [{ test: /\.ipynb$/, type: 'json' }]
  }
};
