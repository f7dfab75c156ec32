// Entry for the vendored CodeMirror 6 bundle (admin/static/vendor/codemirror.bundle.js).
// Rebuild: see admin/assets/README.md. Exposes the pieces admin/static/editor.js composes.
export { EditorView, keymap, hoverTooltip } from "@codemirror/view";
export { EditorState } from "@codemirror/state";
export { basicSetup } from "codemirror";
export { json, jsonLanguage } from "@codemirror/lang-json";
export { linter, lintGutter, forceLinting, setDiagnostics } from "@codemirror/lint";
export { foldGutter } from "@codemirror/language";
export {
  jsonCompletion,
  jsonSchemaHover,
  stateExtensions,
  getJsonPointers,
} from "codemirror-json-schema";
