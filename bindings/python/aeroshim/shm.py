"""Looking at a shared cluster-map segment from Python (tests, tools):
whether it exists and which pid tends it. Read-only."""

import ctypes

from . import _abi

_SHM_RDONLY = 0o10000


def _signed(key):
    return key - (1 << 32) if key >= (1 << 31) else key


def segment_exists(key):
    """True when a System V segment with this key exists."""
    return _abi.libc.shmget(_signed(key), 0, 0) >= 0


def segment_owner_pid(key):
    """The tend owner's pid recorded in the segment (as_cluster_shm.owner_pid),
    or None when there is no such segment."""
    shmid = _abi.libc.shmget(_signed(key), 0, 0)
    if shmid < 0:
        return None
    base = _abi.libc.shmat(shmid, None, _SHM_RDONLY)
    if base is None or base == ctypes.c_void_p(-1).value:
        return None
    try:
        return _abi.read_u32(base + _abi.AS_CLUSTER_SHM_OWNER_PID)
    finally:
        _abi.libc.shmdt(base)
