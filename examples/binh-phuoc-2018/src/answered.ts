/**
 * The answer of a read-model query the story is sure of: it asks only about bodies and persons
 * its log records, with real dates, so a refusal (`UnknownBody`, `UnknownPerson`, `InvalidQuery`)
 * is a defect of the story and throws.
 */
import * as E from 'fp-ts/Either';
import type { QueryError } from '@mandate/projections';

/** The answer to `asked`; throws, naming `what` and the refusal's `_tag`, when it was refused. */
export async function answered<A>(
  asked: Promise<E.Either<QueryError, A>>,
  what: string,
): Promise<A> {
  const answer = await asked;
  if (E.isLeft(answer)) throw new Error(`${what} was refused: ${answer.left._tag}`);
  return answer.right;
}
