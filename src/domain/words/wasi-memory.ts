import { withRoom } from '../with-room'

/**
 * The few WASI preview1 calls a command-line WASM program needs to run in a worker with no file
 * system: its arguments, a clock, stdout captured as text, and files written into memory under
 * one preopened directory.
 */
const SUCCESS = 0
const BAD_FD = 8
const STDOUT = 1
const STDERR = 2
const PREOPEN_FD = 3
const FILETYPE_CHARACTER_DEVICE = 2
const FILETYPE_DIRECTORY = 3
const FILETYPE_REGULAR_FILE = 4
const ALL_RIGHTS = 0xffff_ffff_ffff_ffffn

/** Thrown by `proc_exit` to unwind the program; `run` turns it into the exit code. */
export class ProgramExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`)
  }
}

interface OpenFile {
  path: string
  bytes: Uint8Array
  length: number
  position: number
}

export class MemoryWasi {
  stdout = ''
  /** Files the program wrote, by path inside the preopened directory. */
  readonly files = new Map<string, Uint8Array>()
  private memory: WebAssembly.Memory | undefined
  private readonly open = new Map<number, OpenFile>()
  private nextFd = PREOPEN_FD + 1
  private readonly decoder = new TextDecoder()
  private readonly encoder = new TextEncoder()

  constructor(
    private readonly args: readonly string[],
    private readonly preopenName = '/out',
  ) {}

  /** Runs the program's `_start`; returns its exit code. */
  run(instance: WebAssembly.Instance): number {
    const { memory, _start: start } = instance.exports as {
      memory: WebAssembly.Memory
      _start: () => void
    }
    this.memory = memory
    try {
      start()
      return 0
    } catch (error) {
      if (error instanceof ProgramExit) return error.code
      throw error
    } finally {
      for (const fd of [...this.open.keys()]) this.close(fd)
    }
  }

  imports(): WebAssembly.Imports {
    const view = () => new DataView(this.bytes().buffer)
    const args = this.args.map((a) => this.encoder.encode(`${a}\0`))
    return {
      wasi_snapshot_preview1: {
        args_sizes_get: (countPtr: number, sizePtr: number) => {
          view().setUint32(countPtr, args.length, true)
          view().setUint32(
            sizePtr,
            args.reduce((n, a) => n + a.length, 0),
            true,
          )
          return SUCCESS
        },
        args_get: (argvPtr: number, bufferPtr: number) => {
          let at = bufferPtr
          args.forEach((arg, i) => {
            view().setUint32(argvPtr + 4 * i, at, true)
            this.bytes().set(arg, at)
            at += arg.length
          })
          return SUCCESS
        },
        clock_time_get: (_id: number, _precision: bigint, timePtr: number) => {
          view().setBigUint64(timePtr, BigInt(Date.now()) * 1_000_000n, true)
          return SUCCESS
        },
        fd_close: (fd: number) => (this.close(fd) ? SUCCESS : BAD_FD),
        fd_fdstat_get: (fd: number, statPtr: number) => {
          const type =
            fd <= STDERR
              ? FILETYPE_CHARACTER_DEVICE
              : fd === PREOPEN_FD
                ? FILETYPE_DIRECTORY
                : this.open.has(fd)
                  ? FILETYPE_REGULAR_FILE
                  : undefined
          if (type === undefined) return BAD_FD
          const v = view()
          v.setUint8(statPtr, type)
          v.setUint16(statPtr + 2, 0, true)
          v.setBigUint64(statPtr + 8, ALL_RIGHTS, true)
          v.setBigUint64(statPtr + 16, ALL_RIGHTS, true)
          return SUCCESS
        },
        fd_fdstat_set_flags: () => SUCCESS,
        fd_prestat_get: (fd: number, prestatPtr: number) => {
          if (fd !== PREOPEN_FD) return BAD_FD
          view().setUint8(prestatPtr, 0)
          view().setUint32(prestatPtr + 4, this.encoder.encode(this.preopenName).length, true)
          return SUCCESS
        },
        fd_prestat_dir_name: (fd: number, pathPtr: number, pathLength: number) => {
          if (fd !== PREOPEN_FD) return BAD_FD
          this.bytes().set(this.encoder.encode(this.preopenName).subarray(0, pathLength), pathPtr)
          return SUCCESS
        },
        fd_read: (_fd: number, _iovs: number, _count: number, readPtr: number) => {
          view().setUint32(readPtr, 0, true)
          return SUCCESS
        },
        fd_seek: (fd: number, offset: bigint, whence: number, newOffsetPtr: number) => {
          const file = this.open.get(fd)
          if (!file) return BAD_FD
          const base = whence === 0 ? 0 : whence === 1 ? file.position : file.length
          file.position = Math.max(0, base + Number(offset))
          view().setBigUint64(newOffsetPtr, BigInt(file.position), true)
          return SUCCESS
        },
        fd_write: (fd: number, iovsPtr: number, count: number, writtenPtr: number) => {
          const v = view()
          let written = 0
          for (let i = 0; i < count; i++) {
            const ptr = v.getUint32(iovsPtr + 8 * i, true)
            const length = v.getUint32(iovsPtr + 8 * i + 4, true)
            const chunk = this.bytes().slice(ptr, ptr + length)
            if (!this.write(fd, chunk)) return BAD_FD
            written += length
          }
          view().setUint32(writtenPtr, written, true)
          return SUCCESS
        },
        path_open: (
          dirFd: number,
          _dirFlags: number,
          pathPtr: number,
          pathLength: number,
          _openFlags: number,
          _rightsBase: bigint,
          _rightsInheriting: bigint,
          _fdFlags: number,
          fdPtr: number,
        ) => {
          if (dirFd !== PREOPEN_FD) return BAD_FD
          const path = this.decoder.decode(this.bytes().slice(pathPtr, pathPtr + pathLength))
          const fd = this.nextFd++
          this.open.set(fd, { path, bytes: new Uint8Array(1 << 16), length: 0, position: 0 })
          view().setUint32(fdPtr, fd, true)
          return SUCCESS
        },
        proc_exit: (code: number) => {
          throw new ProgramExit(code)
        },
      },
    }
  }

  private bytes(): Uint8Array {
    if (!this.memory) throw new Error('WASI call before the program started')
    return new Uint8Array(this.memory.buffer)
  }

  private write(fd: number, chunk: Uint8Array): boolean {
    if (fd === STDOUT) {
      this.stdout += this.decoder.decode(chunk)
      return true
    }
    if (fd === STDERR) return true
    const file = this.open.get(fd)
    if (!file) return false
    const end = file.position + chunk.length
    file.bytes = withRoom(file.bytes, end, file.length)
    file.bytes.set(chunk, file.position)
    file.position = end
    file.length = Math.max(file.length, end)
    return true
  }

  private close(fd: number): boolean {
    const file = this.open.get(fd)
    if (!file) return fd <= PREOPEN_FD
    this.files.set(file.path, file.bytes.slice(0, file.length))
    this.open.delete(fd)
    return true
  }
}
