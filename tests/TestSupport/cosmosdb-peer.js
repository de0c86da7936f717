// Starts the @vercel/cosmosdb-server protocol peer for the Cosmos DB tests and benchmarks:
// node cosmosdb-peer.js REPO_ROOT PORT
//
// One correction, so the peer answers as Cosmos DB documents: a point read of a document that does not exist
// must be 404 Not Found, but the peer (1.0.1) reads a property of `undefined` and answers 500.
//
// One addition, for the back-office benchmark: GET /qualityvoice/requests answers how many requests the peer has
// served, the benchmark's proxy for what a page costs in request units (the peer reports a flat charge).
"use strict";
const path = require("path");

const [root, port] = process.argv.slice(2);
const lib = path.join(root, "node_modules", "@vercel", "cosmosdb-server", "lib");

const readDocument = require(path.join(lib, "handler", "read-document"));
const read = readDocument.default;
readDocument.default = (account, req, res, params) => {
  try {
    return read(account, req, res, params);
  } catch (error) {
    if (!(error instanceof TypeError)) {
      throw error;
    }

    res.statusCode = 404;
    return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
  }
};

// Loaded after the correction, so that its route table picks it up.
const { createHttpsServer } = require(lib);
const server = createHttpsServer();
let served = 0;
const handlers = server.listeners("request");
server.removeAllListeners("request");
server.on("request", (req, res) => {
  if (req.method === "GET" && req.url === "/qualityvoice/requests") {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ requests: served }));
    return;
  }

  served++;
  for (const handler of handlers) {
    handler.call(server, req, res);
  }
});
server.listen(Number(port), "127.0.0.1", () => console.log(`cosmosdb-server listening on 127.0.0.1:${port}`));
