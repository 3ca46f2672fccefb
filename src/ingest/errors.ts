/** A problem with the editor's input, reported as one plain sentence; never a stack trace. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
}
