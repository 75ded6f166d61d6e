"""Runs test_client.py against the stock C client 7.4.0 instead of ours: the
npm aerospike@6.7.1 addon exports the C API, so it is LD_PRELOADed into a
fresh python3 (with libssl, libcrypto, and a one-function stub for the Node
hook its constructor calls) and the package takes the symbols from the
process (AEROSHIM_LIB=process). The same expectations then hold for stock.

    usage: run_against_stock.py STOCK_DIR [unittest arguments]
"""

import ctypes.util
import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_HOOK_STUB = "void node_module_register(void* module);\n" \
                 "void node_module_register(void* module) { (void)module; }\n"


def main(stock_dir, unittest_args):
    addons = sorted(glob.glob(os.path.join(stock_dir, "node_modules", "aerospike", "lib", "binding",
                                           "*", "aerospike.node")))
    if not addons:
        print("FAIL: no stock addon under %s (run scripts/stock-client.sh)" % stock_dir)
        return 1
    tmp = tempfile.mkdtemp(prefix="aeroshim-stock-")
    try:
        source = os.path.join(tmp, "node_hook_stub.c")
        stub = os.path.join(tmp, "node_hook_stub.so")
        with open(source, "w") as f:
            f.write(NODE_HOOK_STUB)
        subprocess.run(["cc", "-shared", "-fPIC", source, "-o", stub], check=True, timeout=60)
        preload = [stub, ctypes.util.find_library("ssl"), ctypes.util.find_library("crypto"),
                   addons[0]]
        env = dict(os.environ, LD_PRELOAD=" ".join(preload), AEROSHIM_LIB="process",
                   AEROSHIM_TEST_STOCK="1")
        print("stock: %s" % addons[0], flush=True)
        return subprocess.run([sys.executable, os.path.join(HERE, "test_client.py")] + unittest_args,
                              env=env, timeout=170).returncode
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
