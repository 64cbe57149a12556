#!/usr/bin/env python3
"""Writes the sysfs fixture trees beside this script: the files of /sys that the suite's
topology reader opens (org.concurrencybench.sweep.machine.SysfsTopology), shaped as Linux writes
them on each machine, from the machines' documented topologies. Each tree is a stand-in for /sys:
CONCURRENCYBENCH_SYSFS=src/test/resources/sysfs/NAME ./run-benchmarks.sh --dry-run plans on it.

  i7-1260p      Intel Core i7-1260P laptop (Alder Lake): 4 P-cores with 2 threads each (CPUs 0-7,
                siblings numbered next to each other), 8 E-cores without SMT (CPUs 8-15), one L3
                of 18 MB for all; /sys/devices/cpu_core/cpus and cpu_atom/cpus as Intel hybrid
                kernels write them.
  xeon-2s       two Intel Xeon Gold 6130 (Skylake-SP, 16 cores, 2 threads each): 64 CPUs, numbered
                as many 2-socket servers do, alternating sockets (even CPUs socket 0, odd socket 1),
                hyperthread siblings 32 later; one L3 and one NUMA node per socket; core ids with
                Skylake-SP's gaps.
  epyc-7763     AMD EPYC 7763 (Milan): 64 cores, 2 threads each (siblings 64 later), one socket,
                one NUMA node (NPS1), an L3 of 32 MB per CCX of 8 cores.
  vm-2vcpu      copied from this project's 2-vCPU development VM (not written by this script).
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cpulist(cpus):
    cpus = sorted(cpus)
    parts, start = [], None
    for i, c in enumerate(cpus):
        if start is None:
            start = c
        if i + 1 == len(cpus) or cpus[i + 1] != c + 1:
            parts.append(str(start) if start == c else f"{start}-{c}")
            start = None
    return ",".join(parts)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text + "\n")


def tree(name, cpus, nodes, extra=None):
    """cpus: {cpu: (package, core_id, siblings, l3_cpus)}; nodes: {node: cpus}."""
    root = os.path.join(HERE, name)
    shutil.rmtree(root, ignore_errors=True)
    system = os.path.join(root, "devices", "system")
    every = cpulist(cpus)
    for f in ("online", "possible", "present"):
        write(os.path.join(system, "cpu", f), every)
    for cpu, (package, core, siblings, l3) in cpus.items():
        d = os.path.join(system, "cpu", f"cpu{cpu}")
        write(os.path.join(d, "topology", "physical_package_id"), str(package))
        write(os.path.join(d, "topology", "core_id"), str(core))
        write(os.path.join(d, "topology", "thread_siblings_list"), cpulist(siblings))
        write(os.path.join(d, "cache", "index3", "level"), "3")
        write(os.path.join(d, "cache", "index3", "shared_cpu_list"), cpulist(l3))
    for node, members in nodes.items():
        write(os.path.join(system, "node", f"node{node}", "cpulist"), cpulist(members))
    write(os.path.join(system, "node", "online"), cpulist(nodes))
    for rel, text in (extra or {}).items():
        write(os.path.join(root, rel), text)


def laptop():
    cpus = {}
    for cpu in range(8):  # P-cores: 2 threads each, siblings adjacent, core ids 0, 4, 8, 12
        cpus[cpu] = (0, (cpu // 2) * 4, [cpu - cpu % 2, cpu - cpu % 2 + 1], range(16))
    for cpu in range(8, 16):  # E-cores: one thread each
        cpus[cpu] = (0, 16 + cpu - 8, [cpu], range(16))
    tree("i7-1260p", cpus, {0: range(16)},
         {"devices/cpu_core/cpus": "0-7", "devices/cpu_atom/cpus": "8-15"})


def xeon():
    core_ids = [0, 1, 2, 3, 4, 8, 9, 10, 11, 16, 17, 18, 19, 20, 24, 25]
    socket_cpus = {s: [c for c in range(64) if c % 2 == s] for s in (0, 1)}
    cpus = {}
    for cpu in range(64):
        first = cpu % 32
        socket, core = first % 2, core_ids[first // 2]
        cpus[cpu] = (socket, core, [first, first + 32], socket_cpus[socket])
    tree("xeon-2s", cpus, socket_cpus)


def epyc():
    cpus = {}
    for cpu in range(128):
        core = cpu % 64
        group = core // 8
        l3 = list(range(8 * group, 8 * group + 8)) + list(range(64 + 8 * group, 64 + 8 * group + 8))
        cpus[cpu] = (0, core, [core, core + 64], l3)
    tree("epyc-7763", cpus, {0: range(128)})


if __name__ == "__main__":
    laptop()
    xeon()
    epyc()
    print("wrote i7-1260p, xeon-2s, epyc-7763 under", HERE, file=sys.stderr)
