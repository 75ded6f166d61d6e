// One info request to an asim node (or any Aerospike node) from a Node.js
// script: the tests and benchmarks that drive asim's control names share it.
// Frame: 8-byte header (version 2, type 1 = info, 48-bit body length), then
// "NAME\n"; the answer is "NAME\tVALUE\n", of which the value is returned.
'use strict';
const net = require('net');

function asimInfo(port, command, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(command + '\n');
    const header = Buffer.alloc(8);
    header[0] = 2;
    header[1] = 1;
    header.writeUIntBE(body.length, 2, 6);
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`info '${command}' to port ${port} timed out`));
    }, timeoutMs);
    sock.on('connect', () => sock.write(Buffer.concat([header, body])));
    sock.on('data', (d) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      if (all.length >= 8 && all.length >= 8 + all.readUIntBE(2, 6)) {
        clearTimeout(timer);
        sock.destroy();
        const line = all.subarray(8, 8 + all.readUIntBE(2, 6)).toString().split('\n')[0];
        const tab = line.indexOf('\t');
        resolve(tab < 0 ? '' : line.slice(tab + 1));
      }
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`info '${command}' to port ${port}: ${e.message}`));
    });
  });
}

module.exports = { asimInfo };
