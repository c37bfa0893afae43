import { useEffect, useRef, useState } from 'react'
import { RECORDING_EXTENSIONS } from '../../domain/audio/recording-sniff'
import { openFiles } from './open-inputs'

/** What the picker offers: every recording Turnline opens (an Egress MP4 is `video/mp4`) and JSON. */
const ACCEPTED = ['audio/*', ...RECORDING_EXTENSIONS, 'json', 'ndjson', 'jsonl']
  .map((kind) => (kind.includes('/') ? kind : `.${kind}`))
  .join(',')

/** Picker plus a whole-window drop target; which file is which is detected from the content. */
export function OpenFiles() {
  const inputRef = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const [busy, setBusy] = useState(false)

  const open = async (files: File[]) => {
    if (files.length === 0) return
    setBusy(true)
    try {
      await openFiles(files)
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return
      depth++
      setDragging(true)
    }
    const leave = () => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const over = (e: DragEvent) => e.preventDefault()
    const drop = (e: DragEvent) => {
      e.preventDefault()
      depth = 0
      setDragging(false)
      void open(Array.from(e.dataTransfer?.files ?? []))
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])

  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()} disabled={busy}>
        {busy ? 'Opening…' : 'Open files…'}
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        accept={ACCEPTED}
        onChange={(e) => {
          void open(Array.from(e.target.files ?? []))
          e.target.value = ''
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop the recording, the history or session report, and optionally word timings, Egress
          info or an exported alignment
        </div>
      )}
    </>
  )
}
