/** What auth reads of a request: a web Request has this shape, and so does the node:http front's request. */
export interface RequestHead {
  method: string;
  url: string | URL;
  headers: { get(name: string): string | null };
}
