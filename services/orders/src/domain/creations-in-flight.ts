export type CreationEnd = 'stored' | 'given-up';

/**
 * The orders this process is creating right now. A buyer waiting for the hold of one of them (in
 * a rush, most buyers wait for a creation in their own process) awaits its end here instead of
 * polling the database, which in a rush would slow down the very creation it waits for. Only a
 * shortcut: the holds and the stored order stay the truth, and a buyer waiting for a creation in
 * another replica polls them.
 */
export class CreationsInFlight {
  private readonly creations = new Map<string, { ended: Promise<CreationEnd>; end: (how: CreationEnd) => void }>();

  begin(orderId: string): void {
    let end!: (how: CreationEnd) => void;
    const ended = new Promise<CreationEnd>((resolve) => (end = resolve));
    this.creations.set(orderId, { ended, end });
  }

  end(orderId: string, how: CreationEnd): void {
    this.creations.get(orderId)?.end(how);
    this.creations.delete(orderId);
  }

  /** How the creation ended, once it has; null when it is not being created here. */
  ended(orderId: string): Promise<CreationEnd> | null {
    return this.creations.get(orderId)?.ended ?? null;
  }
}
