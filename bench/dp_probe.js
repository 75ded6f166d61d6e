// Which asim node masters a partition, for bench/datapath.sh's floor row
// (control requests, not counted in asim-stats):
//   node dp_probe.js master PORT PARTITION  -> the port of that partition's master
'use strict';
const path = require('path');
const { asimInfo } = require(path.join(__dirname, '..', 'tools', 'asim', 'asim_info.js'));

// asim-stats: "PORT:node=NAME,running=1,info=N,reads=R,writes=W,...;PORT:..."
function parseStats(text) {
  return text.split(';').filter(Boolean).map((entry) => {
    const colon = entry.indexOf(':');
    const fields = {};
    for (const kv of entry.slice(colon + 1).split(',')) {
      const eq = kv.indexOf('=');
      fields[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    return { port: Number(entry.slice(0, colon)), fields };
  });
}

async function main() {
  const [what, portText, partition] = process.argv.slice(2);
  const port = Number(portText);
  const nodes = parseStats(await asimInfo(port, 'asim-stats'));
  if (what === 'master') {
    const owners = (await asimInfo(port, 'asim-ownership:ns=test')).split(';');
    const master = owners[Number(partition)].split(',')[0];
    const node = nodes.find(({ fields }) => fields.node === master);
    if (!node) throw new Error(`no node named ${master}`);
    console.log(node.port);
  } else {
    throw new Error('usage: dp_probe.js master PORT PARTITION');
  }
}

main().catch((e) => {
  console.error(`dp_probe: ${e.message}`);
  process.exit(1);
});
