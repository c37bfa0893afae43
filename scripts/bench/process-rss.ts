import { readdirSync, readFileSync } from 'node:fs'

/** RSS in MB of a process and all its descendants (the browser we launched, not anyone else's). */
export function treeRssMb(rootPid: number): number {
  const parent = new Map<number, number>()
  const rss = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parent.set(pid, Number(fields[1]))
      rss.set(pid, Number(fields[21]) * 4096)
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p))
      if (p === rootPid) return true
    return false
  }
  let total = 0
  for (const [pid, bytes] of rss) if (inTree(pid)) total += bytes
  return total / 1024 / 1024
}
