"""Synthesise sentences with the system espeak-ng and record its own word events as truth.

Usage: python3 espeak_words.py OUT_DIR VOICE RATE PITCH < sentences.txt
Writes OUT_DIR/NNN.wav (16-bit mono at espeak's rate) and OUT_DIR/NNN.json
({"text", "rate", "words": [[word, start_s, byte_offset], ...]}). Dev-time measurement only: espeak-ng is GPL
and is never part of the app.
"""

import ctypes
import json
import sys
import wave

WORD_EVENT, LIST_END = 1, 0
SYNCHRONOUS_OUTPUT, UTF8_TEXT, CHARACTER_POSITIONS = 2, 1, 1
RATE_PARAMETER, PITCH_PARAMETER = 1, 3


class Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_void_p),
    ]


Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(Event))


def main() -> None:
    out_dir, voice, rate, pitch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    lib = ctypes.CDLL("libespeak-ng.so.1")
    sample_rate = lib.espeak_Initialize(SYNCHRONOUS_OUTPUT, 0, None, 0)
    pcm: list[bytes] = []
    events: list[tuple[int, int, int]] = []

    @Callback
    def collect(samples, count, event_list):  # type: ignore[no-untyped-def]
        if samples and count > 0:
            pcm.append(ctypes.string_at(samples, count * 2))
        i = 0
        while event_list[i].type != LIST_END:
            e = event_list[i]
            if e.type == WORD_EVENT:
                events.append((e.text_position, e.length, e.audio_position))
            i += 1
        return 0

    lib.espeak_SetSynthCallback(collect)
    lib.espeak_SetVoiceByName(voice.encode())
    lib.espeak_SetParameter(RATE_PARAMETER, rate, 0)
    lib.espeak_SetParameter(PITCH_PARAMETER, pitch, 0)
    for index, line in enumerate(l.strip() for l in sys.stdin if l.strip()):
        pcm.clear()
        events.clear()
        text = line.encode()
        lib.espeak_Synth(text, len(text) + 1, 0, CHARACTER_POSITIONS, 0, UTF8_TEXT, None, None)
        words = [
            [text[pos - 1 : pos - 1 + length].decode(errors="replace"), audio_ms / 1000, pos - 1]
            for pos, length, audio_ms in events
        ]
        name = f"{out_dir}/{index:03d}"
        with wave.open(name + ".wav", "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(sample_rate)
            w.writeframes(b"".join(pcm))
        with open(name + ".json", "w") as f:
            json.dump({"text": line, "rate": sample_rate, "words": words}, f)


main()
