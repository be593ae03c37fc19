// The logging the domain uses: the subset of a pino/Fastify logger (`app.log` fits), so
// nothing below the adapters depends on the web framework's types.
export interface Log {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
