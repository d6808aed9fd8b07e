// esbuild bundles a stylesheet imported for its side effect into a .css file next to the script.
declare module '*.css';
