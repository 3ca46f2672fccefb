// Text normalisation lives in src/shared (content uses it too); the core keeps its old address.
export { normalize, toKey } from '../shared/normalize.js';
