import { findingSpan } from '../../domain/review/findings'
import { findingsToCsv } from '../../domain/review/findings-csv'
import { useCallStore } from '../../store/call-store'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { useFindingsStore } from '../../store/findings-store'
import { baseName, downloadText } from '../export/download'
import { player } from '../player/player'
import { goToItem, reviewFacts } from './review-facts'

export function goToFinding(id: string) {
  const view = currentCorrectedView()
  const finding = useFindingsStore.getState().findings.find((f) => f.id === id)
  if (!view || !finding) return
  if (finding.itemId && reviewFacts(view).itemsById.has(finding.itemId)) goToItem(finding.itemId)
  else player.seek(findingSpan(finding, reviewFacts(view).itemsById).start)
}

export function exportFindingsCsv() {
  const view = currentCorrectedView()
  if (!view) return
  const name = baseName(useCallStore.getState().inputs.audio?.name ?? 'call')
  const csv = findingsToCsv(useFindingsStore.getState().findings, reviewFacts(view).itemsById)
  downloadText(`${name}.findings.csv`, csv, 'text/csv')
}
