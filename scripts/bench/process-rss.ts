import { readdirSync, readFileSync } from 'node:fs'

interface ProcessStat {
  rssMb: number
  /** User and system CPU time so far, in ms (`/proc` counts it in 1/100 s). */
  cpuMs: number
}

/** RSS and CPU time of each process in the tree under `rootPid` (the browser we launched, not anyone else's). */
function treeStats(rootPid: number): Map<number, ProcessStat> {
  const parent = new Map<number, number>()
  const stats = new Map<number, ProcessStat>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // Fields from the state on (field 3 of proc(5)): ppid, …, utime, stime, …, rss.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parent.set(pid, Number(fields[1]))
      const cpuMs = (Number(fields[11]) + Number(fields[12])) * 10
      stats.set(pid, { rssMb: (Number(fields[21]) * 4096) / 1024 / 1024, cpuMs })
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p))
      if (p === rootPid) return true
    return false
  }
  return new Map([...stats].filter(([pid]) => inTree(pid)))
}

/** RSS in MB of each process in the tree under `rootPid`. */
export function treeRss(rootPid: number): Map<number, number> {
  return new Map([...treeStats(rootPid)].map(([pid, s]) => [pid, s.rssMb]))
}

/**
 * CPU time in ms that the processes of the tree have used so far. The difference over a load is
 * the work it took, which a shared machine's load disturbs far less than its wall time.
 */
export function treeCpuMs(rootPid: number): number {
  let total = 0
  for (const s of treeStats(rootPid).values()) total += s.cpuMs
  return total
}

/** RSS in MB of a process and all its descendants. */
export function treeRssMb(rootPid: number): number {
  let total = 0
  for (const mb of treeRss(rootPid).values()) total += mb
  return total
}
