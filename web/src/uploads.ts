// Sends the files a FileDialog picked to the server (protocol.proto,
// Upload*): one file at a time, in chunks of UPLOAD_LIMIT_CHUNK_BYTES read
// from the File as they are needed, with never more than
// UPLOAD_LIMIT_WINDOW_CHUNKS of them unacknowledged. So the page holds at
// most a window of a file in memory, no frame is large, and clicks and
// callbacks leave between the chunks. A refusal from the server (a file
// over the limit, a program that stopped reading) is shown as a notice.
import { create } from "@bufbuild/protobuf";
import type { Outbox } from "./outbox.js";
import { proto } from "./schema.js";

const CHUNK_BYTES: number = proto.UploadLimit.CHUNK_BYTES;
const WINDOW_CHUNKS: number = proto.UploadLimit.WINDOW_CHUNKS;

/** How one file's upload ended. */
export type UploadOutcome = "done" | "refused" | "lost";

interface Job {
  readonly id: number;
  readonly file: File;
  /** Bytes sent, and bytes the server says the program has taken. */
  sent: number;
  taken: number;
  reading: boolean;
  /** The server accepted the file (its first UploadAck): chunks may go. */
  accepted: boolean;
  over: boolean;
  finish(outcome: UploadOutcome): void;
}

export class Uploader {
  private outbox: Outbox | null = null;
  private notify: (message: string) => void = (m) => console.warn(`pgwidgets: ${m}`);
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;
  /** Chunks sent since the page started (tests). */
  chunksSent = 0;

  attach(outbox: Outbox, notify: (message: string) => void): void {
    this.outbox = outbox;
    this.notify = notify;
  }

  /** Uploads under way (tests). */
  get active(): number {
    return this.jobs.size;
  }

  /** Sends `files`, picked together in FileDialog `widgetId`, one after another. */
  async send(widgetId: number, files: readonly File[]): Promise<UploadOutcome[]> {
    const outcomes: UploadOutcome[] = [];
    for (let i = 0; i < files.length; i++) {
      const outcome = await this.sendOne(widgetId, files[i]!, i, files.length);
      outcomes.push(outcome);
      if (outcome === "lost") break;  // the connection went: the rest cannot go either
    }
    return outcomes;
  }

  private sendOne(widgetId: number, file: File, index: number, count: number): Promise<UploadOutcome> {
    const outbox = this.outbox;
    if (!outbox || !outbox.attached) {
      this.notify(`The file "${file.name}" was not sent: the page is not connected`);
      return Promise.resolve("lost");
    }
    const id = this.nextId++;
    return new Promise<UploadOutcome>((resolve) => {
      const job: Job = {
        id,
        file,
        sent: 0,
        taken: 0,
        reading: false,
        accepted: false,
        over: false,
        finish: (outcome) => {
          if (job.over) return;
          job.over = true;
          this.jobs.delete(id);
          resolve(outcome);
        },
      };
      this.jobs.set(id, job);
      outbox.push({
        case: "uploadStart",
        value: create(proto.UploadStartSchema, {
          uploadId: id,
          widgetId,
          name: file.name,
          type: file.type,
          size: BigInt(file.size),
          fileIndex: index,
          fileCount: count,
        }),
      });
      // A file of 0 bytes is complete at its start; the others wait for
      // the server's first acknowledgement.
      if (file.size === 0) job.finish("done");
    });
  }

  /** Sends the next chunk if the window has room; reads one chunk at a time. */
  private pump(job: Job): void {
    if (job.over || !job.accepted || job.reading || job.sent >= job.file.size) return;
    const length = Math.min(CHUNK_BYTES, job.file.size - job.sent);
    if (job.sent + length - job.taken > CHUNK_BYTES * WINDOW_CHUNKS) return;
    job.reading = true;
    const offset = job.sent;
    job.file
      .slice(offset, offset + length)
      .arrayBuffer()
      .then(
        (buffer) => {
          job.reading = false;
          if (job.over) return;
          if (!this.outbox?.attached) return job.finish("lost");
          job.sent = offset + buffer.byteLength;
          this.chunksSent++;
          this.outbox.push({
            case: "uploadChunk",
            value: create(proto.UploadChunkSchema, {
              uploadId: job.id,
              offset: BigInt(offset),
              data: new Uint8Array(buffer),
            }),
          });
          this.pump(job);
        },
        (e: unknown) => {
          job.reading = false;
          const why = e instanceof Error ? e.message : String(e);
          this.notify(`The file "${job.file.name}" could not be read: ${why}`);
          this.outbox?.push({
            case: "uploadCancel",
            value: create(proto.UploadCancelSchema, { uploadId: job.id, reason: `the file could not be read: ${why}` }),
          });
          job.finish("refused");
        },
      );
  }

  /** The server's UploadAck. */
  acked(id: number, taken: bigint): void {
    const job = this.jobs.get(id);
    if (!job) return;
    job.accepted = true;
    job.taken = Number(taken);
    if (job.taken >= job.file.size) job.finish("done");
    else this.pump(job);
  }

  /** The server's UploadRefused: no more chunks of it go. */
  refused(id: number, message: string): void {
    this.notify(message);
    this.jobs.get(id)?.finish("refused");
  }

  /** The connection is gone: the server dropped every upload of it. */
  reset(): void {
    for (const job of [...this.jobs.values()]) job.finish("lost");
  }
}

/** The page's one uploader (main.ts attaches it to the outbox and the notices). */
export const uploader = new Uploader();
