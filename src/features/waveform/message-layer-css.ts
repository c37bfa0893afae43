/** The message layer's colours, shared by its divs and the canvas that paints dense windows. */
export const LAYER_COLORS = {
  user: { fill: 'rgba(56, 189, 248, 0.16)', edge: 'rgba(56, 189, 248, 0.55)' },
  agent: { fill: 'rgba(167, 139, 250, 0.16)', edge: 'rgba(167, 139, 250, 0.55)' },
  interrupted: '#f97316',
  toolCall: '#f59e0b',
  toolResult: '#10b981',
  otherMarker: '#94a3b8',
}
const C = LAYER_COLORS

/** Styles injected into wavesurfer's shadow root for the message layer and the ruler. */
export const LAYER_CSS = `
.tl-ruler {
  position: relative; height: 18px; overflow: hidden; white-space: nowrap; pointer-events: none;
  font-size: 11px; color: #a8b3c4;
}
.tl-notch {
  position: absolute; bottom: 0; height: 50%; border-left: 1px solid currentColor; opacity: 0.25;
}
.tl-notch-primary { height: 100%; opacity: 1; text-indent: 3px; line-height: 18px; }
.tl-layer { position: absolute; top: 0; left: 0; right: 0; z-index: 4; pointer-events: none; }
.tl-painted { position: absolute; top: 0; height: 100%; pointer-events: none; }
.tl-region {
  position: absolute; height: 50%; box-sizing: border-box; pointer-events: auto; cursor: grab;
  border-radius: 3px; border: 1px solid transparent; touch-action: none;
}
.tl-user { background: ${C.user.fill}; border-color: ${C.user.edge}; }
.tl-agent { background: ${C.agent.fill}; border-color: ${C.agent.edge}; }
.tl-region[data-interrupted] { border-right: 3px solid ${C.interrupted}; }
.tl-region[data-active] { background-color: rgba(250, 204, 21, 0.22); border-color: #eab308; }
.tl-region[data-selected] { outline: 2px solid #f8fafc; outline-offset: -2px; }
.tl-region[data-dragging] { cursor: grabbing; opacity: 0.85; outline: 2px dashed #facc15; }
.tl-overlap {
  position: absolute; top: calc(50% - 4px); height: 8px; z-index: 1; pointer-events: auto;
  background: repeating-linear-gradient(135deg, #ef4444 0 4px, rgba(239, 68, 68, 0.35) 4px 8px);
  border-radius: 2px;
}
.tl-vad {
  position: absolute; height: 10%; pointer-events: auto; border-radius: 2px;
  background: rgba(56, 189, 248, 0.55); outline: 1px dashed #38bdf8;
}
.tl-marker {
  position: absolute; top: 0; bottom: 0; width: 9px; margin-left: -4px; pointer-events: auto;
  cursor: pointer; background: linear-gradient(${C.toolCall}, ${C.toolCall}) center / 2px 100% no-repeat;
}
.tl-marker-function_call_output { background-image: linear-gradient(${C.toolResult}, ${C.toolResult}); }
.tl-marker-agent_handoff, .tl-marker-agent_config_update, .tl-marker-message {
  background-image: linear-gradient(${C.otherMarker}, ${C.otherMarker});
}
.tl-marker::before {
  content: ''; position: absolute; top: 0; left: 0; width: 9px; height: 9px; border-radius: 50%;
  background: inherit; background-color: ${C.toolCall};
}
.tl-marker-function_call_output::before { background-color: ${C.toolResult}; }
.tl-marker-agent_handoff::before, .tl-marker-agent_config_update::before, .tl-marker-message::before {
  background-color: ${C.otherMarker};
}
.tl-marker[data-selected] { outline: 2px solid #f8fafc; }
.tl-region:focus-visible, .tl-marker:focus-visible { outline: 3px solid #facc15; outline-offset: 1px; }
.tl-drag-label {
  position: absolute; z-index: 6; transform: translate(-50%, -110%); margin-top: 22px;
  padding: 2px 6px; border-radius: 4px; background: #0f172a; color: #f8fafc; font: 12px system-ui;
  white-space: nowrap; pointer-events: none; border: 1px solid #facc15;
}
`
