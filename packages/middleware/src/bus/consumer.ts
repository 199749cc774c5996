import { Envelope, EventData, EventType, envelopeSchema, eventSchemas } from '@bigtix/common';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { Logger } from '../logger';
import type { BusConnection } from './connection';
import type { Publisher } from './publisher';
import { QueueNames, assertTopology } from './topology';

/** Thrown by a handler that cannot apply an event yet (e.g. a version gap): retried later, quietly. */
export class RetryLaterError extends Error {}

export type EventHandler<T extends EventType> = (event: Envelope<EventData<T>>) => Promise<void>;
export type HandlerMap = { [T in EventType]?: EventHandler<T> };

export interface ConsumerOptions {
  queue: string;
  exchange: string;
  handlers: HandlerMap;
  prefetch?: number;
  /** Attempts before a message goes to the dead-letter queue. */
  maxAttempts?: number;
  /** Backoff for attempt n (1-based) in ms. */
  backoffMs?: (attempt: number) => number;
  queueType?: 'classic' | 'quorum';
}

const ATTEMPT_HEADER = 'x-bigtix-attempt';

export const defaultBackoff = (attempt: number): number => Math.min(200 * 2 ** (attempt - 1), 30_000);

/**
 * Consumes the service's queue. A handler failure does not block the queue: the message is
 * re-sent to the retry queue with a growing TTL and comes back later; after `maxAttempts` it
 * goes to the dead-letter queue. Messages that fail validation go there at once.
 */
export class Consumer {
  private names: QueueNames | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private channel: Channel | null = null;

  constructor(
    private readonly connection: BusConnection,
    private readonly publisher: Publisher,
    private readonly logger: Logger,
    private readonly options: ConsumerOptions,
  ) {}

  async start(): Promise<void> {
    const routingKeys = Object.keys(this.options.handlers);
    await this.connection.onConnect(async (model) => {
      const channel = await model.createChannel();
      channel.on('error', () => undefined);
      this.names = await assertTopology(channel, {
        exchange: this.options.exchange,
        queue: this.options.queue,
        routingKeys,
        queueType: this.options.queueType,
      });
      await channel.prefetch(this.options.prefetch ?? 20);
      await channel.consume(this.names.main, (msg) => {
        if (!msg) return;
        const work = this.handle(channel, msg).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      });
      this.channel = channel;
    });
  }

  /** Stops taking messages and waits for the ones being handled. */
  async stop(): Promise<void> {
    const channel = this.channel;
    this.channel = null;
    await Promise.allSettled([...this.inFlight]);
    if (channel) await channel.close().catch(() => undefined);
  }

  private async handle(channel: Channel, msg: ConsumeMessage): Promise<void> {
    const attempt = Number(msg.properties.headers?.[ATTEMPT_HEADER] ?? 1);
    let envelope: Envelope<unknown>;
    try {
      envelope = this.decode(msg);
    } catch (err) {
      this.logger.error({ err: (err as Error).message }, 'invalid message; dead-lettering');
      await this.deadLetter(channel, msg, (err as Error).message);
      return;
    }
    const handler = this.options.handlers[envelope.type as EventType] as EventHandler<EventType> | undefined;
    if (!handler) {
      safeAck(channel, msg);
      return;
    }
    try {
      await handler(envelope as Envelope<EventData<EventType>>);
      safeAck(channel, msg);
    } catch (err) {
      const maxAttempts = this.options.maxAttempts ?? 10;
      const quiet = err instanceof RetryLaterError;
      if (attempt >= maxAttempts) {
        this.logger.error(
          { err, type: envelope.type, id: envelope.id, attempt },
          'handler failed for the last time; dead-lettering',
        );
        await this.deadLetter(channel, msg, (err as Error).message);
        return;
      }
      if (!quiet)
        this.logger.warn({ err, type: envelope.type, id: envelope.id, attempt }, 'handler failed; will retry');
      const backoff = (this.options.backoffMs ?? defaultBackoff)(attempt);
      try {
        await this.publisher.sendToQueue(
          this.names!.retry,
          envelope as Envelope,
          { [ATTEMPT_HEADER]: attempt + 1 },
          backoff,
        );
        safeAck(channel, msg);
      } catch {
        // Could not park it for later: let the broker redeliver it instead of losing it.
        safeNack(channel, msg);
      }
    }
  }

  private decode(msg: ConsumeMessage): Envelope<unknown> {
    const parsed = envelopeSchema.parse(JSON.parse(msg.content.toString('utf8')));
    const schema = eventSchemas[parsed.type as EventType];
    if (!schema) return parsed;
    return { ...parsed, data: schema.parse(parsed.data) };
  }

  private async deadLetter(channel: Channel, msg: ConsumeMessage, reason: string): Promise<void> {
    try {
      let body: Envelope;
      try {
        body = JSON.parse(msg.content.toString('utf8'));
      } catch {
        body = {
          id: 'unparseable',
          type: 'unparseable',
          version: 0,
          occurredAt: new Date().toISOString(),
          source: 'unknown',
          data: msg.content.toString('utf8'),
        };
      }
      await this.publisher.sendToQueue(this.names!.dead, body, { 'x-bigtix-reason': reason.slice(0, 500) });
      safeAck(channel, msg);
    } catch {
      safeNack(channel, msg);
    }
  }
}

// A channel closed by a broker restart throws on ack; the broker redelivers those messages.
function safeAck(channel: Channel, msg: ConsumeMessage): void {
  try {
    channel.ack(msg);
  } catch {
    /* redelivered after reconnect */
  }
}

function safeNack(channel: Channel, msg: ConsumeMessage): void {
  try {
    channel.nack(msg, false, true);
  } catch {
    /* redelivered after reconnect */
  }
}
