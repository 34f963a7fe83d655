// The little of PouchDB the import comparison uses; the bench build may swap either module for
// a stub that exports null when the package is not installed.
declare module 'pouchdb-browser' {
  interface PouchDatabase {
    info(): Promise<{ doc_count: number }>;
    bulkDocs(docs: object[]): Promise<{ ok?: boolean; error?: string }[]>;
    destroy(): Promise<unknown>;
  }
  interface PouchStatic {
    new (name: string, options?: { adapter?: string }): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
  }
  const PouchDB: PouchStatic | null;
  export default PouchDB;
}

declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
