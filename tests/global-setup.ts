import type { TestProject } from "vitest/node";
import { startPostgres, type PostgresServer } from "./support/postgres-server";

let server: PostgresServer | undefined;

/** One PostgreSQL server for the whole run; each test file makes its own database in it. */
export async function setup(project: TestProject): Promise<void> {
  server = await startPostgres();
  project.provide("pgUrl", server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
