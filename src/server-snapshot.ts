import { startupSnapshot } from 'node:v8';
import { prepareStart, startServer, type PreparedStart } from './node/start-server.js';

/**
 * The Node server as a V8 startup snapshot (`npm run build:server` writes build/server/server.blob
 * from the CommonJS bundle of this file; `node --snapshot-blob build/server/server.blob` runs it).
 * At build time the modules are evaluated and `prepareStart` reads the index snapshot and the
 * corpus and builds the offline index, lexicon and retrieval, all kept in the snapshot's heap; at
 * run time the process starts from that heap and only reads the configuration, creates the app
 * and listens, as src/server.ts does after the same preparation.
 */
let prepared: PreparedStart | undefined;

prepareStart().then(
  (done) => void (prepared = done),
  (error: unknown) => {
    throw error;
  },
);

startupSnapshot.setDeserializeMainFunction(function startFromSnapshot() {
  const ahead = prepared;
  prepared = undefined; // what the server does not keep is garbage once it runs
  void startServer(performance.now(), ahead);
});
