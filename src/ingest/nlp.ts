import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

/** The English pipeline, loaded once on first use (loading takes a moment). */
export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
