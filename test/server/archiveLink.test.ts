// The language server's archive link at shutdown: running checks against an archive that does
// not answer are not waited for past the grace, and no session opens afterwards. The archive
// here is a listener that takes connections and never answers, as a stalled server would.

import { strict as assert } from 'assert';
import * as net from 'net';
import { ArchiveLink } from '../../src/server/archiveLink';
import { Checker, CorpusIndex } from '../../src/core/checker';

const DRAFT = 'The engineer said "the reservoir will be refilled before the first frost reaches the valley" at the hearing.\n';

describe('archive link at shutdown', () => {
  let listener: net.Server;
  const sockets: net.Socket[] = [];
  let url: string;

  before(async () => {
    listener = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    url = `postgres://writer@127.0.0.1:${(listener.address() as net.AddressInfo).port}/archive`;
  });

  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => listener.close(resolve));
  });

  it('ends without waiting out a check the archive never answers, and opens no session after', async () => {
    const host = { trusted: () => true, sendState: () => undefined, warn: () => undefined, log: () => undefined };
    const link = new ArchiveLink(host, { VERBATIM_ARCHIVE_URL: url, VERBATIM_ARCHIVE_TIMEOUT_MS: '600000', PGPASSWORD: 'x' });
    const checker = new Checker(CorpusIndex.build({ documents: [], warnings: [] }));
    const local = checker.checkText(DRAFT, 'markdown');
    assert.equal(local.length, 1);
    const order: string[] = [];
    const checking = link.merge(null, DRAFT, local, checker).then(() => order.push('check'));
    // The check is under way once the archive has its connection.
    while (sockets.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await link.shutdown(50);
    order.push('shutdown');
    assert.deepEqual(order, ['shutdown'], 'the shutdown did not wait for the stalled check');
    assert.equal(link.names(null), false, 'no session opens after shutdown');
    for (const socket of sockets) socket.destroy();
    await checking;
  });
});
