// Starts the @vercel/cosmosdb-server protocol peer for the Cosmos DB tests: node cosmosdb-peer.js REPO_ROOT PORT
//
// One correction, so the peer answers as Cosmos DB documents: a point read of a document that does not exist
// must be 404 Not Found, but the peer (1.0.1) reads a property of `undefined` and answers 500.
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
createHttpsServer().listen(Number(port), "127.0.0.1", () => console.log(`cosmosdb-server listening on 127.0.0.1:${port}`));
