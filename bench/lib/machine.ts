import fs from 'node:fs';
import os from 'node:os';
import { MongoClient } from 'mongodb';

export interface MachineFacts {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  ferretdb: string;
  os: string;
  loadAverage: string;
}

/** FerretDB answers buildInfo with its own version next to the MongoDB version it emulates. */
async function databaseVersion(mongoBase: string): Promise<string> {
  const client = new MongoClient(mongoBase, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
    const info = await client.db('admin').command({ buildInfo: 1 });
    if (typeof info.ferretdbVersion === 'string')
      return `FerretDB ${info.ferretdbVersion} (MongoDB wire ${info.version})`;
    if (info.ferretdb && typeof info.ferretdb.version === 'string')
      return `FerretDB ${info.ferretdb.version} (MongoDB wire ${info.version})`;
    return `MongoDB ${info.version}`;
  } catch (err) {
    return `unknown (${(err as Error).message})`;
  } finally {
    await client.close();
  }
}

export async function machineFacts(mongoBase: string): Promise<MachineFacts> {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) osName = `${pretty}, kernel ${os.release()}`;
  } catch {
    // keep the kernel name
  }
  return {
    nproc: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    ferretdb: await databaseVersion(mongoBase),
    os: osName,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}
