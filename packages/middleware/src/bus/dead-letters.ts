import type { ChannelModel, ConfirmChannel, GetMessage } from 'amqplib';
import { ATTEMPT_HEADER, DEAD_AT_HEADER, REASON_HEADER, REDRIVEN_HEADER } from './consumer';
import { queueNames } from './topology';

export interface DeadLetter {
  queue: string;
  id: string;
  type: string;
  reason: string;
  attempts: number;
  deadAt: string | null;
  redriven: number;
}

function describe(queue: string, msg: GetMessage): DeadLetter {
  const headers = msg.properties.headers ?? {};
  let id = msg.properties.messageId as string | undefined;
  let type = msg.properties.type as string | undefined;
  if (!id || !type) {
    try {
      const body = JSON.parse(msg.content.toString('utf8'));
      id ??= String(body.id);
      type ??= String(body.type);
    } catch {
      /* unparseable: shown as unknown */
    }
  }
  return {
    queue,
    id: id ?? 'unknown',
    type: type ?? 'unknown',
    reason: String(headers[REASON_HEADER] ?? ''),
    attempts: Number(headers[ATTEMPT_HEADER] ?? 1),
    deadAt: headers[DEAD_AT_HEADER] ? String(headers[DEAD_AT_HEADER]) : null,
    redriven: Number(headers[REDRIVEN_HEADER] ?? 0),
  };
}

async function openChannel(model: ChannelModel, queue: string): Promise<{ channel: ConfirmChannel; count: number }> {
  const channel = await model.createConfirmChannel();
  channel.on('error', () => undefined);
  try {
    // checkQueue closes the channel when the queue does not exist: then there is nothing to do.
    const { messageCount } = await channel.checkQueue(queueNames(queue).dead);
    return { channel, count: messageCount };
  } catch {
    const fresh = await model.createConfirmChannel();
    fresh.on('error', () => undefined);
    return { channel: fresh, count: 0 };
  }
}

/**
 * The messages in `<queue>.dead`, read without removing them: each is taken unacknowledged and
 * the channel is closed at the end, which puts them all back in order.
 */
export async function listDeadLetters(model: ChannelModel, queue: string): Promise<DeadLetter[]> {
  const { channel, count } = await openChannel(model, queue);
  const found: DeadLetter[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const msg = await channel.get(queueNames(queue).dead, { noAck: false });
      if (!msg) break;
      found.push(describe(queue, msg));
    }
  } finally {
    await channel.close().catch(() => undefined);
  }
  return found;
}

// The default exchange drops a message for a queue that does not exist, and still confirms it.
async function assertQueueExists(model: ChannelModel, queue: string): Promise<void> {
  const channel = await model.createChannel();
  channel.on('error', () => undefined);
  try {
    await channel.checkQueue(queue);
  } catch {
    throw new Error(`queue ${queue} does not exist: start its service once before redriving`);
  }
  await channel.close().catch(() => undefined);
}

export interface RedriveOptions {
  /** Only the messages with these ids; default all. */
  ids?: string[];
  /** Runs after the broker confirmed a message's new copy and before its dead copy is acked (tests crash here). */
  beforeAck?: (letter: DeadLetter) => void | Promise<void>;
}

/**
 * Sends the messages of `<queue>.dead` back to `<queue>` (straight to that queue, not through
 * the exchange, so no other service sees them twice) with their attempts reset. Each message is
 * republished and confirmed by the broker before the dead copy is acknowledged: a crash between
 * the two leaves the dead copy in place, and a second run redrives it again (consumers take
 * duplicates). Only the messages present at the start are looked at, so one that fails again
 * and comes back to `.dead` during the run is not sent around in a loop. Messages left out by
 * `ids` stay, in order. Returns what was redriven.
 */
export async function redriveDeadLetters(
  model: ChannelModel,
  queue: string,
  options: RedriveOptions = {},
): Promise<DeadLetter[]> {
  const names = queueNames(queue);
  await assertQueueExists(model, names.main);
  const { channel, count } = await openChannel(model, queue);
  const redriven: DeadLetter[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const msg = await channel.get(names.dead, { noAck: false });
      if (!msg) break;
      const letter = describe(queue, msg);
      if (options.ids && !options.ids.includes(letter.id)) continue; // stays unacked; back on close
      const headers: Record<string, unknown> = {
        ...(msg.properties.headers ?? {}),
        [REDRIVEN_HEADER]: letter.redriven + 1,
      };
      delete headers[ATTEMPT_HEADER];
      await new Promise<void>((resolve, reject) =>
        channel.sendToQueue(
          names.main,
          msg.content,
          {
            persistent: true,
            contentType: msg.properties.contentType ?? 'application/json',
            messageId: msg.properties.messageId,
            type: msg.properties.type,
            headers,
          },
          (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
        ),
      );
      await options.beforeAck?.(letter);
      channel.ack(msg);
      redriven.push({ ...letter, redriven: letter.redriven + 1 });
    }
    await channel.waitForConfirms();
  } finally {
    await channel.close().catch(() => undefined);
  }
  return redriven;
}
