// Figures that exercise later features (exports, imports, long shows) are added here.
export function figures() {
  return {};
}
