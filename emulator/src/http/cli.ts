#!/usr/bin/env node
// `metabase-embed-emulator`: starts the emulator and prints its URL. Exit codes: 2 for bad
// arguments, secret or content; 1 when the server cannot start (e.g. the port is taken).
import {readFile} from 'node:fs/promises';
import {parseCliArgs, USAGE, UsageError} from './cli-args.js';
import {ContentError} from '../content/validate.js';
import type {EmulatorContent} from '../content/schema.js';
import {SAMPLE} from '../content/sample-content.js';
import {assertSecretKey} from '../rules/secret.js';
import {startEmulator} from './server.js';

/** Parses the --content file; startEmulator checks what it holds. */
async function readContent(file: string): Promise<EmulatorContent> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read --content file "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  }
  try {
    return JSON.parse(text) as EmulatorContent;
  } catch (error) {
    throw new UsageError(`--content file "${file}" is not valid JSON: ${(error as Error).message}`);
  }
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    if (options.secretKey === undefined) throw new UsageError('--secret is required (or set METABASE_SECRET_KEY).');
    assertSecretKey(options.secretKey, '--secret');
  } catch (error) {
    console.error(`metabase-embed-emulator: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    const content = options.contentFile === undefined ? undefined : await readContent(options.contentFile);
    const emulator = await startEmulator({
      port: options.port,
      host: options.host,
      secretKey: options.secretKey,
      content,
      plan: options.plan,
      cardDelayMs: options.cardDelayMs,
    });
    // One write, so that a reader of the URL line has the plan line too.
    console.log(
      `Metabase embed emulator running at ${emulator.url}\n${
        options.plan === 'oss'
          ? 'Plan: open source (a "Powered by Metabase" banner; font, downloads and locale ignored). --plan pro for a paid plan.'
          : 'Plan: pro (no banner; font, downloads and locale apply).'
      }`,
    );
    if (content === undefined) {
      console.log(
        `Sample content: dashboards ${SAMPLE.salesDashboard.id} and ${SAMPLE.customersDashboard.id}, questions ${SAMPLE.monthlyRevenueQuestion.id} and ${SAMPLE.ordersQuestion.id} (tenants: ${SAMPLE.tenants.join(', ')}).`,
      );
    }
    const stop = () => void emulator.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1; // keep running
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ContentError;
    console.error(`metabase-embed-emulator: ${(error as Error).message}`);
    return usage ? 2 : 1;
  }
}

void main().then((code) => {
  if (code >= 0) process.exitCode = code;
});
