/** How long a readiness check waits for the database or the broker before it says "not ready". */
export const CHECK_TIMEOUT_MS = 2000;

/** `work`, or an error naming `what` once `ms` have passed (the work itself is not cancelled). */
export async function withTimeout<T>(work: Promise<T>, what: string, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
