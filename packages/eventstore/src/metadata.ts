/**
 * The codec of {@link EventMetadata}: what every appended event must carry for the audit trail —
 * its valid date, the command that produced it, and who submitted it. Its source document is not
 * repeated here: the event's own data holds it, once.
 *
 * @see docs/reference/domain.md rule 8
 */
import * as t from 'io-ts';
import { CalendarDate, CommandId, struct } from '@mandate/core';
import type { EventMetadata } from './port.js';

/** The longest correlation id, causation id or actor the store accepts, in UTF-16 code units. */
export const MAX_TRACE_LENGTH = 256;

const CONTROL_OR_LONE_SURROGATE =
  /[\u0000-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isTrace = (u: unknown): u is string =>
  typeof u === 'string' &&
  u.length > 0 &&
  u.length <= MAX_TRACE_LENGTH &&
  !CONTROL_OR_LONE_SURROGATE.test(u);

/** A correlation id, causation id or actor: 1–256 characters, no control characters. */
const Trace = new t.Type<string, string, unknown>(
  'Trace',
  isTrace,
  (u, c) =>
    isTrace(u)
      ? t.success(u)
      : t.failure(u, c, `must be 1-${MAX_TRACE_LENGTH} characters without control characters`),
  (a) => a,
);

/** Decodes the metadata every event carries (valid date, command, trace, actor). */
export const EventMetadataCodec: t.Type<EventMetadata, unknown, unknown> = struct('EventMetadata', {
  validDate: CalendarDate,
  commandId: CommandId,
  correlationId: Trace,
  causationId: Trace,
  actor: Trace,
});
