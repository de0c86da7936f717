// Loads the altcha proof-of-work widget and tells it where its workers are. The widget's "external" build
// keeps its workers and styles in separate files, so the Content-Security-Policy stays strict.
import '../lib/altcha/altcha.min.js';

const workers = {
  'PBKDF2/SHA-256': new URL('../lib/altcha/workers/pbkdf2.js', import.meta.url),
  'SHA-256': new URL('../lib/altcha/workers/sha.js', import.meta.url),
};
for (const [algorithm, url] of Object.entries(workers)) {
  globalThis.$altcha.algorithms.set(algorithm, () => new Worker(url));
}
