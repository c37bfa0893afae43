import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { workerStagesPerHour } from './opus-decode-work'

/**
 * How fast this machine decodes, so that tables from different machines can be compared: the
 * CPU seconds native libopus (FFmpeg's, one thread) takes to decode `file`, best of `runs`. The
 * app's decode is bound by the same work: where this is slower, so are its cold figures.
 */
export function libopusSeconds(file: string, runs = 2): number | undefined {
  const decode = ['-v', 'error', '-threads', '1', '-c:a', 'libopus', '-i', file, '-f', 'null', '-']
  let best: number | undefined
  for (let i = 0; i < runs; i++) {
    const before = childCpuSeconds()
    const run = spawnSync('ffmpeg', decode, { stdio: 'ignore' })
    if (run.status !== 0) return undefined
    const seconds = childCpuSeconds() - before
    best = best === undefined ? seconds : Math.min(best, seconds)
  }
  return best === undefined ? undefined : Math.round(best * 10) / 10
}

/** CPU time of this process's waited-for children, from /proc (cutime + cstime, in ticks). */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond()
}

let ticks: number | undefined
function ticksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  return ticks
}

/**
 * What the benchmark records of the machine it ran on. Native libopus alone proved a poor guide
 * to the browser's decode: stop 34's machine took 11.1 s for it and this WASM work 13.4 s; stop
 * 35's took 9.8 s and 6.6 s. So the workers' own stages, timed in Node on `opusSample` (the
 * 5 min Opus), are recorded beside it: their CPU seconds per hour of stereo Opus.
 */
export async function machine(
  opusHour: string | undefined,
  opusSample: string | undefined,
  browser: string,
) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    browser,
    // Without the hour of Opus (a run of other cases), nothing to time.
    libopusSecondsPerOpusHour:
      opusHour && existsSync(opusHour) ? libopusSeconds(opusHour) : undefined,
    workerCpuSecondsPerOpusHour:
      opusSample && existsSync(opusSample)
        ? await workerStagesPerHour(new Uint8Array(readFileSync(opusSample)))
        : undefined,
  }
}
