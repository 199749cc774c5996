import {
  EVENT_TYPES,
  Envelope,
  EventData,
  EventType,
  envelopeSchema,
  eventSchemas,
  isMoneyBearing,
} from '@bigtix/common';
import type { Channel, ConsumeMessage } from 'amqplib';
import { Registry } from 'prom-client';
import type { Logger } from '../logger';
import { BusMetrics, busMetrics } from './bus-metrics';
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
  /**
   * Attempts before a message that is not money-bearing goes to the dead-letter queue; after
   * this many a money-bearing one is logged at error level on every further failure but kept.
   */
  maxAttempts?: number;
  /** Backoff for attempt n (1-based) in ms. */
  backoffMs?: (attempt: number) => number;
  /** Which event types are retried until they apply; default `isMoneyBearing` from common. */
  retryForever?: (type: string) => boolean;
  queueType?: 'classic' | 'quorum';
  /** The service's metrics registry; the dead-letter and retry counters are added to it. */
  registry?: Registry;
}

export const ATTEMPT_HEADER = 'x-bigtix-attempt';
export const REASON_HEADER = 'x-bigtix-reason';
export const DEAD_AT_HEADER = 'x-bigtix-dead-at';
/** How often `make redrive` sent the message back; kept across retries so a repeat offender shows. */
export const REDRIVEN_HEADER = 'x-bigtix-redriven';

/** 200 ms doubling, capped (default 30 s): a long outage costs one attempt per cap per message. */
export const cappedBackoff =
  (capMs = 30_000) =>
  (attempt: number): number =>
    Math.min(200 * 2 ** Math.min(attempt - 1, 30), capMs);

export const defaultBackoff = cappedBackoff();

/**
 * Consumes one queue. A handler failure does not block the queue: the message is re-sent to
 * the retry queue with a growing, capped TTL and comes back later. Money-bearing events (see
 * MONEY_BEARING_EVENTS) come back until they apply, however long the outage; other events go
 * to the dead-letter queue after `maxAttempts`, and messages that fail validation go there at
 * once. Every dead letter is logged at error level with its id and counted per queue in
 * `bigtix_dead_letters_total`; `make dead-letters` lists them and `make redrive` sends them back.
 */
export class Consumer {
  private names: QueueNames | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private channel: Channel | null = null;
  private consumerTag: string | null = null;
  private stopped = false;
  private readonly metrics: BusMetrics;

  constructor(
    private readonly connection: BusConnection,
    private readonly publisher: Publisher,
    private readonly logger: Logger,
    private readonly options: ConsumerOptions,
  ) {
    this.metrics = busMetrics(options.registry ?? new Registry());
  }

  async start(): Promise<void> {
    const routingKeys = Object.keys(this.options.handlers);
    await this.connection.onConnect(async (model) => {
      if (this.stopped) return;
      const channel = await model.createChannel();
      channel.on('error', () => undefined);
      this.names = await assertTopology(channel, {
        exchange: this.options.exchange,
        queue: this.options.queue,
        routingKeys,
        queueType: this.options.queueType,
      });
      await channel.prefetch(this.options.prefetch ?? 20);
      const { consumerTag } = await channel.consume(this.names.main, (msg) => {
        if (!msg) return;
        const work = this.handle(channel, msg).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      });
      this.channel = channel;
      this.consumerTag = consumerTag;
    });
  }

  /**
   * Cancels the subscription, so the broker delivers nothing more here (unstarted prefetched
   * messages go back to the queue when the channel closes), waits for the ones being handled,
   * then closes the channel.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    const channel = this.channel;
    const tag = this.consumerTag;
    this.channel = null;
    this.consumerTag = null;
    if (channel && tag) await channel.cancel(tag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    if (channel) await channel.close().catch(() => undefined);
  }

  private async handle(channel: Channel, msg: ConsumeMessage): Promise<void> {
    const attempt = Number(msg.properties.headers?.[ATTEMPT_HEADER] ?? 1);
    let envelope: Envelope<unknown>;
    try {
      envelope = this.decode(msg);
    } catch (err) {
      await this.deadLetter(channel, msg, 'poison', (err as Error).message);
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
      const keep = (this.options.retryForever ?? isMoneyBearing)(envelope.type);
      const where = { err, queue: this.options.queue, type: envelope.type, id: envelope.id, attempt };
      if (attempt >= maxAttempts && !keep) {
        await this.deadLetter(channel, msg, 'exhausted', (err as Error).message, envelope);
        return;
      }
      if (attempt >= maxAttempts)
        this.logger.error(where, 'money-bearing event still failing; will retry until it applies');
      else if (!(err instanceof RetryLaterError)) this.logger.warn(where, 'handler failed; will retry');
      this.metrics.retried.inc({ queue: this.options.queue, type: envelope.type });
      const backoff = (this.options.backoffMs ?? defaultBackoff)(attempt);
      try {
        await this.publisher.sendToQueue(
          this.names!.retry,
          envelope as Envelope,
          { ...redriveCount(msg), [ATTEMPT_HEADER]: attempt + 1 },
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

  private async deadLetter(
    channel: Channel,
    msg: ConsumeMessage,
    kind: 'poison' | 'exhausted',
    reason: string,
    envelope?: Envelope<unknown>,
  ): Promise<void> {
    const type = envelope?.type ?? msg.properties.type;
    const id = envelope?.id ?? msg.properties.messageId;
    this.logger.error(
      { queue: this.options.queue, id, type, reason: reason.slice(0, 500), kind },
      kind === 'poison' ? 'invalid message; dead-lettering' : 'handler failed for the last time; dead-lettering',
    );
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
      await this.publisher.sendToQueue(this.names!.dead, body, {
        [REASON_HEADER]: `${kind}: ${reason.slice(0, 500)}`,
        [ATTEMPT_HEADER]: msg.properties.headers?.[ATTEMPT_HEADER] ?? 1,
        [DEAD_AT_HEADER]: new Date().toISOString(),
        ...redriveCount(msg),
      });
      safeAck(channel, msg);
      // Known types only as a label: a poison message can carry any string there.
      const label = EVENT_TYPES.includes(type as EventType) ? (type as string) : 'unknown';
      this.metrics.deadLettered.inc({ queue: this.options.queue, type: label, reason: kind });
    } catch {
      safeNack(channel, msg);
    }
  }
}

function redriveCount(msg: ConsumeMessage): Record<string, unknown> {
  const n = msg.properties.headers?.[REDRIVEN_HEADER];
  return n === undefined ? {} : { [REDRIVEN_HEADER]: n };
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
