import { execFileSync } from 'node:child_process';
import net from 'node:net';

/** Stops the local RabbitMQ application (the Erlang node stays up, so it restarts in seconds). */
export function stopBroker(): void {
  execFileSync('rabbitmqctl', ['stop_app'], { stdio: 'ignore', timeout: 60_000 });
}

export function startBroker(): void {
  execFileSync('rabbitmqctl', ['start_app'], { stdio: 'ignore', timeout: 60_000 });
  execFileSync('rabbitmqctl', ['await_startup'], { stdio: 'ignore', timeout: 60_000 });
}

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
