import { readdirSync, readFileSync } from 'node:fs'

/** RSS in MB of each process in the tree under `rootPid` (the browser we launched, not anyone else's). */
export function treeRss(rootPid: number): Map<number, number> {
  const parent = new Map<number, number>()
  const rss = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parent.set(pid, Number(fields[1]))
      rss.set(pid, (Number(fields[21]) * 4096) / 1024 / 1024)
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p))
      if (p === rootPid) return true
    return false
  }
  return new Map([...rss].filter(([pid]) => inTree(pid)))
}

/** RSS in MB of a process and all its descendants. */
export function treeRssMb(rootPid: number): number {
  let total = 0
  for (const mb of treeRss(rootPid).values()) total += mb
  return total
}
