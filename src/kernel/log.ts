// The logging the domain uses: the subset of a pino/Fastify logger (`app.log` fits), so
// nothing below the adapters depends on the web framework's types.
export interface Log {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A log that also takes debug lines (an adapter noting an update it ignores). */
export interface DebugLog extends Log {
  debug(fields: object, message: string): void;
}
