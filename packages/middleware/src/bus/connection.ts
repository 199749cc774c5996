import amqp, { ChannelModel } from 'amqplib';
import { EventEmitter } from 'node:events';
import type { Logger } from '../logger';

/**
 * A RabbitMQ connection that comes back by itself: after the broker restarts it reconnects
 * with capped exponential backoff and calls every `onConnect` hook again, so channels,
 * topology and consumers are rebuilt. Emits 'connected' and 'disconnected'.
 */
export class BusConnection extends EventEmitter {
  private model: ChannelModel | null = null;
  private closing = false;
  private readonly hooks: ((model: ChannelModel) => Promise<void>)[] = [];
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly maxBackoffMs = 5_000,
  ) {
    super();
    this.setMaxListeners(50);
  }

  get connected(): boolean {
    return this.model !== null;
  }

  /** Registers a hook run on every connect (and at once if already connected). */
  async onConnect(hook: (model: ChannelModel) => Promise<void>): Promise<void> {
    this.hooks.push(hook);
    if (this.model) await hook(this.model);
  }

  /** Resolves once connected the first time; keeps trying until then. */
  start(): Promise<void> {
    if (!this.connecting) this.connecting = this.connectLoop();
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closing = true;
    const model = this.model;
    this.model = null;
    if (model) await model.close().catch(() => undefined);
  }

  private async connectLoop(): Promise<void> {
    let delay = 100;
    while (!this.closing) {
      try {
        const model = await amqp.connect(this.url);
        model.on('error', (err) => this.logger.warn({ err }, 'broker connection error'));
        model.on('close', () => this.handleClose(model));
        this.model = model;
        for (const hook of this.hooks) await hook(model);
        this.logger.info('connected to broker');
        this.emit('connected');
        return;
      } catch (err) {
        if (this.model) {
          await this.model.close().catch(() => undefined);
          this.model = null;
        }
        this.logger.warn({ err: (err as Error).message, retryInMs: delay }, 'broker not reachable; retrying');
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, this.maxBackoffMs);
      }
    }
  }

  private handleClose(model: ChannelModel): void {
    if (this.model !== model) return;
    this.model = null;
    this.emit('disconnected');
    if (this.closing) return;
    this.logger.warn('broker connection lost; reconnecting');
    this.connecting = this.connectLoop();
  }
}
