"""Capture the word timings livekit-agents (>= 1.5) computes but does not save, as the
``lk-replay.timed-transcript`` file Turnline reads. Recipe and usage: docs/capture.md.

``TimedTranscriptRecorder`` is plain Python (events in, JSON out) and needs no SDK;
``TurnlineCapture`` wires it to an ``AgentSession`` and imports ``livekit.agents`` lazily.

Linking rule: segments wait in a per-role queue until the SDK adds that role's next chat item
(``conversation_item_added``); they then take its id. A reply interrupted before anything played
adds no item, so a new reply starting behind an interrupted one releases the queue unlinked.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from typing import Any

_WORD_NUMBERS = ("start_time", "end_time", "confidence", "start_time_offset")


def _seconds(value: Any) -> float | None:
    """A finite number, else None (the SDK's NOT_GIVEN and None both mean absent)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _word(word: Any) -> dict[str, Any]:
    """A TimedString (a str subclass with optional attributes) as a protocol-named dict."""
    out: dict[str, Any] = {"text": str(word)}
    for key in _WORD_NUMBERS:
        value = _seconds(getattr(word, key, None))
        if value is not None:
            out[key] = value
    speaker = getattr(word, "speaker_id", None)
    if isinstance(speaker, str):
        out["speaker_id"] = speaker
    return out


class TimedTranscriptRecorder:
    def __init__(self, sdk_version: str | None = None) -> None:
        self.sdk_version = sdk_version
        self._segments: list[dict[str, Any]] = []
        self._unlinked: dict[str, list[dict[str, Any]]] = {"assistant": [], "user": []}
        self._awaiting_start: list[dict[str, Any]] = []
        self._awaiting_finish: list[dict[str, Any]] = []

    def start_speech_segment(self, speech_id: str | None = None) -> dict[str, Any]:
        """The transcription node began one TTS segment of a reply; its words follow."""
        pending = self._unlinked["assistant"]
        if any(s["interrupted"] and s["played_duration"] is not None for s in pending):
            pending.clear()
        segment = self._new_segment("assistant", "segment_audio")
        segment["speech_id"] = speech_id
        self._awaiting_start.append(segment)
        self._awaiting_finish.append(segment)
        return segment

    def add_speech_word(self, segment: dict[str, Any], word: Any) -> None:
        captured = _word(word)
        if "start_time" not in captured and "end_time" not in captured:
            return
        segment["words"].append(captured)
        sentences = all("end_time" not in w for w in segment["words"])
        segment["source"] = "tts_sentence" if sentences else "tts_aligned"
        segment["granularity"] = "sentence" if sentences else "word"

    def playback_started(self, created_at: float) -> None:
        """Epoch seconds of the first played frame of the oldest open segment."""
        if self._awaiting_start:
            segment = self._awaiting_start.pop(0)
            segment["anchor_unix"] = created_at
            segment["anchor_source"] = "playback_started"

    def playback_finished(self, playback_position: float, interrupted: bool) -> None:
        """Seconds played (pauses excluded) of the oldest unfinished segment."""
        if not self._awaiting_finish:
            return
        segment = self._awaiting_finish.pop(0)
        if segment in self._awaiting_start:
            self._awaiting_start.remove(segment)
        segment["played_duration"] = playback_position
        segment["interrupted"] = interrupted

    def add_transcribed_words(self, words: Iterable[Any], first_audio_at: float | None) -> None:
        """A final STT transcript; first_audio_at is epoch seconds of the stream's first frame."""
        captured = [w for w in map(_word, words) if "start_time" in w]
        if not captured:
            return
        segment = self._new_segment("user", "stt_stream")
        segment["first_audio_at"] = first_audio_at
        segment["words"] = captured

    def message_added(self, role: str, message_id: str) -> None:
        """conversation_item_added: the waiting segments of this role belong to the new message."""
        pending = self._unlinked.get(role)
        if pending is None:
            return
        for index, segment in enumerate(pending):
            segment["message_id"] = message_id
            segment["segment_index"] = index
        pending.clear()

    def to_json(
        self, job_id: str | None = None, room_id: str | None = None, room: str | None = None
    ) -> dict[str, Any]:
        return {
            "schema": "lk-replay.timed-transcript",
            "schema_version": 1,
            "sdk": "python",
            "sdk_version": self.sdk_version,
            "job_id": job_id,
            "room_id": room_id,
            "room": room,
            "segments": [s for s in self._segments if s["words"]],
        }

    def _new_segment(self, role: str, time_base: str) -> dict[str, Any]:
        segment: dict[str, Any] = {
            "role": role,
            "source": "stt" if role == "user" else "tts_aligned",
            "granularity": "word",
            "speech_id": None,
            "message_id": None,
            "segment_index": 0,
            "time_base": time_base,
            "anchor_unix": None,
            "anchor_source": None,
            "first_audio_at": None,
            "played_duration": None,
            "interrupted": False,
            "words": [],
        }
        self._segments.append(segment)
        self._unlinked[role].append(segment)
        return segment


class TurnlineCapture:
    """Feeds a TimedTranscriptRecorder from an AgentSession and an Agent's nodes."""

    def __init__(self) -> None:
        from livekit.agents import __version__

        self.recorder = TimedTranscriptRecorder(__version__)
        self._first_audio_at: float | None = None

    def attach(self, session: Any) -> None:
        """Call after ``await session.start(...)``, when the session's audio output exists."""

        def on_item(ev: Any) -> None:
            if getattr(ev.item, "type", None) == "message":
                self.recorder.message_added(ev.item.role, ev.item.id)

        session.on("conversation_item_added", on_item)
        audio = session.output.audio
        if audio is not None:
            audio.on("playback_started", lambda ev: self.recorder.playback_started(ev.created_at))
            audio.on(
                "playback_finished",
                lambda ev: self.recorder.playback_finished(ev.playback_position, ev.interrupted),
            )

    async def transcription_node(
        self, agent: Any, text: AsyncIterable[Any], model_settings: Any
    ) -> AsyncIterator[Any]:
        """Use as ``Agent.transcription_node``: the default node, with its words recorded."""
        from livekit.agents import Agent

        speech = agent.session.current_speech
        segment = self.recorder.start_speech_segment(speech.id if speech else None)

        async def tapped() -> AsyncIterator[Any]:
            async for chunk in text:
                if hasattr(chunk, "start_time"):
                    self.recorder.add_speech_word(segment, chunk)
                yield chunk

        async for chunk in Agent.default.transcription_node(agent, tapped(), model_settings):
            yield chunk

    async def stt_node(
        self, agent: Any, audio: AsyncIterable[Any], model_settings: Any
    ) -> AsyncIterator[Any]:
        """Use as ``Agent.stt_node``: the default node, with final transcripts' words recorded."""
        from livekit.agents import Agent, stt

        async def tapped() -> AsyncIterator[Any]:
            self._first_audio_at = None
            async for frame in audio:
                if self._first_audio_at is None:
                    self._first_audio_at = time.time()
                yield frame

        async for ev in Agent.default.stt_node(agent, tapped(), model_settings):
            if getattr(ev, "type", None) == stt.SpeechEventType.FINAL_TRANSCRIPT and ev.alternatives:
                words = ev.alternatives[0].words
                if words:
                    self.recorder.add_transcribed_words(words, self._first_audio_at)
            yield ev

    def write(self, path: str, **meta: str | None) -> None:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.recorder.to_json(**meta), f, indent=1)
