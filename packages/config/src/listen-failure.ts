/** A server's `error` before it listened: the port is taken, forbidden, or the address is wrong. */
export function isListenError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && (err as NodeJS.ErrnoException).syscall === 'listen';
}

/** One line for a person starting the process: what went wrong with which port, and what to do. */
export function describeListenFailure(processName: string, port: number, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EADDRINUSE':
      return `${processName}: port ${port} is already in use (EADDRINUSE): stop the process listening there, or set PORT to a free port`;
    case 'EACCES':
      return `${processName}: not allowed to listen on port ${port} (EACCES): use a port above 1023, or set PORT`;
    default:
      return `${processName}: could not listen on port ${port}: ${err.message}`;
  }
}
