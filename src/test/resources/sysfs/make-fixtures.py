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
  core-ultra-155h, core-ultra-258v, ryzen-ai-9-hx370, arm-1-3-4: hybrid laptops and a three-tier
                ARM SoC; README.md beside this script says what each follows.
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


def tree(name, cpus, nodes, extra=None, per_cpu=None):
    """cpus: {cpu: (package, core_id, siblings, l3_cpus)}, l3_cpus None for a CPU without an L3;
    nodes: {node: cpus}; extra: {path under the root: text}; per_cpu: {cpu: {path under cpuN: text}}."""
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
        if l3 is not None:
            write(os.path.join(d, "cache", "index3", "level"), "3")
            write(os.path.join(d, "cache", "index3", "shared_cpu_list"), cpulist(l3))
        for rel, text in ((per_cpu or {}).get(cpu) or {}).items():
            write(os.path.join(d, rel), text)
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


def cache(level, size, shared):
    """The files of one cache index: level, size and the CPUs sharing it."""
    return {"level": str(level), "size": size, "shared_cpu_list": cpulist(shared)}


def files(cpu_files):
    """{cpu: {"cache/index2": cache(...), "cpufreq/cpuinfo_max_freq": "..."}} flattened to paths."""
    flat = {}
    for cpu, entries in cpu_files.items():
        flat[cpu] = {}
        for rel, value in entries.items():
            if isinstance(value, dict):
                for name, text in value.items():
                    flat[cpu][f"{rel}/{name}"] = text
            else:
                flat[cpu][rel] = value
    return flat


def meteor_lake():
    cpus, per = {}, {}
    for cpu in range(12):  # 6 P-cores (Redwood Cove), siblings adjacent
        first = cpu - cpu % 2
        cpus[cpu] = (0, (cpu // 2) * 4, [first, first + 1], range(20))
        per[cpu] = {"cache/index2": cache(2, "2048K", [first, first + 1]), "cache/index3/size": "24576K",
                    "cpufreq/cpuinfo_max_freq": "4800000", "topology/cluster_id": str((cpu // 2) * 8)}
    for cpu in range(12, 20):  # 8 E-cores (Crestmont) of the compute tile, two modules of 4 sharing an L2
        module = list(range(12, 16)) if cpu < 16 else list(range(16, 20))
        cpus[cpu] = (0, 24 + cpu - 12, [cpu], range(20))
        per[cpu] = {"cache/index2": cache(2, "2048K", module), "cache/index3/size": "24576K",
                    "cpufreq/cpuinfo_max_freq": "3800000", "topology/cluster_id": str(48 + 8 * ((cpu - 12) // 4))}
    for cpu in (20, 21):  # 2 low-power E-cores on the SoC tile: an L2 of their own, no L3
        cpus[cpu] = (0, 32 + cpu - 20, [cpu], None)
        per[cpu] = {"cache/index2": cache(2, "2048K", [20, 21]), "cpufreq/cpuinfo_max_freq": "2500000",
                    "topology/cluster_id": "64"}
    tree("core-ultra-155h", cpus, {0: range(22)},
         {"devices/cpu_core/cpus": "0-11", "devices/cpu_atom/cpus": "12-21"}, files(per))


def lunar_lake():
    cpus, per = {}, {}
    for cpu in range(4):  # 4 P-cores (Lion Cove) without SMT, sharing a 12 MB L3
        cpus[cpu] = (0, cpu * 4, [cpu], range(4))
        per[cpu] = {"cache/index2": cache(2, "2560K", [cpu]), "cache/index3/size": "12288K",
                    "cpufreq/cpuinfo_max_freq": "4800000", "topology/cluster_id": str(cpu * 8)}
    for cpu in range(4, 8):  # 4 low-power E-cores (Skymont) on their own island: a shared 4 MB L2, no L3
        cpus[cpu] = (0, 16 + cpu - 4, [cpu], None)
        per[cpu] = {"cache/index2": cache(2, "4096K", range(4, 8)), "cpufreq/cpuinfo_max_freq": "3700000",
                    "topology/cluster_id": "32"}
    tree("core-ultra-258v", cpus, {0: range(8)},
         {"devices/cpu_core/cpus": "0-3", "devices/cpu_atom/cpus": "4-7"}, files(per))


def strix_point():
    cpus, per = {}, {}
    ccx0 = list(range(0, 4)) + list(range(12, 16))   # 4 Zen 5 cores, 16 MB L3
    ccx1 = list(range(4, 12)) + list(range(16, 24))  # 8 Zen 5c cores, 8 MB L3
    # amd-pstate's preferred-core ranking: highest_perf differs core by core within a kind, by a step
    prefcore = [236, 231, 226, 221] + [166, 161, 156, 151, 146, 141, 136, 131]
    for cpu in range(24):
        core = cpu % 12
        zen5 = core < 4
        cpus[cpu] = (0, core, [core, core + 12], ccx0 if zen5 else ccx1)
        per[cpu] = {"cache/index2": cache(2, "1024K", [core, core + 12]),
                    "cache/index3/size": "16384K" if zen5 else "8192K",
                    "cpufreq/cpuinfo_max_freq": "5157000" if zen5 else "3300000",
                    "acpi_cppc/highest_perf": str(prefcore[core]), "topology/cluster_id": "0" if zen5 else "1"}
    tree("ryzen-ai-9-hx370", cpus, {0: range(24)}, None, files(per))


def arm_three_tiers():
    cpus, per = {}, {}
    tiers = {**{c: ("405", "1800000") for c in range(4)},     # 4 little cores (Cortex-A510)
             **{c: ("802", "2850000") for c in range(4, 7)},  # 3 middle cores (Cortex-A710)
             7: ("1024", "3050000")}                          # 1 prime core (Cortex-X2)
    for cpu in range(8):  # one DynamIQ cluster: every CPU shares the DSU's 8 MB L3
        capacity, freq = tiers[cpu]
        cpus[cpu] = (0, cpu, [cpu], range(8))
        per[cpu] = {"cpu_capacity": capacity, "cache/index3/size": "8192K", "cpufreq/cpuinfo_max_freq": freq,
                    "topology/cluster_id": "0"}
    tree("arm-1-3-4", cpus, {0: range(8)}, None, files(per))


if __name__ == "__main__":
    laptop()
    xeon()
    epyc()
    meteor_lake()
    lunar_lake()
    strix_point()
    arm_three_tiers()
    print("wrote i7-1260p, xeon-2s, epyc-7763, core-ultra-155h, core-ultra-258v, ryzen-ai-9-hx370, arm-1-3-4 under",
          HERE, file=sys.stderr)
