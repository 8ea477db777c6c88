// A run's plan and write overlapped: the database works on one provider while this thread plans the next.

/**
 * Starts each call once the one before it has settled (one statement in flight) and answers their results'
 * promises at once, each already marked handled: a failure reaches whoever awaits it, never the process.
 * A call after a failed one is not made; its promise rejects with the same error.
 */
export function oneAfterAnother<T>(calls: readonly (() => Promise<T>)[]): Promise<T>[] {
  let previous: Promise<unknown> = Promise.resolve();
  return calls.map((call) => {
    const result = previous.then(call);
    result.catch(() => undefined);
    previous = result;
    return result;
  });
}

/**
 * Plans each item and writes its part, planning the next item while the previous part is written (a plan that
 * pauses lets the write's I/O go on): one write at a time, in order, the first once `ready` settled. A failure of
 * either waits for the write in flight, then rejects.
 */
export async function planWhileWriting<I, P>(
  items: readonly I[],
  plan: (item: I, index: number) => Promise<P>,
  write: (part: P) => Promise<void>,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<P[]> {
  const parts: P[] = [];
  let writing: Promise<unknown> = ready;
  writing.catch(() => undefined);
  try {
    for (const [index, item] of items.entries()) {
      const part = await plan(item, index);
      await writing;
      parts.push(part);
      writing = write(part);
      writing.catch(() => undefined); // handled while the next item is planned: it is awaited above or below
    }
    await writing;
  } finally {
    await writing.catch(() => undefined); // never leave a statement running under an error
  }
  return parts;
}
