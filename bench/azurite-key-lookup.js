// Preloaded into each benchmark's Azurite (NODE_OPTIONS=--require); the tests use Azurite as it comes.
//
// Azurite keeps each table in a LokiJS collection indexed on PartitionKey and on RowKey, and looks an
// entity up with findOne({ RowKey, PartitionKey }): LokiJS narrows by the first key's index and scans
// what that leaves. Every workflow instance's state row has RowKey "state" (DESIGN §3), so each point
// operation on the Workflows table scans every instance (0.2 ms at 1,000, 5.6 ms at 40,000), and the
// records index keeps many rows in one partition, so putting PartitionKey first would scan those. A
// long run then slows quadratically, while Table Storage finds an entity by (PartitionKey, RowKey) and
// does not slow as a table grows. This narrows by whichever key's index matches fewer rows (two binary
// searches), as a query planner would; the predicate, and so every answer, is unchanged.
'use strict';
const path = require('path');
// The copy Azurite itself loads, wherever npm put it.
const azurite = path.dirname(require.resolve('azurite/package.json', { paths: [__dirname] }));
const Loki = require(require.resolve('lokijs', { paths: [azurite] }));
const findOne = Loki.Collection.prototype.findOne;
Loki.Collection.prototype.findOne = function (query) {
  if (query && typeof query === 'object' && 'PartitionKey' in query && 'RowKey' in query
      && this.binaryIndices.PartitionKey && this.binaryIndices.RowKey && this.data.length > 0) {
    const matching = (key) => {
      this.ensureIndex(key);
      const [low, high] = this.calculateRange('$eq', key, query[key]);
      return high - low + 1;
    };
    const first = matching('PartitionKey') <= matching('RowKey') ? 'PartitionKey' : 'RowKey';
    query = { [first]: query[first], ...query };
  }
  return findOne.call(this, query);
};
