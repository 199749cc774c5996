import { Envelope } from '@bigtix/common';
import type { ConfirmChannel } from 'amqplib';
import type { BusConnection } from './connection';

/** Publishes persistent messages on a confirm channel: `publish` resolves only once the broker has them. */
export class Publisher {
  private channel: ConfirmChannel | null = null;

  constructor(
    private readonly connection: BusConnection,
    private readonly exchange: string,
  ) {}

  async start(): Promise<void> {
    await this.connection.onConnect(async (model) => {
      const channel = await model.createConfirmChannel();
      channel.on('error', () => undefined);
      channel.on('close', () => {
        if (this.channel === channel) this.channel = null;
      });
      await channel.assertExchange(this.exchange, 'topic', { durable: true });
      this.channel = channel;
    });
  }

  get ready(): boolean {
    return this.channel !== null;
  }

  async publish(envelope: Envelope): Promise<void> {
    await this.send(this.exchange, envelope.type, envelope);
  }

  /** Sends straight to a queue through the default exchange (retry and dead-letter queues). */
  async sendToQueue(
    queue: string,
    envelope: Envelope,
    headers: Record<string, unknown>,
    expirationMs?: number,
  ): Promise<void> {
    await this.send('', queue, envelope, headers, expirationMs);
  }

  private send(
    exchange: string,
    routingKey: string,
    envelope: Envelope,
    headers: Record<string, unknown> = {},
    expirationMs?: number,
  ): Promise<void> {
    const channel = this.channel;
    if (!channel) return Promise.reject(new Error('broker not connected'));
    return new Promise((resolve, reject) => {
      channel.publish(
        exchange,
        routingKey,
        Buffer.from(JSON.stringify(envelope)),
        {
          persistent: true,
          contentType: 'application/json',
          messageId: envelope.id,
          type: envelope.type,
          headers,
          ...(expirationMs !== undefined ? { expiration: String(Math.round(expirationMs)) } : {}),
        },
        (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
      );
    });
  }
}
