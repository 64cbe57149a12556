"""The suite's task arithmetic, bit for bit as the Java side computes it.

Java works on 64-bit two's-complement longs that wrap on overflow; Python's ints do not wrap.
So every value is kept as its unsigned 64-bit pattern (masked with MASK after each multiply and
shift) and turned back into a signed long only where a checksum leaves this module. Java's
``x >>> 17`` (a logical shift) is then a plain ``>>`` of the unsigned pattern.

Mirrors org.concurrencybench.workload.CpuKernel, SleepTask.checksum and EchoPayload; the test
python/tests/test_kernel.py checks the values against a fixture written by a Java test.
"""

MASK = (1 << 64) - 1
ITERATIONS_PER_UNIT = 4096  # CpuKernel.ITERATIONS_PER_UNIT
_GOLDEN = 0x9E3779B97F4A7C15
_LCG_MUL = 6364136223846793005
_LCG_ADD = 1442695040888963407
_FNV_PRIME = 0x100000001B3
_FNV_OFFSET = 0xCBF29CE484222325


def to_signed(value):
    """The signed 64-bit long whose bit pattern is ``value``'s low 64 bits."""
    value &= MASK
    return value - (1 << 64) if value >= 1 << 63 else value


def _unit(x):
    """One work unit: 4096 dependent multiply-rotate-xor steps on the unsigned pattern ``x``."""
    for i in range(ITERATIONS_PER_UNIT):
        m = (x * _GOLDEN) & MASK
        x = (((m << 23) | (m >> 41)) & MASK) ^ (x >> 17) ^ i
    return x


def cpu(seed, units):
    """CpuKernel.run(seed, units, NONE): the final state, as a signed long."""
    x = seed & MASK
    for _ in range(units):
        x = _unit(x)
    return to_signed(x)


def sleep_checksum(seed):
    """SleepTask.checksum(seed): rotateLeft(seed * golden, 31)."""
    m = ((seed & MASK) * _GOLDEN) & MASK
    return to_signed((m << 31) | (m >> 33))


def fill(length, seed, round_trip):
    """EchoPayload.fill: the request bytes of round trip ``round_trip`` of task ``seed``."""
    x = ((seed & MASK) ^ (round_trip << 32) ^ 0x5DEECE66D) & MASK
    out = bytearray(length)
    for i in range(length):
        x = (x * _LCG_MUL + _LCG_ADD) & MASK
        out[i] = x >> 56
    return bytes(out)


def fold(checksum, data):
    """EchoPayload.fold: folds the echoed bytes into ``checksum`` (FNV-1a style); signed result."""
    c = checksum & MASK
    for b in data:
        c = ((c ^ b) * _FNV_PRIME) & MASK
    return to_signed(c)


def io_initial(seed):
    """EchoPayload.initial(seed): the checksum an I/O task starts from."""
    return to_signed((seed & MASK) ^ _FNV_OFFSET)


def batch_sum(results):
    """The batch checksum as a Java long sum of the tasks' checksums (wrapping)."""
    return to_signed(sum(results))
