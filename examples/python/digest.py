"""An example task for the CPython companion: ``--python-task digest:handle --python-path examples/python``.

``handle(seed)`` is one task of a batch: it builds a 256 KiB buffer from its seed and hashes it with
SHA-256, 8 times over (about 5 ms on the 2-core development VM, like one of the suite's CPU tasks).
It returns the digest's first 8 bytes as a signed 64-bit integer: the same for the same seed in
every form, as the companion checks against a sequential call.

The lesson it teaches: ``hashlib`` releases the GIL while it hashes a buffer of more than 2 KiB,
so unlike pure-Python CPU work this one does speed up with threads on several cores. A function
written in Python only (a loop over the bytes) would not.

``wait(seed)`` is the same shape as an ``async def``: asyncio awaits it (10 ms of asyncio.sleep),
the other forms run it to completion with ``asyncio.run``. Run it with ``--python-task digest:wait``.
"""

import asyncio
import hashlib

BUFFER_BYTES = 256 * 1024
ROUNDS = 8


def handle(seed):
    block = seed.to_bytes(8, "little", signed=True) * (BUFFER_BYTES // 8)
    digest = hashlib.sha256(block).digest()
    for _ in range(ROUNDS - 1):
        digest = hashlib.sha256(digest + block).digest()
    return int.from_bytes(digest[:8], "little", signed=True)


async def wait(seed):
    await asyncio.sleep(0.01)
    return seed * 31
